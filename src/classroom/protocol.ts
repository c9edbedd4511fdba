/**
 * The messages the projector and presenter windows exchange over a BroadcastChannel. Versioned and
 * validated: a message from another version or a damaged one is dropped (and reported to the
 * caller), never acted on.
 *
 * - `hello`: a window opened (or reloaded) and wants the current state.
 * - `state`: the projector's whole session after a change, with the conversation's live figures.
 * - `command`: the presenter asks the projector to do something (the projector owns the conversation).
 * - `bye`: a window is closing.
 *
 * @example
 * channel.postMessage(message({ type: 'command', sessionId, command: { type: 'reveal' } }));
 * channel.onmessage = (e) => { const m = parseMessage(e.data); if (m.message?.type === 'state') render(m.message.session); };
 */
import { z } from 'zod';
import type { RoomCommand } from './commands.ts';
import { ROOM_VERSION, roomSessionSchema, type RoomSession } from './session.ts';

/** Channel name for a session: each session gets its own channel. */
export function channelName(sessionId: string): string {
  return `calm-desk-room-${sessionId}`;
}

export type RoomRole = 'projector' | 'presenter';

/** Live figures the presenter shows that are not part of the stored session. */
export interface LiveFigures {
  phase: 'speaking' | 'awaiting' | 'reacting' | 'paused' | 'ended' | 'idle';
  /** Conversation time in ms (pauses and, outside the hot seat, discussions excluded). */
  conversationMs: number;
}

export type RoomMessage =
  | { v: typeof ROOM_VERSION; type: 'hello'; sessionId: string; from: RoomRole }
  | { v: typeof ROOM_VERSION; type: 'state'; sessionId: string; session: RoomSession; live: LiveFigures }
  | { v: typeof ROOM_VERSION; type: 'command'; sessionId: string; command: RoomCommand }
  | { v: typeof ROOM_VERSION; type: 'bye'; sessionId: string; from: RoomRole };

const digit = z.number().int().min(0).max(9);
const commandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('choose'), replyId: z.string() }),
  z.object({ type: z.literal('letter'), index: z.number().int().min(0).max(8) }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('reveal') }),
  z.object({ type: z.literal('stepBack') }),
  z.object({ type: z.literal('blank') }),
  z.object({ type: z.literal('help') }),
  z.object({ type: z.literal('hotSeat') }),
  z.object({ type: z.literal('panel') }),
  z.object({ type: z.literal('next') }),
  z.object({ type: z.literal('previous') }),
  z.object({ type: z.literal('vote.open') }),
  z.object({ type: z.literal('vote.cancel') }),
  z.object({ type: z.literal('vote.digit'), digit }),
  z.object({ type: z.literal('vote.backspace') }),
  z.object({ type: z.literal('vote.set'), replyId: z.string(), count: z.number().int().min(0).max(999) }),
  z.object({ type: z.literal('vote.enter') }),
  z.object({ type: z.literal('summary') }),
  z.object({ type: z.literal('close') }),
]);

const role = z.enum(['projector', 'presenter']);
const base = { v: z.literal(ROOM_VERSION), sessionId: z.string().min(1) };
const messageSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('hello'), from: role }),
  z.object({
    ...base,
    type: z.literal('state'),
    session: roomSessionSchema,
    live: z.object({ phase: z.enum(['speaking', 'awaiting', 'reacting', 'paused', 'ended', 'idle']), conversationMs: z.number().min(0) }),
  }),
  z.object({ ...base, type: z.literal('command'), command: commandSchema }),
  z.object({ ...base, type: z.literal('bye'), from: role }),
]);

export type MessageRead = { message: RoomMessage; problem: null } | { message: null; problem: string };

/** Validate a message from the channel. Never throws. */
export function parseMessage(data: unknown): MessageRead {
  const result = messageSchema.safeParse(data);
  if (result.success) return { message: result.data as RoomMessage, problem: null };
  const version = typeof data === 'object' && data !== null ? (data as { v?: unknown }).v : undefined;
  if (version !== undefined && version !== ROOM_VERSION) {
    return { message: null, problem: `A window of another Calm Desk version (room protocol ${String(version)}) sent a message; reload both windows.` };
  }
  const issue = result.error.issues[0];
  return { message: null, problem: `Ignored a malformed room message (${issue?.path.join('.') || 'message'}: ${issue?.message ?? 'invalid'}).` };
}

/** Validate a command on its own (e.g. typed into a test console). */
export function isRoomCommand(value: unknown): value is RoomCommand {
  return commandSchema.safeParse(value).success;
}

/** A message of the current version. */
export function message<M extends Omit<RoomMessage, 'v'>>(body: M): M & { v: typeof ROOM_VERSION } {
  return { v: ROOM_VERSION, ...body };
}
