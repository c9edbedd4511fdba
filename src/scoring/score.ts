/**
 * Scores a conversation from its transcript under a rubric. Pure and deterministic: the same
 * scenario, transcript and rubric always give the same report. docs/scoring.md walks through the
 * formula with a real example.
 *
 * overall = min(caps[ruiners], clamp0..100(
 *   Σ_v weight_v · (min(100, start_v + good gains_v) + bad effects_v)
 *   − penalties − moodRise · Σ rises − extraDecision · extra − waits.cost · waits
 *   + (endings[outcome] − endings[best]) − endingRating · (best rating − ending rating)))
 * and 0 when a critical tag (by default tyranny or insult) was used.
 *
 * @example
 * const report = scoreConversation(scenario, actor.getSnapshot().context.transcript);
 * report.overall; // 0..100
 * report.verdict; // 'excellent' | 'good' | 'mixed' | 'poor' | 'auto-fail'
 */
import { decisionsOf, endingOf, type DecisionEntry, type EndEntry, type Transcript } from '../conversation/transcript.ts';
import type { Scenario } from '../scenario/model.ts';
import { isGoodTag, isTrustRuiner, TRUST_RUINERS, type TrustRuiner } from '../scenario/vocabulary.ts';
import { countedTags, isPatientSilence, measureWait, reviewDecision, type DecisionAssessment } from './decisions.ts';
import type { AutoFail, PatienceFigures, ScoreBreakdown, ScoreReport, TrustRuinerFigure, Verdict } from './report.ts';
import { DEFAULT_RUBRIC, tableAt, VIRTUES, type EndingKey, type Rubric, type Virtue } from './rubric.ts';
import { satisfactionOf } from './satisfaction.ts';
import { bestEnding } from './shortestPath.ts';

const clamp = (value: number): number => Math.min(100, Math.max(0, Math.round(value)));
const hundredths = (value: number): number => Math.round(value * 100) / 100;

/** Tags that count, waits and trust-ruiner occurrences, decision by decision (waits are numbered in order). */
export function assessDecisions(scenario: Scenario, decisions: readonly DecisionEntry[], rubric: Rubric): DecisionAssessment[] {
  let waits = 0;
  return decisions.map((decision) => {
    const { tags, added } = countedTags(decision);
    const measured = measureWait(scenario, decision, rubric);
    if (measured.waited) waits++;
    const keptWaiting = measured.waited && waits >= rubric.waits.ruinerFrom;
    const ruiners: TrustRuiner[] = tags.filter(isTrustRuiner);
    if (keptWaiting) ruiners.push(rubric.waits.tag);
    return { tags, added, wait: { ...measured, keptWaiting }, ruiners };
  });
}

function trustRuinersOf(assessments: readonly DecisionAssessment[], decisions: readonly DecisionEntry[]): Record<TrustRuiner, TrustRuinerFigure> {
  const figures = Object.fromEntries(TRUST_RUINERS.map((t) => [t, { count: 0, decisions: [] as number[] }])) as Record<TrustRuiner, TrustRuinerFigure>;
  assessments.forEach((a, i) => {
    for (const tag of a.ruiners) {
      figures[tag].count++;
      figures[tag].decisions.push(decisions[i]!.index);
    }
  });
  return figures;
}

function autoFailOf(assessments: readonly DecisionAssessment[], decisions: readonly DecisionEntry[], rubric: Rubric): AutoFail | null {
  for (const [i, a] of assessments.entries()) {
    const tag = [...a.tags, ...(a.wait.keptWaiting ? [rubric.waits.tag] : [])].find((t) => rubric.critical.includes(t));
    if (tag !== undefined) return { reason: tag, decisionIndex: decisions[i]!.index };
  }
  return null;
}

function patienceOf(scenario: Scenario, decisions: readonly DecisionEntry[], assessments: readonly DecisionAssessment[]): PatienceFigures {
  let ventingTurns = 0;
  let ventingTolerated = 0;
  decisions.forEach((d, i) => {
    if (!Object.hasOwn(scenario.nodes, d.nodeId) || !scenario.nodes[d.nodeId]!.venting) return;
    ventingTurns++;
    if (!d.interrupted && !assessments[i]!.tags.includes('impatience') && !assessments[i]!.wait.waited) ventingTolerated++;
  });
  const silences = decisions.filter((d) => d.kind === 'silence');
  const patientSilences = silences.filter(isPatientSilence).length;
  const waits = assessments.filter((a) => a.wait.waited).length;
  return {
    interruptions: decisions.filter((d) => d.interrupted).length,
    ventingTolerated,
    ventingTurns,
    silences: silences.length,
    patientSilences,
    leftWaiting: silences.length - patientSilences + waits,
  };
}

/**
 * Raw virtues before the 0..100 clamp: a decision adds, per virtue, the largest positive effect
 * among its tags (capped at 100 over the whole conversation), and every negative effect in full
 * (a kept-waiting counts as its tag once more). Negative effects are never absorbed by a surplus.
 */
function rawVirtuesOf(assessments: readonly DecisionAssessment[], efficiencyStart: number, rubric: Rubric): Record<Virtue, number> {
  const start: Record<Virtue, number> = { friendliness: rubric.base, expertise: rubric.base, composure: rubric.base, efficiency: efficiencyStart };
  const raw = {} as Record<Virtue, number>;
  for (const virtue of VIRTUES) {
    let good = 0;
    let bad = 0;
    for (const a of assessments) {
      let largest = 0;
      for (const tag of a.tags) {
        const effect = rubric.tags[tag]?.[virtue] ?? 0;
        if (effect > 0) largest = Math.max(largest, effect);
        else bad += effect;
      }
      if (a.wait.keptWaiting) bad += Math.min(0, rubric.tags[rubric.waits.tag]?.[virtue] ?? 0);
      good += largest;
    }
    raw[virtue] = Math.min(100, start[virtue] + good) + bad;
  }
  return raw;
}

export function verdictFor(overall: number, ruiners: number, autoFailed: boolean, rubric: Rubric): Verdict {
  if (autoFailed) return 'auto-fail';
  if (overall >= rubric.verdicts.excellent && ruiners === 0) return 'excellent';
  if (overall >= rubric.verdicts.good) return 'good';
  if (overall >= rubric.verdicts.mixed) return 'mixed';
  return 'poor';
}

/** The ending's terms relative to the scenario's best ending (SPEC G1): adjustment, efficiency start, rating cost. */
function endingTerms(scenario: Scenario, ending: EndEntry | undefined, rubric: Rubric) {
  const best = bestEnding(scenario);
  const key: EndingKey = ending?.outcome ?? 'incomplete';
  const bestKey: EndingKey = best?.outcome ?? 'resolved';
  const rating = ending?.satisfaction ?? null;
  const bestRating = best?.rating ?? null;
  const starsBelow = rating !== null && bestRating !== null ? Math.max(0, bestRating - rating) : 0;
  return {
    outcomeAdjustment: rubric.endings[key] - rubric.endings[bestKey],
    efficiencyStart: rubric.efficiencyBase[key] + (rubric.efficiencyBase.resolved - rubric.efficiencyBase[bestKey]),
    endingRating: { rating, best: bestRating, starsBelow, cost: rubric.endingRating * starsBelow },
    shortestPath: best?.shortestPath ?? null,
  };
}

/**
 * Scores one conversation. Works on unfinished transcripts too (outcome null). Without a rubric,
 * the default one (`DEFAULT_RUBRIC`, the same as scenarios/rubric.yaml).
 */
export function scoreConversation(scenario: Scenario, transcript: Transcript, rubric: Rubric = DEFAULT_RUBRIC): ScoreReport {
  const decisions = decisionsOf(transcript);
  const ending = endingOf(transcript);
  const assessments = assessDecisions(scenario, decisions, rubric);
  const terms = endingTerms(scenario, ending, rubric);
  const decisionsUsed = decisions.length;
  const notCounted = decisions.filter(isFreeDecision).length;
  const extraDecisions = terms.shortestPath === null ? 0 : Math.max(0, decisionsUsed - notCounted - terms.shortestPath);
  const raw = rawVirtuesOf(assessments, terms.efficiencyStart, rubric);
  const trustRuiners = trustRuinersOf(assessments, decisions);
  const ruinerCount = assessments.reduce((n, a) => n + a.ruiners.filter((t) => !rubric.critical.includes(t)).length, 0);
  const autoFail = autoFailOf(assessments, decisions, rubric);
  const waits = assessments.filter((a) => a.wait.waited).length;
  const keptWaiting = assessments.filter((a) => a.wait.keptWaiting).length;
  const risePoints = decisions.reduce((sum, d) => sum + Math.max(0, d.moodAfter - d.moodBefore), 0);

  const weightedVirtues = VIRTUES.reduce((sum, v) => sum + raw[v] * rubric.weights[v], 0);
  const trustRuinerPenalty = assessments.reduce(
    (sum, a) => sum + a.ruiners.filter((t) => !rubric.critical.includes(t)).reduce((s, t) => s + rubric.penalties[t], 0),
    0,
  );
  const moodRiseCost = rubric.moodRise * risePoints;
  const extraDecisionCost = rubric.extraDecision * extraDecisions;
  const waitCost = rubric.waits.cost * waits;
  const total =
    weightedVirtues - trustRuinerPenalty - moodRiseCost - extraDecisionCost - waitCost + terms.outcomeAdjustment - terms.endingRating.cost;
  const ceiling = tableAt(rubric.caps, ruinerCount);
  const uncapped = clamp(total);
  const overall = autoFail ? 0 : Math.min(ceiling, uncapped);
  const breakdown: ScoreBreakdown = {
    weightedVirtues: hundredths(weightedVirtues),
    trustRuinerPenalty,
    moodRise: { points: risePoints, cost: hundredths(moodRiseCost) },
    extraDecisionCost,
    waitCost,
    outcomeAdjustment: terms.outcomeAdjustment,
    endingRating: terms.endingRating,
    raw: hundredths(total),
    cap: { ruiners: ruinerCount, ceiling, applied: !autoFail && uncapped > ceiling },
  };

  const moodCurve = [decisions[0]?.moodBefore ?? scenario.customer.mood, ...decisions.map((d) => d.moodAfter)];
  const satisfactionBeforeCap = satisfactionOf(moodCurve, ending);
  const satisfactionCap = Math.max(1, tableAt(rubric.satisfactionCaps, ruinerCount));
  return {
    scenarioId: scenario.id,
    rubricId: rubric.id,
    overall,
    verdict: verdictFor(overall, ruinerCount, autoFail !== null, rubric),
    virtues: Object.fromEntries(VIRTUES.map((v) => [v, clamp(raw[v])])) as Record<Virtue, number>,
    trustRuiners,
    trustRuinerCount: ruinerCount,
    autoFail,
    patience: patienceOf(scenario, decisions, assessments),
    efficiency: { decisionsUsed, notCounted, shortestPath: terms.shortestPath, extraDecisions },
    waits: { count: waits, keptWaiting },
    outcome: ending?.outcome ?? null,
    satisfaction: Math.min(satisfactionBeforeCap, satisfactionCap),
    satisfactionBeforeCap,
    satisfactionCap,
    moodCurve,
    breakdown,
    decisions: decisions.map((d, i) => reviewDecision(scenario, d, assessments[i]!, rubric)),
  };
}

/**
 * Decisions that do not count against efficiency, because they are scored as what they are:
 * waiting through venting (the patience the game trains) and an interruption that was cut off
 * (charged as impatience; the customer picks up again and the trainee decides once more).
 */
export function isFreeDecision(decision: DecisionEntry): boolean {
  return isPatientSilence(decision) || (decision.interrupted && (decision as { reply?: string }).reply === 'cut');
}

/** True when a decision carries at least one good tag and nothing trust-ruining. */
export function isGoodDecision(decision: Pick<DecisionEntry, 'tags'>): boolean {
  return decision.tags.some(isGoodTag) && !decision.tags.some((t) => isTrustRuiner(t) || t === 'insult');
}
