/** `calm-desk schema`: print or write the JSON schema of the scenario format. */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { scenarioJsonSchemaText } from '../../scenario/json-schema.ts';
import { parseCommandArgs } from '../args.ts';
import { EXIT, UsageError } from '../command.ts';
import type { CliIO, Command } from '../command.ts';

async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { write: { type: 'string' }, check: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`schema takes no file arguments (got ${positionals.join(' ')}); use --write <path>.`);
  const text = scenarioJsonSchemaText();
  if (typeof values.check === 'string') {
    const current = await readFile(resolve(io.cwd, values.check), 'utf8').catch(() => undefined);
    if (current === text) return EXIT.ok;
    io.err(`${values.check} is ${current === undefined ? 'missing' : 'out of date'}: run \`npm run schema\`.\n`);
    return EXIT.problems;
  }
  if (typeof values.write === 'string') {
    try {
      await writeFile(resolve(io.cwd, values.write), text, 'utf8');
    } catch (error) {
      io.err(`Cannot write ${values.write}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.\n`);
      return EXIT.problems;
    }
    io.out(`Wrote ${values.write}\n`);
    return EXIT.ok;
  }
  io.out(text);
  return EXIT.ok;
}

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'Print or write the JSON schema of the scenario format',
  help: `Usage: calm-desk schema [--write <path>] [--check <path>]

Prints the JSON schema (draft-07) of scenario files, generated from the format definition.
Editors use it for autocompletion through the first line of a scenario:
  # yaml-language-server: $schema=./scenario.schema.json

Options:
  --write <path>    Write the schema to a file instead (npm run schema does this)
  --check <path>    Exit 1 when the file differs from the current schema`,
  run,
};
