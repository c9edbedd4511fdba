/**
 * The saved-data store: settings and results, versioned and validated, that never loses what a
 * player saved. Damaged data is copied aside before anything is written over it; a full or
 * missing storage lets the game go on in memory and says so through `notices()`.
 *
 * @example
 * const store = createStore(browserStorage(), { env: browserSettingsEnv() });
 * store.notices().forEach((n) => toast(noticeMessage(n, store.settings().language)));
 * store.addResult(record); // { ok: true } or { ok: false, reason: 'quota', ... }
 */
import { isQuotaError, memoryBackend, type StorageLike } from './backend.ts';
import {
  CURRENT_VERSION,
  describeIssues,
  readResultsDocument,
  readSettingsDocument,
  resultsHeader,
  resultsDocument,
  settingsDocument,
} from './migrations.ts';
import type { Notice } from './notices.ts';
import { attemptRecordSchema, attemptsFor, bestFor, byNewest, type AttemptRecord } from './records.ts';
import { defaultSettings, settingsSchema, type Settings, type SettingsEnv } from './settings.ts';

export const SETTINGS_KEY = 'calm-desk/settings';
export const RESULTS_KEY = 'calm-desk/results';
/** Backups are `calm-desk/backup/<settings|results>/<ISO time>`. */
export const BACKUP_PREFIX = 'calm-desk/backup/';
/** Import files larger than this are refused (a real export of thousands of attempts is far smaller). */
export const MAX_IMPORT_CHARS = 5_000_000;
/** Results files with more entries than this are refused before any entry is read. */
export const MAX_IMPORT_RECORDS = 10_000;

export type SaveResult =
  | { ok: true }
  | {
      ok: false;
      /** `quota`: storage full. `protected`: damaged data could not be backed up, so it is not overwritten. `invalid`: the value failed validation. `failed`: anything else. */
      reason: 'quota' | 'protected' | 'invalid' | 'failed';
      message: string;
    };

export type ImportReport =
  | {
      ok: true;
      /** Records new to this browser. */
      added: number;
      /** Records already here (same id), left as they were. */
      duplicates: number;
      /** One line per record in the file that could not be read. */
      problems: string[];
      /** Whether the merged results reached storage (they are in memory either way). */
      saved: SaveResult;
    }
  | { ok: false; error: string };

export interface Store {
  /** False when storage is unavailable and everything lives in memory. */
  readonly persistent: boolean;
  settings(): Settings;
  /** Validates and saves; the in-memory settings change even when saving fails. */
  saveSettings(settings: Settings): SaveResult;
  /** All results, newest first. */
  results(): AttemptRecord[];
  /** Validates and saves one attempt; kept in memory (and in exports) even when saving fails. */
  addResult(record: AttemptRecord): SaveResult;
  attemptsFor(scenarioId: string, language?: string): AttemptRecord[];
  bestFor(scenarioId: string, language: string): AttemptRecord | undefined;
  /** The contents of a results file (JSON with a format marker and version) for download. */
  exportResults(): string;
  /** Reads an exported file and merges its results by id; never throws. */
  importResults(text: string): ImportReport;
  /** Merges records read elsewhere (see `importResultsText`, which reads them in slices). */
  mergeResults(records: readonly AttemptRecord[], problems: readonly string[]): ImportReport;
  /** Everything worth telling the player since the store was created, oldest first. */
  notices(): readonly Notice[];
  /** Called with each new notice (e.g. a failed save during play). Returns unsubscribe. */
  onNotice(listener: (notice: Notice) => void): () => void;
  /** Forget the notices shown so far. */
  clearNotices(): void;
}

export interface StoreOptions {
  now?: () => Date;
  /** Browser facts for first-run settings. */
  env?: SettingsEnv;
}

/** Creates the store over `backend` (`null` or a throwing backend: in memory, with a notice). */
export function createStore(backend: StorageLike | null, options: StoreOptions = {}): Store {
  const now = options.now ?? (() => new Date());
  const notices: Notice[] = [];
  const listeners = new Set<(n: Notice) => void>();
  const notify = (n: Notice) => {
    notices.push(n);
    for (const l of listeners) l(n);
  };

  const usable = backend !== null && canRead(backend);
  const storage = usable ? backend : memoryBackend();
  if (!usable) notify({ code: 'storage-unavailable', subject: 'results', level: 'warning' });

  const protectedKeys = new Set<string>();
  const failing = new Set<'settings' | 'results'>();
  const backup = (subject: 'settings' | 'results', raw: string): string | undefined => {
    const base = `${BACKUP_PREFIX}${subject}/${now().toISOString()}`;
    let key = base;
    for (let n = 2; storage.getItem(key) !== null; n++) key = `${base}-${n}`;
    try {
      storage.setItem(key, raw);
      return key;
    } catch {
      return undefined;
    }
  };

  const write = (key: string, subject: 'settings' | 'results', doc: object): SaveResult => {
    if (protectedKeys.has(key)) {
      return { ok: false, reason: 'protected', message: `Damaged ${subject} could not be backed up and are left untouched.` };
    }
    try {
      storage.setItem(key, JSON.stringify(doc));
      failing.delete(subject);
      return { ok: true };
    } catch (error) {
      const quota = isQuotaError(error);
      // One notice per run of failures, not one per attempt.
      if (!failing.has(subject)) notify({ code: quota ? 'save-failed-quota' : 'save-failed', subject, level: 'warning' });
      failing.add(subject);
      return quota
        ? { ok: false, reason: 'quota', message: 'Browser storage is full.' }
        : { ok: false, reason: 'failed', message: String(error) };
    }
  };

  /** Damaged or foreign data: copy it aside first; if that fails, never write over it. */
  const setAside = (key: string, subject: 'settings' | 'results', raw: string, notice: Omit<Notice, 'backupKey'>) => {
    const backupKey = backup(subject, raw);
    if (backupKey) notify({ ...notice, backupKey });
    else {
      protectedKeys.add(key);
      notify({ code: 'damaged-backup-failed', subject, level: 'warning' });
    }
    return backupKey !== undefined;
  };

  let settings = loadSettings();
  let records = loadResults();

  function loadSettings(): Settings {
    const defaults = defaultSettings(options.env);
    const raw = storage.getItem(SETTINGS_KEY);
    if (raw === null) return defaults;
    const reading = readSettingsDocument(parseJson(raw), defaults);
    const newer = !reading.fatal && reading.version > CURRENT_VERSION;
    if (reading.fatal || reading.repaired || newer) {
      const code = newer ? 'newer-version-backed-up' : 'damaged-backed-up';
      if (setAside(SETTINGS_KEY, 'settings', raw, { code, subject: 'settings', level: 'warning' })) {
        write(SETTINGS_KEY, 'settings', settingsDocument(reading.settings));
      }
    } else if (reading.version < CURRENT_VERSION) {
      notify({ code: 'upgraded', subject: 'settings', fromVersion: reading.version, level: 'info' });
      write(SETTINGS_KEY, 'settings', settingsDocument(reading.settings));
    }
    return reading.settings;
  }

  function loadResults(): AttemptRecord[] {
    const raw = storage.getItem(RESULTS_KEY);
    if (raw === null) return [];
    const reading = readResultsDocument(parseJson(raw));
    const kept = reading.records.sort(byNewest);
    let clean = true;
    if (reading.fatal) {
      clean = setAside(RESULTS_KEY, 'results', raw, { code: 'damaged-backed-up', subject: 'results', level: 'warning' });
    } else if (reading.problems.length > 0) {
      clean = setAside(RESULTS_KEY, 'results', raw, {
        code: 'damaged-partly-recovered',
        subject: 'results',
        kept: kept.length,
        dropped: reading.problems.length,
        level: 'warning',
      });
    } else if (reading.version > CURRENT_VERSION) {
      clean = setAside(RESULTS_KEY, 'results', raw, { code: 'newer-version-backed-up', subject: 'results', level: 'warning' });
    } else if (reading.version < CURRENT_VERSION) {
      const backupKey = backup('results', raw);
      notify({ code: 'upgraded', subject: 'results', fromVersion: reading.version, level: 'info', ...(backupKey ? { backupKey } : {}) });
    } else return kept;
    if (clean) write(RESULTS_KEY, 'results', resultsDocument(kept));
    return kept;
  }

  const saveResults = () => write(RESULTS_KEY, 'results', resultsDocument(records));

  return {
    persistent: usable,
    settings: () => structuredClone(settings),
    saveSettings(next) {
      const parsed = settingsSchema.safeParse(next);
      if (!parsed.success) return { ok: false, reason: 'invalid', message: describeIssues(parsed.error, 'settings') };
      settings = parsed.data;
      return write(SETTINGS_KEY, 'settings', settingsDocument(settings));
    },
    results: () => records.map((r) => structuredClone(r)),
    addResult(record) {
      const parsed = attemptRecordSchema.safeParse(record);
      if (!parsed.success) return { ok: false, reason: 'invalid', message: describeIssues(parsed.error, 'result') };
      records = [parsed.data, ...records.filter((r) => r.id !== parsed.data.id)].sort(byNewest);
      return saveResults();
    },
    attemptsFor: (scenarioId, language) => attemptsFor(records, scenarioId, language).map((r) => structuredClone(r)),
    bestFor(scenarioId, language) {
      const best = bestFor(records, scenarioId, language);
      return best && structuredClone(best);
    },
    exportResults: () => JSON.stringify(resultsDocument(records, now().toISOString()), null, 2),
    importResults(text) {
      const opened = openResultsText(text);
      if (!opened.ok) return opened;
      const reading = readResultsDocument(opened.value);
      if (reading.fatal) return { ok: false, error: reading.fatal };
      return this.mergeResults(reading.records, reading.problems);
    },
    mergeResults(imported, problems) {
      const have = new Set(records.map((r) => r.id));
      const fresh: AttemptRecord[] = [];
      for (const record of imported) {
        if (have.has(record.id)) continue;
        have.add(record.id);
        fresh.push(record);
      }
      if (fresh.length > 0) records = [...records, ...fresh].sort(byNewest);
      return {
        ok: true,
        added: fresh.length,
        duplicates: imported.length - fresh.length,
        problems: [...problems],
        saved: fresh.length > 0 ? saveResults() : { ok: true },
      };
    },
    notices: () => notices.slice(),
    onNotice(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clearNotices: () => void notices.splice(0),
  };
}

/** "1,234,567" (the same in every locale, and cheap). */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * The size, JSON and header checks of an import, in plain words: everything that can refuse a
 * file before a single entry is read. The entry count is capped here too.
 */
export function openResultsText(text: string): { ok: true; value: unknown; version: number; results: unknown[] } | { ok: false; error: string } {
  if (text.length > MAX_IMPORT_CHARS) {
    return { ok: false, error: `The file is too large (${thousands(text.length)} characters; a results file is at most ${thousands(MAX_IMPORT_CHARS)}).` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const hint = text.trim() === '' ? 'it is empty' : /^\s*[[{]/.test(text) ? 'it is damaged or cut off' : 'it is not a results export';
    return { ok: false, error: `The file is not valid JSON (${hint}).` };
  }
  const header = resultsHeader(value);
  if (!header.ok) return { ok: false, error: header.fatal };
  if (header.results.length > MAX_IMPORT_RECORDS) {
    return { ok: false, error: `The file holds ${thousands(header.results.length)} results; at most ${thousands(MAX_IMPORT_RECORDS)} can be imported at once.` };
  }
  return { ok: true, value, version: header.version, results: header.results };
}

function canRead(backend: StorageLike): boolean {
  try {
    backend.getItem(SETTINGS_KEY);
    void backend.length;
    return true;
  } catch {
    return false;
  }
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
