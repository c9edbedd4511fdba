/**
 * The scoring rubric: every number the scorer uses, as data. Companies have their own QA forms,
 * so a rubric is a YAML file (`scenarios/rubric.yaml` is the default, `scenarios/<id>.rubric.yaml`
 * the others) that `loadRubric` checks and fills in from `DEFAULT_RUBRIC`. The default is also
 * compiled in here, so a broken rubric file never stops the game: it scores with the default.
 * docs/scoring.md explains every key.
 */
import type { BehaviourTag, Outcome, TrustRuiner } from '../scenario/vocabulary.ts';

export const VIRTUES = ['friendliness', 'expertise', 'composure', 'efficiency'] as const;
export type Virtue = (typeof VIRTUES)[number];

/** How a conversation ended, or `incomplete` when the transcript has no ending. */
export type EndingKey = Outcome | 'incomplete';
export const ENDING_KEYS = ['resolved', 'escalated', 'unresolved', 'walked-out', 'incomplete'] as const satisfies readonly EndingKey[];

/** When a reply counts as keeping the customer waiting, and what that costs. */
export interface WaitRule {
  /** Seconds allowed on top of reading the replies on offer. */
  grace: number;
  /** Reading speed for the replies on offer, in characters per second. */
  charsPerSecond: number;
  /** Overall points per wait. */
  cost: number;
  /** From this wait on (1-based), each wait also counts as the trust-ruiner `tag`. */
  ruinerFrom: number;
  tag: TrustRuiner;
}

/** Verdict thresholds on the overall score (`excellent` also needs no trust-ruiner). */
export interface VerdictBands {
  excellent: number;
  good: number;
  mixed: number;
}

export type TagEffects = Partial<Record<Virtue, number>>;

export interface Rubric {
  id: string;
  /** A name for people, e.g. "Nordic Energy QA form 2026". */
  title?: string;
  weights: Record<Virtue, number>;
  /** Where friendliness, expertise and composure start. */
  base: number;
  /** Where efficiency starts, by how the contact ended. */
  efficiencyBase: Record<EndingKey, number>;
  /** Per-decision effect of each tag on each virtue. */
  tags: Record<BehaviourTag, TagEffects>;
  /** Overall points off per occurrence of a trust-ruiner. */
  penalties: Record<TrustRuiner, number>;
  /** Tags that auto-fail the contact (overall 0). */
  critical: BehaviourTag[];
  /** Overall ceiling by number of trust-ruiner occurrences (index 0, 1, 2, ...; the last repeats). */
  caps: number[];
  /** Overall points added by how the contact ended. */
  endings: Record<EndingKey, number>;
  /** Overall points per star the ending's own rating is below the scenario's best ending. */
  endingRating: number;
  /** Overall points per mood point a decision raised the customer's mood. */
  moodRise: number;
  /** Overall points per decision beyond the shortest path to the scenario's best ending. */
  extraDecision: number;
  waits: WaitRule;
  /** Customer satisfaction ceiling (stars) by number of trust-ruiner occurrences; the last repeats. */
  satisfactionCaps: number[];
  verdicts: VerdictBands;
  /** `calm-desk lint` warns when a naive policy's mean score is above this. */
  naiveMax: number;
}

/** The default rubric, the same numbers as `scenarios/rubric.yaml` (a test keeps them equal). */
export const DEFAULT_RUBRIC: Rubric = {
  id: 'default',
  title: 'Calm Desk default',
  weights: { friendliness: 0.35, expertise: 0.25, composure: 0.25, efficiency: 0.15 },
  base: 70,
  efficiencyBase: { resolved: 100, escalated: 85, unresolved: 70, 'walked-out': 30, incomplete: 30 },
  tags: {
    empathy: { friendliness: 10 },
    listening: { composure: 10 },
    composure: { composure: 10 },
    expertise: { expertise: 10 },
    honesty: { expertise: 10, friendliness: 5 },
    clarifying: { expertise: 10 },
    ownership: { expertise: 5, efficiency: 10 },
    efficiency: { efficiency: 10 },
    indifference: { friendliness: -25, efficiency: -15 },
    impatience: { composure: -25 },
    judging: { friendliness: -25 },
    arrogance: { friendliness: -20, efficiency: -15 },
    tyranny: { friendliness: -50, composure: -50 },
    insult: { friendliness: -50 },
  },
  penalties: { indifference: 15, impatience: 12, judging: 15, arrogance: 15, tyranny: 30 },
  critical: ['tyranny', 'insult'],
  caps: [100, 79, 59, 39, 29, 19, 9, 0],
  endings: { resolved: 0, escalated: -5, unresolved: -10, 'walked-out': -35, incomplete: -35 },
  endingRating: 6,
  moodRise: 0.3,
  extraDecision: 12,
  waits: { grace: 4, charsPerSecond: 25, cost: 4, ruinerFrom: 2, tag: 'arrogance' },
  satisfactionCaps: [5, 4, 3],
  verdicts: { excellent: 85, good: 65, mixed: 40 },
  naiveMax: 50,
};

/** Entry `n` of a table indexed by a count, the last entry repeating (`caps`, `satisfactionCaps`). */
export function tableAt(table: readonly number[], n: number): number {
  if (table.length === 0) return Number.POSITIVE_INFINITY;
  return table[Math.min(Math.max(0, n), table.length - 1)]!;
}

/** True when this rubric auto-fails a contact on `tag`. */
export function isCritical(rubric: Rubric, tag: BehaviourTag): boolean {
  return rubric.critical.includes(tag);
}

/**
 * The most one decision can add to the weighted virtues: per virtue the largest positive effect
 * any tag has, weighted. `extraDecision` must be above this, or a longer path could pay.
 */
export function maxDecisionGain(rubric: Rubric): number {
  let gain = 0;
  for (const virtue of Object.keys(rubric.weights) as Virtue[]) {
    let best = 0;
    for (const effects of Object.values(rubric.tags)) best = Math.max(best, effects[virtue] ?? 0);
    gain += rubric.weights[virtue] * best;
  }
  return gain;
}

/**
 * The rubric a scenario asks for (`rubric: <id>`), from those available; the compiled-in default
 * when the id is unknown or the file was broken, so scoring always has a rubric.
 *
 * @example rubricFor(scenario.rubric, bundledRubrics) // bundledRubrics: { strict: Rubric, ... }
 */
export function rubricFor(id: string | undefined, available: Readonly<Record<string, Rubric>> = {}): Rubric {
  const key = id ?? 'default';
  return Object.hasOwn(available, key) ? available[key]! : DEFAULT_RUBRIC;
}
