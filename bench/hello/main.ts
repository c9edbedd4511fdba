/**
 * The benchmark's baseline: the smallest Phaser 4 game that draws one text, built with the same
 * Vite version and config as Calm Desk. `npm run bench` compares the game's cold load to this.
 */
import * as Phaser from 'phaser';

class Hello extends Phaser.Scene {
  constructor() {
    super('Hello');
  }

  create(): void {
    this.add.text(640, 360, 'Hello, Phaser', { fontFamily: 'sans-serif', fontSize: '48px', color: '#1d2b33' }).setOrigin(0.5);
    performance.mark('app-ready');
  }
}

new Phaser.Game({
  type: Phaser.AUTO,
  parent: 'game',
  width: 1280,
  height: 720,
  backgroundColor: '#dde7ea',
  scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
  audio: { noAudio: true },
  scene: [Hello],
});
