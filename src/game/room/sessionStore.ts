/**
 * Room sessions in localStorage: one key per session and a pointer to the latest one, so either
 * window can reload and pick the session up. Both windows are the same origin, so they share it.
 * A write that fails (storage full or blocked) is reported, and the session goes on in memory.
 */
import { parseSession, sessionKey, type RoomSession, type SessionRead } from '../../classroom/session.ts';

const LATEST = 'calm-desk/room/latest';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Read session `id`; a damaged record is reported, not thrown. */
export function loadSession(id: string): SessionRead {
  const store = storage();
  const text = store?.getItem(sessionKey(id)) ?? null;
  if (text === null) return { session: null, problem: `No session "${id}" is stored in this browser.` };
  try {
    return parseSession(JSON.parse(text));
  } catch {
    return { session: null, problem: `The session "${id}" is not valid JSON.` };
  }
}

/** Save a session (and remember it as the latest); false when storage refused it. */
export function saveSession(session: RoomSession): boolean {
  const store = storage();
  if (!store) return false;
  try {
    store.setItem(sessionKey(session.id), JSON.stringify(session));
    store.setItem(LATEST, session.id);
    return true;
  } catch {
    return false;
  }
}

/** The latest session in this browser, if it can be read. */
export function latestSession(): RoomSession | null {
  const id = storage()?.getItem(LATEST);
  return id ? loadSession(id).session : null;
}

/** Forget the latest pointer (the session itself stays until replaced). */
export function clearLatest(): void {
  try {
    storage()?.removeItem(LATEST);
  } catch {
    // Nothing to do: the pointer only offers "continue".
  }
}
