/**
 * Starts the SCORM bridge in a package build (`npm run build:scorm`); in normal web play it does
 * nothing and the bridge's code is never downloaded.
 *
 * ```ts
 * startScormBridge(game, services); // in StartGame
 * ```
 */
import type * as Phaser from 'phaser';
import type { Services } from '../services.ts';
import { scormPackageInfo } from './packageInfo.ts';

export function startScormBridge(game: Phaser.Game, services: Services): void {
  const info = scormPackageInfo();
  if (!info) return;
  void import('./bridge.ts').then(
    ({ connectScorm }) => connectScorm(game, services, info),
    (error: unknown) => console.warn('Calm Desk (SCORM): the learning-platform bridge could not load.', error),
  );
}
