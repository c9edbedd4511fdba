/**
 * Analyze time against scenario size (issue 12, item 2): lint-clean scenarios of n decision
 * nodes × 4 replies, with loops back, skips ahead, a distinct good tag on every reply, early
 * replies and the default silence on every node, for n = 10 … 198 (the node cap with the two
 * endings), with no variables, with 10 flags that gate replies, and with 10 and 20 independent
 * flags (each remembered yes/no multiplies the states: the analysis budget's worst case); then the
 * largest bundled scenario. Each is loaded and analyzed (state graph, score search, best and
 * worst paths replayed and scored) in this process; no browser needed. Goal: under 2 s each.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeScenario } from '../src/analysis/analyze.ts';
import { buildStateGraph } from '../src/analysis/stateGraph.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { hostileScenario, type HostileOptions } from '../tests/analysis/hostile.ts';
import { round } from './measure/stats.ts';
import type { Figure } from './report.ts';

export const ANALYZE_GOAL_MS = 2000;
export const GROWTH_SIZES = [10, 25, 50, 100, 150, 198] as const;

/** The kinds of generated file measured at every size. */
export const GROWTH_SERIES: readonly { label: string; options: HostileOptions }[] = [
  { label: 'no variables', options: {} },
  { label: '10 gating flags', options: { variables: 10 } },
  { label: '10 independent flags', options: { variables: 10, independent: true } },
  { label: '20 independent flags', options: { variables: 20, independent: true } },
];

const LARGEST_BUNDLED = 'scenarios/outage-working-from-home.en.yaml';

/**
 * A lint-clean scenario of `n` decision nodes (plus two endings), every node offering 4 replies:
 * the analyzer tests' hostile generator, so the bench measures the files the tests bound.
 */
export function growthScenario(n: number, options: HostileOptions = {}): string {
  return hostileScenario(n, options);
}

export interface GrowthRow {
  /** What was analyzed: a generated file's series, or a bundled file's name. */
  series: string;
  nodes: number;
  states: number;
  /** Options played with the engine's rules. */
  plays: number;
  /** The analysis budget stopped the walk (the report says so and what is not proven). */
  limited: boolean;
  ms: number;
  /** CPU time of this process for the same work (user + system): the fairer figure on a busy machine. */
  cpuMs: number;
  best: number | null;
  worst: number | null;
  capped: boolean;
  errors: number;
}

function measure(series: string, nodes: number, text: string, file: string): GrowthRow {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const { scenario, diagnostics } = loadScenario(text, file);
  const graph = scenario ? buildStateGraph(scenario) : null;
  const report = scenario && graph ? analyzeScenario(scenario, { graph }) : null;
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return {
    series,
    nodes,
    states: report?.states ?? 0,
    plays: graph?.enginePlays ?? 0,
    limited: report?.limited ?? false,
    ms: round(ms),
    cpuMs: round((used.user + used.system) / 1000),
    best: report?.score?.max ?? null,
    worst: report?.score?.min ?? null,
    capped: report?.paths.capped ?? false,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
  };
}

/** Loads and analyzes one generated scenario per size and series, then the largest bundled one; the time covers both. */
export function measureAnalyzeGrowth(sizes: readonly number[] = GROWTH_SIZES, series = GROWTH_SERIES): GrowthRow[] {
  analyzeScenario(loadScenario(growthScenario(10), 'warm-up.yaml').scenario!); // warm the JIT
  const rows = series.flatMap(({ label, options }) => sizes.map((n) => measure(label, n, growthScenario(n, options), `growth-${n}.yaml`)));
  const bundled = readFileSync(fileURLToPath(new URL(`../${LARGEST_BUNDLED}`, import.meta.url)), 'utf8');
  const loaded = loadScenario(bundled, LARGEST_BUNDLED).scenario;
  rows.push(measure(LARGEST_BUNDLED.replace('scenarios/', ''), loaded?.nodeOrder.length ?? 0, bundled, LARGEST_BUNDLED));
  return rows;
}

export function growthFigures(rows: readonly GrowthRow[]): Figure[] {
  return rows.map((row) => ({
    name: row.series.endsWith('.yaml') ? `analyze: ${row.series} (${row.nodes} nodes)` : `analyze: ${row.nodes} nodes × 4 replies, loops, ${row.series}`,
    value: row.ms,
    unit: 'ms',
    goal: ANALYZE_GOAL_MS,
    note:
      `cpu ${row.cpuMs} ms, ${row.states} states, ${row.plays} plays${row.limited ? ', LIMITED (budget)' : ''}, score ${row.worst ?? '-'}..${row.best ?? '-'}` +
      `${row.capped ? ', search capped' : ''}${row.errors > 0 ? `, ${row.errors} load errors` : ''}`,
  }));
}
