/**
 * Downloads of results for a spreadsheet: the CSV text (built in `src/records/csv.ts`) offered as
 * a file. Shell only: touches `document`.
 */
import { attemptsCsv, csvFileName } from '../../records/csv.ts';
import { downloadText } from '../../storage/files.ts';
import type { AttemptRecord } from '../../storage/records.ts';

/** Downloads every attempt as a CSV file; returns the file name. */
export function downloadResultsCsv(records: readonly AttemptRecord[], now: Date = new Date()): string {
  const file = csvFileName(now);
  downloadText(file, attemptsCsv(records), 'text/csv;charset=utf-8');
  return file;
}
