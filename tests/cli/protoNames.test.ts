/** Issue 12, item 8: `calm-desk play` with variables named `__proto__`, `constructor` and `toString`. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playCommand } from '../../src/cli/commands/play.ts';
import { fakeIO, repoRoot } from './helpers.ts';

const file = join(repoRoot, 'tests/fixtures/proto-names/proto-names.yaml');

describe('calm-desk play with prototype-named variables', () => {
  it('plays the path the variables open, and prints them in the JSON transcript', async () => {
    const io = fakeIO();
    await playCommand.run([file, '--choices', 'sorry,thanks', '--format', 'json'], io);
    expect(io.stderr).toBe('');
    const out = JSON.parse(io.stdout) as { transcript: { type: string; choiceId?: string; variablesBefore?: Record<string, unknown>; nodeId?: string; outcome?: string }[] };
    const decisions = out.transcript.filter((e) => e.type === 'decision');
    expect(decisions.map((d) => d.choiceId)).toEqual(['sorry', 'thanks']);
    expect(decisions[1]!.variablesBefore).toEqual(JSON.parse('{"__proto__": true, "constructor": 2, "toString": true}'));
    expect(Object.hasOwn(decisions[1]!.variablesBefore!, '__proto__')).toBe(true);
    expect(out.transcript.find((e) => e.type === 'end')).toMatchObject({ nodeId: 'done', outcome: 'resolved' });
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
