/**
 * Classroom addresses: `?mode=room` opens the projector's scenario chooser, `?mode=room&session=<id>`
 * the projector view of a session, `?mode=presenter&session=<id>` the presenter view of it.
 */
export type RoomRoute = { mode: 'room'; session: string | null } | { mode: 'presenter'; session: string };

const ID = /^[a-z0-9-]{1,100}$/i;

/** The room route in a query string, or null for normal play. */
export function parseRoomUrl(search: string): RoomRoute | null {
  const params = new URLSearchParams(search);
  const mode = params.get('mode');
  const raw = params.get('session');
  const session = raw !== null && ID.test(raw) ? raw : null;
  if (mode === 'room') return { mode: 'room', session };
  if (mode === 'presenter' && session) return { mode: 'presenter', session };
  if (mode === 'presenter') return { mode: 'room', session: null };
  return null;
}

/** The query string for a route, keeping other parameters of `search`. */
export function roomSearch(route: RoomRoute, search = ''): string {
  const params = new URLSearchParams(search);
  params.set('mode', route.mode);
  if (route.session) params.set('session', route.session);
  else params.delete('session');
  return `?${params.toString()}`;
}
