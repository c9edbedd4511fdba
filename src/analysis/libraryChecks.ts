/**
 * The bundled library's targets (issue 11, "Must show"), per file and across files, as
 * sentences a scenario writer can act on: what misses, by how much, and the `calm-desk play`
 * arguments that show it. `tests/library` asserts there are none; `npm run library:report`
 * (`calm-desk analyze --checks`) prints the figures behind them for one file or many.
 *
 * @example
 * const figures = fileFigures('scenarios/kettle-returned-twice.en.yaml', scenario);
 * fileMisses(figures); // [] when the file meets every target
 */
import type { Reply, Scenario } from '../scenario/model.ts';
import type { Rubric } from '../scoring/rubric.ts';
import { scoreConversation } from '../scoring/score.ts';
import { isAutoFailTag, TRUST_RUINERS, type TrustRuiner } from '../scenario/vocabulary.ts';
import { analyzeScenario, type AnalysisReport } from './analyze.ts';
import { summarizeLibrary } from './library.ts';
import {
  bestReplyOf,
  limitOf,
  naiveReport,
  NAIVE_POLICIES,
  NAIVE_POLICY_DESCRIPTIONS,
  playConversation,
  runOf,
  type Move,
  type NaiveReport,
  type NaiveRun,
  type Player,
  type Turn,
} from './naive.ts';
import type { PathStep } from './paths.ts';

/** The numbers of issue 11 and the working spec, section E. */
export const LIBRARY_TARGETS = {
  bestAtLeast: 90,
  naiveMax: 50,
  politeMax: 60,
  /** Scores at or above this are the top verdict band ("Excellent"). */
  topBand: 85,
  trapScenariosAtLeast: 6,
  /** The best reply may be the longest at no more than this share of decision nodes. */
  longestBestShare: 1 / 3,
  idsPerLanguageAtLeast: 10,
  randomRuns: 200,
} as const;

/** The non-critical trust-ruiners: one of them on a best path must cost the top band. */
const SLIP_TAGS: readonly TrustRuiner[] = TRUST_RUINERS.filter((t) => !isAutoFailTag(t));

/** One trust-ruiner put on an otherwise best path. */
export interface Slip {
  /** 0-based decision the slip replaces. */
  decision: number;
  nodeId: string;
  /** What was done instead of the best move. */
  move: 'reply' | 'interrupt' | 'silence';
  choiceId: string | null;
  tags: TrustRuiner[];
  run: NaiveRun;
}

/** A star rating or score quoted in a facilitator note, and what the engine says. */
export interface NoteClaim {
  where: string;
  quote: string;
  kind: 'stars' | 'score';
  claimed: number;
  engine: number | null;
  agrees: boolean;
}

export interface FileFigures {
  file: string;
  scenario: Scenario;
  analysis: AnalysisReport;
  naive: NaiveReport;
  slips: Slip[];
  /** Decision nodes with two or more replies, and those where the best reply is the longest text. */
  longestBest: { nodes: number; longest: string[] };
  /** Where the best reply sits (1-based position) at each decision node with two or more replies. */
  bestPositions: Record<string, number>;
  missingFeedback: string[];
  claims: NoteClaim[];
}

/** Everything the library targets look at for one file (plays about 230 conversations). */
export function fileFigures(file: string, scenario: Scenario, options: { runs?: number; seed?: number; rubric?: Rubric } = {}): FileFigures {
  const analysis = analyzeScenario(scenario, { rubric: options.rubric });
  const naive = naiveReport(scenario, { runs: options.runs ?? LIBRARY_TARGETS.randomRuns, seed: options.seed, rubric: options.rubric });
  return {
    file,
    scenario,
    analysis,
    naive,
    slips: singleSlips(scenario, analysis.best?.steps ?? [], options.rubric),
    ...replyShapes(scenario),
    missingFeedback: missingFeedback(scenario),
    claims: noteClaims(scenario, analysis),
  };
}

/** The best path's move at a node (its first visit), else the best reply 2 s after the customer finished. */
function bestMove(turn: Turn, byNode: ReadonlyMap<string, PathStep>): Move {
  const step = byNode.get(turn.nodeId);
  if (step?.kind === 'silence') return turn.speaking ? { kind: 'listen' } : { kind: 'silence' };
  const planned = step?.choiceId ? turn.replies.find((r) => r.id === step.choiceId) : undefined;
  const reply = planned ?? bestReplyOf(turn.replies);
  if (turn.speaking && step?.kind !== 'interrupt') return { kind: 'listen' };
  return reply ? { kind: 'reply', id: reply.id } : { kind: 'silence' };
}

function ruinersOf(tags: readonly string[]): TrustRuiner[] {
  return SLIP_TAGS.filter((t) => tags.includes(t));
}

/**
 * Every single slip on the best path: at each of its decisions, a visible reply carrying a
 * (non-critical) trust-ruiner, the best reply said over the customer where the node allows it,
 * or a silence whose rule is trust-ruining; the rest of the path played as well as possible.
 */
export function singleSlips(scenario: Scenario, best: readonly PathStep[], rubric?: Rubric): Slip[] {
  const byNode = new Map<string, PathStep>();
  for (const step of best) if (!byNode.has(step.nodeId)) byNode.set(step.nodeId, step);
  // The decisions of the best play as the machine offers them.
  const turns: Turn[] = [];
  playConversation(scenario, (turn) => {
    if (!turns.some((t) => t.decision === turn.decision)) turns.push(turn);
    return bestMove(turn, byNode);
  });
  const slips: Slip[] = [];
  for (const turn of turns) {
    const node = scenario.nodes[turn.nodeId];
    if (!node) continue;
    const options: { move: Slip['move']; reply: Reply | null; tags: TrustRuiner[] }[] = [];
    for (const reply of turn.replies) {
      const tags = ruinersOf(reply.tags);
      if (tags.length > 0 && !reply.tags.some(isAutoFailTag)) options.push({ move: 'reply', reply, tags });
    }
    const good = bestReplyOf(turn.replies);
    if (good && node.earlyReplies) options.push({ move: 'interrupt', reply: good, tags: ['impatience'] });
    const silence = node.silence ?? scenarioSilence(scenario);
    const silenceTags = silence ? ruinersOf(silence.tags) : [];
    if (silenceTags.length > 0 && !node.venting) options.push({ move: 'silence', reply: null, tags: silenceTags });
    for (const option of options) {
      let slipped = false;
      const player: Player = (t) => {
        if (!slipped && t.decision === turn.decision && t.nodeId === turn.nodeId) {
          if (option.move === 'interrupt') {
            if (!t.speaking) return { kind: 'reply', id: option.reply!.id, afterMs: 0 };
            slipped = true;
            return { kind: 'reply', id: option.reply!.id };
          }
          if (t.speaking) return { kind: 'listen' };
          slipped = true;
          return option.move === 'silence' ? { kind: 'silence' } : { kind: 'reply', id: option.reply!.id };
        }
        return bestMove(t, byNode);
      };
      const run = runOf(scenario, playConversation(scenario, player), rubric ? (s, t) => scoreConversation(s, t, rubric) : undefined);
      slips.push({ decision: turn.decision, nodeId: turn.nodeId, move: option.move, choiceId: option.reply?.id ?? null, tags: option.tags, run });
    }
  }
  return slips;
}

/** The scenario-level default silence rule, when the model has one (format 1.1). */
function scenarioSilence(scenario: Scenario): { tags: readonly string[] } | undefined {
  const rule = (scenario as Scenario & { silence?: { tags: readonly string[] } }).silence;
  return rule && Array.isArray(rule.tags) ? rule : undefined;
}

function replyShapes(scenario: Scenario): Pick<FileFigures, 'longestBest' | 'bestPositions'> {
  const longest: string[] = [];
  const bestPositions: Record<string, number> = {};
  let nodes = 0;
  for (const id of scenario.nodeOrder) {
    const node = scenario.nodes[id]!;
    if (node.end || node.replies.length < 2) continue;
    nodes++;
    const best = bestReplyOf(node.replies)!;
    bestPositions[id] = node.replies.indexOf(best) + 1;
    if (node.replies.every((r) => r === best || r.say.length < best.say.length)) longest.push(id);
  }
  return { longestBest: { nodes, longest }, bestPositions };
}

function missingFeedback(scenario: Scenario): string[] {
  const out: string[] = [];
  for (const id of scenario.nodeOrder) {
    for (const reply of scenario.nodes[id]!.replies) if (!reply.feedback?.trim()) out.push(`${id}/${reply.id}`);
  }
  return out;
}

const STAR_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5,
  yksi: 1, yhden: 1, yhtä: 1, kaksi: 2, kahden: 2, kahta: 2, kolme: 3, kolmen: 3, kolmea: 3,
  neljä: 4, neljän: 4, neljää: 4, viisi: 5, viiden: 5, viittä: 5,
};

const STAR_PATTERNS = [
  /\b(one|two|three|four|five|[1-5])[\s-]+stars?\b/giu,
  /(?<![\p{L}\d])(yksi|yhden|yhtä|kaksi|kahden|kahta|kolme|kolmen|kolmea|neljä|neljän|neljää|viisi|viiden|viittä|[1-5])\s+tähte\p{L}*/giu,
  /\b([1-5])\s*\/\s*5\b/gu,
  /(★{1,5})/gu,
];
const SCORE_PATTERNS = [
  /\bscor(?:e|es|ed|ing)\s+(?:of\s+|about\s+|around\s+|only\s+|just\s+)?(\d{1,3})\b/giu,
  /\b(\d{1,3})\s*(?:points?|\/\s*100)\b/giu,
  /(?<![\p{L}\d])(\d{1,3})\s+pist\p{L}*/giu,
  /\b(zero)\b(?=[^.]*\b(?:score|points?)\b)|\bscore\b[^.]*\b(zero)\b/giu,
  /(?<![\p{L}\d])(nollaan|nolla)\s+pist\p{L}*|pisteet\s+(?:\p{L}+\s+)?(nollataan|nollaan)/giu,
];

function claimValue(raw: string): number {
  if (/^★+$/u.test(raw)) return raw.length;
  const word = raw.toLowerCase();
  if (word in STAR_WORDS) return STAR_WORDS[word]!;
  if (['zero', 'nolla', 'nollaan', 'nollataan'].includes(word)) return 0;
  return Number(raw);
}

/** Star ratings and scores quoted in facilitator notes, checked against the best path (and 0 against an auto-fail path). */
export function noteClaims(scenario: Scenario, analysis: AnalysisReport): NoteClaim[] {
  const notes: { where: string; text: string }[] = [];
  if (scenario.facilitator) notes.push({ where: 'facilitator note', text: scenario.facilitator });
  for (const id of scenario.nodeOrder) {
    const text = scenario.nodes[id]!.facilitator;
    if (text) notes.push({ where: `facilitator note of node \`${id}\``, text });
  }
  const claims: NoteClaim[] = [];
  const bestStars = analysis.best?.satisfaction ?? null;
  const bestScore = analysis.best?.overall ?? null;
  for (const note of notes) {
    for (const [kind, patterns] of [['stars', STAR_PATTERNS], ['score', SCORE_PATTERNS]] as const) {
      for (const pattern of patterns) {
        for (const match of note.text.matchAll(pattern)) {
          const raw = match.slice(1).find((g) => g !== undefined);
          if (raw === undefined) continue;
          const claimed = claimValue(raw);
          if (!Number.isFinite(claimed) || (kind === 'score' && claimed > 100)) continue;
          const engine = kind === 'stars' ? bestStars : claimed === 0 ? (analysis.autoFailReachable ? 0 : bestScore) : bestScore;
          claims.push({ where: note.where, quote: match[0].trim(), kind, claimed, engine, agrees: engine === claimed });
        }
      }
    }
  }
  return claims;
}

const play = (file: string, args: string): string => `\`npx calm-desk play ${file} ${args}\``;

/** Every target one file misses, as sentences with the `play` arguments that show it. */
export function fileMisses(f: FileFigures): string[] {
  const misses: string[] = [];
  const { file, analysis, naive } = f;
  const best = analysis.best;
  if (!best) misses.push(`${file}: no path reaches an ending`);
  else if (best.overall < LIBRARY_TARGETS.bestAtLeast) {
    misses.push(`${file}: best path scores ${best.overall}, needs ≥ ${LIBRARY_TARGETS.bestAtLeast}: ${play(file, best.playArgs)}`);
  }
  const limits = { naiveMax: LIBRARY_TARGETS.naiveMax, politeMax: LIBRARY_TARGETS.politeMax };
  for (const policy of NAIVE_POLICIES) {
    const figures = naive.policies[policy];
    const limit = limitOf(policy, limits);
    if (figures.mean <= limit) continue;
    const spread = figures.runs > 1 ? ` (p10 ${figures.p10}, p90 ${figures.p90}, ${figures.runs} runs; best run)` : '';
    misses.push(`${file}: naive \`${policy}\` (${NAIVE_POLICY_DESCRIPTIONS[policy]}) averages ${figures.mean}, needs ≤ ${limit}${spread}: ${play(file, figures.example.playArgs)}`);
  }
  for (const slip of f.slips.filter((s) => s.run.overall >= LIBRARY_TARGETS.topBand)) {
    const what = slip.move === 'silence' ? 'staying silent' : slip.move === 'interrupt' ? `interrupting with \`${slip.choiceId}\`` : `\`${slip.choiceId}\``;
    misses.push(`${file}: one trust-ruiner (${slip.tags.join(', ')}: ${what} at decision ${slip.decision + 1}, node \`${slip.nodeId}\`) on the best path still scores ${slip.run.overall} (top band is ≥ ${LIBRARY_TARGETS.topBand}): ${play(file, slip.run.playArgs)}`);
  }
  for (const ending of analysis.endings.filter((e) => e.reach !== 'reachable')) {
    const why = ending.reach === 'unreachable' ? 'is not reachable' : `is not proven reachable (the analysis stopped at its budget after ${analysis.states} states; see \`calm-desk analyze ${file}\`)`;
    misses.push(`${file}: ending \`${ending.nodeId}\` (${ending.outcome}) ${why}`);
  }
  if (f.missingFeedback.length > 0) misses.push(`${file}: replies without feedback: ${f.missingFeedback.join(', ')}`);
  const { nodes, longest } = f.longestBest;
  if (nodes > 0 && longest.length > Math.floor(nodes * LIBRARY_TARGETS.longestBestShare)) {
    misses.push(`${file}: the best reply is the longest at ${longest.length} of ${nodes} decision nodes, at most ${Math.floor(nodes * LIBRARY_TARGETS.longestBestShare)} allowed (${longest.join(', ')})`);
  }
  for (const claim of f.claims.filter((c) => !c.agrees)) {
    const engine = claim.engine === null ? 'no finished path' : claim.kind === 'stars' ? `${claim.engine} stars on the best path` : `${claim.engine} on the best path`;
    misses.push(`${file}: the ${claim.where} says "${claim.quote}" (${claim.claimed}), the engine gives ${engine}${best ? `: ${play(file, best.playArgs)}` : ''}`);
  }
  return misses;
}

/**
 * Differences between two translations of one scenario that are more than text: node ids,
 * reply ids and order, links, tags, moods, conditions, variables, endings and timing flags.
 */
export function translationMisses(a: { file: string; scenario: Scenario }, b: { file: string; scenario: Scenario }): string[] {
  const out: string[] = [];
  const pair = `${b.file} (vs ${a.file})`;
  const sa = a.scenario;
  const sb = b.scenario;
  if (sa.nodeOrder.join(',') !== sb.nodeOrder.join(',')) out.push(`${pair}: node ids differ: ${sa.nodeOrder.join(', ')} / ${sb.nodeOrder.join(', ')}`);
  const top = (s: Scenario) => JSON.stringify([s.start, s.variables, s.customer.mood, s.customer.walksOutAt, s.difficulty]);
  if (top(sa) !== top(sb)) out.push(`${pair}: start, variables, mood, walksOutAt or difficulty differ`);
  for (const id of sa.nodeOrder) {
    const na = sa.nodes[id];
    const nb = sb.nodes[id];
    if (!na || !nb) continue;
    const shape = (n: typeof na) =>
      JSON.stringify({
        venting: n.venting,
        earlyReplies: n.earlyReplies,
        lines: n.says.length,
        end: n.end ? [n.end.outcome, n.end.satisfaction] : null,
        branches: n.branches.map((x) => [x.when?.source ?? null, x.next]),
        silence: n.silence ? [n.silence.after, n.silence.tags, n.silence.mood, n.silence.next ?? null] : null,
        interrupted: interruptionShape(n.interrupted),
      });
    if (shape(na) !== shape(nb)) out.push(`${pair}: node \`${id}\` differs beyond its texts (venting, earlyReplies, line count, ending, branches, silence or interruption)`);
    const ra = na.replies.map(replyShape);
    const rb = nb.replies.map(replyShape);
    for (let i = 0; i < Math.max(ra.length, rb.length); i++) {
      if (ra[i] !== rb[i]) out.push(`${pair}: reply ${i + 1} of node \`${id}\` differs: ${ra[i] ?? 'none'} / ${rb[i] ?? 'none'}`);
    }
  }
  return out;
}

function replyShape(r: Reply): string {
  return JSON.stringify([r.id, r.next, [...r.tags].sort(), r.mood, r.set, r.add, r.when?.source ?? null, r.better ?? null, (r as Reply & { preferred?: boolean }).preferred === true]);
}

function interruptionShape(value: unknown): unknown {
  if (!value || typeof value !== 'object') return null;
  const v = value as { says?: unknown[]; mood?: number; next?: string; reply?: string; text?: string };
  if (typeof v.text === 'string') return 'line';
  return [v.says?.length ?? 0, v.mood ?? null, v.next ?? null, v.reply ?? null];
}

/** Targets across files: traps per trust-ruiner, translations in step, ids per language. */
export function libraryMisses(all: readonly FileFigures[]): string[] {
  const misses: string[] = [];
  const library = summarizeLibrary(all.map((f) => f.analysis));
  for (const tag of TRUST_RUINERS) {
    const ids = library.trapScenarios[tag];
    if (ids.length < LIBRARY_TARGETS.trapScenariosAtLeast) {
      misses.push(`library: ${tag} is a live trap in ${ids.length} scenario(s) (${ids.join(', ') || 'none'}), needs ≥ ${LIBRARY_TARGETS.trapScenariosAtLeast}`);
    }
  }
  const byId = new Map<string, FileFigures[]>();
  for (const f of all) byId.set(f.scenario.id, [...(byId.get(f.scenario.id) ?? []), f]);
  for (const [id, files] of byId) {
    const languages = new Set(files.map((f) => f.scenario.language));
    if (languages.size < 2) misses.push(`library: scenario \`${id}\` has no translation (only ${[...languages].join(', ')})`);
    for (const other of files.slice(1)) misses.push(...translationMisses(files[0]!, other));
  }
  for (const [language, ids] of Object.entries(library.idsByLanguage)) {
    if (ids.length < LIBRARY_TARGETS.idsPerLanguageAtLeast) misses.push(`library: ${ids.length} scenario ids in ${language}, needs ≥ ${LIBRARY_TARGETS.idsPerLanguageAtLeast}`);
  }
  return misses;
}

