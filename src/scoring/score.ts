/**
 * Scores a conversation from its transcript. Pure and deterministic: the same scenario and
 * transcript always give the same report. Weights live in `weights.ts`; docs/scoring.md walks
 * through a real example.
 *
 * @example
 * const report = scoreConversation(scenario, actor.getSnapshot().context.transcript);
 * report.overall; // 0..100
 */
import { decisionsOf, endingOf, type DecisionEntry, type Transcript } from '../conversation/transcript.ts';
import type { Scenario } from '../scenario/model.ts';
import { isAutoFailTag, isGoodTag, isTrustRuiner, TRUST_RUINERS, type TrustRuiner } from '../scenario/vocabulary.ts';
import { reviewDecision } from './decisions.ts';
import type { AutoFail, EfficiencyFigures, PatienceFigures, ScoreReport, TrustRuinerFigure } from './report.ts';
import { satisfactionOf } from './satisfaction.ts';
import { shortestResolvingPath } from './shortestPath.ts';
import {
  EFFICIENCY_BASE,
  EXTRA_DECISION_COST,
  OUTCOME_ADJUSTMENT,
  TAG_EFFECTS,
  TRUST_RUINER_PENALTY,
  VIRTUE_BASE,
  VIRTUE_WEIGHTS,
  VIRTUES,
  type Virtue,
} from './weights.ts';

const clamp = (value: number): number => Math.min(100, Math.max(0, Math.round(value)));

function trustRuinersOf(decisions: readonly DecisionEntry[]): Record<TrustRuiner, TrustRuinerFigure> {
  const figures = Object.fromEntries(TRUST_RUINERS.map((t) => [t, { count: 0, decisions: [] as number[] }])) as Record<
    TrustRuiner,
    TrustRuinerFigure
  >;
  for (const decision of decisions) {
    for (const tag of new Set(decision.tags)) {
      if (!isTrustRuiner(tag)) continue;
      figures[tag].count++;
      figures[tag].decisions.push(decision.index);
    }
  }
  return figures;
}

function autoFailOf(decisions: readonly DecisionEntry[]): AutoFail | null {
  for (const decision of decisions) {
    const tag = decision.tags.find(isAutoFailTag);
    if (tag === 'tyranny' || tag === 'insult') return { reason: tag, decisionIndex: decision.index };
  }
  return null;
}

function patienceOf(scenario: Scenario, decisions: readonly DecisionEntry[]): PatienceFigures {
  const onVenting = decisions.filter((d) => scenario.nodes[d.nodeId]?.venting === true);
  return {
    interruptions: decisions.filter((d) => d.interrupted).length,
    ventingTolerated: onVenting.filter((d) => !d.interrupted && !d.tags.includes('impatience')).length,
    ventingTurns: onVenting.length,
    silences: decisions.filter((d) => d.kind === 'silence').length,
  };
}

function efficiencyOf(scenario: Scenario, decisions: readonly DecisionEntry[]): EfficiencyFigures {
  const shortestPath = shortestResolvingPath(scenario);
  const decisionsUsed = decisions.length;
  return { decisionsUsed, shortestPath, extraDecisions: shortestPath === null ? 0 : Math.max(0, decisionsUsed - shortestPath) };
}

function virtuesOf(decisions: readonly DecisionEntry[], efficiencyStart: number): Record<Virtue, number> {
  const raw: Record<Virtue, number> = {
    friendliness: VIRTUE_BASE,
    expertise: VIRTUE_BASE,
    composure: VIRTUE_BASE,
    efficiency: efficiencyStart,
  };
  for (const decision of decisions) {
    for (const tag of new Set(decision.tags)) {
      const effects = TAG_EFFECTS[tag] ?? {};
      for (const virtue of VIRTUES) raw[virtue] += effects[virtue] ?? 0;
    }
  }
  return { friendliness: clamp(raw.friendliness), expertise: clamp(raw.expertise), composure: clamp(raw.composure), efficiency: clamp(raw.efficiency) };
}

/** Scores one conversation. Works on unfinished transcripts too (outcome null). */
export function scoreConversation(scenario: Scenario, transcript: Transcript): ScoreReport {
  const decisions = decisionsOf(transcript);
  const ending = endingOf(transcript);
  const outcomeKey = ending?.outcome ?? 'incomplete';
  const efficiency = efficiencyOf(scenario, decisions);
  const virtues = virtuesOf(decisions, EFFICIENCY_BASE[outcomeKey] - EXTRA_DECISION_COST * efficiency.extraDecisions);
  const trustRuiners = trustRuinersOf(decisions);
  const autoFail = autoFailOf(decisions);
  const weightedVirtues = VIRTUES.reduce((sum, v) => sum + virtues[v] * VIRTUE_WEIGHTS[v], 0);
  const trustRuinerPenalty = TRUST_RUINERS.reduce((sum, t) => sum + trustRuiners[t].count * TRUST_RUINER_PENALTY[t], 0);
  const outcomeAdjustment = OUTCOME_ADJUSTMENT[outcomeKey];
  const moodCurve = [decisions[0]?.moodBefore ?? scenario.customer.mood, ...decisions.map((d) => d.moodAfter)];
  return {
    scenarioId: scenario.id,
    overall: autoFail ? 0 : clamp(weightedVirtues - trustRuinerPenalty + outcomeAdjustment),
    virtues,
    trustRuiners,
    autoFail,
    patience: patienceOf(scenario, decisions),
    efficiency,
    outcome: ending?.outcome ?? null,
    satisfaction: satisfactionOf(moodCurve, ending),
    moodCurve,
    breakdown: { weightedVirtues: Math.round(weightedVirtues * 100) / 100, trustRuinerPenalty, outcomeAdjustment },
    decisions: decisions.map((d) => reviewDecision(scenario, d)),
  };
}

/** True when a decision carries at least one good tag and nothing trust-ruining. */
export function isGoodDecision(decision: Pick<DecisionEntry, 'tags'>): boolean {
  return decision.tags.some(isGoodTag) && !decision.tags.some((t) => isTrustRuiner(t) || isAutoFailTag(t));
}
