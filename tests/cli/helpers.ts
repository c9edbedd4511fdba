import { fileURLToPath } from 'node:url';
import type { CliIO } from '../../src/cli/command.ts';

/** The repository root: CLI tests run from there, as a trainer would. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface FakeIO extends CliIO {
  stdout: string;
  stderr: string;
}

/** Captures output; a plain (non-terminal) stdout unless told otherwise. */
export function fakeIO(options: { isTTY?: boolean; env?: Record<string, string | undefined>; cwd?: string } = {}): FakeIO {
  const io: FakeIO = {
    stdout: '',
    stderr: '',
    out: (text) => {
      io.stdout += text;
    },
    err: (text) => {
      io.stderr += text;
    },
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
    cwd: options.cwd ?? repoRoot,
  };
  return io;
}
