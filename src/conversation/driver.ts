/**
 * The conversation's real time. The driver watches a conversation actor, times the customer's
 * lines (recorded voice length when known, else text length at a reading speed), tells the
 * machine when each line starts and when the customer has finished, runs the silence timer
 * once replies are open, and stops every timer while paused (elapsed time excludes pauses).
 *
 * @example
 * const actor = createActor(createConversationMachine(scenario));
 * const driver = createConversationDriver(actor, createRealClock(), { charsPerSecond: READING_SPEEDS.slow });
 * driver.onLine(({ line }) => showCaption(line.text));
 * driver.choose('acknowledge');
 * driver.dispose(); // clears every timer and subscription, stops the actor
 */
import type { Actor } from 'xstate';
import type { CustomerLine } from '../scenario/model.ts';
import type { Clock } from './clock.ts';
import { DEFAULT_CHARS_PER_SECOND, LINE_GAP_MS } from './constants.ts';
import type { ConversationMachine } from './machine.ts';
import { selectCustomerLines, selectPhase, selectSilenceSeconds, type ConversationSnapshotLike } from './selectors.ts';
import { lineDurations, type LinePlan, planLines } from './timing.ts';

export interface DriverOptions {
  /** Length of a line's recorded voice in ms, when known (else the text length decides). */
  voiceDurationMs?: (line: CustomerLine) => number | undefined;
  /** Reading speed for lines without a voice; defaults to the normal speed (15). */
  charsPerSecond?: number;
  /** Pause between two lines in ms. */
  lineGapMs?: number;
}

/** A customer line starting, for captions and voice playback. */
export interface LineStartEvent {
  nodeId: string;
  /** Index in the node's `says` (also when the customer picks up again after being cut off), or -1 for a reaction line. */
  lineIndex: number;
  line: CustomerLine;
  cause: 'node' | 'interrupted' | 'silence';
  /** Conversation time the line starts at (ms, pauses excluded). */
  at: number;
  durationMs: number;
}

/** Where the current turn is, for progress bars and captions. */
export interface DriverProgress {
  /** Index among the turn's lines of the line being spoken (or last spoken); -1 before any. */
  lineIndex: number;
  /** How much of that line has been spoken, 0..1. */
  lineProgress: number;
  /** How much of the silence time has passed, 0..1; null when no silence timer runs. */
  silenceProgress: number | null;
  /** Ms the customer still has to speak in this turn (0 once finished). */
  remainingSpeechMs: number;
}

export interface ConversationDriver {
  readonly actor: Actor<ConversationMachine>;
  /** Chooses a reply now (before the customer finished, this interrupts where the node allows it). */
  choose(choiceId: string): void;
  pause(): void;
  resume(): void;
  /** Goes back to just before decision `k` (0-based) and replays from there. */
  rewind(k: number): void;
  /** Starts the conversation over; time starts again from 0. */
  restart(): void;
  /** Reading speed for lines without a voice, from the next turn on. */
  setCharsPerSecond(charsPerSecond: number): void;
  /** Conversation time in ms (pauses excluded). */
  elapsedMs(): number;
  progress(): DriverProgress;
  /** Calls `listener` whenever a customer line starts; returns an unsubscribe function. */
  onLine(listener: (event: LineStartEvent) => void): () => void;
  /** Clears every timer and subscription and stops the actor. Safe to call twice. */
  dispose(): void;
}

interface Scheduled {
  due: number;
  run: () => void;
}

interface TurnPlan {
  key: string;
  startedAt: number;
  lines: LinePlan[];
  finishAt: number;
  silence: { startedAt: number; durationMs: number } | null;
}

/** Wires a conversation actor to a clock. Starts the actor if it is not running yet. */
export function createConversationDriver(
  actor: Actor<ConversationMachine>,
  clock: Clock,
  options: DriverOptions = {},
): ConversationDriver {
  let charsPerSecond = validSpeed(options.charsPerSecond) ?? DEFAULT_CHARS_PER_SECOND;
  const gapMs = options.lineGapMs ?? LINE_GAP_MS;
  let origin = clock.now();
  let pausedTotal = 0;
  let frozenAt: number | null = null;
  let disposed = false;
  let handle: unknown = null;
  let schedule: Scheduled[] = [];
  let plan: TurnPlan | null = null;
  const listeners = new Set<(event: LineStartEvent) => void>();

  const elapsed = (): number => {
    const now = clock.now();
    return Math.max(0, now - origin - pausedTotal - (frozenAt === null ? 0 : now - frozenAt));
  };
  const at = (): number => Math.round(elapsed());

  const disarm = (): void => {
    if (handle !== null) clock.clearTimeout(handle);
    handle = null;
  };
  const arm = (): void => {
    disarm();
    if (disposed || frozenAt !== null || schedule.length === 0) return;
    const due = Math.min(...schedule.map((item) => item.due));
    handle = clock.setTimeout(tick, Math.max(0, due - elapsed()));
  };
  function tick(): void {
    handle = null;
    for (;;) {
      if (disposed || frozenAt !== null) break;
      const now = elapsed();
      const next = schedule.filter((item) => item.due <= now + 0.5).sort((a, b) => a.due - b.due)[0];
      if (!next) break;
      schedule = schedule.filter((item) => item !== next);
      next.run();
    }
    arm();
  }

  const send = (event: Parameters<typeof actor.send>[0]): void => {
    if (!disposed) actor.send(event);
  };

  const emitLine = (snapshot: ConversationSnapshotLike, turnLine: LinePlan, cause: LineStartEvent['cause']): void => {
    const event: LineStartEvent = {
      nodeId: snapshot.context.nodeId,
      lineIndex: cause === 'node' ? snapshot.context.lineOffset + turnLine.index : -1,
      line: turnLine.line,
      cause,
      at: at(),
      durationMs: turnLine.durationMs,
    };
    for (const listener of [...listeners]) listener(event);
  };

  const planSpeaking = (snapshot: ConversationSnapshotLike, key: string, reacting: boolean): void => {
    const lines = selectCustomerLines(snapshot);
    const durations = lineDurations(lines, { charsPerSecond, voiceDurationMs: options.voiceDurationMs });
    const startedAt = elapsed();
    const planned = planLines(lines, durations, gapMs);
    const cause: LineStartEvent['cause'] = reacting ? (snapshot.context.pending?.reaction?.cause ?? 'interrupted') : 'node';
    const total = planned.length === 0 ? 0 : planned[planned.length - 1]!.startMs + planned[planned.length - 1]!.durationMs;
    plan = { key, startedAt, lines: planned, finishAt: startedAt + total, silence: null };
    schedule = planned.map((turnLine) => ({
      due: startedAt + turnLine.startMs,
      run: () => {
        send({ type: 'customer.startedLine', index: turnLine.index, at: at() });
        emitLine(actor.getSnapshot(), turnLine, cause);
      },
    }));
    schedule.push({ due: startedAt + total, run: () => send({ type: 'customer.finishedSpeaking', at: at() }) });
  };

  const planAwaiting = (snapshot: ConversationSnapshotLike, key: string): void => {
    const seconds = selectSilenceSeconds(snapshot);
    const startedAt = elapsed();
    const durationMs = seconds === null ? 0 : seconds * 1000;
    plan = { key, startedAt, lines: plan?.lines ?? [], finishAt: plan?.finishAt ?? startedAt, silence: null };
    schedule = [];
    if (seconds === null) return;
    plan.silence = { startedAt, durationMs };
    schedule.push({ due: startedAt + durationMs, run: () => send({ type: 'trainee.silent', at: at() }) });
  };

  const onSnapshot = (snapshot: ConversationSnapshotLike): void => {
    if (disposed) return;
    const phase = selectPhase(snapshot);
    if (phase === 'paused') {
      if (frozenAt === null) frozenAt = clock.now();
      disarm();
      return;
    }
    if (frozenAt !== null) {
      pausedTotal += clock.now() - frozenAt;
      frozenAt = null;
    }
    const key = `${phase}:${snapshot.context.turn}`;
    if (plan?.key !== key) {
      if (phase === 'speaking' || phase === 'reacting') planSpeaking(snapshot, key, phase === 'reacting');
      else if (phase === 'awaiting') planAwaiting(snapshot, key);
      else {
        plan = { key, startedAt: elapsed(), lines: [], finishAt: elapsed(), silence: null };
        schedule = [];
      }
    }
    arm();
  };

  const subscription = actor.subscribe({ next: onSnapshot, error: () => undefined });
  actor.start();
  // A restored conversation (e.g. a replay from a saved snapshot) continues its own timeline.
  origin = clock.now() - Math.max(0, actor.getSnapshot().context.lastAt);
  onSnapshot(actor.getSnapshot());

  const driver: ConversationDriver = {
    actor,
    choose(choiceId) {
      const remainingMs = plan ? Math.max(0, plan.finishAt - elapsed()) : 0;
      send({ type: 'trainee.choose', choiceId, at: at(), remainingMs: Math.round(remainingMs) });
    },
    pause: () => send({ type: 'session.pause', at: at() }),
    resume: () => send({ type: 'session.resume', at: at() }),
    rewind: (k) => send({ type: 'session.rewind', decision: k, at: at() }),
    restart() {
      if (disposed) return;
      origin = clock.now();
      pausedTotal = 0;
      frozenAt = null;
      plan = null;
      send({ type: 'session.restart', at: 0 });
    },
    setCharsPerSecond(value) {
      charsPerSecond = validSpeed(value) ?? charsPerSecond;
    },
    elapsedMs: elapsed,
    progress: () => progressOf(plan, elapsed()),
    onLine(listener) {
      if (disposed) return () => undefined;
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      disarm();
      schedule = [];
      listeners.clear();
      subscription.unsubscribe();
      actor.stop();
    },
  };
  return driver;
}

function validSpeed(value: number | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

function progressOf(plan: TurnPlan | null, now: number): DriverProgress {
  if (!plan) return { lineIndex: -1, lineProgress: 0, silenceProgress: null, remainingSpeechMs: 0 };
  let lineIndex = -1;
  let lineProgress = 0;
  for (const [i, line] of plan.lines.entries()) {
    const start = plan.startedAt + line.startMs;
    if (now < start) break;
    lineIndex = i;
    lineProgress = line.durationMs <= 0 ? 1 : Math.min(1, (now - start) / line.durationMs);
  }
  const silenceProgress = plan.silence
    ? Math.min(1, Math.max(0, (now - plan.silence.startedAt) / Math.max(1, plan.silence.durationMs)))
    : null;
  return { lineIndex, lineProgress, silenceProgress, remainingSpeechMs: Math.max(0, plan.finishAt - now) };
}
