/** `calm-desk lint`: check scenario files and print compiler-style diagnostics. */
import { compareDiagnostics, diagnostic, FILE_START } from '../../scenario/diagnostics.ts';
import type { Diagnostic } from '../../scenario/diagnostics.ts';
import { naiveLintDiagnostics } from '../../analysis/warnings.ts';
import { checkLibrary } from '../../scenario/library.ts';
import type { LibraryFile } from '../../scenario/library.ts';
import { loadScenario } from '../../scenario/load.ts';
import { choiceOption, integerOption, parseCommandArgs } from '../args.ts';
import { EXIT, UsageError, useColor } from '../command.ts';
import type { CliIO, Command } from '../command.ts';
import { collectFiles, readText } from '../files.ts';
import { ANSI, countDiagnostics, formatDiagnostic, formatSummary, PLAIN } from '../format.ts';

interface Checked {
  file: string;
  lines: string[];
  diagnostics: Diagnostic[];
}

/** Loads every file, then adds the checks across files (duplicates, translations). */
export async function lintPaths(io: CliIO, paths: readonly string[], options: { naive?: boolean } = {}): Promise<Checked[]> {
  const targets = await collectFiles(io.cwd, paths);
  const checked: Checked[] = [];
  const library: LibraryFile[] = [];
  for (const target of targets) {
    const read = target.kind === 'file' ? await readText(target.path) : { ok: false as const, reason: target.reason };
    if (!read.ok) {
      const message = target.kind === 'missing' ? target.reason : `\`${target.shown}\` cannot be read: ${read.reason}.`;
      checked.push({ file: target.shown, lines: [], diagnostics: [diagnostic('CD008', target.shown, FILE_START, message, 'Check the path and the spelling of the file name.')] });
      continue;
    }
    const result = loadScenario(read.text, target.shown);
    checked.push({ file: target.shown, lines: read.text.split('\n'), diagnostics: [...result.diagnostics] });
    library.push({ fileName: target.shown, result, text: read.text });
  }
  for (const extra of [...checkLibrary(library), ...(options.naive === false ? [] : naiveLintDiagnostics(library))]) {
    checked.find((entry) => entry.file === extra.file)?.diagnostics.push(extra);
  }
  for (const entry of checked) entry.diagnostics.sort(compareDiagnostics);
  return checked;
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
  summary: 'Check scenario files and folders, with line:column diagnostics',
  help: `Usage: calm-desk lint <files or folders...> [--format text|json] [--max-warnings N]

Checks scenario files: YAML syntax, keys and values, links between nodes, reachability,
conditions, translations. Folders are searched for *.yaml and *.yml files.

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
