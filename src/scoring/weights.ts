/**
 * Every number the scorer uses, in one file, so a trainer can predict a score by hand.
 * docs/scoring.md explains each one with a worked example.
 */
import type { Outcome, TrustRuiner } from '../scenario/vocabulary.ts';

export const VIRTUES = ['friendliness', 'expertise', 'composure', 'efficiency'] as const;
export type Virtue = (typeof VIRTUES)[number];

/** Where friendliness, expertise and composure start before any decision counts. */
export const VIRTUE_BASE = 70;

/** Efficiency starts from how the contact ended (a resolution is the efficient result). */
export const EFFICIENCY_BASE: Record<Outcome | 'incomplete', number> = {
  resolved: 100,
  escalated: 85,
  unresolved: 75,
  'walked-out': 40,
  incomplete: 70,
};

/** Efficiency lost per decision beyond the scenario's shortest resolving path. */
export const EXTRA_DECISION_COST = 10;

/** Points each occurrence of a tag adds to (positive) or takes from (negative) a virtue. */
export const TAG_EFFECTS: Record<string, Partial<Record<Virtue, number>>> = {
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
};

/** How much each virtue counts in the overall score (they add up to 1). */
export const VIRTUE_WEIGHTS: Record<Virtue, number> = {
  friendliness: 0.35,
  expertise: 0.25,
  composure: 0.25,
  efficiency: 0.15,
};

/** Taken off the overall score for every occurrence of a trust-ruiner (on top of its virtue effect). */
export const TRUST_RUINER_PENALTY: Record<TrustRuiner, number> = {
  indifference: 8,
  impatience: 8,
  judging: 10,
  arrogance: 8,
  tyranny: 100,
};

/**
 * Added to the overall score by outcome. Small for escalations and unresolved endings (a perfect
 * agent cannot please everyone), large for a walk-out.
 */
export const OUTCOME_ADJUSTMENT: Record<Outcome | 'incomplete', number> = {
  resolved: 0,
  escalated: -5,
  unresolved: -5,
  'walked-out': -30,
  incomplete: 0,
};

/**
 * Customer satisfaction 1..5. The mood rating is 1 + 4 × (1 − m / 100), where m mixes the final
 * mood and the average mood over the call. With an ending's own rating, the two are blended.
 */
export const SATISFACTION = {
  finalMoodShare: 0.5,
  endingShare: 0.6,
  walkedOut: 1,
} as const;

/** How replies are ranked when the debrief suggests a better one (a reply's "value"). */
export const REPLY_VALUE = {
  goodTag: 10,
  trustRuiner: -20,
  autoFail: -100,
  /** Per point of mood change: calming is worth a little. */
  mood: -0.5,
} as const;
