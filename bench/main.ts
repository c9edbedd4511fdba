/**
 * `npm run bench`: builds the game and a bare Phaser hello-world page with the same Vite config,
 * then measures, in one browser session, the first-screen transfer size, the cold load to
 * `app-ready` against the hello page, and frame pacing, long tasks and key latency during a
 * conversation at 1920×1080. Prints each figure beside its goal; writes JSON to bench/results/.
 *
 * Then memory over a long session in one page: one scenario played `--memory N` times (default
 * 50) and every bundled scenario in turn (heap, DOM nodes, listeners, live images after a forced GC).
 *
 * Options: `--runs N` cold loads of each page (default 7), `--no-build` measure dist/ as it is,
 * `--node-only` only the steps that need no browser (analyze time against scenario size, the loader),
 * `--memory N` conversations of the repeated scenario (0 skips the memory step),
 * `--memory-only` only the memory step (with the build, or of the built game in `--dist DIR`),
 * `--lighthouse PATH` (or env LIGHTHOUSE_BIN) also runs the real Lighthouse, 3 desktop runs,
 * `--lighthouse-only` only those runs (see bench/measure/lighthouse.ts; Lighthouse is not a dependency).
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { CHROMIUM_PATH, launchBrowser } from '../tests/e2e/harness/browser.ts';
import { serveStatic, type StaticServer } from '../tests/e2e/harness/static-server.ts';
import { growthFigures, measureAnalyzeGrowth } from './analyzeGrowth.ts';
import { BUILD_DIRS, buildBoth } from './build.ts';
import { measureConversation } from './measure/conversation.ts';
import { LIGHTHOUSE_HINT, findLighthouse, medianRun, runLighthouse, type LighthouseRun } from './measure/lighthouse.ts';
import { coldLoad, firstScreenBytes, type ColdLoad } from './measure/load.ts';
import { measureLoader } from './measure/loader.ts';
import { measureMemory } from './measure/memory.ts';
import { estimatedLighthouseScore } from './measure/paint.ts';
import { median, round } from './measure/stats.ts';
import { formatTable, writeResults, type Figure } from './report.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const GOALS = { firstScreenKb: 450, loadRatio: 1.3, frameP95Ms: 16.7, longTasks: 0, keyFrames: 2, firstPaintMs: 800, loaderMs: 200, memoryRatio: 1.1, libraryImages: 50, lighthouse: 95, lcpMs: 1200, tbtMs: 150 } as const;

interface Options {
  runs: number;
  build: boolean;
  nodeOnly: boolean;
  memory: number;
  memoryOnly: boolean;
  /** A built game to measure instead of building one (`--dist DIR`). */
  dist: string | null;
  /** The Lighthouse program given by `--lighthouse PATH` (else LIGHTHOUSE_BIN is used). */
  lighthouse: string | null;
  lighthouseOnly: boolean;
}

const LIGHTHOUSE_RUNS = 3;

/** Runs the benchmark; returns the process exit code (0 measured, 1 could not measure, 2 usage). */
export async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  if (options === null) {
    console.error('usage: npm run bench -- [--runs N] [--no-build] [--node-only] [--memory N] [--memory-only [--dist DIR]] [--lighthouse PATH] [--lighthouse-only]');
    return 2;
  }
  const lighthouse = findLighthouse(options.lighthouse, process.env);
  if (options.memoryOnly) return memoryOnly(options);
  if (options.lighthouseOnly) return lighthouseOnly(options, lighthouse);
  console.log('Analyze time against scenario size (in this process, no browser)…');
  const analyzeGrowth = measureAnalyzeGrowth();
  console.log(`\n${formatTable(growthFigures(analyzeGrowth))}\n`);
  if (options.nodeOnly) {
    console.log('Scenario loader: the library against bare yaml.parse, and large files under the size cap…');
    const loader = measureLoader(ROOT, 5, GOALS.loaderMs);
    console.log(`\n${formatTable(loader.figures)}\n`);
    const load = loadavg().map((value) => round(value, 1));
    const file = await writeResults(ROOT, { date: new Date().toISOString(), cpus: cpus().length, loadAverage: load, analyzeGrowth, loader: loader.data });
    console.log(`Load average ${load.join(' ')} on ${cpus().length} CPUs. Results written to ${file}`);
    return 0;
  }
  console.log(options.build ? 'Building the game and the Phaser hello-world page…' : 'Building the Phaser hello-world page (reusing dist/)…');
  const appDir = buildBoth(ROOT, !options.build);

  const app = await serveStatic(appDir);
  const hello = await serveStatic(join(ROOT, BUILD_DIRS.hello));
  const browser = await launchBrowser();
  try {
    const figures = await measureAll(browser, app, hello, options.runs, options.memory);
    const real = lighthouse === null ? null : await measureLighthouse(lighthouse, app.url);
    if (real !== null) figures.table.push(...real.table);
    const load = loadavg().map((value) => round(value, 1));
    console.log(`\nCalm Desk benchmark: ${cpus().length} CPUs, load average ${load.join(' ')}, headless Chromium, software WebGL\n`);
    console.log(formatTable(figures.table));
    console.log('\nTimings depend on the machine: a busy CPU or software rendering slows both pages; the ratio is the fair figure.');
    if (lighthouse === null) console.log(`The Lighthouse score above is an estimate. ${LIGHTHOUSE_HINT}`);
    const file = await writeResults(ROOT, { date: new Date().toISOString(), cpus: cpus().length, loadAverage: load, goals: GOALS, ...figures, lighthouse: real?.data ?? null, analyzeGrowth });
    console.log(`\nResults written to ${file}`);
    return 0;
  } catch (error) {
    console.error(`bench: could not measure: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await browser.close();
    await Promise.all([app.close(), hello.close()]);
  }
}

function parseOptions(argv: string[]): Options | null {
  const options: Options = { runs: 7, build: true, nodeOnly: false, memory: 50, memoryOnly: false, dist: null, lighthouse: null, lighthouseOnly: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--no-build') options.build = false;
    else if (arg === '--node-only') options.nodeOnly = true;
    else if (arg === '--memory-only') options.memoryOnly = true;
    else if (arg === '--lighthouse-only') options.lighthouseOnly = true;
    else if (arg === '--lighthouse') {
      const bin = argv[(i += 1)];
      if (!bin) return null;
      options.lighthouse = bin;
    }
    else if (arg === '--dist') {
      const dist = argv[(i += 1)];
      if (!dist) return null;
      options.dist = dist;
    }
    else if (arg === '--memory') {
      const memory = Number(argv[(i += 1)]);
      if (!Number.isInteger(memory) || memory < 0) return null;
      options.memory = memory;
    }
    else if (arg === '--runs') {
      const runs = Number(argv[(i += 1)]);
      if (!Number.isInteger(runs) || runs < 1) return null;
      options.runs = runs;
    } else return null;
  }
  return options;
}

/** `--memory-only`: builds (unless `--no-build`) and runs the memory step alone. */
async function memoryOnly(options: Options): Promise<number> {
  const appDir = options.dist ?? buildBoth(ROOT, !options.build);
  const app = await serveStatic(appDir);
  const browser = await launchBrowser();
  try {
    const memory = await measureMemorySteps(browser, app.url, Math.max(options.memory, 2));
    const load = loadavg().map((value) => round(value, 1));
    console.log(`\nCalm Desk memory: ${cpus().length} CPUs, load average ${load.join(' ')}\n`);
    console.log(formatTable(memory.table));
    const file = await writeResults(ROOT, { date: new Date().toISOString(), cpus: cpus().length, loadAverage: load, goals: GOALS, memory: memory.data });
    console.log(`\nResults written to ${file}`);
    return 0;
  } catch (error) {
    console.error(`bench: could not measure: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await browser.close();
    await app.close();
  }
}

/** `--lighthouse-only`: builds (unless `--no-build`) and runs the real Lighthouse alone. */
async function lighthouseOnly(options: Options, lighthouse: string | null): Promise<number> {
  if (lighthouse === null) {
    console.error(`bench: no Lighthouse to run. ${LIGHTHOUSE_HINT}`);
    return 1;
  }
  const appDir = options.dist ?? (options.build ? buildBoth(ROOT, false) : join(ROOT, BUILD_DIRS.dist));
  const app = await serveStatic(appDir);
  try {
    const real = await measureLighthouse(lighthouse, app.url);
    if (real === null) return 1;
    const load = loadavg().map((value) => round(value, 1));
    console.log(`\nCalm Desk in Lighthouse: ${cpus().length} CPUs, load average ${load.join(' ')}\n`);
    console.log(formatTable(real.table));
    const file = await writeResults(ROOT, { date: new Date().toISOString(), cpus: cpus().length, loadAverage: load, goals: GOALS, lighthouse: real.data });
    console.log(`\nResults written to ${file}`);
    return 0;
  } finally {
    await app.close();
  }
}

/** The real Lighthouse's figures (median of its runs), or null (with the reason printed) when it could not run. */
async function measureLighthouse(bin: string, url: string): Promise<{ table: Figure[]; data: { runs: LighthouseRun[]; median: LighthouseRun } } | null> {
  console.log(`Lighthouse (${bin}): ${LIGHTHOUSE_RUNS} desktop runs…`);
  let runs: LighthouseRun[];
  try {
    runs = await runLighthouse(bin, url, LIGHTHOUSE_RUNS, CHROMIUM_PATH);
  } catch (error) {
    console.error(`bench: Lighthouse could not run: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
  const mid = medianRun(runs);
  const spreadOf = (pick: (run: LighthouseRun) => number) => `${Math.min(...runs.map(pick))}–${Math.max(...runs.map(pick))}`;
  const table: Figure[] = [
    { name: 'Lighthouse desktop performance: median', value: mid.performance, unit: '', goal: GOALS.lighthouse, atLeast: true,
      note: `${runs.length} runs (${spreadOf((run) => run.performance)})${mid.findings.length > 0 ? `; ${mid.findings.join('; ')}` : ''}` },
    { name: 'Lighthouse first contentful paint: median', value: round(mid.fcpMs, 0), unit: 'ms', goal: GOALS.firstPaintMs, note: `${spreadOf((run) => round(run.fcpMs, 0))} ms` },
    { name: 'Lighthouse largest contentful paint: median', value: round(mid.lcpMs, 0), unit: 'ms', goal: GOALS.lcpMs, note: mid.lcpElement },
    { name: 'Lighthouse total blocking time: median', value: round(mid.tbtMs, 0), unit: 'ms', goal: GOALS.tbtMs, note: 'grows with the machine\'s load' },
    { name: 'Lighthouse cumulative layout shift: median', value: round(mid.cls, 3), unit: '', goal: 0.1 },
    { name: 'Lighthouse speed index: median', value: round(mid.speedIndexMs, 0), unit: 'ms', goal: null },
    { name: 'Lighthouse accessibility: median', value: mid.accessibility, unit: '', goal: 100, atLeast: true },
    { name: 'Lighthouse best practices: median', value: mid.bestPractices, unit: '', goal: 100, atLeast: true },
  ];
  return { table, data: { runs, median: mid } };
}

async function measureMemorySteps(browser: Browser, url: string, repeats: number): Promise<{ table: Figure[]; data: object | null }> {
  if (repeats === 0) return { table: [], data: null };
  console.log(`Memory in one page: one scenario ${repeats} times, then every scenario in turn (forced GC, by keyboard)…`);
  const memory = await measureMemory(browser, url, repeats);
  return { table: memory.figures(GOALS), data: { repeated: memory.repeated, library: memory.library } };
}

async function measureAll(browser: Browser, app: StaticServer, hello: StaticServer, runs: number, memoryRepeats: number) {
  console.log(`Cold loads: ${runs} of each page, alternating, after one warm-up each…`);
  await coldLoad(browser, app.url);
  await coldLoad(browser, hello.url);
  const appLoads: ColdLoad[] = [];
  const helloLoads: ColdLoad[] = [];
  for (let run = 0; run < runs; run += 1) {
    appLoads.push(await coldLoad(browser, app.url));
    helloLoads.push(await coldLoad(browser, hello.url));
  }
  const appMedian = median(appLoads.map((load) => load.appReadyMs));
  const helloMedian = median(helloLoads.map((load) => load.appReadyMs));
  const appBytes = firstScreenBytes(appLoads[0] as ColdLoad);
  const helloBytes = firstScreenBytes(helloLoads[0] as ColdLoad);
  const kb = (bytes: Record<string, number>) => round(Object.values(bytes).reduce((sum, value) => sum + value, 0) / 1024);
  const firstScreen = { document: appBytes.document, js: appBytes.js, css: appBytes.css, font: appBytes.font };

  console.log('Conversation at 1920×1080: frame times, long tasks, key latency…');
  const conversation = await measureConversation(browser, app.url);
  console.log('Scenario loader: the library against bare yaml.parse, and large files under the size cap…');
  const loader = measureLoader(ROOT, 5, GOALS.loaderMs);
  const memory = await measureMemorySteps(browser, app.url, memoryRepeats);

  const table: Figure[] = [
    { name: 'first screen: HTML+JS+CSS+fonts before app-ready', value: kb(firstScreen), unit: 'KB gzip', goal: GOALS.firstScreenKb,
      note: `js ${round(appBytes.js / 1024)}, css ${round(appBytes.css / 1024)}, fonts ${round(appBytes.font / 1024)}, html ${round(appBytes.document / 1024)}` },
    { name: 'first screen: other files before app-ready', value: round(appBytes.other / 1024), unit: 'KB', goal: null, note: 'images, audio, data' },
    { name: 'hello page: everything before app-ready', value: kb(helloBytes), unit: 'KB gzip', goal: null },
    { name: 'cold load to app-ready: game, median', value: round(appMedian), unit: 'ms', goal: null, note: spread(appLoads) },
    { name: 'cold load to app-ready: hello, median', value: round(helloMedian), unit: 'ms', goal: null, note: spread(helloLoads) },
    { name: 'cold load ratio game / hello', value: round(appMedian / helloMedian, 2), unit: '×', goal: GOALS.loadRatio },
    { name: 'first contentful paint: game, median', value: round(median(appLoads.map((load) => load.firstPaintMs))), unit: 'ms', goal: GOALS.firstPaintMs,
      note: 'the static splash of index.html' },
    ...paintFigures(appLoads),
    ...conversation.figures(GOALS),
    ...loader.figures,
    ...memory.table,
  ];
  return {
    table,
    loader: loader.data,
    memory: memory.data,
    loads: {
      firstPaint: appLoads.map((load) => round(load.firstPaintMs)),
      paint: appLoads.map((load) => load.paint),
      app: appLoads.map((load) => round(load.appReadyMs)),
      hello: helloLoads.map((load) => round(load.appReadyMs)),
      appResources: (appLoads[0] as ColdLoad).resources,
    },
    conversation: {
      scenario: conversation.scenario,
      frameDeltasMs: conversation.frameDeltasMs.map((delta) => round(delta, 2)),
      longTasksAfterReady: conversation.longTasksAfterReady,
      longTasksDuringConversation: conversation.longTasksDuringConversation,
      keyLatencyFrames: conversation.keyLatencyFrames,
    },
  };
}

/** Lighthouse's load metrics from the game's cold loads (medians) and the score they would earn. */
function paintFigures(loads: readonly ColdLoad[]): Figure[] {
  const metric = (pick: (load: ColdLoad) => number) => median(loads.map(pick));
  const medians = {
    fcpMs: metric((load) => load.paint.fcpMs),
    lcpMs: metric((load) => load.paint.lcpMs),
    tbtMs: metric((load) => load.paint.tbtMs),
    cls: metric((load) => load.paint.cls),
  };
  const scores = loads.map((load) => estimatedLighthouseScore(load.paint));
  return [
    { name: 'largest contentful paint: game, median', value: round(medians.lcpMs), unit: 'ms', goal: GOALS.lcpMs, note: 'Lighthouse desktop scores 0.9 at 1200 ms' },
    { name: 'total blocking time, first paint to app-ready: median', value: round(medians.tbtMs), unit: 'ms', goal: GOALS.tbtMs, note: 'long tasks over 50 ms; 0.9 at 150 ms' },
    { name: 'cumulative layout shift: median', value: round(medians.cls, 3), unit: '', goal: 0.1 },
    { name: 'estimated Lighthouse desktop performance', value: median(scores), unit: '', goal: GOALS.lighthouse, atLeast: true,
      note: `median of ${scores.length} loads (${Math.min(...scores)}–${Math.max(...scores)}); its curves on these metrics, no Speed Index or throttling (bench/measure/paint.ts)` },
  ];
}

function spread(loads: readonly ColdLoad[]): string {
  const times = loads.map((load) => load.appReadyMs);
  return `${loads.length} runs, ${round(Math.min(...times))}–${round(Math.max(...times))} ms`;
}
