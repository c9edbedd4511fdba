/**
 * Downloads of results for a spreadsheet: the CSV text (built in `src/records/csv.ts`) offered as
 * a file. Shell only: touches `document`.
 */
import { attemptsCsv, csvFileName } from '../../records/csv.ts';
import type { AttemptRecord } from '../../storage/records.ts';

/** Offers `text` as a download named `fileName`. */
export function downloadText(fileName: string, text: string, type: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads every attempt as a CSV file; returns the file name. */
export function downloadResultsCsv(records: readonly AttemptRecord[], now: Date = new Date()): string {
  const file = csvFileName(now);
  downloadText(file, attemptsCsv(records), 'text/csv;charset=utf-8');
  return file;
}
