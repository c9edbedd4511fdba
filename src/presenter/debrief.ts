/**
 * The debrief's view-model: what went well, what cost trust and why, in words a new hire
 * reads once and remembers. Built from the scenario, the transcript and the score report;
 * every sentence comes from the locale files or the scenario, so both languages read alike.
 */
import type { EndEntry, Transcript } from '../conversation/transcript.ts';
import { decisionsOf, endingOf } from '../conversation/transcript.ts';
import type { Scenario } from '../scenario/model.ts';
import { isAutoFailTag, isGoodTag, TRUST_RUINERS, type Outcome, type TrustRuiner } from '../scenario/vocabulary.ts';
import type { DecisionReport, ScoreReport } from '../scoring/report.ts';
import { VIRTUES, type Virtue } from '../scoring/weights.ts';
import type { Translate } from './conversationText.ts';
import { presentMoodCurve, type MoodCurveView } from './debriefMood.ts';

export type OverallBand = 'excellent' | 'good' | 'fair' | 'low';

export interface VirtueView {
  id: Virtue;
  name: string;
  hint: string;
  score: number;
  valueText: string;
}

export interface RuinerView {
  id: TrustRuiner;
  name: string;
  hint: string;
  count: number;
  /** "none, well done", "once", "3 times". */
  countText: string;
  /** "in decisions 2, 4" or null when it never happened. */
  whereText: string | null;
}

export interface DecisionView {
  /** 1-based, as people count. */
  number: number;
  /** 0-based, what "replay from this decision" rewinds to. */
  index: number;
  heading: string;
  /** The customer's last words before this decision, for context. */
  customerSaid: string | null;
  /** What the trainee said; null for a silence. */
  youSaid: string | null;
  silenceText: string | null;
  interruptedText: string | null;
  good: string[];
  bad: string[];
  /** Why the game added tags (interrupting, waiting through venting...). */
  notes: string[];
  feedback: string | null;
  /** A word of praise for a good decision, else null. */
  praise: string | null;
  moodText: string;
  verdict: DecisionReport['verdict'];
  better: { heading: string; text: string; why: string } | null;
  replayLabel: string;
}

export interface DebriefView {
  heading: string;
  title: string;
  customerName: string;
  overall: { score: number; label: string; valueText: string; band: OverallBand; verdict: string };
  autoFail: { heading: string; reason: string } | null;
  outcome: { heading: string; id: Outcome | null; label: string; explanation: string };
  satisfaction: { heading: string; stars: number; starsText: string; comment: string };
  virtues: { heading: string; items: VirtueView[] };
  ruiners: { heading: string; intro: string; items: RuinerView[] };
  patience: { heading: string; lines: string[] };
  mood: MoodCurveView;
  decisions: { heading: string; empty: string | null; items: DecisionView[] };
  selfAnalysis: { heading: string; intro: string; questions: string[] };
  actions: { heading: string; playAgain: string; nextScenario: string; back: string };
  keysHint: string;
  /** Small words the decision cards repeat. */
  labels: { youSaid: string; tagsGood: string; tagsBad: string; noTags: string; feedback: string; betterHeading: string };
}

/**
 * Which explanation fits the ending: a walk-out the scenario wrote as an ending node is the
 * customer's choice in the story (`left`); one without an ending node was the mood meter.
 */
function outcomeReason(scenario: Scenario, ending: EndEntry | undefined, outcome: Outcome): string {
  if (outcome === 'walked-out' && ending && scenario.nodes[ending.nodeId]?.end) return 'left';
  return outcome;
}

const SELF_QUESTIONS = ['why', 'where', 'better', 'unknown', 'skills'] as const;

/**
 * Build the debrief.
 * @example presentDebrief(scenario, transcript, scoreConversation(scenario, transcript), t).overall.valueText // '72 / 100'
 */
export function presentDebrief(scenario: Scenario, transcript: Transcript, score: ScoreReport, t: Translate): DebriefView {
  const name = scenario.customer.name;
  const ending = endingOf(transcript);
  const outcome = ending?.outcome ?? score.outcome;
  const band = overallBand(score.overall);
  return {
    heading: t('debrief.heading'),
    title: scenario.title,
    customerName: name,
    overall: {
      score: score.overall,
      label: t('debrief.overall'),
      valueText: t('debrief.overallValue', { score: score.overall }),
      band,
      verdict: t(score.autoFail ? 'debrief.overall_low' : `debrief.overall_${band}`),
    },
    autoFail: score.autoFail
      ? {
          heading: t('debrief.autoFailHeading'),
          reason: t(`debrief.autoFail_${score.autoFail.reason}`, { decision: score.autoFail.decisionIndex + 1 }),
        }
      : null,
    outcome: {
      heading: t('debrief.outcomeHeading'),
      id: outcome,
      label: outcome ? t(`debrief.outcome_${outcome}`) : '',
      explanation: outcome ? t(`debrief.outcomeWhy_${outcomeReason(scenario, ending, outcome)}`, { name }) : '',
    },
    satisfaction: {
      heading: t('debrief.satisfactionHeading'),
      stars: clampStars(score.satisfaction),
      starsText: t('debrief.satisfactionStars', { count: clampStars(score.satisfaction) }),
      comment: ending?.comment?.trim() || t('debrief.satisfactionNoComment'),
    },
    virtues: {
      heading: t('debrief.virtuesHeading'),
      items: VIRTUES.map((id) => ({
        id,
        name: t(`debrief.virtue_${id}`),
        hint: t(`debrief.virtueHint_${id}`),
        score: Math.round(score.virtues[id]),
        valueText: t('debrief.virtueValue', { score: Math.round(score.virtues[id]) }),
      })),
    },
    ruiners: {
      heading: t('debrief.ruinersHeading'),
      intro: t('debrief.ruinersIntro'),
      items: TRUST_RUINERS.map((id) => presentRuiner(id, score, t)),
    },
    patience: { heading: t('debrief.patienceHeading'), lines: patienceLines(score, t) },
    mood: presentMoodCurve(scenario, transcript, score, t),
    decisions: {
      heading: t('debrief.decisionsHeading'),
      empty: score.decisions.length === 0 ? t('debrief.noDecisions') : null,
      items: score.decisions.map((d) => presentDecision(d, scenario, transcript, t)),
    },
    selfAnalysis: {
      heading: t('debrief.selfHeading'),
      intro: t('debrief.selfIntro'),
      questions: SELF_QUESTIONS.map((q) => t(`debrief.self_${q}`)),
    },
    actions: {
      heading: t('debrief.actionsHeading'),
      playAgain: t('debrief.playAgain'),
      nextScenario: t('debrief.nextScenario'),
      back: t('debrief.backToScenarios'),
    },
    keysHint: t('debrief.keysHint'),
    labels: {
      youSaid: t('debrief.youSaid'),
      tagsGood: t('debrief.tagsGood'),
      tagsBad: t('debrief.tagsBad'),
      noTags: t('debrief.noTags'),
      feedback: t('debrief.feedback'),
      betterHeading: t('debrief.betterHeading'),
    },
  };
}

/** Overall score in words: 85+ excellent, 70+ good, 50+ fair, else low. */
export function overallBand(overall: number): OverallBand {
  if (overall >= 85) return 'excellent';
  if (overall >= 70) return 'good';
  if (overall >= 50) return 'fair';
  return 'low';
}

function clampStars(value: number): number {
  return Number.isFinite(value) ? Math.min(5, Math.max(1, Math.round(value))) : 1;
}

function presentRuiner(id: TrustRuiner, score: ScoreReport, t: Translate): RuinerView {
  const figure = score.trustRuiners[id] ?? { count: 0, decisions: [] };
  const numbers = [...new Set(figure.decisions)].sort((a, b) => a - b).map((i) => i + 1);
  return {
    id,
    name: t(`debrief.ruiner_${id}`),
    hint: t(`debrief.ruinerHint_${id}`),
    count: figure.count,
    countText: t('debrief.ruinerCount', { count: figure.count }),
    whereText: numbers.length > 0 ? t('debrief.ruinerDecisions', { count: numbers.length, list: numbers.join(', ') }) : null,
  };
}

function patienceLines(score: ScoreReport, t: Translate): string[] {
  const { patience, efficiency } = score;
  const lines = [t('debrief.interruptions', { count: patience.interruptions })];
  if (patience.ventingTurns > 0) lines.push(t('debrief.ventingTolerated', { count: patience.ventingTolerated }));
  lines.push(t('debrief.silences', { count: patience.silences }));
  lines.push(
    efficiency.shortestPath === null
      ? t('debrief.efficiencyNoPath', { used: efficiency.decisionsUsed })
      : t('debrief.efficiencyLine', { used: efficiency.decisionsUsed, shortest: efficiency.shortestPath }),
  );
  return lines;
}

function presentDecision(d: DecisionReport, scenario: Scenario, transcript: Transcript, t: Translate): DecisionView {
  const name = scenario.customer.name;
  const number = d.index + 1;
  const bad = d.tags.filter((tag) => !isGoodTag(tag) || isAutoFailTag(tag));
  return {
    number,
    index: d.index,
    heading: t('debrief.decisionHeading', { number }),
    customerSaid: customerLineBefore(transcript, d.index),
    youSaid: d.kind === 'reply' ? d.text : null,
    silenceText: d.kind === 'silence' ? t('debrief.youWereSilent') : null,
    interruptedText: d.interrupted ? t('debrief.interruptedNote', { name }) : null,
    good: d.tags.filter((tag) => isGoodTag(tag)).map((tag) => t(`debrief.tag_${tag}`)),
    bad: bad.map((tag) => t(`debrief.tag_${tag}`)),
    notes: d.added.map((a) => t(`debrief.added_${a.reason}`, { name })),
    feedback: d.feedback ?? silenceFeedback(scenario, d),
    praise: d.verdict === 'good' ? t('debrief.wellChosen') : null,
    moodText: t('debrief.moodChange', { before: Math.round(d.moodBefore), after: Math.round(d.moodAfter) }),
    verdict: d.verdict,
    better: presentBetter(d, name, t),
    replayLabel: t('debrief.replayFrom', { number }),
  };
}

/** The better reply; for "same words, after they finished" the why is about timing, not the words. */
function presentBetter(d: DecisionReport, name: string, t: Translate): DecisionView['better'] {
  const better = d.better;
  if (!better) return null;
  const reasonText = t(`debrief.betterReason_${better.reason}`, { name });
  if (better.reason === 'wait-then-same') {
    return { heading: t('debrief.betterWaitHeading', { name }), text: better.text, why: reasonText };
  }
  return { heading: t('debrief.betterHeading'), text: better.text, why: better.feedback ?? reasonText };
}

function silenceFeedback(scenario: Scenario, d: DecisionReport): string | null {
  if (d.kind !== 'silence') return null;
  return scenario.nodes[d.nodeId]?.silence?.feedback ?? null;
}

/** The customer's last scripted line before decision `index`, for context. */
function customerLineBefore(transcript: Transcript, index: number): string | null {
  const decision = decisionsOf(transcript).find((d) => d.index === index);
  if (!decision) return null;
  let said: string | null = null;
  for (const entry of transcript) {
    if (entry === decision) break;
    if (entry.type === 'line' && entry.nodeId === decision.nodeId) said = entry.text;
  }
  return said;
}
