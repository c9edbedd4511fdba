/**
 * The shape of a CLI command and the I/O it gets. Commands never touch `process` directly, so
 * tests run them with captured output and a fake terminal.
 */

export interface CliIO {
  /** Writes to standard output (text is written as is: include the newline). */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
  /** Whether standard output is a terminal (colors are only used then). */
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** The directory relative paths are resolved against. */
  cwd: string;
}

export interface Command {
  /** What the user types: `calm-desk <name>`. */
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full help text: usage line, options, examples. */
  help: string;
  /** Runs the command; returns the exit code (0 ok, 1 problems found, 2 usage error). */
  run(args: string[], io: CliIO): Promise<number>;
}

/** Exit codes shared by all commands. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/** Thrown by argument parsing; `main` turns it into a usage message and exit code 2. */
export class UsageError extends Error {}

/** The I/O of the real process. */
export function processIO(): CliIO {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Colors are used only on a terminal and only when NO_COLOR is unset (https://no-color.org). */
export function useColor(io: CliIO): boolean {
  const noColor = io.env.NO_COLOR;
  return io.isTTY && (noColor === undefined || noColor === '');
}
