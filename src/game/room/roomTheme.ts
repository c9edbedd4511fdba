/** Puts the room's colours (ROOM_THEME) on an element as CSS custom properties (`--room-ink`, ...). */
import { ROOM_THEME } from '../../presenter/roomTheme.ts';

export function applyRoomTheme(element: HTMLElement): void {
  for (const [name, value] of Object.entries(ROOM_THEME)) {
    element.style.setProperty(`--room-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, value);
  }
}
