/**
 * The xAPI statement queue in browser storage (`calm-desk/xapi-queue`), read and written on every
 * change so several tabs share one queue. A damaged document is copied aside under
 * `calm-desk/backup/xapi-queue/<time>` and the queue starts empty; it never throws.
 *
 * ```ts
 * const storage = createQueueStorage(browserStorage());
 * const queue = createStatementQueue({ port: storage, ... });
 * ```
 */
import { z } from 'zod';
import { emptyQueue, type QueueDoc, type QueuePort } from '../records/xapi/queue.ts';
import type { XapiStatement } from '../records/xapi/types.ts';
import { memoryBackend, type StorageLike } from './backend.ts';
import { BACKUP_PREFIX } from './store.ts';

export const QUEUE_KEY = 'calm-desk/xapi-queue';
export const QUEUE_FORMAT = 'calm-desk/xapi-queue';
export const QUEUE_VERSION = 1;

const isoDate = z.iso.datetime({ offset: true });
/** A statement is checked for what the queue relies on (an object with a string id); the rest is the builder's. */
const statementSchema = z.looseObject({ id: z.string().min(1).max(64) });
const queuedSchema = z.object({ id: z.string().min(1).max(64), statement: statementSchema, queuedAt: isoDate });
const errorSchema = z.object({ message: z.string().max(2000), at: isoDate });

const queueDocSchema = z.object({
  format: z.literal(QUEUE_FORMAT),
  version: z.number().int().min(1),
  pending: z.array(queuedSchema),
  rejected: z.array(queuedSchema.extend({ rejectedAt: isoDate, status: z.number().int(), reason: z.string().max(2000) })),
  lastError: errorSchema.nullable(),
  lastDeliveredAt: isoDate.nullable(),
});

export interface QueueStorage extends QueuePort {
  /** Where a damaged queue was copied, when it was (for the Settings screen). */
  quarantinedKey(): string | null;
}

export interface QueueStorageOptions {
  now?: () => Date;
}

/** The queue's port over `backend` (null or throwing: an in-memory queue for this page). */
export function createQueueStorage(backend: StorageLike | null, options: QueueStorageOptions = {}): QueueStorage {
  const now = options.now ?? (() => new Date());
  const storage = backend ?? memoryBackend();
  let quarantined: string | null = null;
  /** Set when the damaged document could not be copied aside: then it is never written over. */
  let protectedDoc = false;
  let fallback: QueueDoc | null = null;

  const quarantine = (raw: string) => {
    const base = `${BACKUP_PREFIX}xapi-queue/${now().toISOString()}`;
    let key = base;
    try {
      for (let n = 2; storage.getItem(key) !== null; n++) key = `${base}-${n}`;
      storage.setItem(key, raw);
      storage.removeItem(QUEUE_KEY);
      quarantined = key;
    } catch {
      protectedDoc = true;
    }
  };

  return {
    load() {
      if (fallback) return structuredClone(fallback);
      let raw: string | null;
      try {
        raw = storage.getItem(QUEUE_KEY);
      } catch {
        return emptyQueue();
      }
      if (raw === null) return emptyQueue();
      const parsed = queueDocSchema.safeParse(parseJson(raw));
      if (!parsed.success || parsed.data.version > QUEUE_VERSION) {
        quarantine(raw);
        fallback = protectedDoc ? emptyQueue() : null;
        return emptyQueue();
      }
      const { pending, rejected, lastError, lastDeliveredAt } = parsed.data;
      return {
        pending: pending.map((e) => ({ ...e, statement: e.statement as unknown as XapiStatement })),
        rejected: rejected.map((e) => ({ ...e, statement: e.statement as unknown as XapiStatement })),
        lastError,
        lastDeliveredAt,
      };
    },
    save(doc) {
      if (protectedDoc) {
        fallback = structuredClone(doc);
        return false;
      }
      try {
        storage.setItem(QUEUE_KEY, JSON.stringify({ format: QUEUE_FORMAT, version: QUEUE_VERSION, ...doc }));
        return true;
      } catch {
        return false;
      }
    },
    quarantinedKey: () => quarantined,
  };
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
