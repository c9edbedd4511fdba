/**
 * CLI hardening (issue 12, items 5-7): a closed pipe, a named pipe, an empty path, symbolic links,
 * negative option values, complex keys and control characters each get a clear message and the
 * documented exit code, never a stack trace or a hang.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_PIPE_CLOSED } from '../../src/cli/command.ts';
import { escapeControls } from '../../src/cli/format.ts';
import { main } from '../../src/cli/main.ts';
import { fakeIO, repoRoot } from './helpers.ts';

const valid = readFileSync(join(repoRoot, 'tests/fixtures/scenarios/valid/kettle-complete.yaml'), 'utf8');

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'calm-desk-cli-'));
}

/** Runs the real bin; resolves with exit code and output. `closeAfterFirstChunk` closes our end of stdout early. */
function runBin(args: string[], cwd: string, closeAfterFirstChunk = false): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin/calm-desk.mjs'), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (closeAfterFirstChunk) child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

describe('calm-desk on hostile paths and output', () => {
  it('ends quietly when the reader closes the pipe (`| head -1`), with the exit status of SIGPIPE', async () => {
    const dir = tempDir();
    // Enough output (several MB) that it cannot all sit in the pipe's buffer.
    const body = Array.from({ length: 150 }, (_, i) => `extra${i}: 1`).join('\n');
    for (let i = 0; i < 40; i++) writeFileSync(join(dir, `f${i}.yaml`), `id: x\n${body}\n`);
    const result = await runBin(['lint', '--no-naive', '.'], dir, true);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(EXIT_PIPE_CLOSED);
  }, 60_000);

  it('refuses a named pipe (FIFO) instead of waiting on it forever', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    writeFileSync(join(dir, 'ok.yaml'), valid);
    const io = fakeIO({ cwd: dir });
    expect(await main(['lint', '--no-naive', 'pipe.yaml'], io)).toBe(1);
    expect(io.stdout).toContain('pipe.yaml:1:1: error CD008: `pipe.yaml` is a named pipe (FIFO), not a file.');
    const folder = fakeIO({ cwd: dir });
    expect(await main(['lint', '--no-naive', '.'], folder)).toBe(1);
    expect(folder.stdout).toContain('error CD008: `pipe.yaml` is a named pipe (FIFO), not a file: skipped.');
    expect(folder.stdout).toContain('2 files checked: 1 error');
    const graph = fakeIO({ cwd: dir });
    expect(await main(['graph', 'pipe.yaml'], graph)).toBe(1);
    expect(graph.stderr).toContain('is a named pipe (FIFO), not a file');
  }, 30_000);

  it('treats an empty path as a usage error, not as the whole working tree', async () => {
    const io = fakeIO();
    expect(await main(['lint', ''], io)).toBe(2);
    expect(io.stderr).toContain('calm-desk: an empty path was given ("")');
    expect(io.stdout).toBe('');
    const analyze = fakeIO();
    expect(await main(['analyze', '  '], analyze)).toBe(2);
  });

  it('names a symbolic link loop and a broken link for what they are', async () => {
    const dir = tempDir();
    symlinkSync('b.yaml', join(dir, 'a.yaml'));
    symlinkSync('a.yaml', join(dir, 'b.yaml'));
    symlinkSync('nowhere.yaml', join(dir, 'broken.yaml'));
    const io = fakeIO({ cwd: dir });
    expect(await main(['lint', '--no-naive', 'a.yaml', 'broken.yaml', 'missing.yaml'], io)).toBe(1);
    expect(io.stdout).toContain('error CD008: `a.yaml` is a symbolic link that loops back on itself.');
    expect(io.stdout).toContain('error CD008: `broken.yaml` is a symbolic link to `nowhere.yaml`, which does not exist.');
    expect(io.stdout).toContain('error CD008: `missing.yaml` does not exist.');
  });

  it('follows symbolic links in folders (files and folders), without looping', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'real'));
    mkdirSync(join(dir, 'lib'));
    writeFileSync(join(dir, 'real', 'kettle.yaml'), valid);
    symlinkSync(join(dir, 'real', 'kettle.yaml'), join(dir, 'lib', 'linked.yaml'));
    symlinkSync(join(dir, 'lib'), join(dir, 'lib', 'self'));
    const io = fakeIO({ cwd: dir });
    expect(await main(['lint', '--no-naive', 'lib'], io)).toBe(0);
    expect(io.stdout).toBe('1 file checked: 0 errors, 0 warnings\n');
  });

  it('explains a negative --max-warnings instead of calling it ambiguous', async () => {
    const io = fakeIO();
    expect(await main(['lint', '--max-warnings', '-1', 'scenarios'], io)).toBe(2);
    expect(io.stderr).toContain('--max-warnings cannot be negative (-1)');
    expect(io.stderr).not.toContain('ambiguous');
  });

  it('reports a complex key (`? [a, b]`) at the key, and Node prints no warning', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'complex.yaml'), `${valid}? [a, b]\n: 1\n`);
    const line = valid.split('\n').length;
    const result = await runBin(['lint', '--no-naive', 'complex.yaml'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`complex.yaml:${line}:3: error CD101: This key is a list`);
    expect(result.stderr).toBe('');
  }, 30_000);

  it('shows control characters from a file escaped, in messages and excerpts', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ctl.yaml'), valid.replace('id: kettle-returned-twice', 'id: kettle-returned-twice\n"k\\e]0;pwned\\a": 1\nbad\u001b[2Jkey\u0007: 2'));
    for (const isTTY of [false, true]) {
      const io = fakeIO({ cwd: dir, isTTY });
      expect(await main(['lint', '--no-naive', 'ctl.yaml'], io)).toBe(1);
      // eslint-disable-next-line no-control-regex
      const withoutColors = io.stdout.replace(/\u001b\[\d+m/g, '');
      // eslint-disable-next-line no-control-regex
      expect(withoutColors).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
      expect(withoutColors).toContain('`k\\x1b]0;pwned\\x07` is not a key');
      expect(withoutColors).toContain('| bad\\x1b[2Jkey\\x07: 2\n');
      // The carets still sit under the whole key, escapes included.
      expect(withoutColors).toContain('| ^^^^^^^^^^^^^^^^^\n');
    }
  });

  it('shows the right line of an old-Mac (CR-only) file in the excerpt', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mac.yaml'), valid.replace('next: calmer', 'next: calmr').replace(/\n/g, '\r'));
    const line = valid.split('\n').findIndex((l) => l.includes('next: calmer')) + 1;
    const io = fakeIO({ cwd: dir });
    expect(await main(['lint', '--no-naive', 'mac.yaml'], io)).toBe(1);
    expect(io.stdout).toContain(`mac.yaml:${line}:`);
    const text = valid.split('\n')[line - 1]!.replace('next: calmer', 'next: calmr');
    expect(io.stdout).toContain(`${line} | ${text}\n`);
  });

  it('escapes every C0/C1 control and bidi override, and nothing else', () => {
    expect(escapeControls('a\u001bb\u0007c\u007f\u009b\u202ed\te\nf é 😀')).toBe('a\\x1bb\\x07c\\x7f\\x9b\\u202ed\te\nf é 😀');
  });
});
