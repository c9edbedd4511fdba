/**
 * The canvas half of the conversation screen: backdrop, the customer's portrait (cross-faded
 * between expressions) and the mood meter. It redraws only when a value changes, so an idle
 * conversation costs no allocations per frame.
 */
import type * as Phaser from 'phaser';
import type { MoodView } from '../../presenter/conversation.ts';
import type { Expression, PortraitId, SettingId } from '../../scenario/vocabulary.ts';
import { backdropKey, portraitKey } from '../textures.ts';
import { PALETTE } from '../theme.ts';
import { CONVERSATION_LAYOUT as L } from './layout.ts';

export class ConversationStage {
  private readonly faces: [Phaser.GameObjects.Image, Phaser.GameObjects.Image];
  private front = 0;
  private expression: Expression | null = null;
  private readonly meter: Phaser.GameObjects.Graphics;
  private readonly meterState = { value: -1, colour: 0 };
  private meterTarget = -1;
  private meterTween: Phaser.Tweens.Tween | null = null;
  private walkOut = 1;

  constructor(
    private readonly scene: Phaser.Scene,
    setting: SettingId,
    private readonly portrait: PortraitId,
  ) {
    const { width, height } = scene.scale;
    if (scene.textures.exists(backdropKey(setting))) {
      scene.add.image(width / 2, height / 2, backdropKey(setting)).setDisplaySize(width, height);
    } else {
      scene.add.rectangle(width / 2, height / 2, width, height, PALETTE.sky);
    }
    const p = L.portrait;
    // A soft floor shadow and a paper disc give the face a calm place to sit.
    scene.add.ellipse(p.x, p.y + p.height / 2 - 10, p.width * 0.8, 46, PALETTE.ink, 0.12);
    scene.add.circle(p.x, p.y - 40, p.width * 0.45, PALETTE.paper, 0.4);
    const make = () => scene.add.image(p.x, p.y, '__DEFAULT').setDisplaySize(p.width, p.height).setAlpha(0);
    this.faces = [make(), make()];
    const m = L.meter;
    // The name plate: customer's name and mood word (DOM) above the meter bar (canvas).
    scene.add
      .graphics()
      .fillStyle(PALETTE.ink, 0.08)
      .fillRoundedRect(m.x - 40, m.y - 100, m.width + 80, 150, 28)
      .fillStyle(PALETTE.paper, 0.95)
      .fillRoundedRect(m.x - 44, m.y - 106, m.width + 80, 150, 28);
    this.meter = scene.add.graphics();
  }

  /** Show `expression`, cross-fading over `tweenMs` (instant with 0). */
  setExpression(expression: Expression, tweenMs: number): void {
    if (expression === this.expression) return;
    const key = portraitKey(this.portrait, expression);
    if (!this.scene.textures.exists(key)) return;
    const first = this.expression === null;
    this.expression = expression;
    const incoming = this.faces[1 - this.front]!;
    const outgoing = this.faces[this.front]!;
    this.front = 1 - this.front;
    incoming.setTexture(key).setDisplaySize(L.portrait.width, L.portrait.height);
    this.scene.tweens.killTweensOf(this.faces);
    incoming.setDepth(1);
    outgoing.setDepth(0);
    if (tweenMs <= 0 || first) {
      incoming.setAlpha(1);
      outgoing.setAlpha(0);
      return;
    }
    incoming.setAlpha(0);
    this.scene.tweens.add({ targets: incoming, alpha: 1, duration: tweenMs, ease: 'Sine.easeInOut' });
    this.scene.tweens.add({ targets: outgoing, alpha: 0, duration: tweenMs, delay: tweenMs / 2, ease: 'Sine.easeInOut' });
  }

  /** Move the mood meter to `mood` (eased unless `tweenMs` is 0). */
  setMood(mood: MoodView, tweenMs: number): void {
    this.walkOut = mood.walkOutFraction;
    if (mood.value === this.meterTarget && mood.colour === this.meterState.colour) return;
    this.meterTarget = mood.value;
    this.meterState.colour = mood.colour;
    this.meterTween?.stop();
    this.meterTween = null;
    if (tweenMs <= 0 || this.meterState.value < 0) {
      this.meterState.value = mood.value;
      this.drawMeter();
      return;
    }
    this.meterTween = this.scene.tweens.add({
      targets: this.meterState,
      value: mood.value,
      duration: tweenMs * 1.6,
      ease: 'Cubic.easeOut',
      onUpdate: () => this.drawMeter(),
      onComplete: () => {
        this.meterTween = null;
      },
    });
  }

  private drawMeter(): void {
    const m = L.meter;
    const g = this.meter;
    const r = m.height / 2;
    g.clear();
    g.fillStyle(PALETTE.tealSoft, 0.45).fillRoundedRect(m.x, m.y, m.width, m.height, r);
    const w = Math.max(m.height, (m.width * this.meterState.value) / 100);
    g.fillStyle(this.meterState.colour, 1).fillRoundedRect(m.x, m.y, w, m.height, r);
    // The walk-out mark: a thin ink tick where the customer leaves.
    const x = m.x + m.width * this.walkOut;
    g.fillStyle(PALETTE.ink, 0.7).fillRect(x - 2, m.y - 8, 4, m.height + 16);
  }
}
