/**
 * Classroom mode's presenter view: the trainer's window (opened from the projector with W). It
 * shows what only the trainer should see and sends the trainer's commands to the projector window,
 * which runs the conversation. It reads the session from storage on open (so a reload loses
 * nothing), asks the projector for the latest state, and says so when the projector is not there.
 * Started with `{ sessionId }`.
 */
import * as Phaser from 'phaser';
import type { RoomCommand } from '../../classroom/commands.ts';
import { exportFileName, sessionHtml, sessionJson } from '../../classroom/export.ts';
import { keyAction } from '../../classroom/keys.ts';
import type { LiveFigures, RoomMessage } from '../../classroom/protocol.ts';
import type { RoomSession } from '../../classroom/session.ts';
import type { Translate } from '../../presenter/conversationText.ts';
import { presentRoomExport } from '../../presenter/roomSummary.ts';
import type { Scenario } from '../../scenario/model.ts';
import { presenterTranslate } from '../conversation/translate.ts';
import '../room/room.css';
import { download, roomAddress } from '../room/launch.ts';
import { readSnapshot, summaryOf, trainerViewOf } from '../room/roomModel.ts';
import { applyRoomTheme } from '../room/roomTheme.ts';
import { loadSession } from '../room/sessionStore.ts';
import { openChannel, type RoomChannel } from '../room/sync.ts';
import { TrainerDom } from '../room/trainerDom.ts';
import { services, type Services } from '../services.ts';
import { PALETTE } from '../theme.ts';
import { el } from '../ui/dom.ts';
import type { Screen } from '../ui/screen.ts';

/** How long to wait for the projector's answer before saying it is missing. */
const ANSWER_MS = 2000;

export class RoomPresenter extends Phaser.Scene {
  private sessionId = '';
  private s!: Services;
  private t!: Translate;
  private screen: Screen | null = null;
  private session: RoomSession | null = null;
  private scenario: Scenario | null = null;
  private live: LiveFigures | null = null;
  /** The projector did not answer in time, or said goodbye. */
  private missing = false;
  private channel: RoomChannel | null = null;
  private dom: TrainerDom | null = null;
  private timers: number[] = [];

  constructor() {
    super('RoomPresenter');
  }

  init(data: { sessionId: string }): void {
    this.sessionId = data.sessionId;
    this.session = null;
    this.scenario = null;
    this.live = null;
    this.missing = false;
    this.channel = null;
    this.dom = null;
    this.timers = [];
  }

  create(): void {
    this.s = services(this);
    this.t = presenterTranslate(this.s);
    this.add.rectangle(960, 540, 1920, 1080, PALETTE.skyDeep);
    const screen = this.s.overlay.mount(this, { label: this.t('room.presenterLabel'), className: 'cd-room cd-room-presenter' });
    this.screen = screen;
    applyRoomTheme(screen.root);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, this.teardown, this);
    this.events.once(Phaser.Scenes.Events.DESTROY, this.teardown, this);
    const read = loadSession(this.sessionId);
    if (!read.session) {
      screen.append(el('div', { className: 'cd-room-panel', style: { left: '360px', top: '360px', width: '1200px' }, attrs: { role: 'alert' } }, el('p', {}, this.t('room.loadFailed', { reason: read.problem }))));
      return;
    }
    this.session = read.session;
    const loading = el('p', { className: 'cd-room-panel', style: { left: '560px', top: '480px', width: '800px' } }, this.t('room.loading'));
    screen.append(loading);
    void this.s.loadScenario(read.session.file).then((load) => {
      loading.remove();
      if (screen.disposed) return;
      if (!load.scenario) {
        screen.append(el('p', { className: 'cd-room-panel', attrs: { role: 'alert' }, style: { left: '360px', top: '360px', width: '1200px' } }, this.t('room.loadFailed', { reason: read.session?.file ?? '' })));
        return;
      }
      this.begin(screen, load.scenario);
    });
  }

  private begin(screen: Screen, scenario: Scenario): void {
    this.scenario = scenario;
    const dom = new TrainerDom(
      screen,
      {
        command: (name) => this.send({ type: name } as RoomCommand),
        exportJson: () => this.export('json'),
        exportHtml: () => this.export('html'),
        reopenProjector: () => void window.open(roomAddress({ mode: 'room', session: this.sessionId }), `calm-desk-projector-${this.sessionId}`),
      },
      { controls: this.t('room.controlsHeading') },
    );
    this.dom = dom;
    const main = el('section', { className: 'cd-room-panel cd-room-presenter-main', attrs: { 'aria-label': this.t('room.presenterHeading'), tabindex: '0' } }, dom.main);
    const side = el('section', { className: 'cd-room-panel cd-room-presenter-side', attrs: { 'aria-label': this.t('room.controlsHeading'), tabindex: '0' } }, dom.side, el('p', {}, this.t('room.presenterKeys')));
    screen.append(main, side);
    this.channel = openChannel(this.sessionId, (m) => this.onMessage(m), (problem) => this.s.overlay.notify(problem, 'warning'));
    this.hello();
    screen.onKey((e) => {
      if (e.repeat || !this.session) return false;
      // Buttons keep Enter and Space for themselves (outside a vote).
      if ((e.key === 'Enter' || e.key === ' ') && !this.session.vote) return false;
      const reading = readSnapshot(this.session.snapshot);
      const repliesOpen = reading?.phase === 'awaiting' || (this.session.hotSeat && reading?.phase === 'speaking');
      const action = keyAction(e.key, { repliesOpen: repliesOpen && !this.session.paused, voteOpen: this.session.vote !== null, screen: this.session.screen, blank: this.session.blank });
      if (!action) return false;
      if ('local' in action) {
        if (action.local === 'exportJson') this.export('json');
        else if (action.local === 'exportHtml') this.export('html');
        else return false;
        return true;
      }
      this.send(action.command);
      return true;
    });
    const every = window.setInterval(() => this.render(), 1000);
    this.timers.push(every);
    const bye = () => this.channel?.send({ type: 'bye', sessionId: this.sessionId, from: 'presenter' });
    window.addEventListener('pagehide', bye);
    screen.onDispose(() => window.removeEventListener('pagehide', bye));
    this.render();
    screen.focus(main.querySelector('button') ?? side.querySelector('button'));
  }

  /** Ask the projector for its state; mark it missing if it does not answer. */
  private hello(): void {
    this.channel?.send({ type: 'hello', sessionId: this.sessionId, from: 'presenter' });
    const timer = window.setTimeout(() => {
      if (this.live === null) {
        this.missing = true;
        this.render();
      }
    }, ANSWER_MS);
    this.timers.push(timer);
  }

  private send(command: RoomCommand): void {
    if (this.live === null) this.hello();
    this.channel?.send({ type: 'command', sessionId: this.sessionId, command });
  }

  private onMessage(message: RoomMessage): void {
    if (message.type === 'state') {
      if (this.session && message.session.seq < this.session.seq && message.session.updatedAt < this.session.updatedAt) return;
      this.session = message.session;
      this.live = message.live;
      this.missing = false;
      this.render();
    } else if (message.type === 'bye' && message.from === 'projector') {
      this.live = null;
      this.missing = true;
      this.render();
    } else if (message.type === 'hello' && message.from === 'projector') {
      this.live = null;
    }
  }

  private export(kind: 'json' | 'html'): void {
    if (!this.session || !this.scenario) return;
    const transcript = readSnapshot(this.session.snapshot)?.transcript ?? [];
    const { summary, selfAnalysis } = summaryOf(this.scenario, this.session, transcript, this.t);
    const name = exportFileName(summary, kind);
    if (kind === 'json') download(name, sessionJson(summary, this.session, transcript), 'application/json');
    else download(name, sessionHtml(presentRoomExport(summary, selfAnalysis, this.t, this.s.settings().language)), 'text/html');
    this.s.overlay.announce(this.t('room.exported', { file: name }));
  }

  private render(): void {
    if (!this.dom || !this.session || !this.scenario) return;
    const reading = readSnapshot(this.session.snapshot);
    // Until the projector has had time to answer, show the stored state without a warning.
    const live = this.live ?? (this.missing ? null : { phase: reading?.phase ?? 'idle', conversationMs: 0 });
    this.dom.render(trainerViewOf(this.scenario, this.session, reading, live, this.t), this.t('room.reopenProjector'));
  }

  private teardown(): void {
    this.events.off(Phaser.Scenes.Events.SHUTDOWN, this.teardown, this);
    this.events.off(Phaser.Scenes.Events.DESTROY, this.teardown, this);
    for (const timer of this.timers.splice(0)) {
      window.clearTimeout(timer);
      window.clearInterval(timer);
    }
    this.channel?.close();
    this.channel = null;
    this.dom = null;
    this.screen = null;
  }
}
