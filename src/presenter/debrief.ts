/**
 * The debrief's view-model: what went well, what cost trust and why, in words a new hire
 * reads once and remembers. Built from the scenario, the transcript and the score report; it
 * never scores anything itself, so every sentence agrees with the number above it (the
 * verdict, the caps, the waits and the ending's rating all come from the report). Every
 * sentence comes from the locale files or the scenario, so both languages read alike.
 */
import type { DecisionEntry, EndEntry, LineEntry, Transcript } from '../conversation/transcript.ts';
import { decisionsOf, endingOf } from '../conversation/transcript.ts';
import type { Interruption, Scenario } from '../scenario/model.ts';
import {
  isAutoFailTag,
  isGoodTag,
  isTrustRuiner,
  TRUST_RUINERS,
  type Expression,
  type Outcome,
  type PortraitId,
  type TrustRuiner,
} from '../scenario/vocabulary.ts';
import type { DecisionReport, ScoreReport, Verdict } from '../scoring/report.ts';
import { VIRTUES, type Virtue } from '../scoring/rubric.ts';
import type { Translate } from './conversationText.ts';
import { stageDirectionOf } from './conversation.ts';
import { presentMoodCurve, type MoodCurveView } from './debriefMood.ts';

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
  /** What the customer was doing then (stage direction, already in brackets), else null. */
  customerAction: string | null;
  /** What the trainee said; null for a silence. */
  youSaid: string | null;
  /** What the trainee did while saying it (stage direction, already in brackets), else null. */
  youDid: string | null;
  silenceText: string | null;
  interruptedText: string | null;
  /** "You left Marja waiting 9 s before answering…" when the reply came late, else null. */
  waitText: string | null;
  good: string[];
  bad: string[];
  /** Why the game added tags (interrupting, waiting through venting, keeping her waiting...). */
  notes: string[];
  feedback: string | null;
  /** A word of praise for a good decision, else null. */
  praise: string | null;
  moodText: string;
  verdict: DecisionReport['verdict'];
  better: { heading: string; text: string; why: string } | null;
  replayLabel: string;
}

export interface SelfAnalysisItem {
  question: string;
  /** This run's facts, where the run has them. */
  answer: string;
}

export interface EndingFace {
  portrait: PortraitId;
  expression: Expression;
  /** Accessible description, e.g. "Marja looks happy". */
  label: string;
}

export interface DebriefView {
  heading: string;
  title: string;
  customerName: string;
  overall: { score: number; label: string; valueText: string; verdictId: Verdict; verdict: string };
  autoFail: { heading: string; reason: string } | null;
  /** How the number came about, in plain words: caps, the ending's rating, waits, detours. */
  scoreNotes: { heading: string; lines: string[] };
  outcome: { heading: string; id: Outcome | null; label: string; explanation: string };
  satisfaction: {
    heading: string;
    stars: number;
    starsText: string;
    comment: string;
    /** The face that goes with the comment. */
    face: EndingFace;
    /** Why the rating is lower than the mood alone would give (trust-ruiners cap it), else null. */
    capNote: string | null;
  };
  virtues: { heading: string; items: VirtueView[] };
  ruiners: { heading: string; intro: string; items: RuinerView[] };
  patience: { heading: string; lines: string[] };
  mood: MoodCurveView;
  decisions: { heading: string; empty: string | null; items: DecisionView[] };
  selfAnalysis: { heading: string; intro: string; items: SelfAnalysisItem[] };
  actions: { heading: string; playAgain: string; nextScenario: string; back: string };
  keysHint: string;
  /** One calm line when the scenario was played from a translation and some texts fell back to the source language. */
  translationNote: string | null;
  /** Small words the decision cards repeat. */
  labels: { youSaid: string; tagsGood: string; tagsBad: string; noTags: string; feedback: string; betterHeading: string };
}

/**
 * Which explanation fits the ending: a walk-out the scenario wrote as an ending node is the
 * customer's choice in the story (`left`); one without an ending node was the mood meter.
 */
function outcomeReason(scenario: Scenario, ending: EndEntry | undefined, outcome: Outcome): string {
  if (outcome === 'walked-out' && ending && scenario.nodes[ending.nodeId]?.end) return 'left';
  // The engine says why she left: the third interruption, or one silence too many (else the mood).
  if (outcome === 'walked-out' && (ending?.walkOut === 'interruptions' || ending?.walkOut === 'silences')) return `walked-out_${ending.walkOut}`;
  return outcome;
}

const SELF_QUESTIONS = ['why', 'where', 'better', 'unknown', 'skills'] as const;
type SelfQuestion = (typeof SELF_QUESTIONS)[number];

/**
 * Build the debrief.
 * @example presentDebrief(scenario, transcript, scoreConversation(scenario, transcript), t).overall.valueText // '72 / 100'
 */
export function presentDebrief(scenario: Scenario, transcript: Transcript, score: ScoreReport, t: Translate): DebriefView {
  const name = scenario.customer.name;
  const ending = endingOf(transcript);
  const outcome = ending?.outcome ?? score.outcome;
  const decisions = score.decisions.map((d) => presentDecision(d, scenario, transcript, t));
  return {
    heading: t('debrief.heading'),
    title: scenario.title,
    customerName: name,
    overall: {
      score: score.overall,
      label: t('debrief.overall'),
      valueText: t('debrief.overallValue', { score: score.overall }),
      verdictId: score.verdict,
      verdict: t(`debrief.verdict_${score.verdict}`),
    },
    autoFail: score.autoFail
      ? {
          heading: t('debrief.autoFailHeading'),
          reason: t(autoFailKey(score.autoFail.reason), { decision: score.autoFail.decisionIndex + 1, behaviour: didText(score.autoFail.reason, name, t) }),
        }
      : null,
    scoreNotes: { heading: t('debrief.scoreNotesHeading'), lines: scoreNotes(score, name, t) },
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
      face: endingFace(scenario, transcript, ending, t),
      capNote:
        score.satisfactionBeforeCap > score.satisfaction && score.autoFail === null
          ? t('debrief.satisfactionCapped', {
              name,
              before: clampStars(score.satisfactionBeforeCap),
              cap: clampStars(score.satisfactionCap),
              count: score.trustRuinerCount,
            })
          : null,
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
    patience: { heading: t('debrief.patienceHeading'), lines: patienceLines(score, name, t) },
    mood: presentMoodCurve(scenario, transcript, score, t),
    decisions: {
      heading: t('debrief.decisionsHeading'),
      empty: score.decisions.length === 0 ? t('debrief.noDecisions') : null,
      items: decisions,
    },
    selfAnalysis: {
      heading: t('debrief.selfHeading'),
      intro: t('debrief.selfIntro'),
      items: SELF_QUESTIONS.map((q) => ({ question: t(`debrief.self_${q}`), answer: selfAnswer(q, scenario, score, outcome, t) })),
    },
    actions: {
      heading: t('debrief.actionsHeading'),
      playAgain: t('debrief.playAgain'),
      nextScenario: t('debrief.nextScenario'),
      back: t('debrief.backToScenarios'),
    },
    keysHint: t('debrief.keysHint'),
    translationNote: scenario.untranslated
      ? t('graph.untranslatedLines', { count: scenario.untranslated.count, language: t(`common.language_${scenario.untranslated.language}`) })
      : null,
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

function clampStars(value: number): number {
  return Number.isFinite(value) ? Math.min(5, Math.max(1, Math.round(value))) : 1;
}

/** Tyranny and insult have their own sentence; a rubric's other critical behaviours share one. */
function autoFailKey(reason: string): string {
  return reason === 'tyranny' || reason === 'insult' ? `debrief.autoFail_${reason}` : 'debrief.autoFail_other';
}

/** "judged or blamed Marja": what a behaviour looks like, after "you". */
function didText(tag: string, name: string, t: Translate): string {
  return isTrustRuiner(tag) || isAutoFailTag(tag) ? t(`debrief.did_${tag}`, { name }) : t(`debrief.tag_${tag}`);
}

/** Seconds for people: whole seconds, at least 1. */
function seconds(ms: number): number {
  return Math.max(1, Math.round(Math.abs(ms) / 1000));
}

/** The score's arithmetic in sentences, only for the terms that moved it. */
function scoreNotes(score: ScoreReport, name: string, t: Translate): string[] {
  if (score.autoFail) return [t('debrief.scoreAutoFail')];
  const b = score.breakdown;
  const lines: string[] = [];
  const ruiners = score.trustRuinerCount;
  if (ruiners > 0) {
    lines.push(t(b.cap.applied ? 'debrief.scoreCapApplied' : 'debrief.scoreCap', { count: ruiners, ceiling: b.cap.ceiling, raw: Math.min(100, Math.max(0, Math.round(b.raw))) }));
  }
  if (b.trustRuinerPenalty > 0) lines.push(t('debrief.scorePenalty', { points: Math.round(b.trustRuinerPenalty) }));
  if (b.waitCost > 0) lines.push(t('debrief.scoreWaits', { name, count: score.waits.count, points: Math.round(b.waitCost) }));
  if (b.endingRating.starsBelow > 0 && b.endingRating.rating !== null && b.endingRating.best !== null) {
    lines.push(
      t('debrief.scoreEndingRating', {
        name,
        rating: b.endingRating.rating,
        best: b.endingRating.best,
        count: b.endingRating.starsBelow,
        points: Math.round(b.endingRating.cost),
      }),
    );
  }
  if (b.outcomeAdjustment < 0) lines.push(t('debrief.scoreOutcome', { points: Math.round(-b.outcomeAdjustment) }));
  if (b.extraDecisionCost > 0) {
    lines.push(t('debrief.scoreExtra', { count: score.efficiency.extraDecisions, points: Math.round(b.extraDecisionCost) }));
  }
  if (b.moodRise.cost >= 0.5) lines.push(t('debrief.scoreMoodRise', { name, mood: Math.round(b.moodRise.points), points: Math.round(b.moodRise.cost) }));
  if (lines.length === 0) lines.push(t('debrief.scoreClean'));
  return lines;
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

function patienceLines(score: ScoreReport, name: string, t: Translate): string[] {
  const { patience, efficiency } = score;
  const lines = [t('debrief.interruptions', { count: patience.interruptions })];
  if (patience.ventingTurns > 0) lines.push(t('debrief.ventingTolerated', { count: patience.ventingTolerated }));
  if (patience.patientSilences > 0) lines.push(t('debrief.patientSilences', { count: patience.patientSilences, name }));
  lines.push(t('debrief.leftWaiting', { count: patience.leftWaiting, name }));
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
  const before = customerLineBefore(scenario, transcript, d.index);
  const reply = d.choiceId === null ? undefined : scenario.nodes[d.nodeId]?.replies.find((r) => r.id === d.choiceId);
  const entry = decisionsOf(transcript).find((e) => e.index === d.index);
  return {
    number,
    index: d.index,
    heading: t('debrief.decisionHeading', { number }),
    customerSaid: before?.text ?? null,
    customerAction: before?.action ? t('conversation.action', { action: before.action }) : null,
    youSaid: d.kind === 'reply' ? d.text : null,
    youDid: reply?.action?.trim() ? t('conversation.action', { action: reply.action.trim() }) : null,
    silenceText: d.kind === 'silence' ? silenceText(d, entry?.responseMs ?? 0, name, t) : null,
    interruptedText: d.interrupted ? interruptedText(scenario, d, entry, name, t) : null,
    waitText: d.wait.waited
      ? t('debrief.waitedNote', { name, seconds: seconds(d.wait.responseMs), allowance: seconds(d.wait.allowanceMs ?? 0) })
      : null,
    good: d.tags.filter((tag) => isGoodTag(tag)).map((tag) => t(`debrief.tag_${tag}`)),
    bad: bad.map((tag) => t(`debrief.tag_${tag}`)),
    notes: [...new Set(d.added.map((a) => t(`debrief.added_${a.reason}`, { name })))],
    feedback: (d.interrupted ? interruptionOf(scenario, d.nodeId)?.feedback?.trim() : undefined) || d.feedback,
    praise: d.verdict === 'good' ? t('debrief.wellChosen') : null,
    moodText: t('debrief.moodChange', { before: Math.round(d.moodBefore), after: Math.round(d.moodAfter) }),
    verdict: d.verdict,
    better: presentBetter(d, name, t),
    replayLabel: t('debrief.replayFrom', { number }),
  };
}

/** The node's own reaction to being interrupted, else the scenario's (the engine's default has no feedback). */
function interruptionOf(scenario: Scenario, nodeId: string): Interruption | undefined {
  return scenario.nodes[nodeId]?.interrupted ?? scenario.interrupted;
}

/** "Marja was still talking when you answered." and, when the reply was cut off, that it did not count as said. */
function interruptedText(scenario: Scenario, d: DecisionReport, recorded: DecisionEntry | undefined, name: string, t: Translate): string {
  const note = t('debrief.interruptedNote', { name });
  const mode = recorded?.reply ?? interruptionOf(scenario, d.nodeId)?.reply ?? 'cut';
  return mode === 'cut' && d.kind === 'reply' ? `${note} ${t('debrief.cutOffNote', { name })}` : note;
}

/** A venting customer's silence is patience; any other is a wait the customer had to break. */
function silenceText(d: DecisionReport, responseMs: number, name: string, t: Translate): string {
  if (d.patientSilence) return t('debrief.patientSilence', { name });
  return t('debrief.youWereSilent', { name, seconds: seconds(responseMs) });
}

/**
 * The better reply, always one on offer then. The why is written for someone who did not
 * choose it (the scenario's `better.why`), else the reason it was picked; never its own praise.
 */
function presentBetter(d: DecisionReport, name: string, t: Translate): DecisionView['better'] {
  const better = d.better;
  if (!better) return null;
  const reasonText = t(`debrief.betterReason_${better.reason}`, { name });
  if (better.reason === 'wait-then-same') {
    return { heading: t('debrief.betterWaitHeading', { name }), text: better.text, why: reasonText };
  }
  return { heading: t('debrief.betterHeading'), text: better.text, why: better.why?.trim() || reasonText };
}

/** The customer's last line before decision `index` (on that node), with its stage direction. */
function customerLineBefore(scenario: Scenario, transcript: Transcript, index: number): { text: string; action: string | null } | null {
  const decision = decisionsOf(transcript).find((d) => d.index === index);
  if (!decision) return null;
  let said: LineEntry | null = null;
  for (const entry of transcript) {
    if (entry === decision) break;
    if (entry.type === 'line' && entry.nodeId === decision.nodeId) said = entry;
  }
  return said ? { text: said.text, action: stageDirectionOf(scenario, said) } : null;
}

/** The face that goes with the ending's comment: the one written with it, else her last face. */
function endingFace(scenario: Scenario, transcript: Transcript, ending: EndEntry | undefined, t: Translate): EndingFace {
  const written = ending?.commentExpression ?? (ending ? scenario.nodes[ending.nodeId]?.end?.commentExpression : undefined);
  const walkedOut = ending?.outcome === 'walked-out' && !scenario.nodes[ending.nodeId]?.end;
  const lastLine = [...transcript].reverse().find((e): e is LineEntry => e.type === 'line');
  const expression: Expression =
    written ?? (walkedOut ? (scenario.walksOut?.expression ?? 'furious') : (lastLine?.expression ?? 'neutral'));
  const name = scenario.customer.name;
  return {
    portrait: scenario.customer.portrait,
    expression,
    label: t('debrief.faceLabel', { name, face: t(`debrief.face_${expression}`) }),
  };
}

/** The worst moment: an auto-fail, else the trust-ruiner that raised the mood most, else the biggest rise. */
function worstDecision(score: ScoreReport): DecisionReport | undefined {
  const rank = (d: DecisionReport) =>
    (d.verdict === 'auto-fail' ? 1000 : 0) + (d.verdict === 'trust-ruining' || d.wait.waited ? 500 : 0) + (d.moodAfter - d.moodBefore);
  const candidates = score.decisions.filter((d) => d.verdict === 'auto-fail' || d.verdict === 'trust-ruining' || d.wait.waited || d.moodAfter > d.moodBefore);
  return [...candidates].sort((a, b) => rank(b) - rank(a) || a.index - b.index)[0];
}

/** What went wrong at a decision, as "you …" (an interruption, a wait, or the trust-ruiners). */
function whatYouDid(d: DecisionReport, name: string, t: Translate): string {
  const parts: string[] = [];
  if (d.interrupted) parts.push(t('debrief.did_interrupted', { name }));
  if (d.kind === 'silence' && !d.patientSilence) parts.push(t('debrief.did_silent', { name }));
  if (d.wait.waited) parts.push(t('debrief.did_waited', { name, seconds: seconds(d.wait.responseMs) }));
  // Tags the game added (interrupting, rushing a venting customer, keeping her waiting) are said above in their own words.
  const own = d.tags.filter((tag) => (isTrustRuiner(tag) || isAutoFailTag(tag)) && !d.added.some((a) => a.tag === tag));
  for (const tag of own) parts.push(didText(tag, name, t));
  if (d.added.some((a) => a.reason === 'rushed-venting')) parts.push(t('debrief.did_rushed', { name }));
  if (parts.length === 0) parts.push(t('debrief.did_upset', { name }));
  return joinList(parts, t);
}

function joinList(parts: readonly string[], t: Translate): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} ${t('debrief.and')} ${parts[parts.length - 1]}`;
}

function selfAnswer(q: SelfQuestion, scenario: Scenario, score: ScoreReport, outcome: Outcome | null, t: Translate): string {
  const name = scenario.customer.name;
  const outcomeText = outcome ? t(`debrief.outcome_${outcome}`).toLocaleLowerCase(scenario.language) : t('debrief.unfinished');
  switch (q) {
    case 'why': {
      if (score.autoFail) {
        return t('debrief.answerWhy_autoFail', { decision: score.autoFail.decisionIndex + 1, behaviour: didText(score.autoFail.reason, name, t) });
      }
      const names = TRUST_RUINERS.filter((r) => score.trustRuiners[r].count > 0).map((r) => t(`debrief.ruiner_${r}`).toLocaleLowerCase());
      if (score.trustRuinerCount > 0) {
        return t('debrief.answerWhy_ruiners', { count: score.trustRuinerCount, list: names.join(', '), ceiling: score.breakdown.cap.ceiling, outcome: outcomeText });
      }
      if (score.waits.count > 0 || score.patience.interruptions > 0) {
        return t('debrief.answerWhy_timing', { name, outcome: outcomeText, interruptions: score.patience.interruptions, waits: score.waits.count });
      }
      return t('debrief.answerWhy_clean', { name, outcome: outcomeText });
    }
    case 'where': {
      const worst = worstDecision(score);
      if (!worst) return t('debrief.answerWhere_none', { name });
      return t('debrief.answerWhere', {
        number: worst.index + 1,
        what: whatYouDid(worst, name, t),
        name,
        before: Math.round(worst.moodBefore),
        after: Math.round(worst.moodAfter),
      });
    }
    case 'better': {
      const withBetter = score.decisions.filter((d) => d.better !== null);
      const first = withBetter.find((d) => d.verdict === 'trust-ruining' || d.verdict === 'auto-fail') ?? withBetter[0];
      if (!first?.better) return t('debrief.answerBetter_none');
      const why = first.better.reason === 'wait-then-same' ? t('debrief.betterReason_wait-then-same', { name }) : (first.better.why?.trim() || t(`debrief.betterReason_${first.better.reason}`, { name }));
      return t('debrief.answerBetter', { number: first.index + 1, text: first.better.text, why });
    }
    case 'unknown': {
      const asked = score.decisions.filter((d) => d.tags.includes('clarifying')).length;
      const knew = score.decisions.filter((d) => d.tags.includes('expertise') || d.tags.includes('honesty')).length;
      if (asked > 0) return t('debrief.answerUnknown_asked', { count: asked });
      if (knew > 0) return t('debrief.answerUnknown_knew', { count: knew });
      return t('debrief.answerUnknown_none');
    }
    case 'skills': {
      const lowest = [...VIRTUES].sort((a, b) => score.virtues[a] - score.virtues[b])[0]!;
      return t('debrief.answerSkills', {
        virtue: t(`debrief.virtue_${lowest}`),
        score: Math.round(score.virtues[lowest]),
        practice: t(`debrief.practice_${lowest}`),
      });
    }
  }
}
