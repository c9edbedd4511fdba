/**
 * The debrief's mood plot as data: points over the conversation's time (0..1 across, mood
 * 0..100), a marker per decision, the walk-out line and a sentence for screen readers.
 */
import type { Transcript } from '../conversation/transcript.ts';
import { decisionsOf, endingOf } from '../conversation/transcript.ts';
import type { Scenario } from '../scenario/model.ts';
import type { DecisionReport, ScoreReport } from '../scoring/report.ts';
import { clampMood, MOOD_COLOURS, moodBand } from './conversationMood.ts';
import type { Translate } from './conversationText.ts';

export interface MoodPoint {
  /** 0..1 across the conversation's time. */
  x: number;
  /** 0..100. */
  mood: number;
}

export interface MoodMarker extends MoodPoint {
  number: number;
  label: string;
  verdict: DecisionReport['verdict'];
  colour: number;
}

/** A stretch of time the customer waited for the trainee (shaded on the plot). */
export interface MoodWait {
  /** 0..1 across: when the customer had finished, and when the trainee answered (or the silence ran out). */
  from: number;
  to: number;
  /** The decision it belongs to, 1-based. */
  number: number;
  /** `wait`: a reply that came late; `silence`: no reply until the customer spoke again; `patience`: a silence through venting. */
  kind: 'wait' | 'silence' | 'patience';
  /** Short label on the plot, e.g. "waited 9 s". */
  label: string;
}

export interface MoodCurveView {
  heading: string;
  /** A sentence that says what the plot shows. */
  summary: string;
  points: MoodPoint[];
  markers: MoodMarker[];
  /** Waits and silences, drawn as shaded stretches of time. */
  waits: MoodWait[];
  /** Legend for the shaded stretches; null when there are none. */
  waitLegend: string | null;
  /** Mood at which the customer walks out, 0..100. */
  walkOutAt: number;
  axisMood: string;
  axisTime: string;
  loading: string;
}

/** Marker colours by verdict: teal for good, grey for neutral, coral and red for harm. */
export const VERDICT_COLOURS: Readonly<Record<DecisionReport['verdict'], number>> = {
  good: 0x2b6b70,
  neutral: 0x3f5a64,
  'trust-ruining': MOOD_COLOURS.upset,
  'auto-fail': MOOD_COLOURS.furious,
};

/** Build the plot data. Time runs from 0 to the ending (or the last decision). */
export function presentMoodCurve(scenario: Scenario, transcript: Transcript, score: ScoreReport, t: Translate): MoodCurveView {
  const decisions = decisionsOf(transcript);
  const endAt = endingOf(transcript)?.at ?? decisions[decisions.length - 1]?.at ?? 0;
  const span = Math.max(1, endAt);
  const start = clampMood(decisions[0]?.moodBefore ?? score.moodCurve[0] ?? scenario.customer.mood);
  const points: MoodPoint[] = [{ x: 0, mood: start }];
  const markers: MoodMarker[] = [];
  const waits: MoodWait[] = [];
  for (const d of decisions) {
    const report = score.decisions.find((r) => r.index === d.index);
    const wait = report ? waitOf(d.at, d.responseMs, span, report, t) : null;
    if (wait) waits.push(wait);
    const x = Math.min(1, Math.max(0, d.at / span));
    const mood = clampMood(d.moodAfter);
    points.push({ x, mood: clampMood(d.moodBefore) }, { x, mood });
    const verdict = report?.verdict ?? 'neutral';
    markers.push({ x, mood, number: d.index + 1, label: t('debrief.moodMarker', { number: d.index + 1 }), verdict, colour: VERDICT_COLOURS[verdict] });
  }
  const last = points[points.length - 1]!;
  if (last.x < 1) points.push({ x: 1, mood: last.mood });
  const moods = points.map((p) => p.mood);
  const leftWaiting = waits.filter((w) => w.kind !== 'patience').length;
  const summary = t('debrief.moodSummary', {
    start: `${start} (${t(`conversation.mood_${moodBand(start)}`)})`,
    end: `${last.mood} (${t(`conversation.mood_${moodBand(last.mood)}`)})`,
    peak: Math.max(...moods),
  });
  return {
    heading: t('debrief.moodHeading'),
    summary: leftWaiting > 0 ? `${summary} ${t('debrief.moodWaitsSummary', { count: leftWaiting, name: scenario.customer.name })}` : summary,
    points,
    markers,
    waits,
    waitLegend: waits.length > 0 ? t('debrief.moodWaitLegend') : null,
    walkOutAt: clampMood(scenario.customer.walksOutAt),
    axisMood: t('debrief.moodAxis'),
    axisTime: t('debrief.moodAxisTime'),
    loading: t('debrief.moodLoading'),
  };
}

/** The shaded stretch of one decision: a late reply, a silence, or a patient silence through venting. */
function waitOf(at: number, responseMs: number, span: number, report: DecisionReport, t: Translate): MoodWait | null {
  if (responseMs <= 0) return null;
  const kind: MoodWait['kind'] | null = report.kind === 'silence' ? (report.patientSilence ? 'patience' : 'silence') : report.wait.waited ? 'wait' : null;
  if (!kind) return null;
  const from = Math.min(1, Math.max(0, (at - responseMs) / span));
  const to = Math.min(1, Math.max(from, at / span));
  const secondsWaited = Math.max(1, Math.round(responseMs / 1000));
  return { from, to, number: report.index + 1, kind, label: t(`debrief.moodWait_${kind}`, { seconds: secondsWaited }) };
}
