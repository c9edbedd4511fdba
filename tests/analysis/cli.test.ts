import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { fakeIO, repoRoot } from '../cli/helpers.ts';

const fixture = 'tests/fixtures/transcripts/scenarios/parcel-counter.en.yaml';

describe('calm-desk play', () => {
  it('prints the transcript and the score', async () => {
    const io = fakeIO();
    const code = await main(['play', fixture, '--choices', '1,1'], io);
    expect(code).toBe(0);
    expect(io.stdout).toContain('Sami Laine [angry]: Your system sent my parcel to Lahti. I live in Espoo.');
    expect(io.stdout).toContain("You: That's annoying on a short lunch. Let's find where it is right now.");
    expect(io.stdout).toContain('+listening (waited-through-venting)');
    expect(io.stdout).toContain('Ended: resolved at sorted, rating 4/5');
    expect(io.stdout).toContain('Score: 84/100 (good)');
    expect(io.stderr).toBe('');
  });

  it('gives JSON with the transcript and the score', async () => {
    const io = fakeIO();
    // Decision 1 interrupts (cut off: the customer picks up again), decision 2 answers the same node.
    expect(await main(['play', fixture, '--choices', '1', '--choices', '1,2', '--interrupt', '1', '--format', 'json'], io)).toBe(0);
    const body = JSON.parse(io.stdout);
    expect(body.script).toEqual({ choices: [1, 1, 2], interrupt: [1], silent: [], speed: 'normal' });
    expect(body.score.patience.interruptions).toBe(1);
    expect(body.score.trustRuiners.arrogance.count).toBe(1);
    expect(body.transcript.at(-1)).toMatchObject({ type: 'end', outcome: 'unresolved' });
  });

  it('takes reply ids as choices', async () => {
    const io = fakeIO();
    expect(await main(['play', fixture, '--choices', 'sorry-find,track'], io)).toBe(0);
    expect(io.stdout).toContain('Score: 84/100 (good)');
    const wrong = fakeIO();
    expect(await main(['play', fixture, '--choices', 'sorry-find,shout'], wrong)).toBe(1);
    expect(wrong.stderr).toBe('calm-desk play: decision 2 at node `code` offers no reply `shout` (offered: track, phone)\n');
  });

  it('explains a choice that does not exist and exits 1', async () => {
    const io = fakeIO();
    expect(await main(['play', fixture, '--choices', '1,3'], io)).toBe(1);
    expect(io.stderr).toBe('calm-desk play: decision 2 at node `code` has 2 replies, so choice 3 does not exist\n');
  });

  it('rejects malformed numbers and missing files', async () => {
    const io = fakeIO();
    expect(await main(['play', fixture, '--choices', '1,X!'], io)).toBe(2);
    expect(io.stderr).toContain('--choices expects reply numbers from 1 up or reply ids, separated by commas (e.g. --choices 2,1,3), but got `X!`.');
    const badSilence = fakeIO();
    expect(await main(['play', fixture, '--choices', '1', '--silent', '0'], badSilence)).toBe(2);
    expect(badSilence.stderr).toContain('--silent expects numbers from 1 up');
    const missing = fakeIO();
    expect(await main(['play', 'nope.yaml', '--choices', '1'], missing)).toBe(1);
    expect(missing.stderr).toContain('`nope.yaml` cannot be read: the file does not exist.');
  });
});

describe('calm-desk analyze', () => {
  it('prints the score range, paths to replay, endings and traps', async () => {
    const io = fakeIO();
    expect(await main(['analyze', fixture], io)).toBe(0);
    expect(io.stdout).toContain('parcel-counter (en) "The parcel that went to the wrong town"');
    expect(io.stdout).toMatch(/Score range: 0\.\.\d+ over \d+ conversation states/);
    expect(io.stdout).toMatch(/Naive players \(through the real machine and driver; \* = mean above 50, polite above 60\):/);
    expect(io.stdout).toMatch(/ {4}longest +\d+\*? +play: --choices /);
    expect(io.stdout).toMatch(/ {4}random +[\d.]+\*? +mean of 200 \(seed 1\), p10 \d+, p90 \d+/);
    expect(io.stdout).toMatch(/best\s+\d+\s+resolved at sorted\s+play: --choices sorry-find,track/);
    expect(io.stdout).toMatch(/annoyed-leave\s+unresolved\s+reachable/);
    expect(io.stdout).toContain('judging yes');
    expect(io.stdout).toContain('an auto-fail path exists');
  });

  it('gives JSON, and a library summary over a folder', async () => {
    const io = fakeIO();
    expect(await main(['analyze', fixture, '--format', 'json'], io)).toBe(0);
    const body = JSON.parse(io.stdout);
    expect(body.files[0].report.scenarioId).toBe('parcel-counter');
    expect(body.files[0].report.best.playArgs).toBe('--choices sorry-find,track');
    expect(Object.keys(body.files[0].naive.policies)).toEqual(['longest', 'shortest', 'first', 'random', 'interrupt', 'wait', 'best-interrupting', 'polite']);
    expect(body.files[0].naive.policies.random).toMatchObject({ runs: 200 });
    const summary = fakeIO();
    expect(await main(['analyze', join(repoRoot, 'tests/fixtures/transcripts/scenarios'), '--summary'], summary)).toBe(0);
    expect(summary.stdout).toMatch(/parcel-counter\s+en\s+0\.\.\d+/);
    expect(summary.stdout).toMatch(/scenario\s+lang\s+best\s+longest\s+shortest\s+first\s+random mean p10 p90\s+interrupt\s+wait\s+best-int\s+polite/);
    expect(summary.stdout).toMatch(/library mean\s+\d+/);
    expect(summary.stdout).toContain('Library: 1 scenario ids (1 in en, 0 in fi)');
    expect(summary.stdout).toMatch(/judging\s+1 {2}parcel-counter/);
  });

  it('says in plain words when the analysis is limited, and what "not proven" means', async () => {
    const io = fakeIO();
    expect(await main(['analyze', fixture, '--max-states', '3', '--runs', '5'], io)).toBe(0);
    expect(io.stdout).toMatch(/LIMITED: this scenario has more conversation states than the analysis explores; it explored 3 of them/);
    expect(io.stdout).toContain('cover that explored part only');
    expect(io.stdout).toContain('"not proven" means');
    expect(io.stdout).toContain('fewer flags');
    expect(io.stdout).toMatch(/Score range: .* over the 3 conversation states explored/);
    expect(io.stdout).toMatch(/gone\s+walked-out\s+not proven/);
    expect(io.stdout).toMatch(/sorted\s+resolved\s+reachable/);
    const json = fakeIO();
    expect(await main(['analyze', fixture, '--max-states', '3', '--runs', '5', '--format', 'json'], json)).toBe(0);
    const { report } = JSON.parse(json.stdout).files[0];
    expect(report).toMatchObject({ limited: true, states: 3, budget: { states: 3 } });
    expect(report.endings.find((e: { nodeId: string }) => e.nodeId === 'gone').reach).toBe('not-proven');
    const summary = fakeIO();
    expect(await main(['analyze', fixture, '--max-states', '3', '--runs', '5', '--summary'], summary)).toBe(0);
    expect(summary.stdout).toMatch(/parcel-counter\s+en\s+\S+\?/);
    expect(summary.stdout).toContain('? = limited');
    const bad = fakeIO();
    expect(await main(['analyze', fixture, '--max-states', '0'], bad)).toBe(2);
    expect(bad.stderr).toContain('--max-states must be at least 1.');
  });

  it('fails clearly on a broken file', async () => {
    const io = fakeIO();
    expect(await main(['analyze', 'tests/fixtures/transcripts/patient.yaml'], io)).toBe(1);
    expect(io.stdout).toMatch(/patient\.yaml:\d+:\d+: error: cannot analyze: /);
  });
});

describe('calm-desk analyze with a translation file', () => {
  it('analyzes a .tr.yaml file as the scenario it plays, like its source', async () => {
    const translated = fakeIO();
    expect(await main(['analyze', 'scenarios/hotel-two-problems.fi.tr.yaml', '--format', 'json', '--runs', '5'], translated)).toBe(0);
    const source = fakeIO();
    expect(await main(['analyze', 'scenarios/hotel-two-problems.en.yaml', '--format', 'json', '--runs', '5'], source)).toBe(0);
    const [fi] = JSON.parse(translated.stdout).files;
    const [en] = JSON.parse(source.stdout).files;
    expect(fi.file).toBe('scenarios/hotel-two-problems.fi.tr.yaml');
    expect(fi.report).toMatchObject({ scenarioId: 'hotel-two-problems', language: 'fi', states: en.report.states, score: en.report.score });
    expect(fi.report.best.overall).toBe(100);
  }, 120_000);
});
