/**
 * Importing a results file without freezing the page: the file's size is checked before it is
 * read, the entry count is capped, and the entries are validated in short slices that give the
 * page back between them (with progress for the Settings screen).
 *
 * @example
 * const report = await importResultsFile(file, store, { onProgress: (p) => show(p.done / p.total) });
 */
import { readRecord } from './migrations.ts';
import type { AttemptRecord } from './records.ts';
import { MAX_IMPORT_CHARS, openResultsText, thousands, type ImportReport, type Store } from './store.ts';

/** A results file is UTF-8 JSON: at most 4 bytes a character, so this is a safe bound on bytes. */
export const MAX_IMPORT_BYTES = MAX_IMPORT_CHARS * 4;

export interface ImportProgress {
  /** Entries read so far. */
  done: number;
  total: number;
}

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** How long one slice of work may run before the page gets a turn (ms). */
  sliceMs?: number;
  /** Gives the page a turn; tests pass their own. */
  yieldToPage?: () => Promise<void>;
  /** A clock in ms (tests pass their own). */
  now?: () => number;
}

/** The smallest interface of `File` the import needs. */
export interface FileLike {
  readonly size: number;
  text(): Promise<string>;
}

function defaultYield(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Imports a chosen file: refused by size before it is read, then `importResultsText`. */
export async function importResultsFile(file: FileLike, store: Store, options: ImportOptions = {}): Promise<ImportReport> {
  if (!Number.isFinite(file.size) || file.size > MAX_IMPORT_BYTES) {
    const mb = (file.size / 1024 / 1024).toFixed(file.size > 10 * 1024 * 1024 ? 0 : 1);
    return { ok: false, error: `The file is ${mb} MB; a results file is at most ${Math.round(MAX_IMPORT_BYTES / 1024 / 1024)} MB. Choose a Calm Desk results export.` };
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, error: 'The browser could not read the file.' };
  }
  return importResultsText(text, store, options);
}

/** Checks and merges a results file's text, reading its entries in slices. */
export async function importResultsText(text: string, store: Store, options: ImportOptions = {}): Promise<ImportReport> {
  const opened = openResultsText(text);
  if (!opened.ok) return opened;
  const { results, version } = opened;
  const sliceMs = options.sliceMs ?? 8;
  const yieldToPage = options.yieldToPage ?? defaultYield;
  const now = options.now ?? (() => performance.now());
  const records: AttemptRecord[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  let sliceStart = now();
  for (let i = 0; i < results.length; i++) {
    const reading = readRecord(results[i], version, `results[${i}]`);
    if (!reading.ok) problems.push(reading.problem);
    else if (!seen.has(reading.record.id)) {
      seen.add(reading.record.id);
      records.push(reading.record);
    }
    if (now() - sliceStart >= sliceMs && i + 1 < results.length) {
      options.onProgress?.({ done: i + 1, total: results.length });
      await yieldToPage();
      sliceStart = now();
    }
  }
  options.onProgress?.({ done: results.length, total: results.length });
  return store.mergeResults(records, problems);
}

export { thousands };
