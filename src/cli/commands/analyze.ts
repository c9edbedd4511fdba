/** `calm-desk analyze`: score ranges, endings, traps and warnings for scenario files, and the library report. */
import { analyzeScenario, DEFAULT_MAX_PATHS, type AnalysisReport, type PathSummary } from '../../analysis/analyze.ts';
import { summarizeLibrary, type LibrarySummary } from '../../analysis/library.ts';
import { diagnostic, FILE_START, hasErrors, type Diagnostic } from '../../scenario/diagnostics.ts';
import { loadScenario } from '../../scenario/load.ts';
import { GOOD_TAGS, TRUST_RUINERS } from '../../scenario/vocabulary.ts';
import { choiceOption, integerOption, parseCommandArgs } from '../args.ts';
import { EXIT, UsageError, useColor } from '../command.ts';
import type { CliIO, Command } from '../command.ts';
import { collectFiles, readText } from '../files.ts';
import { ANSI, escapeControls, PLAIN, type Style } from '../format.ts';

interface Analyzed {
  file: string;
  report: AnalysisReport | null;
  /** Load errors (the file could not be analyzed). */
  errors: Diagnostic[];
}

async function analyzeFiles(io: CliIO, paths: readonly string[], maxPaths: number): Promise<Analyzed[]> {
  const out: Analyzed[] = [];
  for (const target of await collectFiles(io.cwd, paths)) {
    if (target.kind === 'missing') {
      out.push({ file: target.shown, report: null, errors: [fileProblem(target.shown, target.reason)] });
      continue;
    }
    const read = await readText(target.path);
    if (!read.ok) {
      out.push({ file: target.shown, report: null, errors: [fileProblem(target.shown, `\`${target.shown}\` cannot be read: ${read.reason}.`)] });
      continue;
    }
    const { scenario, diagnostics } = loadScenario(read.text, target.shown);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    out.push({ file: target.shown, report: scenario && !hasErrors(diagnostics) ? analyzeScenario(scenario, { maxPaths }) : null, errors });
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
  const sample = r.paths.capped ? ` (stopped at ${r.paths.maxPaths} paths: the range may be narrower; endings and behaviours are exact)` : '';
  lines.push(`  Score range: ${r.score ? `${r.score.min}..${r.score.max}` : 'no path ends'} over ${r.paths.complete} scored paths${sample}`);
  lines.push(pathLine('best', r.best, style));
  lines.push(pathLine('worst', r.worst, style));
  lines.push(pathLine('worst without auto-fail', r.worstNonAutoFail, style));
  lines.push('  Endings:');
  for (const ending of r.endings) {
    const mark = ending.reachable ? 'reachable' : style.red('NOT reachable');
    lines.push(`    ${pad(ending.nodeId, 24)} ${pad(ending.outcome, 12)} ${mark}`);
  }
  if (r.walkOutReachable) lines.push(`    ${pad('(mood walk-out)', 24)} ${pad('walked-out', 12)} reachable`);
  const traps = TRUST_RUINERS.map((t) => `${t} ${r.behaviours[t] ? 'yes' : style.dim('no')}`).join(', ');
  lines.push(`  Trust-ruiners a trainee can commit: ${traps}${r.autoFailReachable ? '; an auto-fail path exists' : ''}`);
  lines.push(`  Good tags rewarded: ${r.goodTagsRewarded.join(', ') || style.dim('none')}`);
  if (r.warnings.length > 0) {
    lines.push('  Warnings:');
    for (const w of r.warnings) lines.push(`    ${w.severity === 'warning' ? style.yellow('warning') : style.cyan('note')}: ${w.message}`);
  }
  return lines.join('\n');
}

function renderErrors(entry: Analyzed, style: Style): string {
  const first = entry.errors[0];
  const where = first ? `:${first.range.start.line}:${first.range.start.column}` : '';
  const more = entry.errors.length > 1 ? ` (and ${entry.errors.length - 1} more; run \`calm-desk lint ${entry.file}\`)` : '';
  return `${style.bold(`${entry.file}${where}:`)} ${style.red('error')}: cannot analyze: ${first?.message ?? 'the file has errors'}${more}`;
}

function renderSummary(entries: readonly Analyzed[], library: LibrarySummary, style: Style): string {
  const ok = entries.filter((e) => e.report);
  const idWidth = Math.max(8, ...ok.map((e) => e.report!.scenarioId.length));
  const trapHead = TRUST_RUINERS.map((t) => t.slice(0, 5)).join(' ');
  const lines = [style.bold(`${pad('scenario', idWidth)}  lang  range    best  worst*  endings  ${trapHead}  auto-fail`)];
  for (const entry of ok) {
    const r = entry.report!;
    const reached = r.endings.filter((e) => e.reachable).length;
    const traps = TRUST_RUINERS.map((t) => pad(r.behaviours[t] ? 'yes' : '-', 5)).join(' ');
    const range = r.score ? `${r.score.min}..${r.score.max}` : 'n/a';
    const endings = `${reached}/${r.endings.length}${r.walkOutReachable ? '+w' : ''}`;
    lines.push(
      `${pad(r.scenarioId, idWidth)}  ${pad(r.language, 4)}  ${pad(range, 7)}  ${padLeft(r.best?.overall ?? '-', 4)}  ${padLeft(r.worstNonAutoFail?.overall ?? '-', 6)}  ${pad(endings, 7)}  ${traps}  ${r.autoFailReachable ? 'yes' : '-'}`,
    );
  }
  for (const entry of entries.filter((e) => !e.report)) lines.push(`${pad(entry.file, idWidth)}  ${style.red('cannot analyze: run calm-desk lint on it')}`);
  lines.push(style.dim('worst* = worst path without auto-fail; endings = reachable/total, +w = a mood walk-out is possible'));
  lines.push('');
  lines.push(style.bold(`Library: ${library.scenarios} scenario ids (${Object.entries(library.idsByLanguage).map(([l, ids]) => `${ids.length} in ${l}`).join(', ')})`));
  lines.push('  Trust-ruiners as live traps (scenarios):');
  for (const t of TRUST_RUINERS) lines.push(`    ${pad(t, 13)} ${padLeft(library.trapScenarios[t].length, 3)}  ${style.dim(library.trapScenarios[t].join(', '))}`);
  lines.push('  Good tags rewarded (scenarios):');
  for (const t of GOOD_TAGS) lines.push(`    ${pad(t, 13)} ${padLeft(library.rewardScenarios[t].length, 3)}`);
  return lines.join('\n');
}

async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string' },
    summary: { type: 'boolean' },
    'max-paths': { type: 'string' },
  });
  const format = choiceOption(values.format, '--format', ['text', 'json'] as const, 'text');
  const maxPaths = integerOption(values['max-paths'], '--max-paths') ?? DEFAULT_MAX_PATHS;
  if (maxPaths < 1) throw new UsageError('--max-paths must be at least 1.');
  if (positionals.length === 0) throw new UsageError('analyze needs a scenario file or folder, e.g. `calm-desk analyze scenarios/kettle-returned-twice.en.yaml`.');
  const entries = await analyzeFiles(io, positionals, maxPaths);
  if (entries.length === 0) throw new UsageError(`No scenario files (*.yaml, *.yml) found in ${positionals.join(', ')}.`);
  const library = summarizeLibrary(entries.flatMap((e) => (e.report ? [e.report] : [])));
  const failed = entries.some((e) => !e.report);
  if (format === 'json') {
    const files = entries.map((e) => ({ file: e.file, report: e.report, errors: e.errors }));
    io.out(`${JSON.stringify(values.summary ? { files, library } : { files }, null, 2)}\n`);
    return failed ? EXIT.problems : EXIT.ok;
  }
  const style = useColor(io) ? ANSI : PLAIN;
  if (values.summary) {
    io.out(`${renderSummary(entries, library, style)}\n`);
  } else {
    io.out(`${entries.map((e) => (e.report ? renderReport(e, style) : renderErrors(e, style))).join('\n\n')}\n`);
  }
  return failed ? EXIT.problems : EXIT.ok;
}

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'Score ranges, endings, trust-ruiner traps and warnings for scenarios',
  help: `Usage: calm-desk analyze <files or folders...> [--summary] [--format text|json] [--max-paths N]

Plays each scenario every way a trainee can (every visible reply, answering early where replies
show while the customer talks, staying silent where a node has a silence rule) and reports:
the score range with the best and worst paths (each with the \`play\` arguments that repeat it),
the worst path that does not auto-fail, which endings are reachable, which of the five
trust-ruiners a trainee can commit, which good tags are rewarded, and warnings: nodes where every
choice is good or every choice is bad, and replies whose tags and mood effect disagree.

Options:
  --summary        One line per scenario plus the library report (traps and rewards across files)
  --format json    Machine-readable output
  --max-paths N    Stop a walk after N finished paths (default ${DEFAULT_MAX_PATHS}; the report says when)

Exit codes: 0 analyzed, 1 a file could not be loaded (run \`calm-desk lint\`), 2 usage error.

Examples:
  npx calm-desk analyze scenarios/kettle-returned-twice.en.yaml
  npx calm-desk analyze scenarios --summary`,
  run,
};
