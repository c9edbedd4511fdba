/** `calm-desk i18n extract`: write (or bring up to date) a translation file for a scenario. */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { loadScenario, normalizeLineEnds } from '../../scenario/load.ts';
import { extractTranslation, loadTranslation, sourceTexts } from '../../scenario/translation.ts';
import { LANGUAGES } from '../../scenario/vocabulary.ts';
import { choiceOption, parseCommandArgs } from '../args.ts';
import { EXIT, UsageError, useColor } from '../command.ts';
import type { CliIO, Command } from '../command.ts';
import { displayPath, readText } from '../files.ts';
import { ANSI, formatDiagnostic, PLAIN } from '../format.ts';

async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { to: { type: 'string' }, output: { type: 'string', short: 'o' } });
  if (positionals[0] !== 'extract') throw new UsageError('i18n has one action: `calm-desk i18n extract <scenario file> --to fi`.');
  if (positionals.length !== 2) throw new UsageError('i18n extract needs exactly one scenario file, e.g. `calm-desk i18n extract scenarios/kettle-returned-twice.en.yaml --to fi`.');
  if (values.to === undefined) throw new UsageError(`i18n extract needs --to <language>: one of ${LANGUAGES.join(', ')}.`);
  const to = choiceOption(values.to, '--to', LANGUAGES, 'en');
  const given = positionals[1]!;
  const absolute = resolve(io.cwd, given);
  const shown = displayPath(io.cwd, absolute);
  const read = await readText(absolute);
  if (!read.ok) {
    io.err(`${shown}: error CD008: \`${given}\` cannot be read: ${read.reason}.\n`);
    return EXIT.problems;
  }
  const { scenario, diagnostics } = loadScenario(read.text, shown);
  if (!scenario) {
    const style = useColor(io) ? ANSI : PLAIN;
    const lines = read.text.split('\n');
    for (const d of diagnostics.filter((item) => item.severity === 'error')) io.err(`${formatDiagnostic(d, lines, style)}\n\n`);
    io.err(`Only a scenario without errors can be translated: fix the above, or run \`calm-desk lint ${given}\`.\n`);
    return EXIT.problems;
  }
  if (scenario.language === to) throw new UsageError(`${given} is already in ${to}: give the language to translate into, e.g. --to ${LANGUAGES.find((l) => l !== to)}.`);
  const output = typeof values.output === 'string' ? values.output : displayPath(io.cwd, resolve(absolute, '..', `${scenario.id}.${to}.tr.yaml`));
  const data: unknown = parse(normalizeLineEnds(read.text), { maxAliasCount: 50 });
  let previous = null;
  const target = output === '-' ? null : resolve(io.cwd, output);
  if (target && existsSync(target)) {
    const old = await readText(target);
    if (old.ok) {
      const loaded = loadTranslation(old.text, output);
      if (!loaded.translation) {
        io.err(`${output} exists but is not a readable translation file; fix it or choose another -o. Nothing was written.\n`);
        return EXIT.problems;
      }
      previous = loaded.translation;
    }
  }
  const text = extractTranslation(data, { id: scenario.id, language: scenario.language, fileName: shown }, to, previous);
  if (!target) {
    io.out(text);
    return EXIT.ok;
  }
  try {
    await writeFile(target, text, 'utf8');
  } catch (error) {
    io.err(`Cannot write \`${output}\`: ${error instanceof Error ? error.message : String(error)}.\n`);
    return EXIT.problems;
  }
  const total = sourceTexts(data).length;
  const kept = previous ? Object.values(previous.sections).reduce((n, entries) => n + Object.values(entries).filter((e) => e.text.trim() !== '').length, 0) : 0;
  io.err(`Wrote ${displayPath(io.cwd, target)}: ${total} texts${previous ? `, ${Math.min(kept, total)} already translated kept` : ''}. Write the translations under \`text:\`, then run \`calm-desk lint ${displayPath(io.cwd, target)}\`.\n`);
  return EXIT.ok;
}

export const i18nCommand: Command = {
  name: 'i18n',
  summary: 'Write a translation file for a scenario, keyed by node, line and reply ids',
  help: `Usage: calm-desk i18n extract <scenario file> --to <language> [-o <file>]

Writes a translation file: every text of the scenario (title, goals, brief, each customer line,
each reply, feedback, comments, notes) as an entry keyed by a stable id, with the source text
and a short hash of it beside an empty \`text:\` for the translation. The game then plays the
scenario in that language; \`calm-desk lint\` reports texts not translated yet (CD603), texts
changed since they were translated (CD604) and entries the scenario no longer has (CD605).

Run it again on an existing file (same -o) to bring it up to date: translations are kept,
new texts are added empty, removed ones are dropped, and \`source\`/\`hash\` are refreshed
(which accepts any out-of-date translation: check CD604 warnings first). See docs/translations.md.

Options:
  --to <language>      The language to translate into: ${LANGUAGES.join(', ')}
  -o, --output <file>  Where to write (default: <id>.<language>.tr.yaml beside the scenario;
                       - prints it instead)

Example:
  npx calm-desk i18n extract scenarios/kettle-returned-twice.en.yaml --to fi`,
  run,
};
