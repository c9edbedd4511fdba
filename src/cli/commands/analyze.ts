/** `calm-desk analyze`: score ranges, endings, traps and warnings for scenario files, and the library report. */
import { analyzeScenario, budgetFor, DEFAULT_MAX_PATHS, STATE_BUDGET, type AnalysisReport, type PathSummary } from '../../analysis/analyze.ts';
import { summarizeLibrary, summarizeNaive, type LibrarySummary, type NaiveLibrarySummary } from '../../analysis/library.ts';
import { fileFigures, fileMisses, libraryMisses, LIBRARY_TARGETS, translationMisses, type FileFigures } from '../../analysis/libraryChecks.ts';
import { DEFAULT_RANDOM_RUNS, DEFAULT_SEED, limitOf, naiveReport, NAIVE_POLICIES, NAIVE_POLICY_DESCRIPTIONS, type NaivePolicy, type NaiveReport } from '../../analysis/naive.ts';
import { isRubricFileName } from '../../scoring/loadRubric.ts';
import { rubricFor, type Rubric } from '../../scoring/rubric.ts';
import type { Scenario } from '../../scenario/model.ts';
import { rubricsBeside } from '../rubricFiles.ts';
import { diagnostic, FILE_START, hasErrors, type Diagnostic } from '../../scenario/diagnostics.ts';
import { GOOD_TAGS, TRUST_RUINERS } from '../../scenario/vocabulary.ts';
import { choiceOption, integerOption, parseCommandArgs } from '../args.ts';
import { EXIT, UsageError, useColor } from '../command.ts';
import type { CliIO, Command } from '../command.ts';
import { collectFiles, readText } from '../files.ts';
import { loadScenarioOrTranslation } from '../translatedFiles.ts';
import { ANSI, escapeControls, PLAIN, type Style } from '../format.ts';

interface Analyzed {
  file: string;
  report: AnalysisReport | null;
  /** The naive players' scores (null when the file could not be analyzed). */
  naive: NaiveReport | null;
  scenario: Scenario | null;
  rubric: Rubric | null;
  /** Load errors (the file could not be analyzed). */
  errors: Diagnostic[];
}

interface AnalyzeRun {
  maxPaths: number;
  maxStates: number;
  runs: number;
  seed: number;
}

const failed = (file: string, errors: Diagnostic[]): Analyzed => ({ file, report: null, naive: null, scenario: null, rubric: null, errors });

async function analyzeFiles(io: CliIO, paths: readonly string[], run: AnalyzeRun): Promise<Analyzed[]> {
  const out: Analyzed[] = [];
  for (const target of await collectFiles(io.cwd, paths)) {
    if (target.kind === 'missing') {
      out.push(failed(target.shown, [fileProblem(target.shown, target.reason)]));
      continue;
    }
    // Rubric files sit beside the scenarios; they are scoring data, not conversations.
    if (isRubricFileName(target.path)) continue;
    const read = await readText(target.path);
    if (!read.ok) {
      out.push(failed(target.shown, [fileProblem(target.shown, `\`${target.shown}\` cannot be read: ${read.reason}.`)]));
      continue;
    }
    // A translation file (`<id>.<lang>.tr.yaml`) is analyzed as the scenario it plays.
    const { scenario, diagnostics } = await loadScenarioOrTranslation(io.cwd, target.shown, read.text);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (!scenario || hasErrors(diagnostics)) {
      out.push(failed(target.shown, errors));
      continue;
    }
    const rubric = rubricFor(scenario.rubric, await rubricsBeside(io.cwd, target.shown));
    out.push({
      file: target.shown,
      report: analyzeScenario(scenario, { maxPaths: run.maxPaths, budget: budgetFor(run.maxStates), rubric }),
      naive: naiveReport(scenario, { runs: run.runs, seed: run.seed, rubric }),
      scenario,
      rubric,
      errors,
    });
  }
  return out;
}

function fileProblem(file: string, message: string): Diagnostic {
  return diagnostic('CD008', file, FILE_START, message, 'Check the path and the spelling of the file name.');
}

const pad = (text: string | number, width: number): string => String(text).padEnd(width);
const padLeft = (text: string | number, width: number): string => String(text).padStart(width);

function pathLine(label: string, path: PathSummary | null, style: Style): string {
  if (!path) return `  ${pad(label, 24)} ${style.dim('none')}`;
  const ending = path.autoFail ? `${path.outcome ?? 'unfinished'}, auto-fail` : (path.outcome ?? 'unfinished');
  return `  ${pad(label, 24)} ${padLeft(path.overall, 3)}  ${pad(`${ending} at ${path.endNodeId ?? '?'}`, 36)} ${style.dim(`play: ${path.playArgs}`)}`;
}

function renderReport(entry: Analyzed, style: Style): string {
  const r = entry.report!;
  const lines: string[] = [];
  lines.push(style.bold(`${entry.file}: ${r.scenarioId} (${r.language}) "${escapeControls(r.title)}"`));
  const sample = r.paths.capped ? ` (the search stopped at ${r.paths.maxPaths} labels: the range may be narrower; endings and behaviours are exact)` : '';
  if (r.limited) {
    lines.push(style.yellow(`  LIMITED: this scenario has more conversation states than the analysis explores; it explored ${r.states.toLocaleString('en')} of them, breadth first from the start (--max-states ${r.budget.states}).`));
    lines.push('  The score range and the best and worst paths below cover that explored part only: the real range may be wider.');
    lines.push('  "reachable" is proven (a play gets there); "NOT reachable" is proven (no link leads there); "not proven" means the');
    lines.push('  explored part does not get there and the analysis cannot rule it out. Many variables that replies set independently');
    lines.push('  multiply the states: use fewer flags, or reset a flag once it has been read, to make the scenario analyzable.');
  }
  const over = r.limited ? `over the ${r.states} conversation states explored` : `over ${r.states} conversation states`;
  lines.push(`  Score range: ${r.score ? `${r.score.min}..${r.score.max}` : 'no path ends'} ${over}${sample}`);
  lines.push(pathLine('best', r.best, style));
  lines.push(pathLine('worst', r.worst, style));
  lines.push(pathLine('worst without auto-fail', r.worstNonAutoFail, style));
  lines.push('  Endings:');
  for (const ending of r.endings) {
    const mark = ending.reach === 'reachable' ? 'reachable' : ending.reach === 'unreachable' ? style.red('NOT reachable') : style.yellow('not proven');
    lines.push(`    ${pad(ending.nodeId, 24)} ${pad(ending.outcome, 12)} ${mark}`);
  }
  if (r.walkOutReachable) lines.push(`    ${pad('(mood walk-out)', 24)} ${pad('walked-out', 12)} reachable`);
  else if (r.notProven.walkOut) lines.push(`    ${pad('(mood walk-out)', 24)} ${pad('walked-out', 12)} ${style.yellow('not proven')}`);
  const trap = (t: (typeof TRUST_RUINERS)[number]): string => (r.behaviours[t] ? 'yes' : r.notProven.behaviours.includes(t) ? style.yellow('not proven') : style.dim('no'));
  const autoFail = r.autoFailReachable ? '; an auto-fail path exists' : r.notProven.autoFail ? '; an auto-fail path is not proven either way' : '';
  lines.push(`  Trust-ruiners a trainee can commit: ${TRUST_RUINERS.map((t) => `${t} ${trap(t)}`).join(', ')}${autoFail}`);
  const unproven = r.notProven.goodTags.length > 0 ? `; not proven: ${r.notProven.goodTags.join(', ')}` : '';
  lines.push(`  Good tags rewarded: ${r.goodTagsRewarded.join(', ') || style.dim('none')}${unproven}`);
  lines.push(...renderNaive(entry, style));
  if (r.warnings.length > 0) {
    lines.push('  Warnings:');
    for (const w of r.warnings) lines.push(`    ${w.severity === 'warning' ? style.yellow('warning') : style.cyan('note')}: ${w.message}`);
  }
  return lines.join('\n');
}

/** A naive-policy mean, marked when it is above the limit the library holds it to. */
function naiveCell(policy: NaivePolicy, mean: number, rubric: Rubric | null, style: Style, width: number): string {
  const over = mean > limitOf(policy, { naiveMax: rubric?.naiveMax ?? LIBRARY_TARGETS.naiveMax, politeMax: (rubric?.naiveMax ?? LIBRARY_TARGETS.naiveMax) + 10 });
  const text = padLeft(`${Math.round(mean)}${over ? '*' : ' '}`, width);
  return over ? style.red(text) : text;
}

function renderNaive(entry: Analyzed, style: Style): string[] {
  const naive = entry.naive!;
  const naiveMax = entry.rubric?.naiveMax ?? LIBRARY_TARGETS.naiveMax;
  const lines = [`  Naive players (through the real machine and driver; * = mean above ${naiveMax}, polite above ${naiveMax + 10}):`];
  for (const policy of NAIVE_POLICIES) {
    const f = naive.policies[policy];
    const spread = f.runs > 1 ? `mean of ${f.runs} (seed ${naive.seed}), p10 ${f.p10}, p90 ${f.p90}` : '';
    const unfinished = f.unfinished > 0 ? style.yellow(` ${f.unfinished} unfinished`) : '';
    lines.push(`    ${pad(policy, 18)} ${naiveCell(policy, f.mean, entry.rubric, style, 4)}  ${pad(spread, 34)}${unfinished} ${style.dim(`play: ${f.example.playArgs}`)}`);
  }
  return lines;
}

function renderErrors(entry: Analyzed, style: Style): string {
  const first = entry.errors[0];
  const where = first ? `:${first.range.start.line}:${first.range.start.column}` : '';
  const more = entry.errors.length > 1 ? ` (and ${entry.errors.length - 1} more; run \`calm-desk lint ${entry.file}\`)` : '';
  return `${style.bold(`${entry.file}${where}:`)} ${style.red('error')}: cannot analyze: ${first?.message ?? 'the file has errors'}${more}`;
}

const NAIVE_HEAD: Record<NaivePolicy, string> = {
  longest: 'longest',
  shortest: 'shortest',
  first: 'first',
  random: 'random',
  interrupt: 'interrupt',
  wait: 'wait',
  'best-interrupting': 'best-int',
  polite: 'polite',
};

/** The naive-player table: one row per file, then the library's mean and worst (highest) per column. */
function renderNaiveTable(entries: readonly Analyzed[], naive: NaiveLibrarySummary, style: Style): string {
  const ok = entries.filter((e) => e.report && e.naive);
  const idWidth = Math.max(8, ...ok.map((e) => e.report!.scenarioId.length));
  const cols = NAIVE_POLICIES.filter((p) => p !== 'random');
  const head = `${pad('scenario', idWidth)}  lang  best  ${cols.slice(0, 3).map((p) => padLeft(NAIVE_HEAD[p], 9)).join('')}  ${padLeft('random mean p10 p90', 19)}  ${cols.slice(3).map((p) => padLeft(NAIVE_HEAD[p], 9)).join('')}`;
  const lines = [style.bold(head)];
  const row = (id: string, lang: string, best: string, cell: (p: NaivePolicy, width: number) => string, random: string): string =>
    `${pad(id, idWidth)}  ${pad(lang, 4)}  ${padLeft(best, 4)}  ${cols.slice(0, 3).map((p) => cell(p, 9)).join('')}  ${padLeft(random, 19)}  ${cols.slice(3).map((p) => cell(p, 9)).join('')}`;
  for (const e of ok) {
    const n = e.naive!;
    const r = n.policies.random;
    const best = e.report!.best?.overall;
    const bestText = best === undefined ? '-' : `${best}${best < LIBRARY_TARGETS.bestAtLeast ? '!' : ' '}`;
    lines.push(row(e.report!.scenarioId, e.report!.language, bestText, (p, w) => naiveCell(p, n.policies[p].mean, e.rubric, style, w), `${naiveCell('random', r.mean, e.rubric, style, 5)} ${padLeft(r.p10, 4)} ${padLeft(r.p90, 4)}`));
  }
  if (ok.length > 0) {
    const lib = (pick: 'mean' | 'max') => (p: NaivePolicy, w: number) => naiveCell(p, naive.policies[p][pick], null, style, w);
    const r = naive.policies.random;
    lines.push(row('library mean', '', String(Math.round(naive.best.mean)), lib('mean'), `${naiveCell('random', r.mean, null, style, 5)} ${padLeft(Math.round(r.p10), 4)} ${padLeft(Math.round(r.p90), 4)}`));
    lines.push(row('library worst', '', String(naive.best.min), lib('max'), `${naiveCell('random', r.max, null, style, 5)}          `));
  }
  lines.push(
    style.dim(
      `best = best path (! below ${LIBRARY_TARGETS.bestAtLeast}); the others are naive players' mean scores (* above ${LIBRARY_TARGETS.naiveMax}, polite above ${LIBRARY_TARGETS.politeMax}): ` +
        NAIVE_POLICIES.map((p) => `${NAIVE_HEAD[p]} = ${NAIVE_POLICY_DESCRIPTIONS[p]}`).join('; ') +
        '. library worst = the highest mean of any file (lowest best).',
    ),
  );
  return lines.join('\n');
}

function renderSummary(entries: readonly Analyzed[], library: LibrarySummary, style: Style): string {
  const ok = entries.filter((e) => e.report);
  const idWidth = Math.max(8, ...ok.map((e) => e.report!.scenarioId.length));
  const trapHead = TRUST_RUINERS.map((t) => t.slice(0, 5)).join(' ');
  const lines = [style.bold(`${pad('scenario', idWidth)}  lang  range    best  worst*  endings  ${trapHead}  auto-fail`)];
  for (const entry of ok) {
    const r = entry.report!;
    const reached = r.endings.filter((e) => e.reach === 'reachable').length;
    const traps = TRUST_RUINERS.map((t) => pad(r.behaviours[t] ? 'yes' : r.notProven.behaviours.includes(t) ? '?' : '-', 5)).join(' ');
    const range = `${r.score ? `${r.score.min}..${r.score.max}` : 'n/a'}${r.limited ? '?' : ''}`;
    const endings = `${reached}/${r.endings.length}${r.walkOutReachable ? '+w' : ''}`;
    lines.push(
      `${pad(r.scenarioId, idWidth)}  ${pad(r.language, 4)}  ${pad(range, 7)}  ${padLeft(r.best?.overall ?? '-', 4)}  ${padLeft(r.worstNonAutoFail?.overall ?? '-', 6)}  ${pad(endings, 7)}  ${traps}  ${r.autoFailReachable ? 'yes' : '-'}`,
    );
  }
  for (const entry of entries.filter((e) => !e.report)) lines.push(`${pad(entry.file, idWidth)}  ${style.red('cannot analyze: run calm-desk lint on it')}`);
  lines.push(style.dim('worst* = worst path without auto-fail; endings = reachable/total, +w = a mood walk-out is possible'));
  if (ok.some((e) => e.report!.limited)) lines.push(style.dim('? = limited: the scenario has more states than the analysis explores; figures cover the explored part, ? traps are not proven either way (see `calm-desk analyze <file>`)'));
  lines.push('');
  lines.push(style.bold(`Library: ${library.scenarios} scenario ids (${Object.entries(library.idsByLanguage).map(([l, ids]) => `${ids.length} in ${l}`).join(', ')})`));
  lines.push('  Trust-ruiners as live traps (scenarios):');
  for (const t of TRUST_RUINERS) lines.push(`    ${pad(t, 13)} ${padLeft(library.trapScenarios[t].length, 3)}  ${style.dim(library.trapScenarios[t].join(', '))}`);
  lines.push('  Good tags rewarded (scenarios):');
  for (const t of GOOD_TAGS) lines.push(`    ${pad(t, 13)} ${padLeft(library.rewardScenarios[t].length, 3)}`);
  return lines.join('\n');
}

/** `--checks`: the library targets (tests/library) for these files, with the figures behind them. */
async function renderChecks(io: CliIO, entries: readonly Analyzed[], run: AnalyzeRun, style: Style): Promise<{ text: string; misses: number }> {
  const figures: FileFigures[] = [];
  const lines: string[] = [];
  let misses = 0;
  for (const e of entries) {
    if (!e.scenario) continue;
    const f = fileFigures(e.file, e.scenario, { runs: run.runs, seed: run.seed, rubric: e.rubric ?? undefined });
    figures.push(f);
    const slipsTop = f.slips.filter((x) => x.run.overall >= LIBRARY_TARGETS.topBand).length;
    const slipMax = f.slips.length > 0 ? Math.max(...f.slips.map((x) => x.run.overall)) : null;
    lines.push(style.bold(`${e.file}:`));
    lines.push(`  best path ${f.analysis.best?.overall ?? '-'} (needs ≥ ${LIBRARY_TARGETS.bestAtLeast}); naive means ${NAIVE_POLICIES.map((p) => `${NAIVE_HEAD[p]} ${f.naive.policies[p].mean}`).join(', ')}`);
    lines.push(`  single trust-ruiner on the best path: ${f.slips.length} tried, highest ${slipMax ?? '-'}, ${slipsTop} in the top band (≥ ${LIBRARY_TARGETS.topBand})`);
    lines.push(`  best reply is the longest at ${f.longestBest.longest.length} of ${f.longestBest.nodes} decision nodes (at most ${Math.floor(f.longestBest.nodes * LIBRARY_TARGETS.longestBestShare)}); best reply positions ${Object.values(f.bestPositions).join(' ')}`);
    lines.push(`  endings reachable ${f.analysis.endings.filter((x) => x.reach === 'reachable').length}/${f.analysis.endings.length}${f.analysis.limited ? ` (limited: ${f.analysis.states} states explored)` : ''}; replies without feedback ${f.missingFeedback.length}; facilitator claims ${f.claims.map((c) => `"${c.quote}" ${c.agrees ? 'ok' : `≠ ${c.engine}`}`).join(', ') || 'none'}`);
    const found = fileMisses(f);
    // A translation beside the file is compared even when it was not named.
    const sibling = await siblingTranslation(io, e);
    if (sibling && !entries.some((x) => x.file === sibling.file)) found.push(...translationMisses({ file: e.file, scenario: e.scenario }, sibling));
    misses += found.length;
    lines.push(found.length === 0 ? `  ${style.cyan('meets every target')}` : found.map((m) => `  ${style.red('MISS')} ${m}`).join('\n'));
  }
  if (figures.length > 1) {
    const across = libraryMisses(figures);
    misses += across.length;
    lines.push(style.bold('Library:'));
    lines.push(across.length === 0 ? `  ${style.cyan('meets every target')}` : across.map((m) => `  ${style.red('MISS')} ${m}`).join('\n'));
  }
  return { text: lines.join('\n'), misses };
}

/** The other-language file of the same scenario in the same folder (`<id>.<lang>.yaml`), loaded. */
async function siblingTranslation(io: CliIO, e: Analyzed): Promise<{ file: string; scenario: Scenario } | null> {
  const match = /^(.*[\\/])?([^\\/]+)\.([a-z]{2})\.ya?ml$/.exec(e.file);
  if (!match || !e.scenario) return null;
  for (const target of await collectFiles(io.cwd, [match[1] ?? '.'])) {
    if (target.kind !== 'file' || target.shown === e.file || !target.shown.includes(`${match[2]}.`)) continue;
    const read = await readText(target.path);
    if (!read.ok) continue;
    const { scenario } = await loadScenarioOrTranslation(io.cwd, target.shown, read.text);
    if (scenario && scenario.id === e.scenario.id && scenario.language !== e.scenario.language) return { file: target.shown, scenario };
  }
  return null;
}

async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string' },
    summary: { type: 'boolean' },
    'max-paths': { type: 'string' },
    'max-states': { type: 'string' },
    runs: { type: 'string' },
    seed: { type: 'string' },
    checks: { type: 'boolean' },
  });
  const format = choiceOption(values.format, '--format', ['text', 'json'] as const, 'text');
  const maxPaths = integerOption(values['max-paths'], '--max-paths') ?? DEFAULT_MAX_PATHS;
  if (maxPaths < 1) throw new UsageError('--max-paths must be at least 1.');
  const maxStates = integerOption(values['max-states'], '--max-states') ?? STATE_BUDGET;
  if (maxStates < 1) throw new UsageError('--max-states must be at least 1.');
  const runs = integerOption(values.runs, '--runs') ?? DEFAULT_RANDOM_RUNS;
  if (runs < 1) throw new UsageError('--runs must be at least 1.');
  const seed = integerOption(values.seed, '--seed') ?? DEFAULT_SEED;
  if (positionals.length === 0) throw new UsageError('analyze needs a scenario file or folder, e.g. `calm-desk analyze scenarios/kettle-returned-twice.en.yaml`.');
  const options: AnalyzeRun = { maxPaths, maxStates, runs, seed };
  const entries = await analyzeFiles(io, positionals, options);
  if (entries.length === 0) throw new UsageError(`No scenario files (*.yaml, *.yml) found in ${positionals.join(', ')}.`);
  const library = summarizeLibrary(entries.flatMap((e) => (e.report ? [e.report] : [])));
  const naive = summarizeNaive(entries.flatMap((e) => (e.report && e.naive ? [{ report: e.report, naive: e.naive }] : [])));
  const failed = entries.some((e) => !e.report);
  const style = useColor(io) ? ANSI : PLAIN;
  if (values.checks) {
    const checks = await renderChecks(io, entries, options, style);
    io.out(`${checks.text}\n`);
    return failed || checks.misses > 0 ? EXIT.problems : EXIT.ok;
  }
  if (format === 'json') {
    const files = entries.map((e) => ({ file: e.file, report: e.report, naive: e.naive, errors: e.errors }));
    io.out(`${JSON.stringify(values.summary ? { files, library: { ...library, naive } } : { files }, null, 2)}\n`);
    return failed ? EXIT.problems : EXIT.ok;
  }
  if (values.summary) {
    io.out(`${renderNaiveTable(entries, naive, style)}\n\n${renderSummary(entries, library, style)}\n`);
  } else {
    io.out(`${entries.map((e) => (e.report ? renderReport(e, style) : renderErrors(e, style))).join('\n\n')}\n`);
  }
  return failed ? EXIT.problems : EXIT.ok;
}

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'Score ranges, endings, trust-ruiner traps and warnings for scenarios',
  help: `Usage: calm-desk analyze <files or folders...> [--summary] [--checks] [--format text|json]
                         [--runs N] [--seed N] [--max-paths N] [--max-states N]

Walks each scenario's state graph (every visible reply, answering while the customer talks where
the node allows it, staying silent) and plays it with naive players through the real machine and
driver on a simulated clock: always the longest, the shortest or the first reply, random replies
(mean, p10 and p90 of --runs seeded runs), always interrupting, always waiting, the best reply
while interrupting, and polite-but-useless replies. It reports:
the score range with the best and worst paths (each with the \`play\` arguments that repeat it),
the worst path that does not auto-fail, which endings are reachable, which of the five
trust-ruiners a trainee can commit, which good tags are rewarded, and warnings: nodes where every
choice is good or every choice is bad, and replies whose tags and mood effect disagree.

the naive players' scores (each with the \`play\` arguments that repeat it), and the library's.

Options:
  --summary        The naive-player table (one line per scenario, the library's mean and worst),
                   then the paths table and the library report (traps and rewards across files)
  --checks         The library targets (what tests/library checks) for these files: best path,
                   naive means, one trust-ruiner on the best path, endings, feedback, longest
                   best replies, facilitator notes, translations; exit 1 when one misses
                   (\`npm run library:report -- <file>\`)
  --format json    Machine-readable output, naive players included
  --runs N         Random runs per scenario (default ${DEFAULT_RANDOM_RUNS})
  --seed N         Seed of the random runs (default ${DEFAULT_SEED})
  --max-paths N    Work bound of the score search (default ${DEFAULT_MAX_PATHS} labels; the report says
                   when it stopped it). Reachability of endings is exact whatever the bound.
  --max-states N   Conversation states the analysis explores (default ${STATE_BUDGET}, which keeps it
                   under about 2 s; the replies it plays out grow in proportion). A scenario that
                   needs more is reported as LIMITED: its score range
                   covers the explored part, and an ending it did not reach is "not proven" unless
                   no link leads there. "reachable" and "NOT reachable" are always exact.

Exit codes: 0 analyzed, 1 a file could not be loaded (run \`calm-desk lint\`) or --checks found a miss, 2 usage error.

Examples:
  npx calm-desk analyze scenarios/kettle-returned-twice.en.yaml
  npx calm-desk analyze scenarios --summary
  npx calm-desk analyze --checks scenarios/kettle-returned-twice.en.yaml`,
  run,
};
