/**
 * Item 4 of issue 12: an import cannot freeze the page. The size is checked before the file is
 * read, the entry count is capped before any entry is validated, and entries are validated in
 * slices that give the page a turn, with progress.
 */
import { describe, expect, it } from 'vitest';
import { memoryBackend } from '../../src/storage/backend.ts';
import { importResultsFile, importResultsText, MAX_IMPORT_BYTES } from '../../src/storage/importResults.ts';
import { createStore, MAX_IMPORT_RECORDS } from '../../src/storage/store.ts';
import { record } from './fixtures.ts';

const header = '{"format":"calm-desk/results","version":2,"results":[';

describe('importing results without freezing the page', () => {
  it('refuses a huge file by its size, without reading it', async () => {
    const store = createStore(memoryBackend());
    let read = false;
    const file = {
      size: 560 * 1024 * 1024,
      text: () => {
        read = true;
        return Promise.resolve('');
      },
    };
    const report = await importResultsFile(file, store);
    expect(read).toBe(false);
    expect(report).toEqual({ ok: false, error: `The file is 560 MB; a results file is at most ${Math.round(MAX_IMPORT_BYTES / 1024 / 1024)} MB. Choose a Calm Desk results export.` });
  });

  it('refuses 2.4 million entries at once, before validating any (was 12.7 s of frozen page)', async () => {
    const text = `${header}${Array.from({ length: 2_400_000 }, () => '0').join(',')}]}`;
    expect(text.length).toBeLessThan(5_000_000);
    const store = createStore(memoryBackend());
    let slices = 0;
    const report = await importResultsText(text, store, {
      onProgress: () => {
        slices++;
      },
    });
    const syncReport = store.importResults(text);
    // Refused after one JSON.parse: no entry was validated (no progress was ever reported).
    expect(slices).toBe(0);
    for (const r of [report, syncReport]) {
      expect(r).toEqual({ ok: false, error: `The file holds 2,400,000 results; at most ${MAX_IMPORT_RECORDS.toLocaleString('en-US')} can be imported at once.` });
    }
  }, 20_000);

  it('validates entries in short slices with progress, and gives the page a turn between them', async () => {
    const entries = Array.from({ length: MAX_IMPORT_RECORDS }, (_, i) => (i % 2 ? JSON.stringify(record({ id: `r${i}` })) : '{"id": 5}'));
    const text = `${header}${entries.join(',')}]}`;
    const store = createStore(memoryBackend());
    const progress: number[] = [];
    const gaps: number[] = [];
    let last = performance.now();
    const report = await importResultsText(text, store, {
      sliceMs: 5,
      onProgress: ({ done, total }) => progress.push(done / total),
      yieldToPage: () => {
        gaps.push(performance.now() - last);
        return new Promise((resolve) =>
          setTimeout(() => {
            last = performance.now();
            resolve();
          }, 0),
        );
      },
    });
    expect(report).toMatchObject({ ok: true, added: MAX_IMPORT_RECORDS / 2, duplicates: 0 });
    expect(report.ok && report.problems).toHaveLength(MAX_IMPORT_RECORDS / 2);
    // The page gets a turn between slices (how long a slice takes is the bench's business, not a unit test's).
    expect(gaps.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(store.results()).toHaveLength(MAX_IMPORT_RECORDS / 2);
  }, 60_000);

  it('says a cut-off or empty file is not valid JSON, without the parser\'s own words', async () => {
    const store = createStore(memoryBackend());
    for (const [text, why] of [[`${header}{"id":`, 'it is damaged or cut off'], ['', 'it is empty'], ['hello', 'it is not a results export']]) {
      const report = await importResultsFile({ size: text!.length, text: () => Promise.resolve(text!) }, store);
      expect(report).toEqual({ ok: false, error: `The file is not valid JSON (${why}).` });
    }
  });

  it('merges a file with repeated ids once', async () => {
    const store = createStore(memoryBackend());
    const text = `${header}${[record({ id: 'x' }), record({ id: 'x' }), record({ id: 'y' })].map((r) => JSON.stringify(r)).join(',')}]}`;
    expect(await importResultsText(text, store)).toMatchObject({ ok: true, added: 2, duplicates: 0 });
    expect(await importResultsText(text, store)).toMatchObject({ ok: true, added: 0, duplicates: 2 });
  });
});
