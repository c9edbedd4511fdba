/** `calm-desk graph`: print a scenario as a Mermaid flowchart. */
import { hasErrors } from '../../scenario/diagnostics.ts';
import { loadScenario } from '../../scenario/load.ts';
import { parseCommandArgs } from '../args.ts';
import { EXIT, UsageError, useColor } from '../command.ts';
import type { CliIO, Command } from '../command.ts';
import { displayPath, readText } from '../files.ts';
import { ANSI, formatDiagnostic, PLAIN } from '../format.ts';
import { scenarioToMermaid } from '../mermaid.ts';
import { resolve } from 'node:path';

async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { markdown: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError('graph needs exactly one scenario file, e.g. `calm-desk graph scenarios/kettle-returned-twice.en.yaml`.');
  const given = positionals[0]!;
  const absolute = resolve(io.cwd, given);
  const shown = displayPath(io.cwd, absolute);
  const read = await readText(absolute);
  if (!read.ok) {
    io.err(`${shown}: error CD008: \`${given}\` cannot be read: ${read.reason}.\n`);
    return EXIT.problems;
  }
  const { scenario, diagnostics } = loadScenario(read.text, shown);
  if (!scenario || hasErrors(diagnostics)) {
    const style = useColor(io) ? ANSI : PLAIN;
    const lines = read.text.split('\n');
    for (const d of diagnostics.filter((item) => item.severity === 'error')) io.err(`${formatDiagnostic(d, lines, style)}\n\n`);
    io.err(`The graph needs a scenario without errors: fix the above, or run \`calm-desk lint ${given}\`.\n`);
    return EXIT.problems;
  }
  const chart = scenarioToMermaid(scenario);
  io.out(values.markdown ? `\`\`\`mermaid\n${chart}\`\`\`\n` : chart);
  return EXIT.ok;
}

export const graphCommand: Command = {
  name: 'graph',
  summary: 'Print a scenario as a Mermaid flowchart',
  help: `Usage: calm-desk graph <file> [--markdown]

Prints the conversation as a Mermaid flowchart: one box per node with the first thing the customer
says, replies as arrows labelled with their id and behaviour tags, silence as dashed arrows,
branches with their conditions, and endings coloured by outcome (green resolved, yellow escalated,
grey unresolved, red walked out). Paste it into https://mermaid.live or a Markdown file.

Options:
  --markdown    Wrap the chart in a \`\`\`mermaid block, ready for a Markdown file

Example:
  npx calm-desk graph scenarios/kettle-returned-twice.en.yaml > kettle.mmd`,
  run,
};
