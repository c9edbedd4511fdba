import { describe, expect, it } from 'vitest';
import { memoryBackend } from '../../src/storage/backend.ts';
import { MAX_IMPORT_CHARS, RESULTS_KEY, createStore } from '../../src/storage/store.ts';
import { exportFileName } from '../../src/storage/files.ts';
import { fixedNow, fullBackend, record, recordV1 } from './fixtures.ts';

describe('export', () => {
  it('writes a results file with a format marker, version and export time', () => {
    const store = createStore(memoryBackend(), { now: fixedNow });
    store.addResult(record());
    const file = JSON.parse(store.exportResults());
    expect(file).toMatchObject({ format: 'calm-desk/results', version: 3, exportedAt: '2026-11-23T12:00:00.000Z' });
    expect(file.results).toEqual([record()]);
  });

  it('names the file after the day', () => {
    expect(exportFileName(fixedNow())).toBe('calm-desk-results-2026-11-23.json');
  });
});

describe('import', () => {
  it('brings an export into another browser and saves it there', () => {
    const from = createStore(memoryBackend());
    from.addResult(record({ id: 'p1' }));
    from.addResult(record({ id: 'p2', overall: 90 }));
    const backend = memoryBackend();
    const to = createStore(backend);
    to.addResult(record({ id: 'local' }));
    const report = to.importResults(from.exportResults());
    expect(report).toEqual({ ok: true, added: 2, duplicates: 0, problems: [], saved: { ok: true } });
    expect(createStore(backend).results().map((r) => r.id).sort()).toEqual(['local', 'p1', 'p2']);
  });

  it('merges by id: importing the same file twice adds nothing', () => {
    const store = createStore(memoryBackend());
    store.addResult(record({ id: 'p1' }));
    const text = store.exportResults();
    expect(store.importResults(text)).toMatchObject({ ok: true, added: 0, duplicates: 1 });
    expect(store.results()).toHaveLength(1);
  });

  it('upgrades a version 1 export', () => {
    const store = createStore(memoryBackend());
    const report = store.importResults(JSON.stringify({ format: 'calm-desk/results', version: 1, results: [recordV1()] }));
    expect(report).toMatchObject({ ok: true, added: 1 });
    expect(store.results()[0]).toMatchObject({ id: 'old-1', overall: 55, virtues: null });
  });

  it('imports the good records of a partly broken file and says which ones were skipped and why', () => {
    const store = createStore(memoryBackend());
    const text = JSON.stringify({
      format: 'calm-desk/results',
      version: 2,
      results: [record({ id: 'fine' }), { ...record({ id: 'bad' }), overall: 140 }, { ...record({ id: 'worse' }), language: 'sv' }],
    });
    const report = store.importResults(text);
    if (!report.ok) throw new Error(report.error);
    expect(report.added).toBe(1);
    expect(report.problems).toHaveLength(2);
    expect(report.problems[0]).toMatch(/^results\[1\]\.overall: /);
    expect(report.problems[1]).toMatch(/^results\[2\]\.language: /);
  });

  it('explains files it cannot use at all, and changes nothing', () => {
    const store = createStore(memoryBackend());
    store.addResult(record());
    const cases: [string, RegExp][] = [
      ['{"format": "calm-desk/results", ', /not valid JSON/],
      ['"just a string"', /expected a JSON object/],
      [JSON.stringify({ results: [] }), /"format" should be "calm-desk\/results"/],
      [JSON.stringify({ format: 'calm-desk/results', version: 'two', results: [] }), /no valid "version"/],
      [JSON.stringify({ format: 'calm-desk/results', version: 2 }), /no "results" list/],
      ['x'.repeat(MAX_IMPORT_CHARS + 1), /too large/],
    ];
    for (const [text, error] of cases) {
      const report = store.importResults(text);
      expect(report.ok).toBe(false);
      expect(report.ok ? '' : report.error).toMatch(error);
    }
    expect(store.results()).toHaveLength(1);
  });

  it('keeps imported results in memory when storage is full and says they were not saved', () => {
    const store = createStore(fullBackend());
    const text = JSON.stringify({ format: 'calm-desk/results', version: 2, results: [record()] });
    expect(store.importResults(text)).toMatchObject({ ok: true, added: 1, saved: { ok: false, reason: 'quota' } });
    expect(store.results()).toHaveLength(1);
  });

  it('accepts the stored document itself, so a backup can be imported back', () => {
    const backend = memoryBackend();
    const a = createStore(backend);
    a.addResult(record({ id: 'kept' }));
    const b = createStore(memoryBackend());
    expect(b.importResults(backend.getItem(RESULTS_KEY)!)).toMatchObject({ ok: true, added: 1 });
  });
});
