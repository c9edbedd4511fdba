/**
 * "Your files": scenario files a trainer opened in the game (dropped, picked or fetched from
 * `?scenario=`), kept for the rest of the browser session in `sessionStorage` so a reload does not
 * lose them. Each entry keeps the file's latest text and, when that text has errors, the last
 * text that loaded without errors (so the last good version stays playable).
 *
 * Only text is kept; checking it is the loader's job (`src/game/authoring`). A file too large for
 * the browser's storage is refused with `{ ok: false, reason: 'quota' }`; the caller keeps it in
 * memory and says so.
 *
 * @example
 * const files = createYourFilesStore(browserSessionStorage());
 * files.put({ name: 'kettle.yaml', text, lastGoodText: text, addedAt: new Date().toISOString() });
 */
import { isQuotaError, type StorageLike } from './backend.ts';

export const YOUR_FILES_KEY = 'calm-desk/your-files';

export interface StoredFile {
  /** The file name as the trainer knows it (`kettle.yaml`, or the path of a `?scenario=` URL). */
  name: string;
  /** The latest text opened under this name. */
  text: string;
  /** The latest text that loaded without errors; null when no version did. */
  lastGoodText: string | null;
  /** When it was first opened this session (ISO time); the list keeps this order. */
  addedAt: string;
}

export type KeepResult = { ok: true } | { ok: false; reason: 'quota' | 'unavailable' | 'failed'; message: string };

export interface YourFilesStore {
  /** Every kept file, oldest first. Damaged data reads as an empty list (and is left alone). */
  list(): StoredFile[];
  /** Add or replace the file with this name. */
  put(file: StoredFile): KeepResult;
  /** Forget the file with this name (no-op when absent). */
  remove(name: string): KeepResult;
}

/** `window.sessionStorage`, or null where touching it throws or it does not exist. */
export function browserSessionStorage(): StorageLike | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

function isStoredFile(value: unknown): value is StoredFile {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.name === 'string' &&
    v.name.length > 0 &&
    typeof v.text === 'string' &&
    (v.lastGoodText === null || typeof v.lastGoodText === 'string') &&
    typeof v.addedAt === 'string'
  );
}

/** The session store of your files over `storage` (null: nothing is kept, every `put` says so). */
export function createYourFilesStore(storage: StorageLike | null): YourFilesStore {
  const read = (): StoredFile[] => {
    if (!storage) return [];
    try {
      const raw = storage.getItem(YOUR_FILES_KEY);
      if (raw === null) return [];
      const parsed: unknown = JSON.parse(raw);
      const files = (parsed as { files?: unknown } | null)?.files;
      return Array.isArray(files) ? files.filter(isStoredFile) : [];
    } catch {
      return [];
    }
  };
  const write = (files: readonly StoredFile[]): KeepResult => {
    if (!storage) return { ok: false, reason: 'unavailable', message: 'This browser keeps no session storage.' };
    try {
      if (files.length === 0) storage.removeItem(YOUR_FILES_KEY);
      else storage.setItem(YOUR_FILES_KEY, JSON.stringify({ version: 1, files }));
      return { ok: true };
    } catch (error) {
      if (isQuotaError(error)) return { ok: false, reason: 'quota', message: 'The browser storage for this session is full.' };
      return { ok: false, reason: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
  };
  return {
    list: read,
    put(file) {
      const files = read();
      const at = files.findIndex((f) => f.name === file.name);
      if (at >= 0) files[at] = { ...file, addedAt: files[at]!.addedAt };
      else files.push(file);
      return write(files);
    },
    remove(name) {
      const files = read();
      const left = files.filter((f) => f.name !== name);
      return left.length === files.length ? { ok: true } : write(left);
    },
  };
}
