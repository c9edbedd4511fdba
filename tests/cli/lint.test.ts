import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { fakeIO, repoRoot } from './helpers.ts';

const invalid = 'tests/fixtures/scenarios/invalid';
const valid = 'tests/fixtures/scenarios/valid';

describe('calm-desk lint', () => {
  it('exits 0 with a summary for clean files', async () => {
    const io = fakeIO();
    expect(await main(['lint', '--no-naive', valid], io)).toBe(0);
    expect(io.stdout).toBe('4 files checked: 0 errors, 0 warnings\n');
  });

  it('prints file:line:column, code, hint and a source excerpt with carets', async () => {
    const io = fakeIO();
    expect(await main(['lint', `${invalid}/broken-link.yaml`], io)).toBe(1);
    expect(io.stdout).toBe(
      [
        `${invalid}/broken-link.yaml:31:15: error CD202: Reply \`sorry\` goes to node \`dne\`, which does not exist.`,
        '  hint: Did you mean `done`?',
        '   |',
        '31 |         next: dne',
        '   |               ^^^',
        '',
        '1 file checked: 1 error, 0 warnings',
        '',
      ].join('\n'),
    );
  });

  it('finds the three classic mistakes at the right place', async () => {
    const io = fakeIO();
    const files = ['yaml-bad-indent', 'unknown-key', 'broken-link'].map((name) => `${invalid}/${name}.yaml`);
    expect(await main(['lint', ...files], io)).toBe(1);
    expect(io.stdout).toContain(`${invalid}/yaml-bad-indent.yaml:17:1: error CD001:`);
    expect(io.stdout).toContain(`${invalid}/unknown-key.yaml:23:5: error CD101: \`ventng\``);
    expect(io.stdout).toContain('  hint: Did you mean `venting`?');
    expect(io.stdout).toContain(`${invalid}/broken-link.yaml:31:15: error CD202:`);
    expect(io.stdout).toContain('3 files checked: 3 errors, 0 warnings');
  });

  it('lets warnings pass unless --max-warnings says otherwise', async () => {
    const file = `${invalid}/reply-without-feedback.yaml`;
    const io = fakeIO();
    expect(await main(['lint', '--no-naive', file], io)).toBe(0);
    expect(io.stdout).toContain('warning CD301');
    expect(io.stdout).toContain('1 file checked: 0 errors, 1 warning');
    const strict = fakeIO();
    expect(await main(['lint', '--no-naive', '--max-warnings', '0', file], strict)).toBe(1);
    expect(strict.stdout).toContain('Too many warnings: 1');
    expect(await main(['lint', '--no-naive', '--max-warnings', '1', file], fakeIO())).toBe(0);
  });

  it('writes JSON for tools with --format json', async () => {
    const io = fakeIO();
    expect(await main(['lint', '--no-naive', '--format', 'json', `${invalid}/out-of-range.yaml`, valid], io)).toBe(1);
    const report = JSON.parse(io.stdout) as { files: string[]; diagnostics: { code: string; range: { start: { line: number } } }[]; summary: unknown };
    expect(report.files).toHaveLength(5);
    expect(report.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['CD104', 18], ['CD104', 36]]);
    expect(report.summary).toEqual({ files: 5, errors: 2, warnings: 0 });
  });

  it('reports a missing file as a diagnostic, not a stack trace', async () => {
    const io = fakeIO();
    expect(await main(['lint', 'scenarios/no-such-file.yaml'], io)).toBe(1);
    expect(io.stdout).toContain('scenarios/no-such-file.yaml:1:1: error CD008: `scenarios/no-such-file.yaml` does not exist.');
    expect(io.stderr).toBe('');
  });

  it('exits 2 when a folder holds no scenario files, or no path is given', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'calm-desk-empty-'));
    writeFileSync(join(empty, 'scenario.schema.json'), '{}');
    const io = fakeIO();
    expect(await main(['lint', empty], io)).toBe(2);
    expect(io.stderr).toContain('No scenario files');
    expect(await main(['lint'], fakeIO())).toBe(2);
  });

  it('searches folders recursively, and runs the checks across files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calm-desk-lib-'));
    const base = readFileSync(join(repoRoot, valid, 'lamp-minimal.yaml'), 'utf8');
    mkdirSync(join(dir, 'scenarios', 'nested'), { recursive: true });
    writeFileSync(join(dir, 'scenarios', 'lamp-refund.en.yaml'), base);
    writeFileSync(join(dir, 'scenarios', 'nested', 'lamp-refund.fi.yml'), base.replace('language: en', 'language: fi').replace(/- id: sorry/, '- id: anteeksi'));
    writeFileSync(join(dir, 'scenarios', 'notes.txt'), 'not a scenario');
    const io = fakeIO({ cwd: dir });
    expect(await main(['lint', '--no-naive', 'scenarios'], io)).toBe(1);
    expect(io.stdout).toContain('scenarios/nested/lamp-refund.fi.yml:22:3: error CD402: The replies of node `hello` differ');
    expect(io.stdout).toContain('2 files checked: 1 error, 0 warnings');
  });

  it('uses colors only on a terminal without NO_COLOR', async () => {
    const file = `${invalid}/broken-link.yaml`;
    const tty = fakeIO({ isTTY: true });
    await main(['lint', file], tty);
    expect(tty.stdout).toContain('\u001b[31m');
    const noColor = fakeIO({ isTTY: true, env: { NO_COLOR: '1' } });
    await main(['lint', file], noColor);
    expect(noColor.stdout).not.toContain('\u001b[');
    const piped = fakeIO({ isTTY: false });
    await main(['lint', file], piped);
    expect(piped.stdout).not.toContain('\u001b[');
  });

  it('runs through the real bin (the way npx calm-desk does)', async () => {
    const run = promisify(execFile);
    const args = ['bin/calm-desk.mjs', 'lint', '--no-naive', valid, `${invalid}/wrong-type.yaml`];
    const failed = await run(process.execPath, args, { cwd: repoRoot }).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('5 files checked: 1 error, 0 warnings');
    expect(failed.stdout).toContain('wrong-type.yaml:6:13: error CD103');
  });
});
