/** CD308: lint warns when a naive player scores above the rubric's `naiveMax`, at the file's `id:` line. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { naiveReport } from '../../src/analysis/naive.ts';
import { naiveLintDiagnostics, naivePolicyDiagnostics } from '../../src/analysis/warnings.ts';
import { main } from '../../src/cli/main.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { fakeIO, repoRoot } from '../cli/helpers.ts';

const lampFile = join(repoRoot, 'tests/fixtures/scenarios/valid/lamp-minimal.yaml');
const lamp = readFileSync(lampFile, 'utf8');
const idLine = lamp.split('\n').findIndex((line) => line.startsWith('id:')) + 1;

describe('CD308 (naive player scores too well)', () => {
  const { scenario } = loadScenario(lamp, 'lamp.yaml');
  const report = naiveReport(scenario!, { runs: 200 });

  it('names each policy above the limit with its score, at the id line', () => {
    const diagnostics = naivePolicyDiagnostics(report, 'lamp.yaml', lamp, 0);
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) {
      expect(d).toMatchObject({ code: 'CD308', severity: 'warning', file: 'lamp.yaml', range: { start: { line: idLine, column: 1 } } });
      expect(d.message).toMatch(/^A naive player scores too well: `[a-z-]+` \(.+\) averages [\d.]+.*, above the limit of \d+\.$/);
      expect(d.hint).toContain('calm-desk play lamp.yaml --choices');
    }
    const longest = diagnostics.find((d) => d.message.includes('`longest`'));
    expect(longest?.message).toContain(`averages ${report.policies.longest.mean}`);
  });

  it('stays quiet when every policy is at or under the limit', () => {
    expect(naivePolicyDiagnostics(report, 'lamp.yaml', lamp, 100)).toEqual([]);
  });

  it('gives polite-but-useless 10 points more room', () => {
    const polite = report.policies.polite.mean;
    const at = naivePolicyDiagnostics(report, 'lamp.yaml', lamp, Math.ceil(polite) - 10);
    expect(at.some((d) => d.message.includes('`polite`'))).toBe(false);
    const below = naivePolicyDiagnostics(report, 'lamp.yaml', lamp, Math.ceil(polite) - 11);
    expect(below.some((d) => d.message.includes('`polite`'))).toBe(true);
  });

  it('skips files with errors', () => {
    const broken = lamp.replace('next: done', 'next: nowhere');
    const result = loadScenario(broken, 'broken.yaml');
    expect(naiveLintDiagnostics([{ fileName: 'broken.yaml', result, text: broken }], () => 0)).toEqual([]);
  });

  it('is printed by calm-desk lint, and --no-naive leaves it out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calm-desk-naive-'));
    writeFileSync(join(dir, 'lamp.yaml'), lamp);
    const io = fakeIO({ cwd: dir });
    expect(await main(['lint', 'lamp.yaml'], io)).toBe(0);
    expect(report.policies.longest.mean).toBeGreaterThan(50);
    expect(io.stdout).toContain(`lamp.yaml:${idLine}:1: warning CD308: A naive player scores too well: \`longest\``);
    const quiet = fakeIO({ cwd: dir });
    expect(await main(['lint', '--no-naive', 'lamp.yaml'], quiet)).toBe(0);
    expect(quiet.stdout).not.toContain('CD308');
  });
});
