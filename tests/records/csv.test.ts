import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOM, CSV_COLUMNS, attemptsCsv, csvCell, csvFileName } from '../../src/records/csv.ts';
import { record } from '../storage/fixtures.ts';

/** A strict RFC 4180 reader, for checking that what we write reads back the same. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (ch === '"') { quoted = false; i += 1; continue; }
      cell += ch; i += 1; continue;
    }
    if (ch === '"' && cell === '') { quoted = true; i += 1; continue; }
    if (ch === '"') throw new Error(`stray quote at ${i}`);
    if (ch === ',') { row.push(cell); cell = ''; i += 1; continue; }
    if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 2; continue; }
    if (ch === '\r' || ch === '\n') throw new Error(`bare line break at ${i}`);
    cell += ch; i += 1;
  }
  if (cell !== '' || row.length > 0) throw new Error('the last row has no CRLF');
  return rows;
}

describe('CSV export', () => {
  it('starts with a BOM and a header row naming every documented column', () => {
    const text = attemptsCsv([]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(parseCsv(text.slice(1))).toEqual([CSV_COLUMNS.map((c) => c.name)]);
    expect(CSV_COLUMNS.map((c) => c.name)).toEqual([
      'attempt_id', 'date_utc', 'scenario_id', 'scenario_title', 'language', 'score', 'auto_failed',
      'friendliness', 'expertise', 'composure', 'efficiency',
      'indifference', 'impatience', 'judging', 'arrogance', 'tyranny',
      'outcome', 'csat', 'duration_seconds', 'decisions', 'interruptions', 'waits',
    ]);
  });

  it('writes one row per attempt with the figures a training manager needs', () => {
    const [, row] = parseCsv(attemptsCsv([record()]).slice(1));
    const cells = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c.name, row![i]]));
    expect(cells).toEqual({
      attempt_id: 'a-1', date_utc: '2026-11-20 10:06:00', scenario_id: 'kettle-returned', scenario_title: 'The kettle, again',
      language: 'en', score: '72', auto_failed: 'no', friendliness: '80', expertise: '70', composure: '65', efficiency: '60',
      indifference: '0', impatience: '1', judging: '0', arrogance: '0', tyranny: '0', outcome: 'resolved', csat: '4',
      duration_seconds: '360', decisions: '3', interruptions: '1', waits: '1',
    });
  });

  it('leaves cells empty where an old record did not keep the figure', () => {
    const [, row] = parseCsv(attemptsCsv([record({ virtues: null, satisfaction: null, waits: null })]).slice(1));
    const cells = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c.name, row![i]]));
    expect([cells.friendliness, cells.efficiency, cells.csat, cells.waits]).toEqual(['', '', '', '']);
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('Kettle, again')).toBe('"Kettle, again"');
    expect(csvCell('She said "no"')).toBe('"She said ""no"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    const title = 'Paketti, "taas"\nmyöhässä';
    const rows = parseCsv(attemptsCsv([record({ title })]).slice(1));
    expect(rows).toHaveLength(2);
    expect(rows[1]![3]).toBe(title);
  });

  it('keeps Finnish letters as they are, in UTF-8', () => {
    const title = 'Äänekäs asiakas ja öinen häiriö – Åland';
    const text = attemptsCsv([record({ title, language: 'fi' })]);
    expect(parseCsv(text.slice(1))[1]![3]).toBe(title);
    const bytes = new TextEncoder().encode(text);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(text.slice(1));
  });

  it('puts an apostrophe before text that a spreadsheet would run as a formula', () => {
    for (const evil of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1:A2)', '\tTAB', '\rCR']) {
      expect(csvCell(evil).replace(/^"/, '').startsWith(`'${evil[0]}`)).toBe(true);
    }
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
    // Numbers are ours and never negative: written as they are.
    expect(csvCell(0)).toBe('0');
    expect(csvCell(true)).toBe('yes');
    expect(csvCell(null)).toBe('');
    const [, row] = parseCsv(attemptsCsv([record({ title: '=cmd|\' /C calc\'!A0', scenarioId: '-x' })]).slice(1));
    expect(row![3]).toBe("'=cmd|' /C calc'!A0");
    expect(row![2]).toBe("'-x");
  });

  it('reads back any title exactly (property), guarded only when it starts like a formula', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (title) => {
        const rows = parseCsv(attemptsCsv([record({ title })]).slice(1));
        const back = rows[1]![3]!;
        expect(back).toBe(/^[=+\-@\t\r]/.test(title) ? `'${title}` : title);
      }),
      { numRuns: 300 },
    );
  });

  it('names the file after the day', () => {
    expect(csvFileName(new Date('2026-11-23T12:00:00Z'))).toBe('calm-desk-results-2026-11-23.csv');
  });
});
