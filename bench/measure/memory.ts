/**
 * Memory over a long session in ONE page: JS heap, DOM nodes, event listeners and live images
 * (Phaser keeps each texture's source image) after a forced garbage collection, measured on the
 * debrief after the first conversation and after the last one, for
 *  - one scenario played many times (goal: the last within 1.1× of the first), and
 *  - every bundled scenario played in turn (bounded: the art caches are capped).
 * The game is driven through its real UI by keyboard (Enter on the focused control, number keys
 * for replies, good replies first, Escape from the debrief back to the list); time runs on
 * Playwright's fake clock and is skipped while the customer talks, so a conversation takes seconds.
 * A conversation's time here is the page's own work (Phaser drawing in software WebGL on a shared
 * machine, and each poll of the page), not the customer's lines: at the Fast reading speed the
 * quickest scenario took as long (2.4–2.7 s against 2.3–2.9 s), so the bench keeps the defaults.
 *
 * "Nodes" is Chromium's count over every document of the page, and each SVG picture the game has
 * decoded (a backdrop, a portrait expression) is a document of its own; `pageNodes` counts only
 * the page's own DOM, so the two together show where a change in nodes comes from.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { playToDebrief, startConversation, waitForScene } from '../../tests/e2e/harness/flows.ts';
import { playableScenarios, type Playable } from '../../tests/e2e/harness/scenarios.ts';
import type { Figure } from '../report.ts';
import { round } from './stats.ts';

/** One measurement of the page after a forced garbage collection. */
export interface MemorySample {
  conversations: number;
  heapUsedMb: number;
  nodes: number;
  /** Nodes of the page's own document (the rest belong to the decoded SVG pictures). */
  pageNodes: number;
  listeners: number;
  /** HTMLImageElement and HTMLCanvasElement objects alive (texture sources and their copies). */
  images: number;
}

/** The two runs: one scenario repeated, every scenario in turn. */
export interface MemoryMeasure {
  repeated: { file: string; samples: MemorySample[]; seconds: number };
  library: { files: string[]; samples: MemorySample[]; seconds: number };
  figures(goals: { memoryRatio: number; libraryImages: number }): Figure[];
}

/** Plays `repeats` conversations of one scenario, then every scenario once, each in its own page. */
export async function measureMemory(browser: Browser, url: string, repeats: number): Promise<MemoryMeasure> {
  const library = playableScenarios();
  const quickest = quickestScenario(library);
  const repeated = await session(browser, url, Array.from({ length: repeats }, () => quickest), 'one scenario');
  const all = await session(browser, url, library, 'every scenario');
  return {
    repeated: { file: quickest.file, ...repeated },
    library: { files: library.map((p) => p.file), ...all },
    figures: (goals) => memoryFigures(quickest.file, repeated.samples, all.samples, goals),
  };
}

/** The English scenario with the fewest nodes (quick to repeat; every scene still runs). */
function quickestScenario(library: readonly Playable[]): Playable {
  const size = (p: Playable) => Object.keys(p.scenario.nodes).length;
  const first = library.filter((p) => p.scenario.language === 'en').sort((a, b) => size(a) - size(b))[0];
  if (!first) throw new Error('no playable English scenario to measure');
  return first;
}

async function session(browser: Browser, url: string, plays: readonly Playable[], label: string): Promise<{ samples: MemorySample[]; seconds: number }> {
  const started = Date.now();
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-US' });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.clock.install();
    await page.goto(url);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const samples: MemorySample[] = [];
    for (let index = 0; index < plays.length; index += 1) {
      const playable = plays[index] as Playable;
      if (index === 0) await startConversation(page, playable, 'keyboard');
      else await fromDebriefByKeyboard(page, playable);
      await playToDebrief(page, playable.scenario, 'keyboard', { prefer: 'good' });
      await waitForScene(page, 'Debrief');
      await page.getByTestId('back-to-scenarios').waitFor();
      if (index === 0 || index === plays.length - 1) samples.push(await sample(cdp, index + 1));
      if ((index + 1) % 10 === 0) console.log(`  ${label}: ${index + 1} of ${plays.length} conversations (${round((Date.now() - started) / 1000)} s)`);
    }
    if (errors.length > 0) throw new Error(`the page failed during the memory run: ${errors[0]}`);
    return { samples, seconds: round((Date.now() - started) / 1000) };
  } finally {
    await context.close();
  }
}

/** Debrief → Escape → the list (focus on the last card played) → the card by Enter → Briefing → Enter on Start. */
async function fromDebriefByKeyboard(page: Page, { file }: Playable): Promise<void> {
  await page.keyboard.press('Escape');
  await waitForScene(page, 'ScenarioSelect');
  const card = page.locator(`button.cd-card[data-file="${file}"]`);
  await card.focus();
  await page.keyboard.press('Enter');
  await waitForScene(page, 'Briefing');
  const start = page.getByTestId('start');
  await start.waitFor();
  await start.focus();
  await page.keyboard.press('Enter');
  await waitForScene(page, 'Conversation');
  await page.getByTestId('captions').waitFor();
}

/** Heap, nodes, listeners and live images after two forced garbage collections. */
async function sample(cdp: CDPSession, conversations: number): Promise<MemorySample> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return {
    conversations,
    heapUsedMb: round(metric('JSHeapUsedSize') / 1024 / 1024, 1),
    nodes: metric('Nodes'),
    pageNodes: await pageNodeCount(cdp),
    listeners: metric('JSEventListeners'),
    images: (await liveObjects(cdp, 'HTMLImageElement')) + (await liveObjects(cdp, 'HTMLCanvasElement')),
  };
}

/** Nodes in the page's own document (elements, text, comments), as Chromium counts them. */
async function pageNodeCount(cdp: CDPSession): Promise<number> {
  const { result } = await cdp.send('Runtime.evaluate', {
    expression: '(() => { let n = 1; const walk = document.createTreeWalker(document, NodeFilter.SHOW_ALL); while (walk.nextNode()) n += 1; return n; })()',
    returnByValue: true,
  });
  return Number(result.value);
}

/** How many objects with this constructor's prototype are alive in the page. */
async function liveObjects(cdp: CDPSession, constructor: string): Promise<number> {
  const { result: prototype } = await cdp.send('Runtime.evaluate', { expression: `${constructor}.prototype` });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: prototype.objectId as string });
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId as string,
    functionDeclaration: 'function () { return this.length; }',
    returnByValue: true,
  });
  await cdp.send('Runtime.releaseObject', { objectId: objects.objectId as string });
  await cdp.send('Runtime.releaseObject', { objectId: prototype.objectId as string });
  return Number(result.value);
}

function memoryFigures(file: string, repeated: MemorySample[], library: MemorySample[], goals: { memoryRatio: number; libraryImages: number }): Figure[] {
  const pair = (samples: MemorySample[]) => [samples[0] as MemorySample, samples.at(-1) as MemorySample] as const;
  const [first, last] = pair(repeated);
  const [libFirst, libLast] = pair(library);
  const ratio = (a: number, b: number) => round(b / a, 2);
  const n = last.conversations;
  const describe = (s: MemorySample) => `${s.heapUsedMb} MB heap, ${s.nodes} nodes (${s.pageNodes} in the page), ${s.listeners} listeners, ${s.images} images`;
  return [
    { name: `memory, one scenario ×${n}: JS heap after ${n} / after 1`, value: ratio(first.heapUsedMb, last.heapUsedMb), unit: '×', goal: goals.memoryRatio,
      note: `after 1: ${describe(first)}; after ${n}: ${describe(last)} (${file})` },
    { name: `memory, one scenario ×${n}: DOM nodes after ${n} / after 1`, value: ratio(first.nodes, last.nodes), unit: '×', goal: goals.memoryRatio },
    { name: `memory, one scenario ×${n}: listeners after ${n} / after 1`, value: ratio(first.listeners, last.listeners), unit: '×', goal: goals.memoryRatio },
    { name: `memory, all ${libLast.conversations} scenarios: JS heap after all / after 1`, value: ratio(libFirst.heapUsedMb, libLast.heapUsedMb), unit: '×', goal: null,
      note: `after 1: ${describe(libFirst)}; after all: ${describe(libLast)}` },
    { name: `memory, all ${libLast.conversations} scenarios: DOM nodes after all / after 1`, value: ratio(libFirst.nodes, libLast.nodes), unit: '×', goal: null,
      note: `the page's own DOM: ${libFirst.pageNodes} → ${libLast.pageNodes} nodes; the rest are the decoded SVG pictures the art cache keeps` },
    { name: `memory, all ${libLast.conversations} scenarios: listeners after all / after 1`, value: ratio(libFirst.listeners, libLast.listeners), unit: '×', goal: null },
    { name: `memory, all ${libLast.conversations} scenarios: live images and canvases after all`, value: libLast.images, unit: '', goal: goals.libraryImages,
      note: `after 1: ${libFirst.images}; Phaser keeps one image per texture, so this is the art cache` },
  ];
}
