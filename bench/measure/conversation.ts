/**
 * A conversation at 1920×1080: frame times (requestAnimationFrame deltas) while the customer
 * talks, long tasks after `app-ready`, and how many frames pass between pressing 1–4 and the
 * reply showing as chosen.
 * The counting happens in the page, in `recorder.js`.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { startConversation } from '../../tests/e2e/harness/flows.ts';
import { playableScenarios, type Playable } from '../../tests/e2e/harness/scenarios.ts';
import type { Figure } from '../report.ts';
import { median, percentile, round } from './stats.ts';

const RECORD_MS = 6000;
/** The in-page recorder (plain JavaScript, see its header). */
const RECORDER = fileURLToPath(new URL('./recorder.js', import.meta.url));
const KEYS = [1, 2, 3, 4] as const;

interface Recorder {
  frames: number;
  inFrame: boolean;
  recording: boolean;
  last: number;
  deltas: number[];
  longTasks: { start: number; duration: number }[];
  press: { key: string; frame: number } | null;
  effectFrame: number | null;
}

/** What one conversation measurement found. */
export interface ConversationMeasure {
  scenario: string;
  frameDeltasMs: number[];
  longTasksAfterReady: { start: number; duration: number }[];
  longTasksDuringConversation: { start: number; duration: number }[];
  /** Frames from key press to the chosen reply on screen, per key; null when the key had no reply. */
  keyLatencyFrames: Record<string, number | null>;
  figures(goals: { frameP95Ms: number; longTasks: number; keyFrames: number }): Figure[];
}

/** Plays into a conversation at 1920×1080 and measures frames, long tasks and key latency. */
export async function measureConversation(browser: Browser, url: string): Promise<ConversationMeasure> {
  const playable = scenarioWithFourReplies();
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-US' });
  try {
    const page = await context.newPage();
    await page.addInitScript({ path: RECORDER });
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('app-ready', 'mark').length > 0, undefined, { timeout: 60_000 });
    const readyAt = await page.evaluate(() => performance.getEntriesByName('app-ready', 'mark')[0]?.startTime ?? 0);
    await startConversation(page, playable, 'keyboard');
    const conversationAt = await page.evaluate(() => performance.now());
    const frameDeltasMs = await recordFrames(page);
    const keyLatencyFrames: Record<string, number | null> = {};
    for (const key of KEYS) keyLatencyFrames[key] = await keyLatency(page, key);
    const longTasks = await page.evaluate(() => (window as unknown as { __bench: Recorder }).__bench.longTasks);
    const longTasksAfterReady = longTasks.filter((task) => task.start >= readyAt);
    const longTasksDuringConversation = longTasks.filter((task) => task.start >= conversationAt);
    return {
      scenario: playable.file,
      frameDeltasMs,
      longTasksAfterReady,
      longTasksDuringConversation,
      keyLatencyFrames,
      figures: (goals) => conversationFigures(playable.file, frameDeltasMs, longTasksAfterReady, longTasksDuringConversation, keyLatencyFrames, goals),
    };
  } finally {
    await context.close();
  }
}

/** The English scenario whose first node offers the most replies (four if any does). */
function scenarioWithFourReplies(): Playable {
  const english = playableScenarios().filter(({ scenario }) => scenario.language === 'en');
  const offered = (p: Playable) => p.scenario.nodes[p.scenario.start]?.replies.filter((reply) => !reply.when).length ?? 0;
  const best = [...english].sort((a, b) => offered(b) - offered(a))[0];
  if (!best) throw new Error('no playable English scenario to measure');
  return best;
}

async function recordFrames(page: Page): Promise<number[]> {
  await page.evaluate(() => {
    const bench = (window as unknown as { __bench: Recorder }).__bench;
    bench.deltas = [];
    bench.last = 0;
    bench.recording = true;
  });
  await page.waitForTimeout(RECORD_MS);
  return page.evaluate(() => {
    const bench = (window as unknown as { __bench: Recorder }).__bench;
    bench.recording = false;
    return bench.deltas;
  });
}

/**
 * Starts the conversation afresh (from the pause menu, or "Play again" when the last press
 * ended it), waits until reply `key` is on screen and the customer has finished, presses the key
 * and counts frames until the reply shows as chosen. Null when there is no such reply.
 */
async function keyLatency(page: Page, key: number): Promise<number | null> {
  const playAgain = page.getByTestId('play-again');
  if (await playAgain.isVisible()) await playAgain.click();
  else {
    await page.getByTestId('pause').click();
    await page.getByTestId('restart').click();
  }
  await page.getByTestId('captions').waitFor();
  const reply = page.locator(`[data-testid="reply-${key}"][data-interrupts="false"]`);
  const shown = await reply
    .waitFor({ state: 'visible', timeout: 60_000 })
    .then(() => true)
    .catch(() => false);
  if (!shown) return null;
  await page.keyboard.press(String(key));
  await page.waitForFunction(() => (window as unknown as { __bench: Recorder }).__bench.effectFrame !== null, undefined, { timeout: 5000 });
  return page.evaluate(() => {
    const bench = (window as unknown as { __bench: Recorder }).__bench;
    return (bench.effectFrame as number) - (bench.press?.frame ?? 0);
  });
}

function conversationFigures(
  file: string,
  deltas: number[],
  afterReady: { duration: number }[],
  during: { duration: number }[],
  keys: Record<string, number | null>,
  goals: { frameP95Ms: number; longTasks: number; keyFrames: number },
): Figure[] {
  const measuredKeys = Object.entries(keys).filter((entry): entry is [string, number] => entry[1] !== null);
  const worstKey = measuredKeys.length > 0 ? Math.max(...measuredKeys.map(([, frames]) => frames)) : Number.NaN;
  const longest = (tasks: { duration: number }[]) => (tasks.length > 0 ? `longest ${round(Math.max(...tasks.map((t) => t.duration)))} ms` : '');
  return [
    {
      name: 'conversation 1920×1080: frame time p95',
      value: round(percentile(deltas, 0.95)),
      unit: 'ms',
      goal: goals.frameP95Ms,
      note: `${deltas.length} frames in ${RECORD_MS / 1000} s, median ${round(median(deltas))} ms, max ${round(Math.max(...deltas))} ms (${file})`,
    },
    { name: 'long tasks (>50 ms) after app-ready', value: afterReady.length, unit: '', goal: goals.longTasks, note: longest(afterReady) },
    { name: 'long tasks during the conversation', value: during.length, unit: '', goal: goals.longTasks, note: longest(during) },
    {
      name: 'key 1–4 to chosen reply on screen, worst',
      value: worstKey,
      unit: 'frames',
      goal: goals.keyFrames,
      note: KEYS.map((key) => `${key}: ${keys[key] ?? 'n/a'}`).join(', '),
    },
  ];
}
