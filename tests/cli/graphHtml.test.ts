/** `calm-desk graph --format html` and `calm-desk i18n extract`, through the CLI entry point. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { loadTranslation } from '../../src/scenario/translation.ts';
import { fakeIO } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'calm-desk-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const kettle = 'tests/fixtures/scenarios/valid/kettle-complete.yaml';

describe('calm-desk graph --format html', () => {
  it('writes one page with every node to -o, and says where', async () => {
    const out = join(dir, 'map.html');
    const io = fakeIO();
    expect(await main(['graph', kettle, '--format', 'html', '-o', out], io)).toBe(0);
    expect(io.stdout).toBe('');
    expect(io.stderr).toContain('map.html: open it in any web browser');
    const html = readFileSync(out, 'utf8');
    for (const id of ['arrival', 'calmer', 'defensive', 'receipt', 'offer', 'replace', 'manager', 'gone']) expect(html).toContain(`data-node="${id}"`);
    expect(html).toMatch(/★ best path \(\d+\/100\)/);
  });

  it('prints the page without -o; refuses --markdown with html and an unknown format', async () => {
    const io = fakeIO();
    expect(await main(['graph', kettle, '--format', 'html'], io)).toBe(0);
    expect(io.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(await main(['graph', kettle, '--format', 'html', '--markdown'], fakeIO())).toBe(2);
    expect(await main(['graph', kettle, '--format', 'svg'], fakeIO())).toBe(2);
  });

  it('draws a translation file in its language', async () => {
    const io = fakeIO();
    expect(await main(['graph', 'tests/fixtures/translations/complete/lamp-refund.fi.tr.yaml', '--format', 'html'], io)).toBe(0);
    expect(io.stdout).toContain('<html lang="fi">');
    expect(io.stdout).toContain('Tämä lamppu hajosi kahden päivän jälkeen.');
  });
});

describe('calm-desk i18n extract', () => {
  it('writes <id>.<lang>.tr.yaml beside the scenario, and keeps translations when run again', async () => {
    copyFileSync('tests/fixtures/translations/complete/lamp-refund.en.yaml', join(dir, 'lamp-refund.en.yaml'));
    const io = fakeIO();
    expect(await main(['i18n', 'extract', join(dir, 'lamp-refund.en.yaml'), '--to', 'fi'], io)).toBe(0);
    expect(io.stderr).toContain('12 texts');
    const target = join(dir, 'lamp-refund.fi.tr.yaml');
    const first = loadTranslation(readFileSync(target, 'utf8'), target).translation!;
    expect(first).toMatchObject({ id: 'lamp-refund', from: 'en', to: 'fi' });
    expect(first.sections.hello!['says.0']!.text).toBe('');
    writeFileSync(target, readFileSync(target, 'utf8').replace(/(says\.0:\n\s+source: This lamp broke after two days\.\n\s+hash: \S+\n\s+)text: ""/, '$1text: Lamppu hajosi.'));
    const lint = fakeIO();
    expect(await main(['lint', target, '--no-naive'], lint)).toBe(0);
    expect(lint.stdout).toContain('warning CD603');
    expect(await main(['i18n', 'extract', join(dir, 'lamp-refund.en.yaml'), '--to', 'fi'], fakeIO())).toBe(0);
    expect(loadTranslation(readFileSync(target, 'utf8'), target).translation!.sections.hello!['says.0']!.text).toBe('Lamppu hajosi.');
  });

  it('prints with -o -, and explains a wrong language or action', async () => {
    const io = fakeIO();
    expect(await main(['i18n', 'extract', kettle, '--to', 'fi', '-o', '-'], io)).toBe(0);
    expect(io.stdout).toContain('replies.acknowledge.say:');
    expect(await main(['i18n', 'extract', kettle, '--to', 'en'], fakeIO())).toBe(2);
    expect(await main(['i18n', 'extract', kettle, '--to', 'sv'], fakeIO())).toBe(2);
    expect(await main(['i18n', 'import', kettle], fakeIO())).toBe(2);
    expect(await main(['i18n', 'extract', kettle], fakeIO())).toBe(2);
  });
});
