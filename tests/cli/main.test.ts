import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/cli/command.ts';
import { UsageError } from '../../src/cli/command.ts';
import { COMMANDS } from '../../src/cli/commands/index.ts';
import { main } from '../../src/cli/main.ts';
import { fakeIO } from './helpers.ts';

describe('calm-desk main', () => {
  it('lists the commands with --help and exits 0', async () => {
    const io = fakeIO();
    expect(await main(['--help'], io)).toBe(0);
    for (const command of COMMANDS) expect(io.stdout).toContain(command.name);
    expect(io.stdout).toContain('Usage: calm-desk <command>');
  });

  it('prints usage to stderr and exits 2 without a command', async () => {
    const io = fakeIO();
    expect(await main([], io)).toBe(2);
    expect(io.stderr).toContain('Commands:');
    expect(io.stdout).toBe('');
  });

  it('suggests the nearest command for a typo and exits 2', async () => {
    const io = fakeIO();
    expect(await main(['lnit', 'scenarios'], io)).toBe(2);
    expect(io.stderr).toContain('unknown command `lnit`. Did you mean `lint`?');
  });

  it('shows a command\'s own help', async () => {
    for (const args of [['lint', '--help'], ['help', 'lint']]) {
      const io = fakeIO();
      expect(await main(args, io)).toBe(0);
      expect(io.stdout).toContain('Usage: calm-desk lint');
      expect(io.stdout).toContain('--max-warnings');
    }
  });

  it('turns bad options into a usage error with exit 2', async () => {
    const io = fakeIO();
    expect(await main(['lint', '--colour', 'scenarios'], io)).toBe(2);
    expect(io.stderr).toMatch(/calm-desk: .*--colour/);
    expect(io.stderr).toContain('calm-desk lint --help');
    const io2 = fakeIO();
    expect(await main(['lint', '--max-warnings', 'many', 'scenarios'], io2)).toBe(2);
    expect(io2.stderr).toContain('--max-warnings expects a whole number');
  });

  it('dispatches to any registered command', async () => {
    const seen: string[][] = [];
    const echo: Command = {
      name: 'echo',
      summary: 'Echo',
      help: 'Usage: calm-desk echo',
      run: async (args, io) => {
        seen.push(args);
        io.out(args.join(' '));
        if (args[0] === 'bad') throw new UsageError('bad input');
        return 0;
      },
    };
    const io = fakeIO();
    expect(await main(['echo', 'a', 'b'], io, [echo])).toBe(0);
    expect(io.stdout).toBe('a b');
    expect(seen).toEqual([['a', 'b']]);
    const io2 = fakeIO();
    expect(await main(['echo', 'bad'], io2, [echo])).toBe(2);
    expect(io2.stderr).toContain('bad input');
  });

  it('reports an unexpected failure as exit 1 without a stack trace', async () => {
    const boom: Command = { name: 'boom', summary: '', help: '', run: () => Promise.reject(new Error('disk on fire')) };
    const io = fakeIO();
    expect(await main(['boom'], io, [boom])).toBe(1);
    expect(io.stderr).toBe('calm-desk boom: unexpected failure: disk on fire\n');
  });
});
