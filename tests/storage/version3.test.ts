/** Version 3: records keep the count of waits, settings gain the learning-records group; older saves stay valid. */
import { describe, expect, it } from 'vitest';
import { memoryBackend } from '../../src/storage/backend.ts';
import { RESULTS_KEY, SETTINGS_KEY, createStore } from '../../src/storage/store.ts';
import { defaultRecordsSettings, defaultSettings } from '../../src/storage/settings.ts';
import { fixedNow, record } from './fixtures.ts';

function v2Record(id: string) {
  const { waits: _waits, ...rest } = record({ id });
  return rest;
}

describe('version 2 saves in version 3', () => {
  it('keeps every version 2 record, with the unknown count of waits as null, and says it upgraded them', () => {
    const raw = JSON.stringify({ format: 'calm-desk/results', version: 2, results: [v2Record('old-a'), v2Record('old-b')] });
    const backend = memoryBackend({ [RESULTS_KEY]: raw });
    const store = createStore(backend, { now: fixedNow });
    expect(store.results().map((r) => [r.id, r.waits])).toEqual([
      ['old-a', null],
      ['old-b', null],
    ]);
    const [notice] = store.notices();
    expect(notice).toMatchObject({ code: 'upgraded', subject: 'results', fromVersion: 2 });
    expect(backend.getItem(notice!.backupKey!)).toBe(raw);
    expect(JSON.parse(backend.getItem(RESULTS_KEY)!).version).toBe(3);
    // Read again: clean, nothing more to say.
    expect(createStore(backend).notices()).toEqual([]);
  });

  it('imports a version 2 export file', () => {
    const store = createStore(memoryBackend(), { now: fixedNow });
    const report = store.importResults(JSON.stringify({ format: 'calm-desk/results', version: 2, results: [v2Record('from-v2')] }));
    expect(report).toMatchObject({ ok: true, added: 1, problems: [] });
    expect(store.results()[0]).toMatchObject({ id: 'from-v2', waits: null });
  });

  it('gives version 2 settings the learning-records defaults without calling them damaged', () => {
    const { records: _records, ...v2 } = { ...defaultSettings(), language: 'fi' as const };
    const backend = memoryBackend({ [SETTINGS_KEY]: JSON.stringify({ format: 'calm-desk/settings', version: 2, settings: v2 }) });
    const store = createStore(backend);
    expect(store.settings()).toMatchObject({ language: 'fi', records: defaultRecordsSettings() });
    expect(store.notices()).toMatchObject([{ code: 'upgraded', subject: 'settings', fromVersion: 2, level: 'info' }]);
  });

  it('repairs one bad records field and keeps the others', () => {
    const settings = { ...defaultSettings(), records: { ...defaultRecordsSettings(), endpoint: 'https://lrs.example.com/xapi/', passMark: 'high' } };
    const backend = memoryBackend({ [SETTINGS_KEY]: JSON.stringify({ format: 'calm-desk/settings', version: 3, settings }) });
    const store = createStore(backend, { now: fixedNow });
    expect(store.settings().records).toMatchObject({ endpoint: 'https://lrs.example.com/xapi/', passMark: 70 });
    expect(store.notices()[0]).toMatchObject({ code: 'damaged-backed-up', subject: 'settings' });
  });

  it('saves records settings and reads them back', () => {
    const backend = memoryBackend();
    const store = createStore(backend);
    const records = { ...defaultRecordsSettings(), endpoint: 'https://lrs.example.com/xapi/', actorEmail: 'aino@example.com', passMark: 80 };
    expect(store.saveSettings({ ...store.settings(), records }).ok).toBe(true);
    expect(createStore(backend).settings().records).toEqual(records);
  });
});
