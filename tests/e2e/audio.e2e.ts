/**
 * Sound blocked: Chromium's autoplay policy keeps audio off until a gesture, and this browser
 * keeps refusing even then (its AudioContext never runs). The game must play on with
 * captions, show the small muted icon, and log no errors.
 */
import { describe, expect, test } from 'vitest';
import conversationText from '../../src/i18n/locales/en/conversation.ts';
import { expectAccessible, useBrowser } from './harness/browser.ts';
import { debriefText, playToDebrief, startConversation } from './harness/flows.ts';
import { scenarioById } from './harness/scenarios.ts';

const browser = useBrowser(['--autoplay-policy=user-gesture-required']);

/**
 * Runs in the page first: every AudioContext is suspended at birth and stays so, whatever the
 * game or Howler does (a browser that blocks sound even after a gesture).
 */
function refuseAudio(): void {
  const Native = window.AudioContext;
  if (!Native) return;
  class BlockedAudioContext extends Native {
    constructor(options?: AudioContextOptions) {
      super(options);
      void super.suspend();
    }

    override get state(): AudioContextState {
      return 'suspended';
    }

    override resume(): Promise<void> {
      return Promise.resolve();
    }
  }
  window.AudioContext = BlockedAudioContext;
}

describe('Sound blocked by the browser', () => {
  test('the conversation plays to the debrief with captions and the muted icon', async () => {
    const playable = scenarioById('outage-working-from-home');
    const { page } = await browser.open({ clock: true, initScript: refuseAudio });
    await startConversation(page, playable, 'keyboard');
    const audioState = page.getByTestId('audio-state');
    await audioState.waitFor({ state: 'visible' });
    expect(await audioState.locator('svg').count(), 'muted icon').toBeGreaterThan(0);
    expect([conversationText.audioLocked, conversationText.audioUnavailable]).toContain((await audioState.innerText()).trim());
    // After a key press the browser has had its chance: "sound starts after your first key press"
    // would now be untrue, so the icon says there is no sound (issue 12).
    await page.keyboard.press('Shift');
    await page.clock.runFor(1500);
    await page.waitForFunction((text) => document.querySelector('[data-testid="audio-state"]')?.textContent?.trim() === text, conversationText.audioUnavailable);
    await expectAccessible(page, 'Conversation (sound blocked)');
    const played = await playToDebrief(page, playable.scenario, 'keyboard', { prefer: 'good' });
    expect(played.decisions.length).toBeGreaterThan(0);
    expect(await debriefText(page)).toContain('How it went');
  });
});
