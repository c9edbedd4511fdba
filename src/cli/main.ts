/**
 * The `calm-desk` command line: a small dispatcher over the commands in `commands/index.ts`.
 * Returns the exit code instead of exiting, so tests can call it directly.
 *
 * @example
 * const code = await main(['lint', 'scenarios']); // 0 clean, 1 problems, 2 usage error
 */
import { EXIT, processIO, UsageError } from './command.ts';
import type { CliIO, Command } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { pathToFileURL } from 'node:url';
import { didYouMean } from '../scenario/suggest.ts';

function usage(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const list = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n');
  return `Calm Desk: tools for scenario authors and trainers.

Usage: calm-desk <command> [options]

Commands:
${list}

Run \`calm-desk <command> --help\` for a command's options.
`;
}

function usageError(io: CliIO, message: string, commandName?: string): number {
  const more = commandName ? `calm-desk ${commandName} --help` : 'calm-desk --help';
  io.err(`calm-desk: ${message}\nRun \`${more}\` for usage.\n`);
  return EXIT.usage;
}

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: string[], io: CliIO = processIO(), commands: readonly Command[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(usage(commands));
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = commands.find((command) => command.name === rest[0]);
    io.out(topic ? `${topic.help}\n` : usage(commands));
    return EXIT.ok;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    const suggestion = didYouMean(name, commands.map((candidate) => candidate.name));
    return usageError(io, `unknown command \`${name}\`.${suggestion ? ` ${suggestion}` : ''}`);
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.help}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) return usageError(io, error.message, command.name);
    const message = error instanceof Error ? error.message : String(error);
    io.err(`calm-desk ${command.name}: unexpected failure: ${message}\n`);
    return EXIT.problems;
  }
}

// Run directly (`tsx src/cli/main.ts ...`, as `npm run schema` does) rather than through the bin.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
