import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryBackend } from '../../src/storage/backend.ts';
import { noticeMessage } from '../../src/storage/notices.ts';
import { BACKUP_PREFIX, RESULTS_KEY, SETTINGS_KEY, createStore } from '../../src/storage/store.ts';
import { defaultRecordsSettings, defaultSettings } from '../../src/storage/settings.ts';
import { deniedBackend, fixedNow, fullBackend, record, recordV1 } from './fixtures.ts';

const backupKeys = (b: ReturnType<typeof memoryBackend>) =>
  Array.from({ length: b.length }, (_, i) => b.key(i)).filter((k): k is string => !!k && k.startsWith(BACKUP_PREFIX));

describe('a fresh store', () => {
  it('starts with browser-derived defaults, no results and nothing to report', () => {
    const store = createStore(memoryBackend(), { env: { navigatorLanguage: 'fi-FI', prefersReducedMotion: true } });
    expect(store.persistent).toBe(true);
    expect(store.settings()).toEqual(defaultSettings({ navigatorLanguage: 'fi-FI', prefersReducedMotion: true }));
    expect(store.results()).toEqual([]);
    expect(store.notices()).toEqual([]);
  });
});

describe('saving and reloading', () => {
  it('keeps settings across a reload', () => {
    const backend = memoryBackend();
    const settings = { ...defaultSettings(), language: 'fi' as const, textScale: 1.5 as const, muted: true };
    expect(createStore(backend).saveSettings(settings)).toEqual({ ok: true });
    expect(createStore(backend).settings()).toEqual(settings);
  });

  it('refuses invalid settings with a message naming the field', () => {
    const store = createStore(memoryBackend());
    const result = store.saveSettings({ ...defaultSettings(), readingSpeed: 'warp' as never });
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(result.ok ? '' : result.message).toContain('settings.readingSpeed');
    expect(store.settings().readingSpeed).toBe('normal');
  });

  it('keeps results across a reload, newest first, and answers best and attempts per scenario and language', () => {
    const backend = memoryBackend();
    const store = createStore(backend);
    store.addResult(record({ id: 'a', overall: 60, finishedAt: '2026-11-20T10:00:00.000Z' }));
    store.addResult(record({ id: 'b', overall: 85, finishedAt: '2026-11-21T10:00:00.000Z' }));
    store.addResult(record({ id: 'c', overall: 70, finishedAt: '2026-11-22T10:00:00.000Z' }));
    store.addResult(record({ id: 'd', overall: 99, language: 'fi' }));
    store.addResult(record({ id: 'e', overall: 100, scenarioId: 'other' }));
    const reloaded = createStore(backend);
    // d and e finished at 10:06 on the 20th (the fixture's time), after a; a tie falls back to id order.
    expect(reloaded.results().map((r) => r.id)).toEqual(['c', 'b', 'd', 'e', 'a']);
    expect(reloaded.attemptsFor('kettle-returned', 'en').map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(reloaded.attemptsFor('kettle-returned').length).toBe(4);
    expect(reloaded.bestFor('kettle-returned', 'en')?.id).toBe('b');
    expect(reloaded.bestFor('kettle-returned', 'fi')?.id).toBe('d');
    expect(reloaded.bestFor('never-played', 'en')).toBeUndefined();
  });

  it('replaces a record saved again under the same id instead of duplicating it', () => {
    const store = createStore(memoryBackend());
    store.addResult(record({ id: 'same', overall: 10 }));
    store.addResult(record({ id: 'same', overall: 20 }));
    expect(store.results().map((r) => r.overall)).toEqual([20]);
  });

  it('refuses an invalid record and keeps the rest', () => {
    const store = createStore(memoryBackend());
    store.addResult(record({ id: 'good' }));
    const result = store.addResult(record({ id: 'bad', overall: 140 }));
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(result.ok ? '' : result.message).toContain('result.overall');
    expect(store.results().map((r) => r.id)).toEqual(['good']);
  });

  it('hands out copies, so callers cannot change saved data by accident', () => {
    const store = createStore(memoryBackend());
    store.addResult(record());
    store.results()[0]!.overall = 0;
    store.bestFor('kettle-returned', 'en')!.overall = 0;
    store.attemptsFor('kettle-returned')[0]!.overall = 0;
    store.settings().volume.ui = 0;
    expect(store.results()[0]!.overall).toBe(72);
    expect(store.settings().volume.ui).toBe(defaultSettings().volume.ui);
  });
});

describe('damaged data', () => {
  it('copies unreadable results to a backup key, starts clean and says where the copy is', () => {
    const raw = '{"format":"calm-desk/results","version":2,"results":[{"id":';
    const backend = memoryBackend({ [RESULTS_KEY]: raw });
    const store = createStore(backend, { now: fixedNow });
    expect(store.results()).toEqual([]);
    const [notice] = store.notices();
    expect(notice).toMatchObject({ code: 'damaged-backed-up', subject: 'results', level: 'warning' });
    expect(notice!.backupKey).toBe(`${BACKUP_PREFIX}results/2026-11-23T12:00:00.000Z`);
    expect(backend.getItem(notice!.backupKey!)).toBe(raw);
    expect(noticeMessage(notice!, 'en')).toContain(notice!.backupKey!);
    expect(noticeMessage(notice!, 'fi')).toContain(notice!.backupKey!);
    // The clean state was written, so the next visit is quiet and the backup stays.
    expect(createStore(backend).notices()).toEqual([]);
    expect(backupKeys(backend)).toEqual([notice!.backupKey]);
  });

  it('treats a document that is not a results document as damaged', () => {
    const backend = memoryBackend({ [RESULTS_KEY]: '[1,2,3]' });
    const store = createStore(backend, { now: fixedNow });
    expect(store.notices()[0]!.code).toBe('damaged-backed-up');
    expect(backend.getItem(store.notices()[0]!.backupKey!)).toBe('[1,2,3]');
  });

  it('keeps every record that still validates and reports how many were dropped', () => {
    const doc = {
      format: 'calm-desk/results',
      version: 2,
      results: [record({ id: 'ok-1' }), { ...record({ id: 'broken' }), overall: 'lots' }, record({ id: 'ok-2' }), null],
    };
    const raw = JSON.stringify(doc);
    const backend = memoryBackend({ [RESULTS_KEY]: raw });
    const store = createStore(backend, { now: fixedNow });
    expect(store.results().map((r) => r.id).sort()).toEqual(['ok-1', 'ok-2']);
    const [notice] = store.notices();
    expect(notice).toMatchObject({ code: 'damaged-partly-recovered', kept: 2, dropped: 2 });
    expect(backend.getItem(notice!.backupKey!)).toBe(raw);
    expect(noticeMessage(notice!, 'en')).toMatch(/2 kept, 2 could not be read/);
  });

  it('repairs only the settings fields that are broken and keeps the others', () => {
    const raw = JSON.stringify({
      format: 'calm-desk/settings',
      version: 2,
      settings: { ...defaultSettings(), language: 'fi', textScale: 7, volume: { voice: 0.2, ambience: 'loud', ui: 0.3 } },
    });
    const backend = memoryBackend({ [SETTINGS_KEY]: raw });
    const store = createStore(backend, { now: fixedNow });
    expect(store.settings()).toMatchObject({ language: 'fi', textScale: 1, volume: { voice: 0.2, ambience: 0.5, ui: 0.3 } });
    const [notice] = store.notices();
    expect(notice).toMatchObject({ code: 'damaged-backed-up', subject: 'settings' });
    expect(backend.getItem(notice!.backupKey!)).toBe(raw);
  });

  it('never writes over damaged data it could not back up (storage full)', () => {
    const raw = 'not json at all';
    const backend = fullBackend({ [RESULTS_KEY]: raw });
    const store = createStore(backend, { now: fixedNow });
    expect(store.notices().map((n) => n.code)).toEqual(['damaged-backup-failed']);
    const saved = store.addResult(record());
    expect(saved).toMatchObject({ ok: false, reason: 'protected' });
    expect(backend.getItem(RESULTS_KEY)).toBe(raw);
    expect(store.results()).toHaveLength(1);
    expect(JSON.parse(store.exportResults()).results).toHaveLength(1);
  });

  it('gives each backup its own key when two happen in the same millisecond', () => {
    const backend = memoryBackend({ [RESULTS_KEY]: 'x', [SETTINGS_KEY]: 'y', [`${BACKUP_PREFIX}results/2026-11-23T12:00:00.000Z`]: 'earlier' });
    const store = createStore(backend, { now: fixedNow });
    const keys = store.notices().map((n) => n.backupKey);
    expect(keys).toContain(`${BACKUP_PREFIX}results/2026-11-23T12:00:00.000Z-2`);
    expect(backend.getItem(`${BACKUP_PREFIX}results/2026-11-23T12:00:00.000Z`)).toBe('earlier');
  });

  it('never throws and never loses the saved text, whatever is stored', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (raw) => {
        const backend = memoryBackend({ [RESULTS_KEY]: raw });
        const store = createStore(backend, { now: fixedNow });
        const kept = backend.getItem(RESULTS_KEY) === raw || store.notices().some((n) => n.backupKey && backend.getItem(n.backupKey) === raw);
        expect(kept).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('older and newer versions', () => {
  it('upgrades version 1 results, keeps a copy of the original, and says so', () => {
    const raw = JSON.stringify({ format: 'calm-desk/results', version: 1, results: [recordV1()] });
    const backend = memoryBackend({ [RESULTS_KEY]: raw });
    const store = createStore(backend, { now: fixedNow });
    const [notice] = store.notices();
    expect(notice).toMatchObject({ code: 'upgraded', subject: 'results', fromVersion: 1, level: 'info' });
    expect(backend.getItem(notice!.backupKey!)).toBe(raw);
    expect(store.results()).toEqual([
      {
        id: 'old-1',
        scenarioId: 'parcel-late',
        language: 'fi',
        title: 'parcel-late',
        startedAt: '2026-10-01T08:30:00.000Z',
        finishedAt: '2026-10-01T08:30:00.000Z',
        overall: 55,
        autoFailed: false,
        outcome: 'unresolved',
        satisfaction: null,
        virtues: null,
        ruiners: { indifference: 1, impatience: 0, judging: 0, arrogance: 1, tyranny: 0 },
        waits: null,
        decisions: [
          { index: 0, nodeId: 'start', choiceId: 'explain', kind: 'reply', interrupted: false, tags: ['expertise'] },
          { index: 1, nodeId: 'angry', choiceId: null, kind: 'silence', interrupted: false, tags: [] },
        ],
      },
    ]);
    expect(JSON.parse(backend.getItem(RESULTS_KEY)!).version).toBe(3);
    expect(createStore(backend).notices()).toEqual([]);
  });

  it('upgrades version 1 settings: the single volume becomes the three channels', () => {
    const v1 = { language: 'fi', textScale: 1.25, readingSpeed: 'slow', volume: 0.4, muted: false, reducedMotion: true };
    const backend = memoryBackend({ [SETTINGS_KEY]: JSON.stringify({ format: 'calm-desk/settings', version: 1, settings: v1 }) });
    const store = createStore(backend);
    expect(store.settings()).toEqual({
      language: 'fi',
      textScale: 1.25,
      readingSpeed: 'slow',
      volume: { voice: 0.4, ambience: 0.4, ui: 0.4 },
      muted: false,
      reducedMotion: true,
      speechSynthesis: false,
      facilitatorMode: false,
      records: defaultRecordsSettings(),
    });
    expect(store.notices()).toMatchObject([{ code: 'upgraded', subject: 'settings', fromVersion: 1 }]);
  });

  it('keeps a copy of settings from a newer version before saving them in this version\'s shape', () => {
    const raw = JSON.stringify({ format: 'calm-desk/settings', version: 9, settings: { ...defaultSettings(), language: 'fi', theme: 'dark' } });
    const backend = memoryBackend({ [SETTINGS_KEY]: raw });
    const store = createStore(backend, { now: fixedNow });
    expect(store.settings().language).toBe('fi');
    const [notice] = store.notices();
    expect(notice).toMatchObject({ code: 'newer-version-backed-up', subject: 'settings' });
    expect(backend.getItem(notice!.backupKey!)).toBe(raw);
  });

  it('keeps a copy of data from a newer version and uses what it can read', () => {
    const raw = JSON.stringify({ format: 'calm-desk/results', version: 9, results: [{ ...record(), extra: { future: true } }] });
    const backend = memoryBackend({ [RESULTS_KEY]: raw });
    const store = createStore(backend, { now: fixedNow });
    expect(store.results().map((r) => r.id)).toEqual(['a-1']);
    const [notice] = store.notices();
    expect(notice!.code).toBe('newer-version-backed-up');
    expect(backend.getItem(notice!.backupKey!)).toBe(raw);
  });
});

describe('storage full', () => {
  it('lets the game go on: the result stays in memory and in the export, and one notice says it was not saved', () => {
    const backend = fullBackend();
    const store = createStore(backend);
    const seen: string[] = [];
    store.onNotice((n) => seen.push(n.code));
    expect(store.addResult(record({ id: 'x1' }))).toMatchObject({ ok: false, reason: 'quota' });
    expect(store.addResult(record({ id: 'x2' }))).toMatchObject({ ok: false, reason: 'quota' });
    expect(seen).toEqual(['save-failed-quota']);
    expect(store.results().map((r) => r.id).sort()).toEqual(['x1', 'x2']);
    expect(JSON.parse(store.exportResults()).results).toHaveLength(2);
    expect(noticeMessage(store.notices()[0]!, 'en')).toMatch(/could not be saved/);
  });

  it('says so again when saving fails anew after it had worked in between', () => {
    const backend = fullBackend({}, 1);
    const store = createStore(backend);
    expect(store.addResult(record({ id: 'x1' }))).toEqual({ ok: true });
    store.addResult(record({ id: 'x2' }));
    store.addResult(record({ id: 'x3' }));
    expect(store.notices().map((n) => n.code)).toEqual(['save-failed-quota']);
  });

  it('reports a full storage for settings too, keeping them for this session', () => {
    const store = createStore(fullBackend());
    const next = { ...defaultSettings(), muted: true };
    expect(store.saveSettings(next)).toMatchObject({ ok: false, reason: 'quota' });
    expect(store.settings().muted).toBe(true);
  });
});

describe('storage unavailable', () => {
  it('falls back to memory with a notice when touching storage throws', () => {
    const store = createStore(deniedBackend());
    expect(store.persistent).toBe(false);
    expect(store.notices().map((n) => n.code)).toEqual(['storage-unavailable']);
    expect(store.addResult(record())).toEqual({ ok: true });
    expect(store.saveSettings({ ...defaultSettings(), language: 'fi' })).toEqual({ ok: true });
    expect(store.results()).toHaveLength(1);
    expect(store.settings().language).toBe('fi');
  });

  it('falls back to memory when there is no storage at all', () => {
    const store = createStore(null);
    expect(store.persistent).toBe(false);
    expect(store.notices()[0]!.code).toBe('storage-unavailable');
  });
});

describe('notices', () => {
  it('can be listened to, unsubscribed and cleared', () => {
    const store = createStore(fullBackend());
    const seen: string[] = [];
    const off = store.onNotice((n) => seen.push(n.code));
    off();
    store.addResult(record());
    expect(seen).toEqual([]);
    expect(store.notices()).toHaveLength(1);
    store.clearNotices();
    expect(store.notices()).toEqual([]);
  });
});
