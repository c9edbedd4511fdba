/**
 * A classroom session: one scenario played by a room, led by a trainer. Everything the projector
 * and the presenter windows need to pick the session up again lives here, as plain JSON: the
 * conversation machine's persisted snapshot (the transcript is inside it), the votes taken at each
 * decision, what was revealed, the hot-seat flag, the step-back history and when it started.
 *
 * The session is data, validated with zod when read back, so a damaged or older record is reported
 * (never thrown) and the trainer starts a fresh session instead of a broken one.
 *
 * @example
 * const session = newSession({ id: 'abc', file: 'scenarios/kettle.en.yaml', scenarioId: 'kettle', title: 'Kettle', now: Date.now() });
 * const read = parseSession(JSON.parse(localStorage.getItem(sessionKey('abc')) ?? 'null'));
 * if (read.session) resume(read.session); else console.warn(read.problem);
 */
import { z } from 'zod';

/** Version of the stored session and of the sync messages; bump when either changes shape. */
export const ROOM_VERSION = 1;

/** A vote round in progress at the current decision. */
export interface VoteRound {
  /** 0-based index of the decision being voted on (the machine's next decision). */
  decision: number;
  nodeId: string;
  /** Reply ids on offer, in the order the room sees them (A, B, C, D). */
  replyIds: string[];
  /** Hands per reply id. */
  counts: Record<string, number>;
  /** Index in `replyIds` of the reply whose hands the number keys fill now; `replyIds.length` once all are in. */
  focus: number;
  /** True until the first digit is typed for the focused reply (a digit then replaces, later ones append). */
  fresh: boolean;
}

/** A decision the room voted on (or the trainer picked during a vote). */
export interface VoteRecord {
  decision: number;
  nodeId: string;
  replyIds: string[];
  counts: Record<string, number>;
  /** The reply that was played. */
  chosen: string;
  /** `vote`: the most hands; `trainer`: the trainer picked (a tie, or their call). */
  by: 'vote' | 'trainer';
  /** Set when the room later stepped back past this decision: kept for the record, not on the class path. */
  superseded: boolean;
}

/** One step back: from how many decisions made to how many. */
export interface StepBack {
  at: number;
  from: number;
  to: number;
}

export type RoomScreen = 'conversation' | 'summary';

export interface RoomSession {
  version: typeof ROOM_VERSION;
  id: string;
  /** Catalog path of the scenario file. */
  file: string;
  scenarioId: string;
  title: string;
  /** Wall-clock ms (Date.now()) when the session started and last changed. */
  createdAt: number;
  updatedAt: number;
  /** Increases with every change; a window ignores states older than the one it has. */
  seq: number;
  /** The conversation actor's persisted snapshot; null before the customer first speaks. */
  snapshot: unknown;
  /** Real time is on for a volunteer: interrupting and silence count again. */
  hotSeat: boolean;
  /** The trainer paused to discuss. */
  paused: boolean;
  /** The projector shows a blank screen. */
  blank: boolean;
  /** The key help is shown on the projector. */
  help: boolean;
  /** One screen only: the trainer panel is shown beside the projector view. */
  panel: boolean;
  vote: VoteRound | null;
  votes: VoteRecord[];
  /** The decision whose effect the projector shows now; null when nothing is revealed. */
  reveal: number | null;
  /** Decisions revealed at least once. */
  revealed: number[];
  stepBacks: StepBack[];
  screen: RoomScreen;
  /** Summary page: 0 overview, 1 vote splits, 2.. the self-analysis questions. */
  page: number;
}

const counts = z.record(z.string(), z.number().int().min(0).max(999));

const voteRound = z.object({
  decision: z.number().int().min(0),
  nodeId: z.string(),
  replyIds: z.array(z.string()).max(9),
  counts,
  focus: z.number().int().min(0),
  fresh: z.boolean(),
});

const voteRecord = z.object({
  decision: z.number().int().min(0),
  nodeId: z.string(),
  replyIds: z.array(z.string()).max(9),
  counts,
  chosen: z.string(),
  by: z.enum(['vote', 'trainer']),
  superseded: z.boolean(),
});

/** The stored session's schema (also used for sessions that arrive from the other window). */
export const roomSessionSchema = z.object({
  version: z.literal(ROOM_VERSION),
  id: z.string().min(1).max(100),
  file: z.string().min(1),
  scenarioId: z.string(),
  title: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  seq: z.number().int().min(0),
  snapshot: z.unknown(),
  hotSeat: z.boolean(),
  paused: z.boolean(),
  blank: z.boolean(),
  help: z.boolean(),
  panel: z.boolean(),
  vote: voteRound.nullable(),
  votes: z.array(voteRecord),
  reveal: z.number().int().min(0).nullable(),
  revealed: z.array(z.number().int().min(0)),
  stepBacks: z.array(z.object({ at: z.number(), from: z.number().int().min(0), to: z.number().int().min(0) })),
  screen: z.enum(['conversation', 'summary']),
  page: z.number().int().min(0),
});

export interface NewSessionInput {
  id: string;
  file: string;
  scenarioId: string;
  title: string;
  now: number;
}

/** A fresh session: nothing said yet, timers off, nothing revealed. */
export function newSession(input: NewSessionInput): RoomSession {
  return {
    version: ROOM_VERSION,
    id: input.id,
    file: input.file,
    scenarioId: input.scenarioId,
    title: input.title,
    createdAt: input.now,
    updatedAt: input.now,
    seq: 0,
    snapshot: null,
    hotSeat: false,
    paused: false,
    blank: false,
    help: false,
    panel: false,
    vote: null,
    votes: [],
    reveal: null,
    revealed: [],
    stepBacks: [],
    screen: 'conversation',
    page: 0,
  };
}

export type SessionRead = { session: RoomSession; problem: null } | { session: null; problem: string };

/** Read a session from untrusted JSON (storage, the other window). Never throws. */
export function parseSession(value: unknown): SessionRead {
  if (value === null || value === undefined) return { session: null, problem: 'No session is stored.' };
  const result = roomSessionSchema.safeParse(value);
  if (result.success) return { session: result.data as RoomSession, problem: null };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the session';
  return { session: null, problem: `The stored session is not usable (${where}: ${issue?.message ?? 'invalid'}); start a new session.` };
}

/** localStorage key of a session. */
export function sessionKey(id: string): string {
  return `calm-desk/room/${id}`;
}

/** A short random id for a new session, e.g. `k3f9x2`. */
export function newSessionId(random: () => number = Math.random): string {
  let id = '';
  for (let i = 0; i < 8; i++) id += 'abcdefghijkmnpqrstuvwxyz23456789'[Math.floor(random() * 32)] ?? 'a';
  return id;
}

/** Votes still on the class path (not stepped back past), by decision index. */
export function activeVotes(session: Pick<RoomSession, 'votes'>): Map<number, VoteRecord> {
  const map = new Map<number, VoteRecord>();
  for (const vote of session.votes) if (!vote.superseded) map.set(vote.decision, vote);
  return map;
}
