/**
 * Analyze time against scenario size (issue 12, item 2): lint-clean scenarios of n decision
 * nodes × 4 replies, with loops back, skips ahead, a distinct good tag on every reply, early
 * replies and the default silence on every node, for n = 10 … 200 (the node cap). Each is
 * loaded and analyzed (state graph, score search, best and worst paths replayed and scored)
 * in this process; no browser needed. Goal: under 2 s each.
 */
import { analyzeScenario } from '../src/analysis/analyze.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { hostileScenario } from '../tests/analysis/hostile.ts';
import { round } from './measure/stats.ts';
import type { Figure } from './report.ts';

export const ANALYZE_GOAL_MS = 2000;
export const GROWTH_SIZES = [10, 25, 50, 100, 150, 198] as const;

/**
 * A lint-clean scenario of `n` decision nodes (plus two endings), every node offering 4 replies:
 * the analyzer tests' hostile generator, so the bench measures the files the tests bound.
 */
export function growthScenario(n: number): string {
  return hostileScenario(n);
}

export interface GrowthRow {
  nodes: number;
  states: number;
  ms: number;
  /** CPU time of this process for the same work (user + system): the fairer figure on a busy machine. */
  cpuMs: number;
  best: number | null;
  worst: number | null;
  capped: boolean;
  errors: number;
}

/** Loads and analyzes one generated scenario per size; the time covers both. */
export function measureAnalyzeGrowth(sizes: readonly number[] = GROWTH_SIZES): GrowthRow[] {
  analyzeScenario(loadScenario(growthScenario(10), 'warm-up.yaml').scenario!); // warm the JIT
  return sizes.map((n) => {
    const text = growthScenario(n);
    const started = performance.now();
    const cpu = process.cpuUsage();
    const { scenario, diagnostics } = loadScenario(text, `growth-${n}.yaml`);
    const report = scenario ? analyzeScenario(scenario) : null;
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    return {
      nodes: n,
      states: report?.states ?? 0,
      ms: round(ms),
      cpuMs: round((used.user + used.system) / 1000),
      best: report?.score?.max ?? null,
      worst: report?.score?.min ?? null,
      capped: report?.paths.capped ?? false,
      errors: diagnostics.filter((d) => d.severity === 'error').length,
    };
  });
}

export function growthFigures(rows: readonly GrowthRow[]): Figure[] {
  return rows.map((row) => ({
    name: `analyze: ${row.nodes} nodes × 4 replies, loops`,
    value: row.ms,
    unit: 'ms',
    goal: ANALYZE_GOAL_MS,
    note: `cpu ${row.cpuMs} ms, ${row.states} states, score ${row.worst ?? '-'}..${row.best ?? '-'}${row.capped ? ', search capped' : ''}${row.errors > 0 ? `, ${row.errors} load errors` : ''}`,
  }));
}
