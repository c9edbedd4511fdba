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

/** Exit status when the reader of our output has gone (`| head -1`): 128 + SIGPIPE, as for `cat`. */
export const EXIT_PIPE_CLOSED = 141;

let guarded = false;

/**
 * A closed pipe (`calm-desk lint scenarios | head -1`) ends the process quietly, as a shell
 * expects, instead of a `write EPIPE` stack trace. Other stream errors are reported in one line.
 */
export function guardStandardStreams(proc: Pick<NodeJS.Process, 'stdout' | 'stderr' | 'exit'> = process): void {
  if (guarded && proc === process) return;
  if (proc === process) guarded = true;
  for (const stream of [proc.stdout, proc.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') proc.exit(EXIT_PIPE_CLOSED);
      else {
        if (stream !== proc.stderr) proc.stderr.write(`calm-desk: cannot write the output (${error.code ?? error.message}).\n`);
        proc.exit(1);
      }
    });
  }
}

/** The I/O of the real process. */
export function processIO(): CliIO {
  guardStandardStreams();
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
