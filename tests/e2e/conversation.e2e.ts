/**
 * Whole conversations, title to debrief: by keyboard only, by mouse (and the result survives a
 * reload), interrupting, staying silent, and failing on purpose. The keyboard run checks every
 * screen it passes with axe and photographs it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import debrief from '../../src/i18n/locales/en/debrief.ts';
import select from '../../src/i18n/locales/en/select.ts';
import { expectAccessible, holdTime, saveScreens, useBrowser } from './harness/browser.ts';
import { debriefText, playToDebrief, press, startConversation, waitForScene, type InputMode, type Policy } from './harness/flows.ts';
import { isAutoFailTag } from '../../src/scenario/vocabulary.ts';
import { playableScenarios, scenarioById, type Playable } from './harness/scenarios.ts';

const browser = useBrowser();

/** Plays `playable` from the Title by `policy`; with `shots`, photographs and axe-checks each screen. */
async function playThrough(page: Page, playable: Playable, mode: InputMode, policy: Policy, shots?: string) {
  const onScreen = async (scene: string) => {
    if (shots) await holdTime(page, () => saveScreens(page, `${shots}-${scene.toLowerCase()}`));
    await expectAccessible(page, scene);
  };
  await startConversation(page, playable, mode, shots ? onScreen : undefined);
  const played = await playToDebrief(page, playable.scenario, mode, policy, shots ? () => onScreen('Conversation') : undefined);
  return { played, text: await debriefText(page) };
}

describe('A whole conversation to the debrief', () => {
  test('keyboard only: every screen reachable, replies by number keys, accessible throughout', async () => {
    const playable = scenarioById('late-birthday-parcel');
    const { page } = await browser.open({ clock: true });
    await waitForScene(page, 'Title');
    const { played, text } = await playThrough(page, playable, 'keyboard', { prefer: 'good' }, 'keyboard');
    expect(played.decisions.length).toBeGreaterThan(0);
    expect(played.decisions.some((d) => d.interrupted)).toBe(false);
    expect(text).toContain(debrief.heading);
    expect(text).toContain(debrief.interruptions.zero);
    expect(text).toContain(debrief.selfHeading);
    await saveScreens(page, 'keyboard-debrief');
    await expectAccessible(page, 'Debrief');
  });

  test('mouse only, and the result is still listed after a reload', async () => {
    const playable = scenarioById('kettle-returned-twice');
    const { page } = await browser.open({ clock: true });
    const { played, text } = await playThrough(page, playable, 'mouse', { prefer: 'good' });
    expect(played.decisions.length).toBeGreaterThan(0);
    expect(text).toContain(debrief.overall);

    await page.reload();
    await waitForScene(page, 'Title');
    await press(page, page.getByTestId('play'), 'mouse');
    await waitForScene(page, 'ScenarioSelect');
    const card = page.locator(`button.cd-card[data-file="${playable.file}"]`);
    await card.waitFor();
    // What a screen reader announces for the card: its name and its description.
    const cardText = await card.evaluate((button) => {
      const description = (button.getAttribute('aria-describedby') ?? '').split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '');
      return [button.textContent, ...description].join(' ');
    });
    expect(cardText).toContain(select.attempts.one.replace('{count}', '1'));
    expect(cardText).toMatch(new RegExp(select.bestScore.replace('{score}', '\\d+')));
  });

  test('interrupting the customer is allowed, and the debrief explains it', async () => {
    const playable = scenarioById('restaurant-complaint');
    const { page } = await browser.open({ clock: true });
    const { played, text } = await playThrough(page, playable, 'keyboard', { prefer: 'good', interruptOnce: true });
    expect(played.decisions.filter((d) => d.interrupted)).toHaveLength(1);
    expect(text).toContain(debrief.interruptions.one);
    expect(text).toContain(debrief.added_interrupted.replace('{name}', playable.scenario.customer.name));
  });

  test('staying silent lets the silence rule play out, and the debrief counts it', async () => {
    const playable = scenarioById('double-charge');
    const { page } = await browser.open({ clock: true });
    const { played, text } = await playThrough(page, playable, 'keyboard', { prefer: 'good', silentOnce: true });
    expect(played.silences).toHaveLength(1);
    const name = playable.scenario.customer.name;
    const node = playable.scenario.nodes[played.silences[0] as string];
    if (node?.venting && !node.silence) {
      // A patient silence through venting is never "left waiting".
      expect(text).toContain(debrief.patientSilence.replace('{name}', name));
    } else {
      expect(text).toMatch(new RegExp(escapeRegExp(debrief.youWereSilent).replace(escapeRegExp('{seconds}'), '\\d+').replace(escapeRegExp('{name}'), escapeRegExp(name))));
      expect(text).toContain(debrief.leftWaiting.one.replace('{name}', name));
    }
  });

  test('a tyrannical or insulting reply fails the contact automatically', async () => {
    // A scenario whose first decision offers a failing reply (the library decides which one that is).
    const playable =
      playableScenarios().find(({ scenario }) => scenario.language === 'en' && scenario.nodes[scenario.start]?.replies.some((r) => !r.when && r.tags.some(isAutoFailTag))) ??
      scenarioById('provoking-caller');
    const { page } = await browser.open({ clock: true });
    const { played, text } = await playThrough(page, playable, 'keyboard', { prefer: 'autoFail' });
    expect(played.decisions.some((d) => d.tags.includes('tyranny') || d.tags.includes('insult'))).toBe(true);
    expect(text).toContain(debrief.autoFailHeading);
    expect(text).toContain(debrief.overallValue.replace('{score}', '0'));
    await saveScreens(page, 'autofail-debrief');
    await expectAccessible(page, 'Debrief (auto-fail)');
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
