/**
 * `StartGame(parentId)`: creates the Phaser game (1920×1080 design size, Scale.FIT, crisp
 * text), the accessible DOM overlay on top of it and the shared services, then runs
 * Boot → Preloader → Title. Scenes that live in other files register here too.
 */
import * as Phaser from 'phaser';
import { Boot } from './scenes/Boot.ts';
import { Briefing } from './scenes/Briefing.ts';
import { Preloader } from './scenes/Preloader.ts';
import { ScenarioSelect } from './scenes/ScenarioSelect.ts';
import { Settings } from './scenes/Settings.ts';
import { Title } from './scenes/Title.ts';
import { startScormBridge } from './scorm/start.ts';
import { installServices, type Services } from './services.ts';
import { installLearningRecords } from './records/index.ts';
import { DESIGN_HEIGHT, DESIGN_WIDTH, PALETTE, cssColor } from './theme.ts';
import { Overlay } from './ui/overlay.ts';

/** Scenes present from the start. Conversation and Debrief load on demand (see `navigation.ts`). */
export const SCENES: Array<typeof Phaser.Scene> = [Boot, Preloader, Title, ScenarioSelect, Briefing, Settings];

export interface StartedGame {
  game: Phaser.Game;
  services: Services;
}

/** Start Calm Desk inside the element with id `parentId`. */
export function StartGame(parentId: string, extraScenes: Array<typeof Phaser.Scene> = []): StartedGame {
  const parent = document.getElementById(parentId);
  if (!parent) throw new Error(`No element with id "${parentId}" to start the game in.`);
  const game = new Phaser.Game({
    // The Canvas renderer, on purpose: the game draws a few large images, a meter and cross-fades,
    // nothing that needs shaders. Training-room laptops, VDI sessions and projector PCs often run
    // without GPU acceleration, where WebGL falls back to software and a full-screen image costs
    // 100–300 ms a frame; Canvas 2D draws the same frame within 16.7 ms (see docs/performance.md).
    type: Phaser.CANVAS,
    parent,
    width: DESIGN_WIDTH,
    height: DESIGN_HEIGHT,
    backgroundColor: cssColor(PALETTE.sky),
    roundPixels: true,
    audio: { noAudio: true },
    banner: false,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH, fullscreenTarget: parent },
    // Controls live in the DOM overlay; Phaser must not swallow key presses the overlay needs.
    input: { keyboard: false, gamepad: false },
    scene: [...SCENES, ...extraScenes],
  });
  const overlay = new Overlay(game, parent);
  const services = installServices(game, overlay);
  installLearningRecords(services);
  game.events.once(Phaser.Core.Events.DESTROY, () => overlay.destroy());
  startScormBridge(game, services); // A SCORM package build reports to the LMS; otherwise nothing.
  return { game, services };
}
