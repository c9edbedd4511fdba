/**
 * Real-time patience in the browser, on a small test scenario (tests/fixtures/e2e) built into a
 * test-only game: an interruption that branches to its own node, with stage directions in the
 * captions and the debrief; and, on a node written without early replies or a silence rule,
 * an interruption (the customer picks up again), the default silence prompt and a late reply,
 * each with its debrief wording (Finnish interface). Time is held and moved by the test, so a
 * wait is exactly as long as the test says.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultInterruptedLine, defaultSilencePrompt } from '../../src/scenario/defaults.ts';
import { loadScenario } from '../../src/scenario/index.ts';
import type { Scenario } from '../../src/scenario/model.ts';
import briefingEn from '../../src/i18n/locales/en/briefing.ts';
import conversationEn from '../../src/i18n/locales/en/conversation.ts';
import selectEn from '../../src/i18n/locales/en/select.ts';
import debriefEn from '../../src/i18n/locales/en/debrief.ts';
import debriefFi from '../../src/i18n/locales/fi/debrief.ts';
import { expectAccessible, holdTime, saveScreens, useBrowser } from './harness/browser.ts';
import { serveFixtureGame } from './harness/fixtureBuild.ts';
import { debriefText, startConversation, waitForScene } from './harness/flows.ts';
import type { StaticServer } from './harness/static-server.ts';

const FIXTURES = 'tests/fixtures/e2e';
const FILE = `${FIXTURES}/parcel-pickup.en.yaml`;

function fixture(): { file: string; scenario: Scenario } {
  const { scenario, diagnostics } = loadScenario(readFileSync(FILE, 'utf8'), FILE);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!scenario || errors.length > 0) throw new Error(`${FILE} does not load: ${errors.map((d) => d.message).join('; ')}`);
  return { file: FILE, scenario };
}

const browser = useBrowser();
let game: StaticServer;

beforeAll(async () => {
  game = await serveFixtureGame(FIXTURES);
}, 120_000);

afterAll(async () => {
  await game?.close();
});

interface Screen {
  scene: string | null;
  replies: string[];
  interrupts: boolean;
  shown: boolean;
  captions: string;
  directions: string[];
}

async function read(page: Page): Promise<Screen> {
  return page.evaluate(() => {
    const screens = [...document.querySelectorAll<HTMLElement>('#cd-overlay section.cd-screen[data-scene]')];
    const screen = screens.at(-1);
    const box = screen?.querySelector<HTMLElement>('.cd-conv-replies');
    const buttons = [...(screen?.querySelectorAll<HTMLButtonElement>('button.cd-conv-reply') ?? [])];
    const captions = screen?.querySelector<HTMLElement>('[data-testid="captions"]');
    return {
      scene: screen?.dataset.scene ?? null,
      replies: buttons.map((b) => b.dataset.reply ?? ''),
      interrupts: buttons.some((b) => b.dataset.interrupts === 'true'),
      shown: box ? !box.hidden && box.closest('[hidden]') === null : false,
      captions: captions?.innerText ?? '',
      directions: [...(captions?.querySelectorAll<HTMLElement>('[data-testid="stage-direction"]') ?? [])].map((n) => n.innerText),
    };
  });
}

/** Moves the held clock on in `stepMs` steps until `ready` holds (at most `maxMs`). */
async function until(page: Page, what: string, ready: (s: Screen) => boolean, stepMs = 200, maxMs = 40_000): Promise<Screen> {
  for (let spent = 0; spent <= maxMs; spent += stepMs) {
    const screen = await read(page);
    if (ready(screen)) return screen;
    await page.clock.fastForward(stepMs);
  }
  throw new Error(`Waited ${maxMs / 1000} s of game time for: ${what}. Screen: ${JSON.stringify(await read(page))}`);
}

const onNode = (ids: string[]) => (s: Screen) => s.shown && ids.every((id) => s.replies.includes(id));
const talking = (s: Screen) => s.shown && s.interrupts;
const finished = (s: Screen) => s.shown && s.replies.length > 0 && !s.interrupts;

/** Presses reply `id` by its number key and waits until the press shows. */
async function choose(page: Page, id: string): Promise<void> {
  const { replies } = await read(page);
  const number = replies.indexOf(id) + 1;
  if (number < 1) throw new Error(`Reply ${id} is not on screen (${replies.join(', ')})`);
  await page.keyboard.press(String(number));
  const pressed = await page.evaluate((reply) => document.querySelector<HTMLElement>(`button.cd-conv-reply[data-reply="${reply}"]`)?.dataset.chosen !== 'false', id);
  if (!pressed) throw new Error(`Pressing ${number} did not choose ${id}`);
}

describe('interrupting and waiting, on a test scenario', () => {
  test('an interruption that branches to its own node, with stage directions in the captions and the debrief', async () => {
    const playable = fixture();
    const { scenario } = playable;
    const name = scenario.customer.name;
    const { page } = await browser.open({ path: game.url, clock: true });
    await waitForScene(page, 'Title');
    await startConversation(page, playable, 'keyboard', async (scene) => {
      const screen = page.locator(`#cd-overlay section.cd-screen[data-scene="${scene}"]`).last();
      if (scene === 'ScenarioSelect') {
        // The course: step and "recommended next" on the card, the order explained above the list.
        const card = screen.locator('.cd-card-item[data-recommended="true"]');
        expect(await card.innerText()).toContain(selectEn.recommended);
        expect(await card.innerText()).toContain(selectEn.step.replace('{order}', '1'));
        expect(await screen.getByTestId('course').innerText()).toContain(selectEn.recommendedText.replace('{title}', scenario.title));
      }
      if (scene === 'Briefing') {
        // The longer story and the length as a range.
        const text = await screen.innerText();
        expect(text).toContain(briefingEn.background);
        expect(text).toContain(scenario.brief!.background!.slice(0, 40));
        expect(text).toContain('3–5 minutes');
        await holdTime(page, () => saveScreens(page, 'briefing-background'));
      }
    });
    await holdTime(page, async () => {
      // The replies are open from the customer's first words, with a calm "still talking" cue.
      const early = await until(page, 'replies while she talks', (s) => talking(s) && s.directions.length > 0);
      expect(early.replies).toEqual(['hear-her', 'courier']);
      expect(early.directions).toEqual(['(holds up her phone with the tracking page)']);
      const cue = page.locator('.cd-conv-cue');
      expect(await cue.innerText()).toContain(conversationEn.stillTalking.replace('{name}', name));
      expect(await page.locator('#cd-conv-interrupt-note').innerText()).toBe(conversationEn.interruptNote.replace('{name}', name));
      await saveScreens(page, 'interrupt-early-replies');
    });
    // axe needs running timers; she goes on talking meanwhile (her two lines take several seconds).
    await expectAccessible(page, 'Conversation (customer still talking)');
    const text = await holdTime(page, async () => {
      await until(page, 'replies while she still talks', talking);
      // Cutting in: the trainee's words and shrug show as a cut-in, then her reaction and its stage direction.
      await choose(page, 'courier');
      const reaction = await until(page, 'her reaction to the interruption', (s) => s.captions.includes("Hold on. I'm not done."));
      // The speaker label is set in capitals by CSS, which innerText follows.
      expect(reaction.captions.toLowerCase()).toContain(conversationEn.youCutIn.toLowerCase());
      expect(reaction.directions).toEqual(expect.arrayContaining(['(shrugs and turns back to the screen)', '(raises a hand)']));
      await saveScreens(page, 'interrupt-reaction');

      // The interruption's own node: its own replies, after its own line.
      await until(page, 'the cut-in node', onNode(['sorry', 'push']));
      await until(page, 'the cut-in node, finished', (s) => finished(s) && s.replies.includes('sorry'));
      await saveScreens(page, 'interrupt-own-node');
      await choose(page, 'sorry');
      await until(page, 'the lookup node, finished', (s) => finished(s) && s.replies.includes('found'));
      await choose(page, 'found');
      await until(page, 'the debrief', (s) => s.scene === 'Debrief', 200);
      return debriefText(page);
    });
    expect(text).toContain(debriefEn.interruptedNote.replace('{name}', name));
    expect(text).toContain(debriefEn.added_interrupted.replace('{name}', name));
    expect(text).toContain('(shrugs and turns back to the screen)');
    expect(text).toContain('Taking the search on yourself would have told her the parcel is your business while it is in your shop.');
    expect(text).toContain(debriefEn.interruptions.one);
    await page.getByTestId('decision-1').scrollIntoViewIfNeeded();
    await holdTime(page, () => saveScreens(page, 'interrupt-debrief'));
    await expectAccessible(page, 'Debrief (interruption)');
  });

  test('on a node with no early replies or silence rule of its own: interrupting, the silence prompt and a late reply (Finnish interface)', async () => {
    const playable = fixture();
    const { scenario } = playable;
    const name = scenario.customer.name;
    const lookup = scenario.nodes.lookup!;
    const { page } = await browser.open({ path: game.url, clock: true, locale: 'fi-FI' });
    await waitForScene(page, 'Title');
    await startConversation(page, playable, 'keyboard');
    const text = await holdTime(page, async () => {
      await until(page, 'the first node, finished', (s) => finished(s) && s.replies.includes('hear-her'));
      await choose(page, 'hear-her');

      // Interrupting on `lookup`: the default reaction, then she picks up the cut line again.
      await until(page, 'lookup while she talks', (s) => talking(s) && s.replies.includes('found'));
      await choose(page, 'found');
      const reacted = await until(page, 'the default reaction', (s) => s.captions.includes(defaultInterruptedLine('en').text));
      expect(reacted.shown).toBe(false);
      await until(page, 'her picking up again', (s) => talking(s) && s.replies.includes('found'));
      await until(page, 'lookup, finished', (s) => finished(s) && s.replies.includes('found'));
      expect((await read(page)).captions).toContain(lookup.says[1]!.text);

      // Silence: the default rule prompts her like any line, and the replies stay open.
      const prompt = defaultSilencePrompt('en').text;
      await until(page, 'the silence prompt', (s) => s.captions.includes(prompt), 500, 20_000);
      await saveScreens(page, 'silence-prompt');
      await until(page, 'lookup open again after the prompt', (s) => finished(s) && s.replies.includes('found'));

      // A late reply: ten seconds with the replies open (reading them takes far less).
      await page.clock.fastForward(10_000);
      await choose(page, 'found');
      await until(page, 'the debrief', (s) => s.scene === 'Debrief', 200);
      return debriefText(page);
    });
    const fill = (message: string, values: Record<string, string>) =>
      Object.entries(values).reduce((m, [k, v]) => m.replace(`{${k}}`, v), message);
    expect(text).toContain(fill(debriefFi.interruptedNote, {}));
    expect(text).toContain(fill(debriefFi.added_interrupted, { name }));
    expect(text).toMatch(pattern(fill(debriefFi.youWereSilent, { name }), ['seconds']));
    expect(text).toMatch(pattern(fill(debriefFi.waitedNote, { name }), ['seconds', 'allowance']));
    expect(text).toContain(fill(debriefFi.leftWaiting.other, { name, count: '2' }));
    // The waits are on the mood plot too (drawn once its code has loaded).
    await page.locator('.cd-debrief-plot-wait').first().waitFor();
    expect(await page.locator('.cd-debrief-plot-wait-label').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(pattern(debriefFi.moodWait_wait, ['seconds']))]),
    );
    await holdTime(page, () => saveScreens(page, 'wait-debrief-fi'));
    await page.locator('.cd-debrief-plot').scrollIntoViewIfNeeded();
    await holdTime(page, () => saveScreens(page, 'wait-debrief-fi-plot'));
    await page.getByTestId('decision-3').scrollIntoViewIfNeeded();
    await holdTime(page, () => saveScreens(page, 'wait-debrief-fi-decisions'));
    await expectAccessible(page, 'Debrief (waits, Finnish)');
  });
});

/** A message with `{placeholders}` for numbers as a RegExp. */
function pattern(message: string, numbers: string[]): RegExp {
  let source = message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const n of numbers) source = source.replace(`\\{${n}\\}`, '\\d+');
  return new RegExp(source);
}
