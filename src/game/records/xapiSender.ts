/**
 * The xAPI sender in the browser: turns reported attempts into statements, queues them in
 * storage and drains the queue on startup, when the browser comes back online and after each
 * attempt. Nothing is queued or sent while no LRS is configured (Settings or the launch address).
 * Loaded after the first screen by `./index.ts`.
 */
import { parseLaunch, resolveXapiConfig, type LaunchReading, type XapiConfig } from '../../records/xapi/launch.ts';
import { createStatementQueue, type QueueStatus, type SendResult, type StatementQueue, type Transport } from '../../records/xapi/queue.ts';
import {
  completedStatement,
  decisionStatement,
  initializedStatement,
  testStatement,
  uuidV4,
  type StatementBase,
} from '../../records/xapi/statements.ts';
import type { XapiStatement } from '../../records/xapi/types.ts';
import { TRUST_RUINERS } from '../../scenario/vocabulary.ts';
import { browserStorage } from '../../storage/backend.ts';
import { createQueueStorage } from '../../storage/xapiQueue.ts';
import type { AttemptDecided, AttemptFinished, AttemptStarted, Reporter } from '../reporting.ts';
import type { Services } from '../services.ts';
import { createXapiTransport } from './transport.ts';

/** The configuration as the Settings screen may show it: never the credentials. */
export type PublicConfig =
  | { kind: 'off' }
  | { kind: 'incomplete'; missing: 'endpoint' | 'actor' | 'activityBase' | 'launch'; problems: string[] }
  | { kind: 'ready'; source: 'settings' | 'launch'; host: string };

export interface SenderStatus {
  config: PublicConfig;
  queue: QueueStatus;
  /** Where a damaged queue was copied, when it was. */
  quarantinedKey: string | null;
}

export type TestOutcome = { kind: 'not-ready' } | { kind: 'ok'; at: Date } | { kind: 'refused'; reason: string } | { kind: 'unreachable'; reason: string };

export interface XapiSender extends Reporter {
  status(): SenderStatus;
  onChange(listener: (status: SenderStatus) => void): () => void;
  /** Settings changed: use the new LRS (if it changed) and try again. */
  settingsChanged(): void;
  /** Sends one connection-test statement straight away (not queued). */
  sendTest(): Promise<TestOutcome>;
  clearRejected(): void;
  drain(): Promise<void>;
}

export function createXapiSender(s: Services, search: string = location.search): XapiSender {
  const launch: LaunchReading = parseLaunch(search);
  let config: XapiConfig = resolveXapiConfig(s.settings().records, launch);
  let configKey = keyOf(config);
  let transport: { key: string; value: Promise<Transport> } | null = null;
  const storage = createQueueStorage(browserStorage());

  const currentTransport = (): Promise<Transport> | null => {
    if (config.kind !== 'ready') return null;
    if (!transport || transport.key !== configKey) transport = { key: configKey, value: createXapiTransport(config) };
    return transport.value;
  };

  const queue: StatementQueue = createStatementQueue({
    port: storage,
    transport: () => currentTransport(),
    timer: { now: () => Date.now(), setTimeout: (fn, ms) => window.setTimeout(fn, ms), clearTimeout: (h) => window.clearTimeout(h as number) },
    exclusive: webLock(),
  });

  const status = (): SenderStatus => ({ config: publicConfig(config), queue: queue.status(), quarantinedKey: storage.quarantinedKey() });
  const listeners = new Set<(st: SenderStatus) => void>();
  queue.onChange(() => {
    const st = status();
    for (const l of listeners) l(st);
  });

  const baseFor = (event: AttemptStarted): StatementBase | null => {
    if (config.kind !== 'ready') return null;
    const { scenario } = event;
    return {
      id: uuidV4(),
      timestamp: new Date(),
      actor: config.actor,
      activityBase: config.activityBase,
      ...(config.registration ? { registration: config.registration } : {}),
      attemptId: event.attemptId,
      scenario: { id: scenario.id, title: scenario.title, language: scenario.language, summary: scenario.summary },
    };
  };
  const enqueue = (statement: XapiStatement | null) => {
    if (statement) queue.enqueue([statement]);
  };

  window.addEventListener('online', () => void queue.drain());
  void queue.drain();

  return {
    started(event) {
      const base = baseFor(event);
      enqueue(base && initializedStatement(base));
    },
    decided(event: AttemptDecided) {
      const base = baseFor(event);
      if (!base) return;
      const d = event.decision;
      const node = event.scenario.nodes[d.nodeId];
      const offered = d.visibleReplyIds ?? node?.replies.map((r) => r.id) ?? [];
      const choices = offered.map((id) => ({ id, text: node?.replies.find((r) => r.id === id)?.say ?? '' }));
      enqueue(
        decisionStatement(base, {
          index: d.index,
          nodeId: d.nodeId,
          kind: d.kind,
          choiceId: d.choiceId,
          replyText: event.replyText,
          choices,
          tags: d.tags,
          moodBefore: d.moodBefore,
          moodAfter: d.moodAfter,
          interrupted: d.interrupted,
          responseMs: d.responseMs,
        }),
      );
    },
    finished(event: AttemptFinished) {
      const base = baseFor(event);
      if (!base || config.kind !== 'ready') return;
      const { score, record } = event.result;
      enqueue(
        completedStatement(base, {
          overall: score.overall,
          passMark: config.passMark,
          autoFail: score.autoFail?.reason ?? null,
          virtues: score.virtues,
          ruiners: Object.fromEntries(TRUST_RUINERS.map((r) => [r, score.trustRuiners[r].count])) as Record<(typeof TRUST_RUINERS)[number], number>,
          outcome: score.outcome ?? 'unresolved',
          satisfaction: record.satisfaction ?? Math.round(score.satisfaction),
          interruptions: score.patience.interruptions,
          waits: score.waits.count,
          durationMs: event.finishedAt.getTime() - event.startedAt.getTime(),
        }),
      );
      void queue.drain();
    },
    status,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    settingsChanged() {
      const next = resolveXapiConfig(s.settings().records, launch);
      const key = keyOf(next);
      const passMarkChanged = next.kind === 'ready' && config.kind === 'ready' && next.passMark !== config.passMark;
      if (key === configKey && !passMarkChanged) return;
      config = next;
      configKey = key;
      for (const l of listeners) l(status());
      void queue.drain();
    },
    async sendTest() {
      const t = currentTransport();
      if (config.kind !== 'ready' || !t) return { kind: 'not-ready' };
      const statement = testStatement({ id: uuidV4(), timestamp: new Date(), actor: config.actor, activityBase: config.activityBase, ...(config.registration ? { registration: config.registration } : {}) });
      let result: SendResult;
      try {
        result = await (await t).send([statement]);
      } catch (error) {
        result = { ok: false, status: null, message: error instanceof Error ? error.message : String(error) };
      }
      if (result.ok) {
        // The LRS answers: a good moment to send what waits.
        void queue.drain();
        return { kind: 'ok', at: new Date() };
      }
      if (result.status === null) return { kind: 'unreachable', reason: result.message };
      return { kind: 'refused', reason: `HTTP ${result.status}${result.message ? ` (${result.message})` : ''}` };
    },
    clearRejected: () => queue.clearRejected(),
    drain: () => queue.drain(),
  };
}

/** Identifies a configuration without keeping its secret in the clear longer than needed. */
function keyOf(config: XapiConfig): string {
  if (config.kind !== 'ready') return config.kind;
  return JSON.stringify([config.endpoint, config.auth, config.actor, config.activityBase, config.registration ?? '']);
}

function publicConfig(config: XapiConfig): PublicConfig {
  if (config.kind === 'off') return { kind: 'off' };
  if (config.kind === 'incomplete') return { kind: 'incomplete', missing: config.missing, problems: config.problems ?? [] };
  let host = config.endpoint;
  try {
    host = new URL(config.endpoint).host;
  } catch {
    // keep the endpoint as it is
  }
  return { kind: 'ready', source: config.source, host };
}

/** Lets one tab at a time drain the shared queue (Web Locks); other tabs skip. */
function webLock(): ((work: () => Promise<void>) => Promise<boolean>) | undefined {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return undefined;
  return (work) =>
    locks.request('calm-desk/xapi-queue', { ifAvailable: true }, async (lock) => {
      if (!lock) return false;
      await work();
      return true;
    });
}
