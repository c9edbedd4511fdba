/**
 * Translations by stable id: fixtures discovered from `tests/fixtures/translations/<case>/`
 * (a source `lamp-refund.en.yaml`, a `lamp-refund.fi.tr.yaml` and the `expected.json`
 * diagnostics, as `calm-desk lint` reports them), one per CD6xx code; then extraction, the
 * fallback count, and the bundled converted pair playing exactly like the file it replaced.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { lintPaths } from '../../src/cli/commands/lint.ts';
import { ALL_DIAGNOSTIC_CODES } from '../../src/scenario/diagnostics.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { applyTranslation, extractTranslation, loadTranslated, loadTranslation, sourceTexts, textHash } from '../../src/scenario/translation.ts';
import { fakeIO, repoRoot } from '../cli/helpers.ts';

const root = fileURLToPath(new URL('../fixtures/translations/', import.meta.url));
const cases = readdirSync(root).filter((name) => existsSync(join(root, name, 'expected.json'))).sort();

interface Expected {
  code: string;
  severity: string;
  line: number;
  column: number;
}

describe('translation fixtures', () => {
  it.each(cases)('%s gives the expected diagnostics', async (name) => {
    const file = `tests/fixtures/translations/${name}/lamp-refund.fi.tr.yaml`;
    const [checked] = await lintPaths(fakeIO(), [file], { naive: false });
    const actual = checked!.diagnostics.map((d) => `${d.code} ${d.severity} ${d.range.start.line}:${d.range.start.column}`);
    const expected = (JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as Expected[]).map((d) => `${d.code} ${d.severity} ${d.line}:${d.column}`);
    expect(actual).toEqual(expected);
    for (const d of checked!.diagnostics) expect(d.file).toBe(file);
  });

  it('has a fixture for every translation code (CD6xx)', () => {
    const covered = new Set(cases.flatMap((name) => (JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as Expected[]).map((d) => d.code)));
    expect(ALL_DIAGNOSTIC_CODES.filter((code) => code.startsWith('CD6') && !covered.has(code))).toEqual([]);
  });
});

const lampText = readFileSync(join(root, 'complete', 'lamp-refund.en.yaml'), 'utf8');
const lampFi = readFileSync(join(root, 'complete', 'lamp-refund.fi.tr.yaml'), 'utf8');

describe('extractTranslation', () => {
  it('keys every text by a stable id, with the source and its hash beside an empty text', () => {
    const text = extractTranslation(parse(lampText), { id: 'lamp-refund', language: 'en', fileName: 'lamp-refund.en.yaml' }, 'fi');
    const { translation } = loadTranslation(text, 'x.fi.tr.yaml');
    expect(translation!.sections.hello!['says.0']).toEqual({ source: 'This lamp broke after two days.', hash: textHash('This lamp broke after two days.'), text: '' });
    expect(Object.keys(translation!.sections.hello!)).toEqual(['says.0', 'replies.sorry.say', 'replies.sorry.feedback']);
    expect(Object.keys(translation!.sections.about!)).toContain('brief.who');
    expect(translation!.sections.done!.comment!.source).toBe('Quick and friendly.');
  });

  it('keeps existing translations when run again, and adds new texts empty', () => {
    const previous = loadTranslation(lampFi, 'x.fi.tr.yaml').translation!;
    const changed = lampText.replace('  done:\n    says:\n', '  done:\n    says:\n      - A brand new line.\n');
    const text = extractTranslation(parse(changed), { id: 'lamp-refund', language: 'en', fileName: 'lamp-refund.en.yaml' }, 'fi', previous);
    const again = loadTranslation(text, 'x.fi.tr.yaml').translation!;
    expect(again.sections.hello!['says.0']!.text).toBe('Tämä lamppu hajosi kahden päivän jälkeen.');
    expect(again.sections.done!['says.1']).toMatchObject({ source: 'Thank you, that was easy.', text: '' });
    expect(again.sections.done!['says.0']!.source).toBe('A brand new line.');
  });

  it('finds texts in every form a line can take', () => {
    const kettle = parse(readFileSync(join(repoRoot, 'tests/fixtures/scenarios/valid/kettle-complete.yaml'), 'utf8'));
    const keys = sourceTexts(kettle).map((t) => `${t.section}/${t.key}`);
    expect(keys).toContain('arrival/says.1'); // { say: ..., as: furious }
    expect(keys).toContain('arrival/says.0'); // - angry: ...
    expect(keys).toContain('arrival/silence.feedback');
  });
});

describe('loadTranslated', () => {
  it('plays the scenario in the translation language; untranslated texts fall back and are counted', () => {
    const { scenario, diagnostics } = loadTranslated(lampText, 'lamp-refund.en.yaml', lampFi, 'lamp-refund.fi.tr.yaml');
    expect(diagnostics).toEqual([]);
    expect(scenario!.language).toBe('fi');
    expect(scenario!.nodes.hello!.says[0]!.text).toBe('Tämä lamppu hajosi kahden päivän jälkeen.');
    expect(scenario!.untranslated).toBeUndefined();
    const partial = lampFi.replace('text: Nopeaa ja ystävällistä.', 'text: ""');
    const fallback = loadTranslated(lampText, 'lamp-refund.en.yaml', partial, 'lamp-refund.fi.tr.yaml');
    expect(fallback.scenario!.nodes.done!.end!.comment).toBe('Quick and friendly.');
    expect(fallback.scenario!.untranslated).toEqual({ count: 1, language: 'en' });
    expect(fallback.diagnostics.map((d) => d.code)).toEqual(['CD603']);
  });

  it('keeps ids, tags, moods and faces from the source', () => {
    const data = parse(lampText);
    const { data: translated } = applyTranslation(data, loadTranslation(lampFi, 'x').translation!);
    const original = loadScenario(lampText, 'a.yaml').scenario!;
    const fi = loadTranslated(lampText, 'a.yaml', lampFi, 'b.yaml').scenario!;
    expect(fi.nodes.hello!.replies.map((r) => [r.id, r.tags, r.mood, r.next])).toEqual(original.nodes.hello!.replies.map((r) => [r.id, r.tags, r.mood, r.next]));
    expect(fi.nodes.hello!.says[0]!.expression).toBe('annoyed');
    expect((translated as { language: string }).language).toBe('fi');
  });

  it('the bundled hotel-two-problems.fi.tr.yaml plays clean and keeps every structure of the English scenario', () => {
    const en = readFileSync(join(repoRoot, 'scenarios/hotel-two-problems.en.yaml'), 'utf8');
    const tr = readFileSync(join(repoRoot, 'scenarios/hotel-two-problems.fi.tr.yaml'), 'utf8');
    const { scenario, diagnostics } = loadTranslated(en, 'scenarios/hotel-two-problems.en.yaml', tr, 'scenarios/hotel-two-problems.fi.tr.yaml');
    expect(diagnostics).toEqual([]);
    const source = loadScenario(en, 'en.yaml').scenario!;
    expect(scenario!.language).toBe('fi');
    expect(scenario!.nodeOrder).toEqual(source.nodeOrder);
    for (const id of source.nodeOrder) {
      expect(scenario!.nodes[id]!.replies.map((r) => [r.id, r.tags, r.mood, r.next, r.preferred])).toEqual(source.nodes[id]!.replies.map((r) => [r.id, r.tags, r.mood, r.next, r.preferred]));
    }
    expect(scenario!.title).toBe('Kaksi asiaa kerralla');
  });
});

describe('a scenario file and a translation file for the same scenario and language', () => {
  it('is a clash lint reports on the translation file, naming both files and how to keep one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calm-desk-clash-'));
    try {
      writeFileSync(join(dir, 'lamp-refund.en.yaml'), lampText);
      writeFileSync(join(dir, 'lamp-refund.fi.tr.yaml'), lampFi);
      writeFileSync(join(dir, 'lamp-refund.fi.yaml'), lampText.replace('language: en', 'language: fi'));
      const checked = await lintPaths(fakeIO({ cwd: dir }), ['.'], { naive: false });
      const found = checked.flatMap((c) => c.diagnostics);
      expect(found.map((d) => `${d.code} ${d.file} ${d.range.start.line}:${d.range.start.column}`)).toEqual([`CD401 lamp-refund.fi.tr.yaml ${lampFi.split('\n').indexOf('to: fi') + 1}:5`]);
      expect(found[0]!.message).toContain('lamp-refund.fi.yaml');
      expect(found[0]!.hint).toBe('Keep one: delete lamp-refund.fi.yaml to play this translation, or delete lamp-refund.fi.tr.yaml to keep lamp-refund.fi.yaml.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
