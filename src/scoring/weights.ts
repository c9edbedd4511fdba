/**
 * The default rubric's numbers under their long-standing names, for code that reads one of them
 * (the analyzer, the debrief). The numbers themselves live in `DEFAULT_RUBRIC` (rubric.ts), the
 * same as `scenarios/rubric.yaml`; a scenario may name another rubric, so the scorer always reads
 * the rubric it is given, never these constants.
 */
import type { BehaviourTag, TrustRuiner } from '../scenario/vocabulary.ts';
import { DEFAULT_RUBRIC, type EndingKey, type TagEffects, type Virtue } from './rubric.ts';

export { VIRTUES, type Virtue } from './rubric.ts';

/** Where friendliness, expertise and composure start before any decision counts. */
export const VIRTUE_BASE: number = DEFAULT_RUBRIC.base;

/** Efficiency starts from how the contact ended. */
export const EFFICIENCY_BASE: Readonly<Record<EndingKey, number>> = DEFAULT_RUBRIC.efficiencyBase;

/** Overall points per decision beyond the scenario's shortest path to its best ending. */
export const EXTRA_DECISION_COST: number = DEFAULT_RUBRIC.extraDecision;

/** Effect of each tag on each virtue (a decision adds, per virtue, the largest positive one). */
export const TAG_EFFECTS: Readonly<Record<BehaviourTag, TagEffects>> = DEFAULT_RUBRIC.tags;

/** How much each virtue counts in the overall score (they add up to 1). */
export const VIRTUE_WEIGHTS: Readonly<Record<Virtue, number>> = DEFAULT_RUBRIC.weights;

/** Overall points off per trust-ruiner occurrence. */
export const TRUST_RUINER_PENALTY: Readonly<Record<TrustRuiner, number>> = DEFAULT_RUBRIC.penalties;

/** Overall points by how the contact ended (taken relative to the scenario's best ending). */
export const OUTCOME_ADJUSTMENT: Readonly<Record<EndingKey, number>> = DEFAULT_RUBRIC.endings;

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
