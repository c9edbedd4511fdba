/** `calm-desk lint`: check scenario and rubric files and print compiler-style diagnostics. */
import { compareDiagnostics, diagnostic, FILE_START } from '../../scenario/diagnostics.ts';
import type { Diagnostic } from '../../scenario/diagnostics.ts';
import { naiveLintDiagnostics } from '../../analysis/warnings.ts';
import { checkLibrary } from '../../scenario/library.ts';
import type { LibraryFile } from '../../scenario/library.ts';
import { loadScenario } from '../../scenario/load.ts';
import { choiceOption, integerOption, parseCommandArgs } from '../args.ts';
import { EXIT, UsageError, useColor } from '../command.ts';
import type { CliIO, Command } from '../command.ts';
import { isRubricFileName, loadRubric } from '../../scoring/loadRubric.ts';
import { checkRubricLibrary, declaredRubricId, type RubricFileEntry, type ScenarioFileEntry } from '../../scoring/rubricLibrary.ts';
import { collectFiles, readText } from '../files.ts';
import { rubricFilesBeside } from '../rubricFiles.ts';
import { isTranslationFileName } from '../../scenario/translation.ts';
import { loadScenarioOrTranslation } from '../translatedFiles.ts';
import { ANSI, countDiagnostics, formatDiagnostic, formatSummary, PLAIN } from '../format.ts';

interface Checked {
  file: string;
  lines: string[];
  diagnostics: Diagnostic[];
}

/** Loads every file (rubric files as rubrics), then adds the checks across files (duplicates, translations, rubric ids). */
export async function lintPaths(io: CliIO, paths: readonly string[], options: { naive?: boolean } = {}): Promise<Checked[]> {
  const targets = await collectFiles(io.cwd, paths);
  const checked: Checked[] = [];
  const library: LibraryFile[] = [];
  const translated: LibraryFile[] = [];
  const rubrics: RubricFileEntry[] = [];
  for (const target of targets) {
    const read = target.kind === 'file' ? await readText(target.path) : { ok: false as const, reason: target.reason };
    if (!read.ok) {
      const message = target.kind === 'missing' ? target.reason : `\`${target.shown}\` cannot be read: ${read.reason}.`;
      checked.push({ file: target.shown, lines: [], diagnostics: [diagnostic('CD008', target.shown, FILE_START, message, 'Check the path and the spelling of the file name.')] });
      continue;
    }
    if (isRubricFileName(target.shown)) {
      const rubric = { fileName: target.shown, text: read.text, result: loadRubric(read.text, target.shown) };
      checked.push({ file: target.shown, lines: read.text.split('\n'), diagnostics: [...rubric.result.diagnostics] });
      rubrics.push(rubric);
      continue;
    }
    if (isTranslationFileName(target.shown)) {
      // Checked against the scenario it translates (CD6xx); not a scenario file of its own.
      const loaded = await loadScenarioOrTranslation(io.cwd, target.shown, read.text);
      checked.push({ file: target.shown, lines: read.text.split('\n'), diagnostics: [...loaded.diagnostics] });
      translated.push({ fileName: target.shown, result: { scenario: loaded.scenario, diagnostics: loaded.diagnostics }, text: read.text });
      continue;
    }
    const result = loadScenario(read.text, target.shown);
    checked.push({ file: target.shown, lines: read.text.split('\n'), diagnostics: [...result.diagnostics] });
    library.push({ fileName: target.shown, result, text: read.text });
  }
  for (const extra of [...checkLibrary(library, translated), ...(options.naive === false ? [] : naiveLintDiagnostics(library))]) {
    checked.find((entry) => entry.file === extra.file)?.diagnostics.push(extra);
  }
  for (const extra of await rubricReferences(io, rubrics, library)) {
    checked.find((entry) => entry.file === extra.file)?.diagnostics.push(extra);
  }
  for (const entry of checked) entry.diagnostics.sort(compareDiagnostics);
  return checked;
}

/** CD508/CD509: rubric ids across the linted rubric files, and the rubric each scenario names (rubric files beside it count too). */
async function rubricReferences(io: CliIO, rubrics: readonly RubricFileEntry[], library: readonly LibraryFile[]): Promise<Diagnostic[]> {
  const scenarios: ScenarioFileEntry[] = library.map((file) => ({ fileName: file.fileName, text: file.text, scenario: file.result.scenario }));
  const beside = new Set<string>();
  const folders = new Set<string>();
  for (const file of library) {
    const folder = file.fileName.replace(/[^/\\]*$/, '');
    if (folders.has(folder)) continue;
    folders.add(folder);
    for (const entry of await rubricFilesBeside(io.cwd, file.fileName)) {
      const id = declaredRubricId(entry);
      if (id !== undefined) beside.add(id);
    }
  }
  return checkRubricLibrary(rubrics, scenarios, beside);
}

function exitCode(errors: number, warnings: number, maxWarnings: number | undefined): number {
  if (errors > 0) return EXIT.problems;
  if (maxWarnings !== undefined && warnings > maxWarnings) return EXIT.problems;
  return EXIT.ok;
}

async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string' },
    'max-warnings': { type: 'string' },
    'no-naive': { type: 'boolean' },
  });
  const format = choiceOption(values.format, '--format', ['text', 'json'] as const, 'text');
  const maxWarnings = integerOption(values['max-warnings'], '--max-warnings');
  if (positionals.length === 0) throw new UsageError('lint needs at least one file or folder, e.g. `calm-desk lint scenarios`.');
  const checked = await lintPaths(io, positionals, { naive: values['no-naive'] !== true });
  if (checked.length === 0) throw new UsageError(`No scenario files (*.yaml, *.yml) found in ${positionals.join(', ')}.`);
  const all = checked.flatMap((entry) => entry.diagnostics);
  const counts = countDiagnostics(checked.length, all);
  if (format === 'json') {
    io.out(`${JSON.stringify({ files: checked.map((entry) => entry.file), diagnostics: all, summary: counts }, null, 2)}\n`);
  } else {
    const style = useColor(io) ? ANSI : PLAIN;
    for (const entry of checked) {
      for (const d of entry.diagnostics) io.out(`${formatDiagnostic(d, entry.lines, style)}\n\n`);
    }
    io.out(`${formatSummary(counts, style)}\n`);
    if (maxWarnings !== undefined && counts.errors === 0 && counts.warnings > maxWarnings) {
      io.out(`Too many warnings: ${counts.warnings} (at most ${maxWarnings} allowed by --max-warnings).\n`);
    }
  }
  return exitCode(counts.errors, counts.warnings, maxWarnings);
}

export const lintCommand: Command = {
  name: 'lint',
  summary: 'Check scenario and rubric files and folders, with line:column diagnostics',
  help: `Usage: calm-desk lint <files or folders...> [--format text|json] [--max-warnings N]

Checks scenario files: YAML syntax, keys and values, links between nodes, reachability,
conditions, translations. Files named rubric.yaml or <id>.rubric.yaml are checked as scoring
rubrics (codes CD5xx), and every scenario's \`rubric:\` must name one (or \`default\`).
Files named <id>.<language>.tr.yaml are translation files, checked against the scenario they
translate (codes CD6xx: texts not translated yet, out of date, or orphaned; see docs/translations.md).
Folders are searched for *.yaml and *.yml files.

Options:
  --format json       Machine-readable output (for editors and CI)
  --max-warnings N    Fail (exit 1) when there are more than N warnings; 0 makes any warning fail
                      (N is 0 or more; leave the option out to allow any number of warnings)
  --no-naive          Skip CD308 (playing each file with naive policies, about a second a file)

Folders are searched recursively, following symbolic links; a path that is not a regular file
(a missing file, a broken or looping link, a named pipe) is reported as CD008. A file with very
many problems lists the first 100, then one CD009 line counts the rest. Control characters from a
file are shown escaped (ESC as \\x1b).

Exit codes: 0 clean (warnings allowed), 1 errors found, 2 usage error (including an empty path),
141 when the output pipe closes early (e.g. \`| head -1\`).

Examples:
  npx calm-desk lint scenarios
  npx calm-desk lint scenarios/kettle-returned-twice.en.yaml --max-warnings 0`,
  run,
};
