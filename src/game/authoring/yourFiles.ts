/**
 * The files a trainer opened this session ("Your files"): each with its latest check and the last
 * version that had no errors, which stays playable when a re-opened file breaks. Kept in session
 * storage (see `src/storage/yourFiles.ts`); a file the storage cannot hold still plays until the
 * page closes, and `open` says it was not kept.
 *
 * Catalog keys are `your-files/<name>`, so scenes pass them around like bundled files.
 */
import type { CatalogEntry } from '../../build/catalogEntry.ts';
import type { KeepResult, StoredFile, YourFilesStore } from '../../storage/yourFiles.ts';
import { checkScenarioText, entryOf, type CheckedFile } from './checkFile.ts';

import { YOUR_FILE_PREFIX } from './keys.ts';

export { YOUR_FILE_PREFIX, isYourFile } from './keys.ts';

export interface YourFile {
  /** Catalog key, `your-files/<name>`. */
  key: string;
  name: string;
  /** The latest version opened. */
  current: CheckedFile;
  /** The latest version without errors (the current one when it has none); what Play plays. */
  lastGood: CheckedFile | null;
  /** Whether the session storage holds it (false: lost on reload). */
  kept: boolean;
  /** Why it could not be kept, when it could not. */
  notKeptReason: 'quota' | 'unavailable' | 'failed' | null;
  addedAt: string;
}

export interface OpenOutcome {
  file: YourFile;
  /** Whether it could be kept for the session. */
  keep: KeepResult;
}

export class YourFiles {
  private readonly files = new Map<string, YourFile>();
  private readonly listeners = new Set<() => void>();

  /** `rubricIds`: the rubrics bundled with the game (a scenario naming another gets CD508). */
  constructor(
    private readonly store: YourFilesStore,
    private readonly rubricIds: () => Iterable<string>,
    private readonly now: () => Date = () => new Date(),
  ) {
    for (const stored of store.list()) this.files.set(YOUR_FILE_PREFIX + stored.name, this.fromStored(stored));
  }

  /** Every file, in the order first opened. */
  list(): YourFile[] {
    return [...this.files.values()];
  }

  get(key: string): YourFile | undefined {
    return this.files.get(key);
  }

  /** What Briefing shows for a file: its last good version (or the broken current one). */
  entry(key: string): CatalogEntry | undefined {
    const file = this.files.get(key);
    return file ? entryOf(key, file.lastGood ?? file.current) : undefined;
  }

  /** Check `text` as `name` and remember it (replacing an earlier version of the same name). */
  open(name: string, text: string): OpenOutcome {
    return this.add(this.check(text, name));
  }

  /** Remember an already checked file (e.g. one refused for its size, which is not kept). */
  add(checked: CheckedFile): OpenOutcome {
    const key = YOUR_FILE_PREFIX + checked.name;
    const before = this.files.get(key);
    const lastGood = checked.scenario ? checked : (before?.lastGood ?? null);
    const addedAt = before?.addedAt ?? this.now().toISOString();
    const keep: KeepResult = checked.text
      ? this.store.put({ name: checked.name, text: checked.text, lastGoodText: lastGood?.text ?? null, addedAt })
      : { ok: false, reason: 'failed', message: 'The file was not read.' };
    const file: YourFile = { key, name: checked.name, current: checked, lastGood, kept: keep.ok, notKeptReason: keep.ok ? null : keep.reason, addedAt };
    this.files.set(key, file);
    this.changed();
    return { file, keep };
  }

  /** Forget a file (from memory and the session storage). */
  remove(key: string): KeepResult {
    const file = this.files.get(key);
    if (!file) return { ok: true };
    this.files.delete(key);
    const result = this.store.remove(file.name);
    this.changed();
    return result;
  }

  /** Call `listener` after every change; returns unsubscribe. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private check(text: string, name: string): CheckedFile {
    return checkScenarioText(text, name, this.rubricIds());
  }

  private fromStored(stored: StoredFile): YourFile {
    const current = this.check(stored.text, stored.name);
    const lastGood = current.scenario
      ? current
      : stored.lastGoodText !== null
        ? this.check(stored.lastGoodText, stored.name)
        : null;
    return {
      key: YOUR_FILE_PREFIX + stored.name,
      name: stored.name,
      current,
      lastGood: lastGood?.scenario ? lastGood : null,
      kept: true,
      notKeptReason: null,
      addedAt: stored.addedAt,
    };
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
