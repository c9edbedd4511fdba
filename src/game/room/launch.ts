/**
 * Entering classroom mode. The room's scenes load on demand (the first screen stays small): the
 * first call adds them to the game, then starts the one the route asks for.
 *
 * ```ts
 * await openRoom(this, { mode: 'room', session: null }); // the scenario chooser
 * ```
 */
import type * as Phaser from 'phaser';
import type { RoomRoute } from '../../classroom/url.ts';
import { roomSearch } from '../../classroom/url.ts';
import { downloadText } from '../../storage/files.ts';

type SceneClass = new () => Phaser.Scene;

async function ensureRoomScenes(scene: Phaser.Scene): Promise<void> {
  const manager = scene.scene.manager;
  const modules: Array<[string, () => Promise<Record<string, SceneClass>>]> = [
    ['RoomChooser', () => import('../scenes/RoomChooser.ts') as Promise<Record<string, SceneClass>>],
    ['RoomProjector', () => import('../scenes/RoomProjector.ts') as Promise<Record<string, SceneClass>>],
    ['RoomPresenter', () => import('../scenes/RoomPresenter.ts') as Promise<Record<string, SceneClass>>],
  ];
  await Promise.all(
    modules.map(async ([key, load]) => {
      if (manager.keys[key]) return;
      const SceneType = (await load())[key];
      if (SceneType && !manager.keys[key]) scene.scene.add(key, SceneType, false);
    }),
  );
}

/** Start the room scene for `route`, and show the route in the address bar so a reload returns to it. */
export async function openRoom(scene: Phaser.Scene, route: RoomRoute): Promise<void> {
  await ensureRoomScenes(scene);
  setAddress(route);
  if (route.mode === 'presenter') scene.scene.start('RoomPresenter', { sessionId: route.session });
  else if (route.session) scene.scene.start('RoomProjector', { sessionId: route.session });
  else scene.scene.start('RoomChooser');
}

/** Put the route in the address bar without reloading. */
export function setAddress(route: RoomRoute | null): void {
  const url = new URL(window.location.href);
  if (route) url.search = roomSearch(route, url.search);
  else {
    url.searchParams.delete('mode');
    url.searchParams.delete('session');
  }
  window.history.replaceState(window.history.state, '', url.href);
}

/** The address of a room window, e.g. for `window.open`. */
export function roomAddress(route: RoomRoute): string {
  const url = new URL(window.location.href);
  url.search = roomSearch(route, url.search);
  return url.href;
}

/** Offer a file to the browser as a download. */
export function download(name: string, text: string, type: string): void {
  downloadText(name, text, type);
}
