/**
 * docs/scenario-format.md, "What happens when…": its example scenario loads cleanly, and every
 * `calm-desk play` transcript shown under it is what the engine prints today, line for line. If
 * the engine changes, this fails until the docs say what it does now.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playCommand } from '../../src/cli/commands/play.ts';
import type { CliIO } from '../../src/cli/command.ts';
import { loadScenario } from '../../src/scenario/load.ts';

const doc = readFileSync(new URL('../../docs/scenario-format.md', import.meta.url), 'utf8');
const section = doc.slice(doc.indexOf('## What happens when…'), doc.indexOf('## Translations'));
const blocks = (language: string) => [...section.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
const example = blocks('yaml').find((block) => block.startsWith('# The example of "What happens when'))!;
const cases = blocks('text').filter((block) => block.startsWith('$ npx calm-desk play lamp-counter.en.yaml'));

async function play(file: string, args: string[]): Promise<string[]> {
  let stdout = '';
  const io: CliIO = { out: (t) => void (stdout += t), err: () => undefined, isTTY: false, env: {}, cwd: tmpdir() };
  await playCommand.run([file, ...args], io);
  const lines = stdout.split('\n').slice(2);
  return lines.slice(0, lines.indexOf(''));
}

describe('docs: Your first scenario in 15 minutes', () => {
  it('assembles, block by block, into a scenario that loads with no diagnostics', () => {
    const walkThrough = doc.slice(doc.indexOf('## Your first scenario in 15 minutes'), doc.indexOf('## A complete example, explained'));
    const file = [...walkThrough.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).join('');
    const { scenario, diagnostics } = loadScenario(file, 'scenarios/lost-glasses.en.yaml');
    expect(diagnostics).toEqual([]);
    expect(scenario?.nodes.desk?.replies.map((r) => r.id)).toEqual(['check', 'sorry', 'form']);
  });
});

describe('docs: What happens when…', () => {
  it('has an example scenario that loads with no diagnostics', () => {
    expect(example).toBeDefined();
    const { scenario, diagnostics } = loadScenario(example, 'lamp-counter.en.yaml');
    expect(diagnostics).toEqual([]);
    expect(scenario?.id).toBe('lamp-counter');
  });

  it('covers interrupting, venting, silence, auto-fail and both walk-outs', () => {
    expect(cases.length).toBeGreaterThanOrEqual(7);
    const all = cases.join('\n');
    for (const shown of ['(cut off: the reply did not count)', 'Let me finish!', 'the third interruption', '...Well. That\'s how it is.', 'Hello? Are you still with me?', 'the last silence the node allows', 'tyranny', 'the mood reached walksOutAt']) {
      expect(all).toContain(shown);
    }
  });

  it.each(cases.map((block) => [block.split('\n')[0]!, block] as const))('%s prints what the docs show', async (_command, block) => {
    const dir = mkdtempSync(join(tmpdir(), 'calm-desk-docs-'));
    const file = join(dir, 'lamp-counter.en.yaml');
    writeFileSync(file, example);
    const [command, ...shown] = block.trimEnd().split('\n');
    const args = command!.replace('$ npx calm-desk play lamp-counter.en.yaml', '').trim().split(/\s+/);
    expect(await play(file, args)).toEqual(shown);
  });
});
