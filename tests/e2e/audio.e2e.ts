/**
 * Sound blocked: Chromium's autoplay policy keeps audio off until a gesture, and this browser
 * keeps refusing even then (its AudioContext never resumes). The game must play on with
 * captions, show the small muted icon, and log no errors.
 */
import { describe, expect, test } from 'vitest';
import conversationText from '../../src/i18n/locales/en/conversation.ts';
import { expectAccessible, useBrowser } from './harness/browser.ts';
import { debriefText, playToDebrief, startConversation } from './harness/flows.ts';
import { scenarioById } from './harness/scenarios.ts';

const browser = useBrowser(['--autoplay-policy=user-gesture-required']);

/** Runs in the page first: an AudioContext that stays suspended whatever the game does. */
function refuseAudio(): void {
  const Context = window.AudioContext;
  if (!Context) return;
  Context.prototype.resume = function resume(this: AudioContext) {
    return Promise.resolve();
  };
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
    await expectAccessible(page, 'Conversation (sound blocked)');
    const played = await playToDebrief(page, playable.scenario, 'keyboard', { prefer: 'good' });
    expect(played.decisions.length).toBeGreaterThan(0);
    expect(await debriefText(page)).toContain('How it went');
  });
});
