/**
 * Analyze time against scenario size (issue 12, item 2): lint-clean scenarios of n decision
 * nodes × 4 replies, with loops back, skips ahead, a distinct good tag on every reply, early
 * replies and the default silence on every node, for n = 10 … 200 (the node cap). Each is
 * loaded and analyzed (state graph, score search, best and worst paths replayed and scored)
 * in this process; no browser needed. Goal: under 2 s each.
 */
import { analyzeScenario } from '../src/analysis/analyze.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { round } from './measure/stats.ts';
import type { Figure } from './report.ts';

export const ANALYZE_GOAL_MS = 2000;
export const GROWTH_SIZES = [10, 25, 50, 100, 150, 198] as const;

const GOOD = ['empathy', 'listening', 'composure', 'expertise', 'honesty', 'clarifying', 'ownership', 'efficiency'] as const;

/** A lint-clean scenario of `n` decision nodes (plus two endings), every node offering 4 replies. */
export function growthScenario(n: number): string {
  const lines = [
    'format: "1.1"',
    `id: growth-${n}`,
    `title: Growth ${n}`,
    'language: en',
    'difficulty: 3',
    'minutes: 5',
    'summary: A generated scenario for the analyze benchmark.',
    'goals:',
    '  - Stay fast.',
    'brief:',
    '  who: A benchmark customer.',
    '  needs: An answer.',
    '  expects: Speed.',
    'customer:',
    '  name: Bench',
    '  portrait: person-30s',
    '  mood: 40',
    '  walksOutAt: 95',
    'start: n0',
    'nodes:',
  ];
  for (let i = 0; i < n; i++) {
    const next = i + 1 < n ? `n${i + 1}` : 'solved';
    const back = `n${Math.max(0, i - 2)}`;
    const skip = i + 2 < n ? `n${i + 2}` : 'solved';
    const tag = (k: number) => GOOD[(i * 3 + k) % GOOD.length];
    lines.push(
      `  n${i}:`,
      '    says:',
      `      - annoyed: Step ${i}, and I am still waiting.`,
      `      - Do something.`,
      '    replies:',
      `      - { id: forward, say: "Let us move on to the next step now.", tags: [${tag(0)}], mood: -5, next: ${next}, feedback: Moves on. }`,
      `      - { id: loop, say: "Could you tell me that again?", tags: [${tag(1)}], mood: 5, next: ${back}, feedback: Goes back. }`,
      `      - { id: skip, say: "I know this one, skip ahead.", tags: [${tag(2)}], mood: 0, next: ${skip}, feedback: Skips. }`,
      `      - { id: shrug, say: "Not my problem.", tags: [indifference], mood: 10, better: forward, next: gave-up, feedback: Shrugs. }`,
    );
  }
  lines.push(
    '  solved:',
    '    says: [Thanks.]',
    '    end: resolved',
    '    satisfaction: 5',
    '    comment: Fine.',
    '  gave-up:',
    '    says: [Forget it.]',
    '    end: unresolved',
    '    satisfaction: 1',
    '    comment: Useless.',
  );
  return `${lines.join('\n')}\n`;
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
