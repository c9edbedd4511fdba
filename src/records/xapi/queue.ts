/**
 * The statement queue: statements wait in storage (so a reload or a closed tab loses none) and
 * go to the LRS in order, in batches. Each statement has its id from the start, so sending one
 * twice is harmless: the LRS keeps one (and a 409 Conflict means it already has it).
 *
 * - network errors, 5xx, 408 and 429: kept, retried later with exponential backoff and jitter,
 *   never sooner than a `Retry-After` asks;
 * - 401, 403, 404, 405 (wrong key, secret or address): kept, sending pauses until the next
 *   trigger (startup, back online, the next attempt, a settings change);
 * - any other 4xx: a batch is retried one statement at a time, and the one the LRS refuses moves
 *   to the "refused" list the Settings screen shows, so it cannot block the others;
 * - 409 (already there) counts as delivered.
 *
 * Pure: storage, transport and clock come in as ports (tests pass fakes).
 */
import type { XapiStatement } from './types.ts';

export interface QueuedStatement {
  id: string;
  statement: XapiStatement;
  /** ISO time it was queued. */
  queuedAt: string;
}

export interface RejectedStatement extends QueuedStatement {
  rejectedAt: string;
  /** The LRS's HTTP status. */
  status: number;
  reason: string;
}

export interface QueueError {
  message: string;
  /** ISO time. */
  at: string;
}

/** What the queue keeps in storage. */
export interface QueueDoc {
  pending: QueuedStatement[];
  rejected: RejectedStatement[];
  lastError: QueueError | null;
  lastDeliveredAt: string | null;
}

/** Where the queue document lives (`src/storage/xapiQueue.ts` in the browser). Both never throw. */
export interface QueuePort {
  load(): QueueDoc;
  /** False when storage refused (the queue then lives on in memory for this page). */
  save(doc: QueueDoc): boolean;
}

export type SendResult =
  | { ok: true }
  | {
      ok: false;
      /** HTTP status, or null when no answer came (offline, DNS, CORS, timeout). */
      status: number | null;
      /** The `Retry-After` header, when the LRS sent one. */
      retryAfter?: string | null;
      /** Short, credential-free description. */
      message: string;
    };

/** Sends statements to the LRS (one POST per call). */
export interface Transport {
  send(statements: readonly XapiStatement[]): Promise<SendResult>;
}

export interface Timer {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface QueueOptions {
  port: QueuePort;
  /** The transport for the current settings, or null when sending is off. */
  transport: () => Transport | null | Promise<Transport | null>;
  timer: Timer;
  random?: () => number;
  /** Statements per request (default 25). */
  batchSize?: number;
  /** First retry delay (default 2 s) and the longest (default 5 min). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Most statements kept waiting (default 1,000); more are refused and said so. */
  maxPending?: number;
  /** Most refused statements kept for the Settings screen (default 50; the oldest go first). */
  maxRejected?: number;
  /** Runs a drain exclusively across tabs (Web Locks); resolves false when another tab is draining. */
  exclusive?: (work: () => Promise<void>) => Promise<boolean>;
}

export type FailureKind = 'retry' | 'settings' | 'refused' | 'already-there';

export interface QueueStatus {
  waiting: number;
  rejected: RejectedStatement[];
  lastError: QueueError | null;
  lastDeliveredAt: string | null;
  /** When the next automatic try is due (ms clock), or null. */
  nextRetryAt: number | null;
  sending: boolean;
}

export interface StatementQueue {
  /** Stores statements (each with its id) at the end of the queue. Returns how many were queued and refused (queue full). */
  enqueue(statements: readonly XapiStatement[]): { queued: number; refused: number };
  /** Sends what waits, in order, until the queue is empty or the LRS fails; resolves when this drain ends. */
  drain(): Promise<void>;
  status(): QueueStatus;
  /** Called after every change of status. Returns unsubscribe. */
  onChange(listener: (status: QueueStatus) => void): () => void;
  clearRejected(): void;
  /** Cancels a scheduled retry (the page is going away, or tests end). */
  dispose(): void;
}

/** How the queue treats a failed send. */
export function classifyFailure(status: number | null): FailureKind {
  if (status === null || status === 0) return 'retry';
  if (status === 409) return 'already-there';
  if (status === 408 || status === 429 || status >= 500) return 'retry';
  if (status === 401 || status === 403 || status === 404 || status === 405) return 'settings';
  if (status >= 400) return 'refused';
  return 'retry';
}

/** `Retry-After` as milliseconds from `nowMs` (seconds or an HTTP date), or null when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, nowMs: number): number | null {
  if (header === null || header === undefined) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

/** The wait before retry number `failures` (1, 2, …): doubling from `base`, capped at `max`, jittered to 50–100 %. */
export function backoffMs(failures: number, base: number, max: number, random: () => number): number {
  const ceiling = Math.min(max, base * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling * (0.5 + 0.5 * random()));
}

/** Longest `Retry-After` honoured (an hour); a longer one is treated as an hour. */
const MAX_RETRY_AFTER_MS = 3_600_000;

export function createStatementQueue(options: QueueOptions): StatementQueue {
  const { port, timer } = options;
  const random = options.random ?? Math.random;
  const batchSize = Math.max(1, options.batchSize ?? 25);
  const baseDelay = options.baseDelayMs ?? 2000;
  const maxDelay = options.maxDelayMs ?? 300_000;
  const maxPending = options.maxPending ?? 1000;
  const maxRejected = options.maxRejected ?? 50;
  const listeners = new Set<(s: QueueStatus) => void>();

  let failures = 0;
  let retryHandle: unknown = null;
  let nextRetryAt: number | null = null;
  /** Sending is held back until then (a `Retry-After`). */
  let notBefore = 0;
  let draining: Promise<void> | null = null;
  /** Statements still to send one at a time after a batch was refused or conflicted. */
  let singlesLeft = 0;
  let memory: QueueDoc | null = null;

  const iso = () => new Date(timer.now()).toISOString();
  const load = (): QueueDoc => memory ?? port.load();
  const save = (doc: QueueDoc) => {
    // When storage refuses, keep the queue in memory for this page and say so.
    if (port.save(doc)) memory = null;
    else {
      memory = doc;
      if (!doc.lastError?.message.startsWith('browser storage')) doc.lastError = { message: 'browser storage refused to keep the queue', at: iso() };
    }
  };
  const status = (): QueueStatus => {
    const doc = load();
    return {
      waiting: doc.pending.length,
      rejected: doc.rejected.slice(),
      lastError: doc.lastError,
      lastDeliveredAt: doc.lastDeliveredAt,
      nextRetryAt,
      sending: draining !== null,
    };
  };
  const emit = () => {
    const s = status();
    for (const listener of listeners) listener(s);
  };
  const cancelRetry = () => {
    if (retryHandle !== null) timer.clearTimeout(retryHandle);
    retryHandle = null;
    nextRetryAt = null;
  };
  const schedule = (delay: number) => {
    cancelRetry();
    nextRetryAt = timer.now() + delay;
    retryHandle = timer.setTimeout(() => {
      retryHandle = null;
      nextRetryAt = null;
      void queue.drain();
    }, delay);
  };

  async function sendAll(): Promise<void> {
    const transport = await options.transport();
    if (!transport) return;
    for (;;) {
      const head = load();
      if (head.pending.length === 0) {
        failures = 0;
        singlesLeft = 0;
        return;
      }
      const batch = head.pending.slice(0, singlesLeft > 0 ? 1 : batchSize);
      let result: SendResult;
      try {
        result = await transport.send(batch.map((entry) => entry.statement));
      } catch (error) {
        result = { ok: false, status: null, message: error instanceof Error ? error.message : String(error) };
      }
      // Read again: statements may have been queued (here or in another tab) while this one was out.
      const doc = load();
      const ids = new Set(batch.map((entry) => entry.id));
      const kind = result.ok ? 'delivered' : classifyFailure(result.status);
      const at = iso();
      if (kind === 'delivered' || (kind === 'already-there' && batch.length === 1)) {
        doc.pending = doc.pending.filter((entry) => !ids.has(entry.id));
        doc.lastDeliveredAt = at;
        doc.lastError = null;
        failures = 0;
        singlesLeft = Math.max(0, singlesLeft - batch.length);
        save(doc);
        emit();
        continue;
      }
      if (result.ok) continue; // unreachable: narrows `result` for what follows
      const message = result.status === null ? result.message : `HTTP ${result.status}${result.message ? ` (${result.message})` : ''}`;
      if ((kind === 'already-there' || kind === 'refused') && batch.length > 1) {
        // Which statement? Send this batch again one at a time.
        singlesLeft = batch.length;
        continue;
      }
      if (kind === 'refused') {
        const [entry] = batch;
        doc.pending = doc.pending.filter((e) => !ids.has(e.id));
        if (entry) doc.rejected = [...doc.rejected, { ...entry, rejectedAt: at, status: result.status ?? 0, reason: result.message }].slice(-maxRejected);
        doc.lastError = { message, at };
        singlesLeft = Math.max(0, singlesLeft - 1);
        save(doc);
        emit();
        continue;
      }
      doc.lastError = { message, at };
      save(doc);
      if (kind === 'settings') return; // wait for a trigger: retrying will not fix a wrong key or address
      failures += 1;
      const asked = retryAfterMs(result.retryAfter, timer.now());
      const backoff = backoffMs(failures, baseDelay, maxDelay, random);
      const delay = asked === null ? backoff : Math.max(backoff, Math.min(asked, MAX_RETRY_AFTER_MS));
      if (asked !== null) notBefore = timer.now() + delay;
      schedule(delay);
      return;
    }
  }

  const queue: StatementQueue = {
    enqueue(statements) {
      const doc = load();
      const have = new Set(doc.pending.map((e) => e.id));
      const at = iso();
      let queued = 0;
      let refused = 0;
      for (const statement of statements) {
        if (have.has(statement.id)) continue;
        if (doc.pending.length >= maxPending) {
          refused += 1;
          continue;
        }
        have.add(statement.id);
        doc.pending.push({ id: statement.id, statement, queuedAt: at });
        queued += 1;
      }
      if (refused > 0) doc.lastError = { message: `the waiting list is full (${maxPending} statements); ${refused} not kept`, at };
      if (queued > 0 || refused > 0) {
        save(doc);
        emit();
      }
      return { queued, refused };
    },
    drain() {
      if (draining) return draining;
      if (timer.now() < notBefore) {
        // The LRS asked us to wait (Retry-After): keep the scheduled try.
        if (retryHandle === null) schedule(notBefore - timer.now());
        return Promise.resolve();
      }
      cancelRetry();
      const run = async () => {
        try {
          if (options.exclusive) await options.exclusive(sendAll);
          else await sendAll();
        } catch (error) {
          const doc = load();
          doc.lastError = { message: error instanceof Error ? error.message : String(error), at: iso() };
          save(doc);
        }
      };
      draining = run().finally(() => {
        draining = null;
        emit();
      });
      emit();
      return draining;
    },
    status,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clearRejected() {
      const doc = load();
      doc.rejected = [];
      save(doc);
      emit();
    },
    dispose() {
      cancelRetry();
      listeners.clear();
    },
  };
  return queue;
}

/** An empty queue document. */
export function emptyQueue(): QueueDoc {
  return { pending: [], rejected: [], lastError: null, lastDeliveredAt: null };
}
