/**
 * The parts of docs/scoring.md that are computed, not written: the worked example (a real
 * bundled scenario played with `calm-desk play`, every figure from the scorer) and the table of
 * naive-policy scores. tests/scoring/docs.test.ts renders them and compares them with the doc;
 * `UPDATE_DOCS=1 npx vitest run tests/scoring/docs.test.ts` writes them into it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { playScript } from '../../src/analysis/play.ts';
import { bestReplyOf, NAIVE_POLICIES, naiveReport, playConversation, type NaivePolicy, type Player } from '../../src/analysis/naive.ts';
import { decisionsOf, endingOf, type Transcript } from '../../src/conversation/transcript.ts';
import type { Scenario } from '../../src/scenario/model.ts';
import { loadScenarioOrTranslation } from '../../src/scenario/translation.ts';
import { isTrustRuiner } from '../../src/scenario/vocabulary.ts';
import { isRubricFileName } from '../../src/scoring/loadRubric.ts';
import type { ScoreReport } from '../../src/scoring/report.ts';
import { DEFAULT_RUBRIC, VIRTUES, type Virtue } from '../../src/scoring/rubric.ts';
import { scoreConversation } from '../../src/scoring/score.ts';
import { bestEnding } from '../../src/scoring/shortestPath.ts';

export const root = join(import.meta.dirname, '..', '..');
const rubric = DEFAULT_RUBRIC;

export function loadBundled(file: string): Scenario {
  const { scenario, diagnostics } = loadScenarioOrTranslation(readFileSync(join(root, file), 'utf8'), file, (f) => readFileSync(join(root, f), 'utf8'));
  if (!scenario) throw new Error(`${file} does not load: ${diagnostics.map((d) => d.code).join(', ')}`);
  return scenario;
}

/** A `calm-desk play` command: reply ids in order, and the decisions that were silences. */
export interface PlayCommand {
  file: string;
  choices: string[];
  silent: number[];
}

export function commandText(c: PlayCommand): string {
  return `npx calm-desk play ${c.file} --choices ${c.choices.join(',')}${c.silent.length > 0 ? ` --silent ${c.silent.join(',')}` : ''}`;
}

export function parseCommands(text: string): PlayCommand[] {
  return [...text.matchAll(/npx calm-desk play (\S+) --choices (\S+)(?: --silent (\S+))?/g)].map((m) => ({
    file: m[1]!,
    choices: m[2]!.split(','),
    silent: m[3] ? m[3].split(',').map(Number) : [],
  }));
}

function commandOf(file: string, transcript: Transcript): PlayCommand {
  const list = decisionsOf(transcript);
  return {
    file,
    choices: list.filter((d) => d.kind === 'reply').map((d) => d.choiceId!),
    silent: list.filter((d) => d.kind === 'silence').map((d) => d.index + 1),
  };
}

/** Plays a command as `calm-desk play` does and scores it. */
export function playCommand(c: PlayCommand): { scenario: Scenario; transcript: Transcript; report: ScoreReport } {
  const scenario = loadBundled(c.file);
  const played = playScript(scenario, { choices: c.choices, silent: c.silent });
  if (!played.ok) throw new Error(`docs/scoring.md: \`${commandText(c)}\` no longer plays (${played.error})`);
  return { scenario, transcript: played.transcript, report: scoreConversation(scenario, played.transcript) };
}

/**
 * The example the doc shows: the best words at every decision (the node's preferred reply, else
 * the highest-value one), and the same path with one slip, a trust-ruining reply offered at a
 * decision that leads on to the same node.
 */
export function chooseExample(file: string): { best: PlayCommand; slip: PlayCommand } {
  const scenario = loadBundled(file);
  const greedy = (slipAt: number): Player => (turn) => {
    if (turn.speaking) return { kind: 'listen' };
    const best = bestReplyOf(turn.replies);
    if (!best) return { kind: 'silence' };
    if (turn.decision !== slipAt) return { kind: 'reply', id: best.id };
    const slip = turn.replies.find((r) => r.next === best.next && r.tags.some(isTrustRuiner) && !r.tags.some((t) => rubric.critical.includes(t)));
    return { kind: 'reply', id: (slip ?? best).id };
  };
  const best = playConversation(scenario, greedy(-1));
  if (!best.finished) throw new Error(`${file}: the best words do not reach an ending`);
  const count = decisionsOf(best.transcript).length;
  for (let k = 1; k < count; k++) {
    const slipped = playConversation(scenario, greedy(k));
    const ruined = decisionsOf(slipped.transcript)[k]?.tags.some(isTrustRuiner);
    if (slipped.finished && ruined && endingOf(slipped.transcript)?.nodeId === endingOf(best.transcript)?.nodeId) {
      return { best: commandOf(file, best.transcript), slip: commandOf(file, slipped.transcript) };
    }
  }
  throw new Error(`${file}: no decision offers a trust-ruiner that leads on to the same ending`);
}

const n = (x: number): string => String(Math.round(x * 100) / 100);
const signed = (x: number): string => (x < 0 ? `− ${n(-x)}` : `+ ${n(x)}`);
const VIRTUE_NAMES: Record<Virtue, string> = { friendliness: 'Friendliness', expertise: 'Expertise', composure: 'Composure', efficiency: 'Efficiency' };

/** One virtue's arithmetic: start, the largest gain per decision, kept at 100, then every negative effect. */
function virtueLine(report: ScoreReport, virtue: Virtue, start: string, startValue: number): { line: string; raw: number } {
  let good = 0;
  const gains: string[] = [];
  const losses: string[] = [];
  let bad = 0;
  for (const d of report.decisions) {
    let largest = 0;
    let which = '';
    for (const tag of d.tags) {
      const effect = rubric.tags[tag][virtue] ?? 0;
      if (effect > largest) [largest, which] = [effect, tag];
    }
    if (largest > 0) gains.push(`${largest} (${d.index + 1}: ${which})`);
    good += largest;
    const ownTags = d.tags;
    for (const tag of ownTags) {
      const effect = rubric.tags[tag][virtue] ?? 0;
      if (effect < 0) losses.push(`${-effect} (${d.index + 1}: ${tag}${d.added.some((a) => a.tag === tag && a.reason === 'kept-waiting') ? ', kept waiting' : ''})`);
      if (effect < 0) bad += effect;
    }
  }
  const sum = startValue + good;
  let line = [start, ...gains].join(' + ');
  if (sum > 100) line += ` = ${n(sum)}, kept at 100`;
  if (losses.length > 0) line += ` − ${losses.join(' − ')}`;
  const raw = Math.min(100, sum) + bad;
  const shown = Math.min(100, Math.max(0, Math.round(raw)));
  line += ` = **${shown}**`;
  return { line: `- ${VIRTUE_NAMES[virtue]}: ${line}`, raw };
}

/** The worked example, rendered from the scorer's report for the two commands. */
export function renderExample(best: PlayCommand, slip: PlayCommand): string {
  const played = playCommand(slip);
  const clean = playCommand(best);
  const { scenario, transcript, report } = played;
  const b = report.breakdown;
  const ending = endingOf(transcript);
  const top = bestEnding(scenario)!;
  const slipIndex = report.decisions.findIndex((d, i) => d.choiceId !== clean.report.decisions[i]?.choiceId);
  const slipped = report.decisions[slipIndex]!;
  const out: string[] = [];
  out.push(`Scenario \`${slip.file}\` (${scenario.title}). The best words at every decision (each node's preferred reply) score **${clean.report.overall}** (${clean.report.verdict}):`);
  out.push('', '```', commandText(best), '```', '');
  out.push(`Here is the same path with one slip at decision ${slipIndex + 1}: \`${slipped.choiceId}\` instead of \`${clean.report.decisions[slipIndex]!.choiceId}\`.`);
  out.push('', '```', commandText(slip), '```', '');
  out.push('| # | node | reply | tags that count (+ added, and why) | mood | answered after / allowed |', '|---|---|---|---|---|---|');
  for (const d of report.decisions) {
    const added = d.added.map((a) => `+${a.tag} (${a.reason})`);
    const own = d.tags.filter((t) => !d.added.some((a) => a.tag === t));
    const tags = [...own, ...added].join(', ') || 'none';
    const timing = d.wait.allowanceMs === null ? (d.interrupted ? 'interrupted' : 'silence') : `${(d.wait.responseMs / 1000).toFixed(1)} s / ${(d.wait.allowanceMs / 1000).toFixed(1)} s`;
    const reply = d.kind === 'silence' ? '(silence)' : `${d.choiceId}${d.index === slipIndex ? ' **(the slip)**' : ''}`;
    out.push(`| ${d.index + 1} | ${d.nodeId} | ${reply} | ${tags} | ${d.moodBefore} → ${d.moodAfter} | ${timing} |`);
  }
  out.push('');
  const rating = ending?.satisfaction !== undefined ? `, its rating ${ending.satisfaction}` : '';
  out.push(
    `Ending: \`${ending?.nodeId}\` (${report.outcome}${rating}); the best ending this scenario offers is ${top.outcome} with rating ${top.rating}. ` +
      `${report.efficiency.decisionsUsed} decisions; the shortest path to the best ending takes ${report.efficiency.shortestPath}, so ${report.efficiency.extraDecisions} extra.`,
  );
  out.push('', `**Virtues** (per decision only the largest gain of its tags counts; "3: empathy" is decision 3's empathy tag)`, '');
  const outcomeKey = report.outcome ?? 'incomplete';
  const effStart = rubric.efficiencyBase[outcomeKey] + (rubric.efficiencyBase.resolved - rubric.efficiencyBase[top.outcome]);
  const effLabel = effStart === rubric.efficiencyBase[outcomeKey] ? `${effStart} (${outcomeKey})` : `${effStart} (${outcomeKey}, measured against ${top.outcome})`;
  const raws = {} as Record<Virtue, number>;
  for (const virtue of VIRTUES) {
    const start = virtue === 'efficiency' ? effLabel : String(rubric.base);
    const { line, raw } = virtueLine(report, virtue, start, virtue === 'efficiency' ? effStart : rubric.base);
    raws[virtue] = raw;
    out.push(line);
  }
  const weighted = VIRTUES.reduce((s, v) => s + rubric.weights[v] * raws[v], 0);
  out.push('', '**Overall**', '');
  out.push(`- Weighted virtues: ${VIRTUES.map((v) => `${rubric.weights[v]} × ${n(raws[v])}`).join(' + ')} = **${n(weighted)}**`);
  const penalties = report.decisions.flatMap((d) => d.trustRuiners.map((t) => `${t} ${rubric.penalties[t]} (${d.index + 1})`));
  out.push(`- Trust-ruiner penalties: ${penalties.length > 0 ? `${penalties.join(' + ')} = ` : 'none, '}**${b.trustRuinerPenalty}**`);
  const rises = report.decisions.filter((d) => d.moodChange > 0).map((d) => `+${d.moodChange} (${d.index + 1})`);
  out.push(`- Mood rises: ${rubric.moodRise} × ${b.moodRise.points}${rises.length > 0 ? ` (${rises.join(', ')})` : ''} = **${n(b.moodRise.cost)}**`);
  out.push(`- Extra decisions: ${rubric.extraDecision} × ${report.efficiency.extraDecisions} = **${b.extraDecisionCost}**`);
  out.push(`- Waits: ${rubric.waits.cost} × ${report.waits.count} = **${b.waitCost}**`);
  out.push(`- Ending: ${report.outcome} against ${top.outcome} = **${b.outcomeAdjustment}**; its rating ${b.endingRating.rating ?? 'none'} against the best ${b.endingRating.best}: ${rubric.endingRating} × ${b.endingRating.starsBelow} = **${b.endingRating.cost}**`);
  const sum = `${n(weighted)} − ${b.trustRuinerPenalty} − ${n(b.moodRise.cost)} − ${b.extraDecisionCost} − ${b.waitCost} ${signed(b.outcomeAdjustment)} − ${b.endingRating.cost}`;
  out.push(`- Sum: ${sum} = **${n(b.raw)}**`);
  const capText = b.cap.applied
    ? `${b.cap.ruiners} trust-ruiner${b.cap.ruiners === 1 ? '' : 's'} cap the score at ${b.cap.ceiling}`
    : `${b.cap.ruiners} trust-ruiner${b.cap.ruiners === 1 ? '' : 's'}, ceiling ${b.cap.ceiling}, not reached`;
  out.push(`- Cap: ${capText}; overall **${report.overall}**, verdict **${report.verdict}** (the clean path: ${clean.report.overall}, ${clean.report.verdict})`);
  const curve = report.moodCurve;
  const final = curve[curve.length - 1]!;
  const mean = curve.reduce((a, x) => a + x, 0) / curve.length;
  const m = 0.5 * final + 0.5 * mean;
  const moodRating = 1 + 4 * (1 - m / 100);
  const blend = ending?.satisfaction !== undefined ? `; with the ending's rating: 0.6 × ${ending.satisfaction} + 0.4 × ${n(moodRating)} = ${n(0.6 * ending.satisfaction + 0.4 * moodRating)}` : '';
  out.push(
    '',
    `**Satisfaction**: the mood curve is ${curve.join(', ')}; m = 0.5 × ${final} + 0.5 × ${n(mean)} = ${n(m)}, mood rating 1 + 4 × (1 − ${n(m)} / 100) = ${n(moodRating)}${blend} → ${report.satisfactionBeforeCap}` +
      (report.satisfaction < report.satisfactionBeforeCap ? `, capped at **${report.satisfaction}** stars for ${report.trustRuinerCount} trust-ruiner${report.trustRuinerCount === 1 ? '' : 's'}.` : ` → **${report.satisfaction}** stars.`),
  );
  const better = slipped.better;
  if (better) {
    out.push('', `The debrief's better reply at decision ${slipIndex + 1}: \`${better.choiceId}\` (${better.reason})${better.why ? `, with the scenario's explanation: "${better.why}"` : ''}.`);
  }
  return out.join('\n');
}

/** Every bundled scenario file (rubric files are not scenarios). */
export function bundledScenarioFiles(): string[] {
  return readdirSync(join(root, 'scenarios'))
    .filter((f) => /\.ya?ml$/.test(f) && !isRubricFileName(f))
    .sort()
    .map((f) => `scenarios/${f}`);
}

const POLICY_HEADERS: Record<NaivePolicy, string> = {
  longest: 'longest',
  shortest: 'shortest',
  first: 'first',
  random: 'random mean (p10–p90)',
  interrupt: 'interrupt',
  wait: 'wait',
  'best-interrupting': 'best words, interrupting',
  polite: 'polite',
};

/** The best words at every decision (preferred, else highest value), answered 2 s after the customer finished. */
export function bestWordsScore(scenario: Scenario): number {
  const played = playConversation(scenario, (turn) => {
    if (turn.speaking) return { kind: 'listen' };
    const best = bestReplyOf(turn.replies);
    return best ? { kind: 'reply', id: best.id } : { kind: 'silence' };
  });
  return scoreConversation(scenario, played.transcript).overall;
}

/**
 * The naive-policy table: each bundled file's mean per policy beside what the best words score
 * (a good player), then the library's mean and highest.
 */
export function renderNaiveTable(): string {
  const rows: string[] = [];
  const means: Record<NaivePolicy, number[]> = Object.fromEntries(NAIVE_POLICIES.map((p) => [p, []])) as unknown as Record<NaivePolicy, number[]>;
  const best: number[] = [];
  for (const file of bundledScenarioFiles()) {
    const scenario = loadBundled(file);
    const report = naiveReport(scenario);
    const cells = NAIVE_POLICIES.map((p) => {
      const f = report.policies[p];
      means[p].push(f.mean);
      return p === 'random' ? `${n(f.mean)} (${f.p10}–${f.p90})` : n(f.mean);
    });
    best.push(bestWordsScore(scenario));
    rows.push(`| ${file.replace(/^scenarios\//, '')} | ${best[best.length - 1]} | ${cells.join(' | ')} |`);
  }
  const avg = (xs: number[]): string => n(xs.reduce((a, x) => a + x, 0) / Math.max(1, xs.length));
  return [
    `| file | best words | ${NAIVE_POLICIES.map((p) => POLICY_HEADERS[p]).join(' | ')} |`,
    `|---|---|${NAIVE_POLICIES.map(() => '---').join('|')}|`,
    ...rows,
    `| **library mean** | **${avg(best)}** | ${NAIVE_POLICIES.map((p) => `**${avg(means[p])}**`).join(' | ')} |`,
    `| **library highest** | **${n(Math.max(...best))}** | ${NAIVE_POLICIES.map((p) => `**${n(Math.max(...means[p]))}**`).join(' | ')} |`,
  ].join('\n');
}

/** The text between `<!-- name:begin -->` and `<!-- name:end -->`, or null. */
export function section(doc: string, name: string): string | null {
  const match = new RegExp(`<!-- ${name}:begin -->\\n([\\s\\S]*?)\\n?<!-- ${name}:end -->`).exec(doc);
  return match ? match[1]! : null;
}

export function replaceSection(doc: string, name: string, body: string): string {
  return doc.replace(new RegExp(`<!-- ${name}:begin -->[\\s\\S]*?<!-- ${name}:end -->`), () => `<!-- ${name}:begin -->\n${body}\n<!-- ${name}:end -->`);
}
