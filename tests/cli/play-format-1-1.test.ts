/** `calm-desk play` and format 1.1: help that shows lists, written and clamped mood changes, cut-off replies. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playCommand } from '../../src/cli/commands/play.ts';
import { fakeIO, repoRoot } from './helpers.ts';

const parcel = join(repoRoot, 'tests/fixtures/transcripts/scenarios/parcel-counter.en.yaml');

describe('calm-desk play (format 1.1)', () => {
  it('shows in --help that --silent takes a list', () => {
    expect(playCommand.help).toContain('--silent 1,6');
    expect(playCommand.help).toContain('[--silent 1,6]');
  });

  it('prints both the mood change the file wrote and the clamped one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calm-desk-play-'));
    const file = join(dir, 'parcel.yaml');
    // +40 from mood 75 is clamped at 100 (and he walks out at 90).
    writeFileSync(file, readFileSync(parcel, 'utf8').replace('mood: 60\n  walksOutAt: 90', 'mood: 75\n  walksOutAt: 100').replace('        mood: 30\n', '        mood: 40\n'));
    const io = fakeIO();
    await playCommand.run([file, '--choices', '3'], io);
    expect(io.stdout).toContain('mood 75 -> 100 (+25; the file says +40, clamped to 0..100)');
  });

  it('says when an interrupting reply was cut off, and plays on at the same node', async () => {
    const io = fakeIO();
    const code = await playCommand.run([parcel, '--choices', '1,1,1', '--interrupt', '1'], io);
    expect(code).toBe(0);
    expect(io.stdout).toContain('decision 1 at counter (cut off: the reply did not count): +impatience (interrupted); mood 60 -> 70 (+10)');
    expect(io.stdout).toContain('decision 2 at counter:');
  });
});
