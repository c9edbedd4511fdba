/**
 * Golden fixtures, discovered from the folders: every `valid/*.yaml` must load with no
 * diagnostics; every `invalid/<name>.yaml` must give exactly the diagnostics (code, severity,
 * line, column) listed in `invalid/<name>.expected.json`. Adding a file adds a test.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_DIAGNOSTIC_CODES } from '../../src/scenario/diagnostics.ts';
import { loadScenario } from '../../src/scenario/load.ts';

const root = fileURLToPath(new URL('../fixtures/scenarios/', import.meta.url));
const validDir = join(root, 'valid');
const invalidDir = join(root, 'invalid');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
}

interface Expected {
  code: string;
  severity: 'error' | 'warning';
  line: number;
  column: number;
}

function key(d: Expected): string {
  return `${d.code} ${d.severity} ${d.line}:${d.column}`;
}

/** Codes that need more than one file or no file at all, with where they are tested instead. */
const COVERED_ELSEWHERE: Record<string, string> = {
  CD002: 'tests/scenario/load.test.ts generates a file over the size cap',
  CD008: 'tests/cli/lint.test.ts lints a file that does not exist',
  CD308: 'tests/analysis/naive-lint.test.ts (needs the scenario played, not only loaded)',
  CD401: 'tests/scenario/library.test.ts (two files)',
  CD402: 'tests/scenario/library.test.ts (two files)',
  CD403: 'tests/scenario/library.test.ts (file name)',
  ...Object.fromEntries(
    ALL_DIAGNOSTIC_CODES.filter((code) => code.startsWith('CD6')).map((code) => [code, 'tests/scenario/translation.test.ts (translation fixtures in tests/fixtures/translations: a source and its .tr.yaml)']),
  ),
  ...Object.fromEntries(
    ALL_DIAGNOSTIC_CODES.filter((code) => code.startsWith('CD5')).map((code) => [code, 'tests/scoring/rubricFixtures.test.ts (rubric fixtures in tests/fixtures/rubrics)']),
  ),
};

describe('valid fixtures', () => {
  it.each(yamlFiles(validDir))('%s loads with no diagnostics', (name) => {
    const { scenario, diagnostics } = loadScenario(readFileSync(join(validDir, name), 'utf8'), name);
    expect(diagnostics).toEqual([]);
    expect(scenario).not.toBeNull();
  });
});

describe('invalid fixtures', () => {
  it.each(yamlFiles(invalidDir))('%s gives the expected diagnostics', (name) => {
    const expectedPath = join(invalidDir, name.replace(/\.ya?ml$/, '.expected.json'));
    expect(existsSync(expectedPath), `${name} needs ${expectedPath}`).toBe(true);
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected[];
    const text = readFileSync(join(invalidDir, name), 'utf8');
    const { scenario, diagnostics } = loadScenario(text, name);
    const actual = diagnostics.map((d) => key({ code: d.code, severity: d.severity, line: d.range.start.line, column: d.range.start.column }));
    expect(actual.sort()).toEqual(expected.map(key).sort());
    expect(scenario === null).toBe(expected.some((d) => d.severity === 'error'));
    for (const d of diagnostics) {
      expect(d.file).toBe(name);
      expect(d.message.length).toBeGreaterThan(10);
    }
  });

  it('has a fixture for every diagnostic code (or says where the code is tested)', () => {
    const covered = new Set<string>();
    for (const name of readdirSync(invalidDir).filter((file) => file.endsWith('.expected.json'))) {
      for (const d of JSON.parse(readFileSync(join(invalidDir, name), 'utf8')) as Expected[]) covered.add(d.code);
    }
    const missing = ALL_DIAGNOSTIC_CODES.filter((code) => !covered.has(code) && !(code in COVERED_ELSEWHERE));
    expect(missing).toEqual([]);
    for (const code of Object.keys(COVERED_ELSEWHERE)) expect(covered.has(code)).toBe(false);
  });
});
