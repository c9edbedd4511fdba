/** `calm-desk play`: plays a scenario headless with scripted choices and prints the transcript and score. */
import { playScript } from '../../analysis/play.ts';
import { READING_SPEEDS } from '../../conversation/constants.ts';
import { interruptionOf, silenceRuleOf } from '../../conversation/rules.ts';
import type { DecisionEntry, EndEntry, Transcript } from '../../conversation/transcript.ts';
import { VENTING_SILENCE_MOOD } from '../../scenario/defaults.ts';
import type { Scenario } from '../../scenario/model.ts';
import { rubricFor } from '../../scoring/rubric.ts';
import { scoreConversation } from '../../scoring/score.ts';
import type { ScoreReport } from '../../scoring/report.ts';
import { TRUST_RUINERS } from '../../scenario/vocabulary.ts';
import { choiceOption, parseCommandArgs } from '../args.ts';
import { EXIT, UsageError, useColor } from '../command.ts';
import type { CliIO, Command } from '../command.ts';
import { displayPath, readText } from '../files.ts';
import { loadScenarioOrTranslation } from '../translatedFiles.ts';
import { rubricsBeside } from '../rubricFiles.ts';
import { ANSI, escapeControls, formatDiagnostic, PLAIN, type Style } from '../format.ts';
import { resolve } from 'node:path';

/** Parses `2,1,acknowledge` into 1-based numbers and reply ids, or a usage error. */
export function choiceList(values: readonly string[]): (number | string)[] {
  const choices: (number | string)[] = [];
  for (const value of values) {
    for (const part of value.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
      if (/^\d+$/.test(part) && Number(part) >= 1) choices.push(Number(part));
      else if (/^[a-z0-9][a-z0-9_-]*$/.test(part) && !/^\d+$/.test(part)) choices.push(part);
      else throw new UsageError(`--choices expects reply numbers from 1 up or reply ids, separated by commas (e.g. --choices 2,1,3), but got \`${part}\`.`);
    }
  }
  return choices;
}

/** Parses `2,1,3` (also repeated options) into positive whole numbers, or a usage error naming the option. */
export function numberList(values: readonly string[], option: string): number[] {
  const numbers: number[] = [];
  for (const value of values) {
    for (const part of value.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
      if (!/^\d+$/.test(part) || Number(part) < 1) {
        throw new UsageError(`${option} expects numbers from 1 up, separated by commas (e.g. ${option} 2,1,3), but got \`${part}\`.`);
      }
      numbers.push(Number(part));
    }
  }
  return numbers;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1).padStart(5)}s`;
const WALK_OUT_REASONS: Record<NonNullable<EndEntry['walkOut']>, string> = {
  mood: 'the mood reached walksOutAt',
  interruptions: 'the third interruption',
  silences: 'the last silence the node allows',
};
const signed = (n: number): string => `${n >= 0 ? '+' : ''}${n}`;

/** The mood change the file wrote for a decision (reply, interruption, silence), before clamping to 0..100. */
export function writtenMoodChange(scenario: Scenario, entry: DecisionEntry): number | undefined {
  const node = scenario.nodes[entry.nodeId];
  if (!node) return undefined;
  if (entry.kind === 'silence') {
    if (entry.silenceRule === 'venting') return VENTING_SILENCE_MOOD;
    return silenceRuleOf(scenario, node).mood;
  }
  const reply = node.replies.find((r) => r.id === entry.choiceId);
  if (!entry.interrupted) return reply?.mood;
  const interruption = interruptionOf(scenario, node).mood;
  return entry.reply === 'said' ? interruption + (reply?.mood ?? 0) : interruption;
}

/** `mood 80 -> 100 (+20; the file says +40, clamped to 0..100)`, or just `mood 50 -> 40 (-10)`. */
function moodText(scenario: Scenario, entry: DecisionEntry): string {
  const change = entry.moodAfter - entry.moodBefore;
  const written = writtenMoodChange(scenario, entry);
  const clamped = written !== undefined && written !== change ? `; the file says ${signed(written)}, clamped to 0..100` : '';
  return `mood ${entry.moodBefore} -> ${entry.moodAfter} (${signed(change)}${clamped})`;
}

function renderTranscript(scenario: Scenario, transcript: Transcript, style: Style): string[] {
  const lines: string[] = [];
  const name = escapeControls(scenario.customer.name);
  for (const entry of transcript) {
    if (entry.type === 'line') {
      const why = entry.cause === 'node' ? '' : style.dim(` (${entry.cause === 'interrupted' ? 'reacting to the interruption' : 'after the silence'})`);
      const does = entry.action ? `*${escapeControls(entry.action)}* ` : '';
      lines.push(`${seconds(entry.at)}  ${style.bold(name)} [${entry.expression}]: ${does}${escapeControls(entry.text)}${why}`);
    } else if (entry.type === 'decision') {
      const reply = scenario.nodes[entry.nodeId]?.replies.find((r) => r.id === entry.choiceId);
      const does = reply?.action ? `*${escapeControls(reply.action)}* ` : '';
      const said = entry.kind === 'silence' ? style.dim('(stays silent)') : `${does}${escapeControls(String(reply?.say ?? entry.choiceId))}`;
      const early = entry.interrupted ? style.yellow(' (interrupting)') : '';
      lines.push(`${seconds(entry.at)}  ${style.bold('You')}${early}: ${said}`);
      const added = entry.added.map((a) => `+${a.tag} (${a.reason})`);
      const own = entry.tags.filter((t) => !entry.added.some((a) => a.tag === t));
      const tags = [...own, ...added].join(', ') || 'no tags';
      const how = entry.reply === 'cut' ? ' (cut off: the reply did not count)' : entry.reply === 'said' ? ' (said over the customer)' : '';
      lines.push(`         ${style.dim(`decision ${entry.index + 1} at ${entry.nodeId}${how}: ${tags}; ${moodText(scenario, entry)}`)}`);
    } else if (entry.type === 'end') {
      const rating = entry.satisfaction !== undefined ? `, rating ${entry.satisfaction}/5` : '';
      const why = entry.walkOut ? ` (${WALK_OUT_REASONS[entry.walkOut]})` : '';
      lines.push(`${seconds(entry.at)}  ${style.bold(`Ended: ${entry.outcome}`)} at ${entry.nodeId}${why}${rating}${entry.comment ? `: ${escapeControls(entry.comment)}` : ''}`);
    } else {
      lines.push(`${seconds(entry.at)}  ${style.dim(entry.type === 'pause' ? '(paused)' : '(resumed)')}`);
    }
  }
  return lines;
}

/** The overall score's arithmetic in one line, as docs/scoring.md writes it (`rubric <id>` when not the default). */
export function arithmetic(score: ScoreReport): string {
  const b = score.breakdown;
  const parts = [`weighted virtues ${b.weightedVirtues}`, `- trust-ruiner penalties ${b.trustRuinerPenalty}`];
  if (b.moodRise.cost > 0) parts.push(`- mood rise ${b.moodRise.cost} (${b.moodRise.points} points)`);
  if (b.extraDecisionCost > 0) parts.push(`- extra decisions ${b.extraDecisionCost}`);
  if (b.waitCost > 0) parts.push(`- waits ${b.waitCost}`);
  parts.push(`${b.outcomeAdjustment < 0 ? '-' : '+'} ending ${Math.abs(b.outcomeAdjustment)}`);
  if (b.endingRating.cost > 0) parts.push(`- ending rating ${b.endingRating.cost} (${b.endingRating.starsBelow} stars below the best)`);
  let line = `${parts.join(' ')} = ${b.raw}`;
  if (b.cap.applied) line += `, capped at ${b.cap.ceiling} for ${b.cap.ruiners} trust-ruiner${b.cap.ruiners === 1 ? '' : 's'}`;
  if (score.rubricId !== 'default') line += ` (rubric ${score.rubricId})`;
  return line;
}

function renderScore(score: ScoreReport, style: Style): string[] {
  const lines: string[] = [];
  const fail = score.autoFail ? style.red(` AUTO-FAIL: ${score.autoFail.reason} at decision ${score.autoFail.decisionIndex + 1}`) : '';
  lines.push(style.bold(`Score: ${score.overall}/100 (${score.verdict})`) + fail);
  const v = score.virtues;
  lines.push(`  friendliness ${v.friendliness}, expertise ${v.expertise}, composure ${v.composure}, efficiency ${v.efficiency}`);
  lines.push(style.dim(`  = ${arithmetic(score)}`));
  const ruiners = TRUST_RUINERS.filter((t) => score.trustRuiners[t].count > 0).map(
    (t) => `${t} x${score.trustRuiners[t].count} (decision ${score.trustRuiners[t].decisions.map((d) => d + 1).join(', ')})`,
  );
  lines.push(`  trust-ruiners: ${ruiners.join('; ') || 'none'}`);
  const p = score.patience;
  lines.push(`  patience: ${p.interruptions} interruptions, ${p.ventingTolerated} of ${p.ventingTurns} venting turns waited through, ${p.silences} silences (${p.patientSilences} patient), left waiting ${p.leftWaiting}`);
  const e = score.efficiency;
  lines.push(`  efficiency: ${e.decisionsUsed} decisions, shortest resolving path ${e.shortestPath ?? 'none'}${e.extraDecisions > 0 ? ` (+${e.extraDecisions})` : ''}`);
  lines.push(`  outcome: ${score.outcome ?? 'unfinished'}; customer satisfaction ${score.satisfaction}/5${score.satisfaction < score.satisfactionBeforeCap ? ` (capped from ${score.satisfactionBeforeCap} by ${score.trustRuinerCount} trust-ruiners)` : ''}`);
  lines.push('Decisions:');
  for (const d of score.decisions) {
    const what = d.kind === 'silence' ? 'silence' : d.choiceId;
    lines.push(`  ${d.index + 1}. ${d.nodeId}: ${what}${d.interrupted ? ' (interrupting)' : ''} - ${d.verdict}, mood ${d.moodChange >= 0 ? '+' : ''}${d.moodChange}`);
    if (d.feedback) lines.push(`     ${escapeControls(d.feedback)}`);
    if (d.wait.waited) lines.push(`     ${style.yellow(`kept the customer waiting: ${(d.wait.responseMs / 1000).toFixed(1)} s (${((d.wait.allowanceMs ?? 0) / 1000).toFixed(1)} s allowed)${d.wait.keptWaiting ? ', counted as a trust-ruiner' : ''}`)}`);
    if (d.better) {
      const how = d.better.reason === 'wait-then-same' ? 'the same reply, once the customer has finished' : `\`${d.better.choiceId}\`: ${escapeControls(d.better.text)}`;
      lines.push(`     ${style.cyan('better:')} ${how}`);
      if (d.better.why) lines.push(`     ${escapeControls(d.better.why)}`);
    }
  }
  return lines;
}

async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    choices: { type: 'string', multiple: true },
    interrupt: { type: 'string', multiple: true },
    silent: { type: 'string', multiple: true },
    speed: { type: 'string' },
    format: { type: 'string' },
  });
  const v = values as Record<string, string[] | string | boolean | undefined>;
  const format = choiceOption(values.format as string | undefined, '--format', ['text', 'json'] as const, 'text');
  const speed = choiceOption(values.speed as string | undefined, '--speed', ['slow', 'normal', 'fast'] as const, 'normal');
  if (positionals.length !== 1) throw new UsageError('play needs exactly one scenario file, e.g. `calm-desk play scenarios/kettle-returned-twice.en.yaml --choices 1,2`.');
  const list = (name: string): string[] => (Array.isArray(v[name]) ? (v[name] as string[]) : []);
  const choices = choiceList(list('choices'));
  const interrupt = numberList(list('interrupt'), '--interrupt');
  const silent = numberList(list('silent'), '--silent');

  const file = resolve(io.cwd, positionals[0]!);
  const shown = displayPath(io.cwd, file);
  const style = useColor(io) ? ANSI : PLAIN;
  const read = await readText(file);
  if (!read.ok) {
    io.err(`calm-desk play: \`${shown}\` cannot be read: ${read.reason}.\n`);
    return EXIT.problems;
  }
  // A translation file (`<id>.<lang>.tr.yaml`) plays its source scenario in the translation's language.
  const { scenario, diagnostics, lines } = await loadScenarioOrTranslation(io.cwd, shown, read.text);
  if (!scenario) {
    for (const d of diagnostics.filter((x) => x.severity === 'error')) io.err(`${formatDiagnostic(d, lines(d.file), style)}\n\n`);
    io.err(`calm-desk play: \`${shown}\` has errors; fix them first (see \`calm-desk lint ${shown}\`).\n`);
    return EXIT.problems;
  }
  const result = playScript(scenario, { choices, interrupt, silent, charsPerSecond: READING_SPEEDS[speed] });
  // Scored like the game: with the rubric the scenario names, from the rubric files beside it.
  const score = scoreConversation(scenario, result.transcript, rubricFor(scenario.rubric, await rubricsBeside(io.cwd, file)));
  if (format === 'json') {
    const script = { choices, interrupt, silent, speed };
    const body = result.ok ? { file: shown, scenarioId: scenario.id, script, transcript: result.transcript, score } : { file: shown, scenarioId: scenario.id, script, error: result.error, transcript: result.transcript };
    io.out(`${JSON.stringify(body, null, 2)}\n`);
    if (!result.ok) io.err(`calm-desk play: ${result.error}\n`);
    return result.ok ? EXIT.ok : EXIT.problems;
  }
  io.out(`${style.bold(escapeControls(scenario.title))} (${scenario.id}, ${scenario.language})\n\n`);
  io.out(`${renderTranscript(scenario, result.transcript, style).join('\n')}\n\n`);
  if (!result.ok) {
    io.err(`calm-desk play: ${result.error}\n`);
    return EXIT.problems;
  }
  io.out(`${renderScore(score, style).join('\n')}\n`);
  return EXIT.ok;
}

export const playCommand: Command = {
  name: 'play',
  summary: 'Play a scenario headless with scripted choices; print the transcript and score',
  help: `Usage: calm-desk play <file> --choices 2,1,3 [--interrupt 2] [--silent 1,6] [--speed slow|normal|fast] [--format text|json]

Plays the conversation on a simulated clock: the customer's lines take as long as they would in
the game, the trainee answers 1.5 s after the customer has finished.

Decisions are numbered from 1.
  --choices 2,1,3   At each decision, the reply to pick: its number among the replies offered
                    there (hidden replies do not count), or its id (--choices acknowledge,look-up).
                    Silent decisions use no entry.
  --interrupt 2     Decision 2 is answered while the customer is still talking (an interruption),
                    on any node without \`earlyReplies: false\`. Several: --interrupt 1,3
                    A cut-off reply does not count: the customer reacts and picks up again, and
                    the next decision (a new number) is at the same node.
  --silent 1,6      At decisions 1 and 6 the trainee says nothing until the silence rule applies
                    (every decision node has one: its own, the scenario's, or the default).
  --speed           Customer speaking speed (default normal)
  --format json     Transcript and score as JSON

Exit codes: 0 played to an ending, 1 the file has errors or the choices do not fit, 2 usage error.

Examples:
  npx calm-desk play scenarios/kettle-returned-twice.en.yaml --choices 1,1,1,1,1,1,2
  npx calm-desk play scenarios/kettle-returned-twice.en.yaml --choices 3,2 --interrupt 1
  npx calm-desk play scenarios/kettle-returned-twice.en.yaml --choices 1,2,2 --silent 1,4`,
  run,
};
