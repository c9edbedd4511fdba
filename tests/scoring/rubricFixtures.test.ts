/**
 * One fixture per CD5xx code (tests/fixtures/rubrics), linted with `calm-desk lint`'s own
 * `lintPaths`: each `# expect: CODE severity line:column` comment is a diagnostic the lint must
 * report, and it must report nothing else.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command.ts';
import { lintPaths } from '../../src/cli/commands/lint.ts';
import { ALL_DIAGNOSTIC_CODES } from '../../src/scenario/diagnostics.ts';

const root = join(import.meta.dirname, '..', '..');
const dir = join(root, 'tests', 'fixtures', 'rubrics');
const io: CliIO = { out: () => undefined, err: () => undefined, isTTY: false, env: {}, cwd: root };
const fixtures = readdirSync(dir).filter((name) => name !== 'README.md').sort();

function filesIn(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => filesIn(join(path, name)));
}

/** `file code severity line:column` for every `# expect:` comment under `path`. */
function expected(path: string): string[] {
  return filesIn(path).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/^# expect: (CD\d{3}) (error|warning) (\d+:\d+)$/gm)].map(
      (m) => `${relative(root, file)} ${m[1]} ${m[2]} ${m[3]}`,
    ),
  );
}

describe('rubric fixtures', () => {
  it.each(fixtures)('%s gives exactly the expected diagnostics', async (name) => {
    const path = join(dir, name);
    const checked = await lintPaths(io, [relative(root, path)], { naive: false });
    const actual = checked.flatMap((entry) => entry.diagnostics.map((d) => `${d.file} ${d.code} ${d.severity} ${d.range.start.line}:${d.range.start.column}`));
    expect(actual.sort()).toEqual(expected(path).sort());
    for (const d of checked.flatMap((entry) => entry.diagnostics)) {
      expect(d.message.length).toBeGreaterThan(10);
      expect(d.hint ?? '').not.toBe('');
    }
  });

  it('has a fixture for every CD5xx code, named after it', () => {
    const codes = ALL_DIAGNOSTIC_CODES.filter((code) => code.startsWith('CD5'));
    expect(codes.length).toBeGreaterThanOrEqual(10);
    const covered = new Set(fixtures.flatMap((name) => expected(join(dir, name)).map((line) => line.split(' ')[1])));
    expect(codes.filter((code) => !covered.has(code))).toEqual([]);
    for (const code of codes) expect(fixtures.some((name) => name.startsWith(code.toLowerCase()))).toBe(true);
  });
});
