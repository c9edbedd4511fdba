/**
 * The end-of-session summary for the room, page by page: first the class's path beside the best
 * path with the score and the trust-ruiners, then the vote split at each decision, then the
 * self-analysis questions one per page (with what happened in this session), for discussion.
 * Also the printable record (`presentRoomExport`). Pure.
 */
import type { ExportDocument } from '../classroom/export.ts';
import type { RoomSummary } from '../classroom/summary.ts';
import type { SelfAnalysisItem } from './debrief.ts';
import type { Translate } from './conversationText.ts';
import { clockText } from './roomPresenter.ts';

export interface SummaryPathRow {
  number: number;
  classText: string;
  bestText: string;
  same: boolean;
  /** "kept trust" / "cost trust": shown after the reveal of the whole session. */
  verdictText: string | null;
}

export type RoomSummaryPage =
  | {
      kind: 'overview';
      heading: string;
      scoreText: string;
      verdictText: string;
      outcomeText: string;
      bestScoreText: string | null;
      classHeading: string;
      bestHeading: string;
      rows: SummaryPathRow[];
      ruinersHeading: string;
      ruiners: Array<{ name: string; countText: string }>;
      ruinersNone: string | null;
    }
  | {
      kind: 'votes';
      heading: string;
      empty: string | null;
      decisions: Array<{ heading: string; rows: Array<{ letter: string; text: string; count: number; fraction: number; countText: string; chosen: boolean }>; chosenText: string }>;
    }
  | { kind: 'question'; heading: string; number: number; of: number; question: string; answer: string; prompt: string };

export interface RoomSummaryView {
  title: string;
  pages: RoomSummaryPage[];
  pageLabel: (page: number) => string;
  keysHint: string;
}

function stepText(letter: string | null, text: string | null, t: Translate): string {
  return letter ? `${letter}: ${text ?? ''}` : t('room.silence');
}

export function presentRoomSummary(summary: RoomSummary, selfAnalysis: readonly SelfAnalysisItem[], t: Translate): RoomSummaryView {
  const score = summary.score;
  const rows = Array.from({ length: Math.max(summary.classPath.length, summary.bestPath.length) }, (_, i): SummaryPathRow => {
    const c = summary.classPath[i];
    const b = summary.bestPath[i];
    return {
      number: i + 1,
      classText: c ? stepText(c.letter, c.text, t) : '',
      bestText: b ? stepText(b.letter, b.text, t) : '',
      same: c?.matchesBest ?? false,
      verdictText: c?.verdict ? t(`room.verdict_${c.verdict}`) : null,
    };
  });
  const ruiners = summary.trustRuiners.filter((r) => r.count > 0);
  const overview: RoomSummaryPage = {
    kind: 'overview',
    heading: t('room.summaryHeading'),
    scoreText: score ? t('room.summaryScore', { score: score.overall }) : t('room.summaryUnfinished'),
    verdictText: score ? t(`debrief.verdict_${score.verdict}`) : '',
    outcomeText: summary.outcome ? t('room.summaryOutcome', { outcome: t(`debrief.outcome_${summary.outcome}`) }) : '',
    bestScoreText: summary.bestScore === null ? null : t('room.bestScore', { score: summary.bestScore }),
    classHeading: t('room.classPath'),
    bestHeading: t('room.bestPath'),
    rows,
    ruinersHeading: t('room.ruinersHeading'),
    ruiners: ruiners.map((r) => ({
      name: t(`debrief.ruiner_${r.tag}`),
      countText: t('room.ruinerWhere', { count: r.count, decisions: r.decisions.map((d) => d + 1).join(', ') }),
    })),
    ruinersNone: ruiners.length === 0 ? t('room.ruinersNone') : null,
  };
  const votes: RoomSummaryPage = {
    kind: 'votes',
    heading: t('room.votesHeading'),
    empty: summary.votes.length === 0 ? t('room.votesNone') : null,
    decisions: summary.votes.map((v) => ({
      heading: t('room.voteDecision', { number: v.decision + 1 }),
      rows: v.rows.map((r) => ({ letter: r.letter, text: r.text, count: r.count, fraction: r.share, countText: t('room.handsCount', { count: r.count }), chosen: r.replyId === v.chosen })),
      chosenText: v.by === 'vote' ? t('room.chosenByVote') : t('room.chosenByTrainer'),
    })),
  };
  const questions: RoomSummaryPage[] = selfAnalysis.map((item, i) => ({
    kind: 'question',
    heading: t('room.questionHeading', { number: i + 1, of: selfAnalysis.length }),
    number: i + 1,
    of: selfAnalysis.length,
    question: item.question,
    answer: item.answer,
    prompt: t('room.questionPrompt'),
  }));
  return {
    title: summary.title,
    pages: [overview, votes, ...questions],
    pageLabel: (page) => t('room.pageOf', { page: page + 1, of: 2 + questions.length }),
    keysHint: t('room.summaryKeys'),
  };
}

/** The printable one-page record, in the trainer's language. */
export function presentRoomExport(summary: RoomSummary, selfAnalysis: readonly SelfAnalysisItem[], t: Translate, language: string): ExportDocument {
  const score = summary.score;
  const date = new Date(summary.startedAt);
  const facts: ExportDocument['facts'] = [
    { label: t('room.exportDate'), value: date.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' },
    { label: t('room.exportLength'), value: clockText(summary.durationMs) },
    { label: t('room.exportScore'), value: score ? `${score.overall} / 100 (${t(`debrief.verdict_${score.verdict}`)})` : t('room.summaryUnfinished') },
  ];
  if (summary.outcome) facts.push({ label: t('room.exportOutcome'), value: t(`debrief.outcome_${summary.outcome}`) });
  if (summary.bestScore !== null) facts.push({ label: t('room.bestPath'), value: `${summary.bestScore} / 100` });
  facts.push({ label: t('room.exportStepBacks'), value: String(summary.stepBacks) });
  const pathTable = [
    ['#', t('room.classPath'), t('room.exportVerdict'), t('room.bestPath')],
    ...Array.from({ length: Math.max(summary.classPath.length, summary.bestPath.length) }, (_, i) => {
      const c = summary.classPath[i];
      const b = summary.bestPath[i];
      return [
        String(i + 1),
        c ? stepText(c.letter, c.text, t) : '',
        c?.verdict ? t(`room.verdict_${c.verdict}`) : '',
        b ? stepText(b.letter, b.text, t) : '',
      ];
    }),
  ];
  const ruiners = summary.trustRuiners.filter((r) => r.count > 0);
  const voteTable = [
    [t('room.exportDecision'), ...['A', 'B', 'C', 'D'], t('room.exportChosen')],
    ...summary.votes.map((v) => [
      String(v.decision + 1),
      ...['A', 'B', 'C', 'D'].map((letter) => {
        const row = v.rows.find((r) => r.letter === letter);
        return row ? String(row.count) : '';
      }),
      `${v.rows.find((r) => r.replyId === v.chosen)?.letter ?? ''} (${v.by === 'vote' ? t('room.chosenByVote') : t('room.chosenByTrainer')})`,
    ]),
  ];
  return {
    lang: language,
    title: t('room.exportTitle', { title: summary.title }),
    subtitle: t('room.exportSubtitle'),
    facts,
    sections: [
      { heading: t('room.pathsHeading'), table: pathTable },
      {
        heading: t('room.ruinersHeading'),
        paragraphs:
          ruiners.length === 0
            ? [t('room.ruinersNone')]
            : ruiners.map((r) => `${t(`debrief.ruiner_${r.tag}`)}: ${t('room.ruinerWhere', { count: r.count, decisions: r.decisions.map((d) => d + 1).join(', ') })}`),
      },
      summary.votes.length === 0 ? { heading: t('room.votesHeading'), paragraphs: [t('room.votesNone')] } : { heading: t('room.votesHeading'), table: voteTable },
      { heading: t('room.exportQuestions'), paragraphs: selfAnalysis.map((q, i) => `${i + 1}. ${q.question} ${q.answer}`) },
    ],
  };
}
