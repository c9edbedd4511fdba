/** Scoring: pure functions from a scenario and a transcript to a score report. */
export { scoreConversation, isGoodDecision } from './score.ts';
export { shortestResolvingPath } from './shortestPath.ts';
export { satisfactionOf, moodRating } from './satisfaction.ts';
export { valueOf, verdictOf, bestVisibleReply } from './decisions.ts';
export type * from './report.ts';
export * from './weights.ts';
