/**
 * Results as a spreadsheet: one row per attempt, the columns listed in `CSV_COLUMNS` (and in
 * docs/records.md). The text is UTF-8 with a byte-order mark (so Excel reads å, ä, ö right),
 * quoted as RFC 4180 says (CRLF line ends; a cell with a comma, quote or line break is quoted,
 * quotes doubled), and guarded against formula injection: a text cell that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe, so a spreadsheet shows
 * it as text instead of running it. Numbers are written by this module and never start so.
 *
 * ```ts
 * const text = attemptsCsv(store.results()); // "\uFEFFattempt_id,date_utc,…\r\n…"
 * ```
 */
import { TRUST_RUINERS } from '../scenario/vocabulary.ts';
import type { AttemptRecord } from '../storage/records.ts';

/** The byte-order mark that tells spreadsheets the file is UTF-8. */
export const BOM = '\uFEFF';

type Cell = string | number | boolean | null;

export interface CsvColumn {
  /** Header name, as written in the first row. */
  name: string;
  /** What the column holds (docs/records.md repeats this). */
  description: string;
  value(record: AttemptRecord): Cell;
}

const virtue = (key: keyof NonNullable<AttemptRecord['virtues']>) => (r: AttemptRecord) => (r.virtues ? r.virtues[key] : null);

/** Every column of the export, in order. */
export const CSV_COLUMNS: readonly CsvColumn[] = [
  { name: 'attempt_id', description: 'The attempt\'s id (the same in the JSON export and in xAPI statements).', value: (r) => r.id },
  { name: 'date_utc', description: 'When the attempt finished, UTC, as YYYY-MM-DD HH:MM:SS.', value: (r) => spreadsheetDate(r.finishedAt) },
  { name: 'scenario_id', description: 'The scenario\'s id (stable across languages and edits).', value: (r) => r.scenarioId },
  { name: 'scenario_title', description: 'The scenario\'s title when it was played.', value: (r) => r.title },
  { name: 'language', description: 'The language it was played in: en or fi.', value: (r) => r.language },
  { name: 'score', description: 'Overall score 0–100 (0 when auto-failed).', value: (r) => r.overall },
  { name: 'auto_failed', description: 'yes when a critical behaviour (e.g. tyranny, an insult) zeroed the score, else no.', value: (r) => r.autoFailed },
  { name: 'friendliness', description: 'Virtue score 0–100; empty for results saved by version 1.', value: virtue('friendliness') },
  { name: 'expertise', description: 'Virtue score 0–100; empty for results saved by version 1.', value: virtue('expertise') },
  { name: 'composure', description: 'Virtue score 0–100; empty for results saved by version 1.', value: virtue('composure') },
  { name: 'efficiency', description: 'Virtue score 0–100; empty for results saved by version 1.', value: virtue('efficiency') },
  ...TRUST_RUINERS.map((ruiner) => ({
    name: ruiner,
    description: `How many times the trust-ruiner "${ruiner}" happened.`,
    value: (r: AttemptRecord) => r.ruiners[ruiner],
  })),
  { name: 'outcome', description: 'How it ended: resolved, escalated, unresolved or walked-out.', value: (r) => r.outcome },
  { name: 'csat', description: 'The customer\'s satisfaction, 1–5 stars; empty for results saved by version 1.', value: (r) => r.satisfaction },
  { name: 'duration_seconds', description: 'Seconds from the start of the conversation to its end (whole seconds).', value: (r) => durationSeconds(r) },
  { name: 'decisions', description: 'Decisions made (replies and silences).', value: (r) => r.decisions.length },
  { name: 'interruptions', description: 'Replies given while the customer was still talking.', value: (r) => r.decisions.filter((d) => d.interrupted).length },
  { name: 'waits', description: 'Replies that came later than the time to read the replies; empty for results saved before version 3.', value: (r) => r.waits },
];

/** The whole file: BOM, header row, one row per record (in the order given), CRLF line ends. */
export function attemptsCsv(records: readonly AttemptRecord[], columns: readonly CsvColumn[] = CSV_COLUMNS): string {
  const rows = [columns.map((c) => c.name), ...records.map((r) => columns.map((c) => c.value(r)))];
  return BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: numbers as they are, booleans as yes/no, null as empty, text guarded against formulas
 * and quoted when RFC 4180 requires it.
 * @example csvCell('Hello, "you"') // '"Hello, ""you"""'
 * @example csvCell('=SUM(A1)')     // "'=SUM(A1)"
 */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** A file name for today's CSV export. */
export function csvFileName(now: Date = new Date()): string {
  return `calm-desk-results-${now.toISOString().slice(0, 10)}.csv`;
}

function spreadsheetDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 19).replace('T', ' ');
}

function durationSeconds(r: AttemptRecord): number | null {
  const ms = Date.parse(r.finishedAt) - Date.parse(r.startedAt);
  return Number.isFinite(ms) && ms >= 0 ? Math.round(ms / 1000) : null;
}
