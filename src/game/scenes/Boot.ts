import * as Phaser from 'phaser';

/** First scene: nothing to load yet; hands over to the Preloader at once. */
export class Boot extends Phaser.Scene {
  constructor() {
    super('Boot');
  }

  create(): void {
    this.scene.start('Preloader');
  }
}
