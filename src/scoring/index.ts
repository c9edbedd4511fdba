/** Scoring: pure functions from a scenario, a transcript and a rubric to a score report. */
export { scoreConversation, isGoodDecision, isFreeDecision, verdictFor, assessDecisions } from './score.ts';
export { shortestResolvingPath, bestEnding, reachableEndings, type BestEnding, type ReachedEnding } from './shortestPath.ts';
export { satisfactionOf, moodRating } from './satisfaction.ts';
export { valueOf, verdictOf, bestVisibleReply, betterReply, countedTags, allowanceMs, isPatientSilence } from './decisions.ts';
export { DEFAULT_RUBRIC, rubricFor, tableAt, maxDecisionGain, VIRTUES, ENDING_KEYS, type Rubric, type Virtue, type EndingKey, type WaitRule } from './rubric.ts';
export { loadRubric, completeRubric, isRubricFileName, rubricIdOfFileName, type RubricLoadResult } from './loadRubric.ts';
export { rubricSchema, type RubricFile } from './rubricSchema.ts';
export type * from './report.ts';
export { VERDICTS } from './report.ts';
export * from './weights.ts';
