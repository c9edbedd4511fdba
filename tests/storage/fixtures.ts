import type { StorageLike } from '../../src/storage/backend.ts';
import { memoryBackend } from '../../src/storage/backend.ts';
import type { AttemptRecord } from '../../src/storage/records.ts';

/** A valid current-version record; override what a test cares about. */
export function record(overrides: Partial<AttemptRecord> = {}): AttemptRecord {
  return {
    id: 'a-1',
    scenarioId: 'kettle-returned',
    language: 'en',
    title: 'The kettle, again',
    startedAt: '2026-11-20T10:00:00.000Z',
    finishedAt: '2026-11-20T10:06:00.000Z',
    overall: 72,
    autoFailed: false,
    outcome: 'resolved',
    satisfaction: 4,
    virtues: { friendliness: 80, expertise: 70, composure: 65, efficiency: 60 },
    ruiners: { indifference: 0, impatience: 1, judging: 0, arrogance: 0, tyranny: 0 },
    waits: 1,
    decisions: [
      { index: 0, nodeId: 'opening', choiceId: 'listen', kind: 'reply', interrupted: false, tags: ['listening'] },
      { index: 1, nodeId: 'vent', choiceId: null, kind: 'silence', interrupted: false, tags: ['listening'] },
      { index: 2, nodeId: 'offer', choiceId: 'refund', kind: 'reply', interrupted: true, tags: ['impatience', 'ownership'] },
    ],
    ...overrides,
  };
}

/** What version 1 of the game saved for one attempt. */
export function recordV1(overrides: Record<string, unknown> = {}) {
  return {
    id: 'old-1',
    scenarioId: 'parcel-late',
    language: 'fi',
    date: '2026-10-01T08:30:00.000Z',
    score: 55,
    autoFailed: false,
    outcome: 'unresolved',
    ruiners: { indifference: 1, impatience: 0, judging: 0, arrogance: 1, tyranny: 0 },
    decisions: [
      { nodeId: 'start', choiceId: 'explain', interrupted: false, tags: ['expertise'] },
      { nodeId: 'angry', choiceId: null, interrupted: false, tags: [] },
    ],
    ...overrides,
  };
}

/** A backend whose setItem throws like a full localStorage (after `allowed` writes). */
export function fullBackend(initial: Record<string, string> = {}, allowed = 0): StorageLike & { writes: string[] } {
  const inner = memoryBackend(initial);
  const writes: string[] = [];
  let left = allowed;
  return {
    writes,
    getItem: (k) => inner.getItem(k),
    setItem(k, v) {
      if (left <= 0) throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
      left--;
      writes.push(k);
      inner.setItem(k, v);
    },
    removeItem: (k) => inner.removeItem(k),
    key: (i) => inner.key(i),
    get length() {
      return inner.length;
    },
  };
}

/** A backend that throws on any access, like storage in some private windows. */
export function deniedBackend(): StorageLike {
  const deny = () => {
    throw Object.assign(new Error('The operation is insecure.'), { name: 'SecurityError' });
  };
  return {
    getItem: deny,
    setItem: deny,
    removeItem: deny,
    key: deny,
    get length(): number {
      return deny();
    },
  };
}

export const fixedNow = () => new Date('2026-11-23T12:00:00.000Z');
