/** The statement queue: order, batches, backoff with jitter, Retry-After, exactly-once, refused statements, reloads. */
import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  classifyFailure,
  createStatementQueue,
  retryAfterMs,
  type QueueOptions,
  type SendResult,
  type Timer,
  type Transport,
} from '../../src/records/xapi/queue.ts';
import { initializedStatement } from '../../src/records/xapi/statements.ts';
import type { XapiStatement } from '../../src/records/xapi/types.ts';
import { memoryBackend } from '../../src/storage/backend.ts';
import { QUEUE_KEY, createQueueStorage } from '../../src/storage/xapiQueue.ts';
import { base, uuid } from './xapiFixtures.ts';

/** A clock that moves only when the test says, running due timers in order. */
function fakeTimer(start = Date.parse('2026-11-26T10:40:00Z')): Timer & { advance(ms: number): Promise<void>; pending(): number[] } {
  let now = start;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimeout(fn, ms) {
      seq += 1;
      timers.set(seq, { at: now + ms, fn });
      return seq;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    async advance(ms) {
      const end = now + ms;
      for (;;) {
        const next = [...timers.entries()].sort((a, b) => a[1].at - b[1].at)[0];
        if (!next || next[1].at > end) break;
        timers.delete(next[0]);
        now = next[1].at;
        next[1].fn();
        await settle();
      }
      now = end;
      await settle();
    },
    pending: () => [...timers.values()].map((t) => t.at - now),
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/** An LRS double: stores by id, answers with whatever the test scripts next (default: OK). */
function fakeLrs() {
  const stored = new Map<string, XapiStatement>();
  const requests: string[][] = [];
  const script: Array<SendResult | ((batch: readonly XapiStatement[]) => SendResult)> = [];
  let down: SendResult | null = null;
  /** Ids that arrived again after the LRS had stored them (must stay empty). */
  const duplicates: string[] = [];
  const transport: Transport = {
    async send(batch) {
      requests.push(batch.map((s) => s.id));
      const step = script.shift() ?? down;
      const result = typeof step === 'function' ? step(batch) : step ?? { ok: true };
      if (result.ok) {
        for (const s of batch) {
          if (stored.has(s.id)) duplicates.push(s.id);
          stored.set(s.id, s);
        }
      }
      return result;
    },
  };
  return {
    transport,
    stored,
    duplicates,
    requests,
    script,
    setDown(result: SendResult | null) {
      down = result;
    },
  };
}

function statements(n: number): XapiStatement[] {
  return Array.from({ length: n }, () => initializedStatement(base({ id: uuid() })));
}

function setup(extra: Partial<QueueOptions> = {}) {
  const backend = memoryBackend();
  const timer = fakeTimer();
  const lrs = fakeLrs();
  const make = () =>
    createStatementQueue({
      port: createQueueStorage(backend),
      transport: () => lrs.transport,
      timer,
      random: () => 1,
      batchSize: 3,
      baseDelayMs: 1000,
      maxDelayMs: 60_000,
      ...extra,
    });
  return { backend, timer, lrs, queue: make(), make };
}

const unavailable: SendResult = { ok: false, status: 503, message: 'Service Unavailable' };

describe('statement queue', () => {
  it('sends everything in order, in batches, and empties the queue', async () => {
    const { queue, lrs } = setup();
    const list = statements(7);
    expect(queue.enqueue(list)).toEqual({ queued: 7, refused: 0 });
    await queue.drain();
    expect(lrs.requests).toEqual([list.slice(0, 3), list.slice(3, 6), list.slice(6)].map((b) => b.map((s) => s.id)));
    expect(queue.status()).toMatchObject({ waiting: 0, lastError: null, nextRetryAt: null });
    expect(queue.status().lastDeliveredAt).not.toBeNull();
  });

  it('keeps statements through a 503, backs off exponentially, then delivers each exactly once', async () => {
    const { queue, lrs, timer } = setup();
    const list = statements(4);
    queue.enqueue(list);
    lrs.setDown(unavailable);
    await queue.drain();
    expect(queue.status()).toMatchObject({ waiting: 4, lastError: { message: 'HTTP 503 (Service Unavailable)' } });
    expect(timer.pending()).toEqual([1000]);
    await timer.advance(1000);
    expect(timer.pending()).toEqual([2000]);
    await timer.advance(2000);
    expect(timer.pending()).toEqual([4000]);
    lrs.setDown(null);
    await timer.advance(4000);
    expect(queue.status()).toMatchObject({ waiting: 0, lastError: null });
    expect([...lrs.stored.keys()]).toEqual(list.map((s) => s.id));
    expect(lrs.duplicates).toEqual([]);
    expect(timer.pending()).toEqual([]);
  });

  it('caps the backoff and jitters it between half and all of the step', () => {
    expect(backoffMs(1, 1000, 60_000, () => 0)).toBe(500);
    expect(backoffMs(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffMs(3, 1000, 60_000, () => 0.5)).toBe(3000);
    expect(backoffMs(20, 1000, 60_000, () => 1)).toBe(60_000);
  });

  it('waits at least as long as Retry-After asks (429), even when a trigger comes sooner', async () => {
    const { queue, lrs, timer } = setup();
    queue.enqueue(statements(2));
    lrs.script.push({ ok: false, status: 429, retryAfter: '30', message: 'Too Many Requests' });
    await queue.drain();
    expect(timer.pending()).toEqual([30_000]);
    await queue.drain(); // e.g. the browser came back online: still not before 30 s
    expect(lrs.requests).toHaveLength(1);
    await timer.advance(29_999);
    expect(lrs.requests).toHaveLength(1);
    await timer.advance(1);
    expect(lrs.requests).toHaveLength(2);
    expect(queue.status().waiting).toBe(0);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-26T10:40:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Thu, 26 Nov 2026 10:41:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });

  it('retries network errors (no answer) and thrown transports', async () => {
    const { queue, lrs, timer } = setup();
    queue.enqueue(statements(1));
    lrs.script.push({ ok: false, status: null, message: 'Network Error' });
    lrs.script.push(() => {
      throw new Error('socket hang up');
    });
    await queue.drain();
    expect(queue.status().lastError?.message).toBe('Network Error');
    await timer.advance(1000);
    expect(queue.status().lastError?.message).toBe('socket hang up');
    await timer.advance(2000);
    expect(queue.status()).toMatchObject({ waiting: 0, lastError: null });
  });

  it('counts 409 Conflict as delivered: the LRS already has that id', async () => {
    const { queue, lrs } = setup({ batchSize: 1 });
    const [a, b] = statements(2);
    queue.enqueue([a!, b!]);
    lrs.script.push({ ok: false, status: 409, message: 'Conflict' });
    await queue.drain();
    expect(queue.status()).toMatchObject({ waiting: 0, lastError: null });
    expect(lrs.requests).toEqual([[a!.id], [b!.id]]);
  });

  it('a 409 on a batch sends it again one at a time, so the others still arrive', async () => {
    const { queue, lrs } = setup();
    const list = statements(3);
    queue.enqueue(list);
    lrs.script.push({ ok: false, status: 409, message: 'Conflict' }, { ok: true }, { ok: false, status: 409, message: 'Conflict' }, { ok: true });
    await queue.drain();
    expect(lrs.requests).toEqual([list.map((s) => s.id), [list[0]!.id], [list[1]!.id], [list[2]!.id]]);
    expect(queue.status().waiting).toBe(0);
  });

  it('moves a statement the LRS refuses (400) to the refused list and sends the rest', async () => {
    const { queue, lrs } = setup();
    const list = statements(3);
    queue.enqueue(list);
    const bad = list[1]!.id;
    const refuseBad = (batch: readonly XapiStatement[]): SendResult =>
      batch.some((s) => s.id === bad) ? { ok: false, status: 400, message: 'Invalid statement' } : { ok: true };
    lrs.script.push(refuseBad, refuseBad, refuseBad, refuseBad);
    await queue.drain();
    expect([...lrs.stored.keys()]).toEqual([list[0]!.id, list[2]!.id]);
    const s = queue.status();
    expect(s.waiting).toBe(0);
    expect(s.rejected.map((r) => [r.id, r.status, r.reason])).toEqual([[bad, 400, 'Invalid statement']]);
    queue.clearRejected();
    expect(queue.status().rejected).toEqual([]);
  });

  it('keeps statements and stops on 401 (wrong key or secret) until the next trigger', async () => {
    const { queue, lrs, timer } = setup();
    queue.enqueue(statements(2));
    lrs.script.push({ ok: false, status: 401, message: 'Unauthorized' });
    await queue.drain();
    expect(queue.status()).toMatchObject({ waiting: 2, lastError: { message: 'HTTP 401 (Unauthorized)' }, nextRetryAt: null });
    expect(timer.pending()).toEqual([]);
    await queue.drain();
    expect(queue.status().waiting).toBe(0);
  });

  it('classifies statuses', () => {
    expect([null, 0, 408, 429, 500, 503].map(classifyFailure)).toEqual(['retry', 'retry', 'retry', 'retry', 'retry', 'retry']);
    expect([401, 403, 404, 405].map(classifyFailure)).toEqual(['settings', 'settings', 'settings', 'settings']);
    expect([400, 413, 422].map(classifyFailure)).toEqual(['refused', 'refused', 'refused']);
    expect(classifyFailure(409)).toBe('already-there');
  });

  it('a reload mid-queue loses nothing and sends nothing twice', async () => {
    const { queue, lrs, make, timer } = setup();
    const list = statements(5);
    queue.enqueue(list.slice(0, 3));
    lrs.script.push({ ok: true }, unavailable);
    lrs.setDown(null);
    await queue.drain(); // first 3 delivered
    queue.enqueue(list.slice(3));
    lrs.setDown(unavailable);
    await queue.drain(); // 503: 2 waiting
    expect(queue.status().waiting).toBe(2);
    queue.dispose(); // the page goes away
    const reloaded = make();
    expect(reloaded.status().waiting).toBe(2);
    lrs.setDown(null);
    await timer.advance(10_000);
    await reloaded.drain();
    expect(reloaded.status().waiting).toBe(0);
    expect([...lrs.stored.keys()].sort()).toEqual(list.map((s) => s.id).sort());
    expect(lrs.duplicates).toEqual([]);
  });

  it('never changes an id and never queues one id twice', async () => {
    const { queue, lrs } = setup();
    const [a] = statements(1);
    queue.enqueue([a!]);
    expect(queue.enqueue([a!])).toEqual({ queued: 0, refused: 0 });
    await queue.drain();
    expect(lrs.stored.get(a!.id)).toEqual(a);
  });

  it('is bounded: a full queue refuses new statements and says so', () => {
    const { queue } = setup({ maxPending: 4 });
    expect(queue.enqueue(statements(6))).toEqual({ queued: 4, refused: 2 });
    expect(queue.status().lastError?.message).toMatch(/full \(4 statements\); 2 not kept/);
  });

  it('sends nothing while sending is off (no transport)', async () => {
    const backend = memoryBackend();
    const queue = createStatementQueue({ port: createQueueStorage(backend), transport: () => null, timer: fakeTimer() });
    queue.enqueue(statements(2));
    await queue.drain();
    expect(queue.status().waiting).toBe(2);
  });

  it('one drain at a time: a second call joins the first', async () => {
    const { queue, lrs } = setup();
    queue.enqueue(statements(2));
    const first = queue.drain();
    const second = queue.drain();
    expect(second).toBe(first);
    await first;
    expect(lrs.requests).toHaveLength(1);
  });

  it('gives up the drain when another tab holds the lock', async () => {
    const { queue, lrs } = setup({ exclusive: async () => false });
    queue.enqueue(statements(2));
    await queue.drain();
    expect(lrs.requests).toEqual([]);
    expect(queue.status().waiting).toBe(2);
  });
});

describe('queue storage', () => {
  it('quarantines a damaged queue instead of crashing, and starts empty', () => {
    const backend = memoryBackend({ [QUEUE_KEY]: '{"format":"calm-desk/xapi-queue","pending":[{"id":' });
    const storage = createQueueStorage(backend, { now: () => new Date('2026-11-26T10:00:00Z') });
    expect(storage.load().pending).toEqual([]);
    expect(storage.quarantinedKey()).toBe('calm-desk/backup/xapi-queue/2026-11-26T10:00:00.000Z');
    expect(backend.getItem(storage.quarantinedKey()!)).toMatch(/^\{"format"/);
    expect(backend.getItem(QUEUE_KEY)).toBeNull();
  });

  it('quarantines a queue of the wrong shape (a statement without id)', () => {
    const doc = { format: 'calm-desk/xapi-queue', version: 1, pending: [{ statement: {}, queuedAt: 'x' }], rejected: [], lastError: null, lastDeliveredAt: null };
    const backend = memoryBackend({ [QUEUE_KEY]: JSON.stringify(doc) });
    const storage = createQueueStorage(backend);
    expect(storage.load()).toMatchObject({ pending: [], rejected: [] });
    expect(storage.quarantinedKey()).not.toBeNull();
  });

  it('never writes over a damaged queue it could not copy aside', () => {
    const inner = memoryBackend({ [QUEUE_KEY]: 'garbage' });
    const backend = { ...inner, getItem: inner.getItem, removeItem: inner.removeItem, key: inner.key, length: 0, setItem: () => { throw new Error('full'); } };
    const storage = createQueueStorage(backend);
    expect(storage.load().pending).toEqual([]);
    expect(storage.save({ pending: [], rejected: [], lastError: null, lastDeliveredAt: null })).toBe(false);
    expect(inner.getItem(QUEUE_KEY)).toBe('garbage');
  });

  it('keeps working in memory when storage is full', async () => {
    const backend = memoryBackend();
    const full = { ...backend, getItem: backend.getItem, removeItem: backend.removeItem, key: backend.key, length: 0, setItem: () => { throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' }); } };
    const lrs = fakeLrs();
    const queue = createStatementQueue({ port: createQueueStorage(full), transport: () => lrs.transport, timer: fakeTimer() });
    const list = statements(2);
    expect(queue.enqueue(list).queued).toBe(2);
    expect(queue.status()).toMatchObject({ waiting: 2, lastError: { message: 'browser storage refused to keep the queue' } });
    await queue.drain();
    expect(lrs.stored.size).toBe(2);
  });
});
