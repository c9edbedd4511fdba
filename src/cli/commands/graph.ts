/** `calm-desk graph`: a scenario as a Mermaid flowchart, or as a self-contained HTML map (`--format html`). */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { scenarioMapHtml } from '../../graph/mapPage.ts';
import { createI18n } from '../../i18n/index.ts';
import { hasErrors } from '../../scenario/diagnostics.ts';
import { rubricFor } from '../../scoring/rubric.ts';
import { choiceOption, parseCommandArgs } from '../args.ts';
import { EXIT, UsageError, useColor } from '../command.ts';
import type { CliIO, Command } from '../command.ts';
import { displayPath, readText } from '../files.ts';
import { ANSI, formatDiagnostic, PLAIN } from '../format.ts';
import { scenarioToMermaid } from '../mermaid.ts';
import { rubricsBeside } from '../rubricFiles.ts';
import { loadScenarioOrTranslation } from '../translatedFiles.ts';

async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { markdown: { type: 'boolean' }, format: { type: 'string' }, output: { type: 'string', short: 'o' } });
  if (positionals.length !== 1) throw new UsageError('graph needs exactly one scenario file, e.g. `calm-desk graph scenarios/kettle-returned-twice.en.yaml`.');
  const format = choiceOption(values.format, '--format', ['mermaid', 'html'] as const, 'mermaid');
  if (format === 'html' && values.markdown) throw new UsageError('--markdown wraps a Mermaid chart; it cannot be used with --format html.');
  const given = positionals[0]!;
  const absolute = resolve(io.cwd, given);
  const shown = displayPath(io.cwd, absolute);
  const read = await readText(absolute);
  if (!read.ok) {
    io.err(`${shown}: error CD008: \`${given}\` cannot be read: ${read.reason}.\n`);
    return EXIT.problems;
  }
  const { scenario, diagnostics, lines } = await loadScenarioOrTranslation(io.cwd, shown, read.text);
  if (!scenario || hasErrors(diagnostics)) {
    const style = useColor(io) ? ANSI : PLAIN;
    for (const d of diagnostics.filter((item) => item.severity === 'error')) io.err(`${formatDiagnostic(d, lines(d.file), style)}\n\n`);
    io.err(`The graph needs a scenario without errors: fix the above, or run \`calm-desk lint ${given}\`.\n`);
    return EXIT.problems;
  }
  let text: string;
  if (format === 'html') {
    const rubric = rubricFor(scenario.rubric, await rubricsBeside(io.cwd, shown));
    text = scenarioMapHtml(scenario, { t: createI18n(scenario.language).t, language: scenario.language, rubric });
  } else {
    const chart = scenarioToMermaid(scenario);
    text = values.markdown ? `\`\`\`mermaid\n${chart}\`\`\`\n` : chart;
  }
  const output = typeof values.output === 'string' ? values.output : undefined;
  if (output === undefined) {
    io.out(text);
    return EXIT.ok;
  }
  const target = resolve(io.cwd, output);
  try {
    await writeFile(target, text, 'utf8');
  } catch (error) {
    io.err(`Cannot write \`${output}\`: ${error instanceof Error ? error.message : String(error)}. Check that the folder exists and can be written to.\n`);
    return EXIT.problems;
  }
  io.err(`Wrote ${displayPath(io.cwd, target)}${format === 'html' ? ': open it in any web browser (it works offline).' : '.'}\n`);
  return EXIT.ok;
}

export const graphCommand: Command = {
  name: 'graph',
  summary: 'Draw a scenario: a Mermaid flowchart, or an HTML map with best and worst paths',
  help: `Usage: calm-desk graph <file> [--format mermaid|html] [-o <file>] [--markdown]

Draws the conversation.

--format mermaid (the default) prints a Mermaid flowchart: one box per node with the first thing
the customer says, replies as arrows labelled with their id and behaviour tags, silence as dashed
arrows, branches with their conditions, and endings coloured by outcome. Paste it into
https://mermaid.live or a Markdown file.

--format html writes one web page that works offline: boxes coloured by the customer's mood on
arrival, replies labelled with their tags (trust-ruiners in red with a ⚠), endings by outcome, the
best and the worst path highlighted, and a side panel with a box's lines, replies and notes when
you click it (or Tab to it and press Enter). See docs/graph.md.

The file may also be a translation file (<id>.<lang>.tr.yaml): the map is then drawn in that language.

Options:
  --format mermaid|html   What to draw (default mermaid)
  -o, --output <file>     Write to this file instead of standard output
  --markdown              Wrap the Mermaid chart in a \`\`\`mermaid block, ready for a Markdown file

Examples:
  npx calm-desk graph scenarios/kettle-returned-twice.en.yaml > kettle.mmd
  npx calm-desk graph scenarios/kettle-returned-twice.en.yaml --format html -o kettle-map.html`,
  run,
};
