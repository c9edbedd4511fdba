/** Drawing helpers shared by the scenes. */
import type * as Phaser from 'phaser';
import { DESIGN_HEIGHT, DESIGN_WIDTH } from '../theme.ts';

/** A full-screen backdrop image, if its texture is loaded (scenes still work without it). */
export function addBackdrop(scene: Phaser.Scene, key: string): Phaser.GameObjects.Image | null {
  if (!scene.textures.exists(key)) return null;
  return scene.add.image(DESIGN_WIDTH / 2, DESIGN_HEIGHT / 2, key).setDisplaySize(DESIGN_WIDTH, DESIGN_HEIGHT);
}
