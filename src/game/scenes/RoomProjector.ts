/**
 * Classroom mode's projector view: the scene the room sees. It runs the conversation (machine,
 * driver, the room clock that stands still while the room discusses), applies the trainer's
 * commands from its own keys and from the presenter window, saves the session after every change
 * and sends it to the presenter window. Started with `{ sessionId }`.
 */
import * as Phaser from 'phaser';
import { createActor, type Actor, type Snapshot } from 'xstate';
import { applyCommand, type ConversationState, type RoomCommand, type RoomEffect } from '../../classroom/commands.ts';
import { sessionHtml, sessionJson, exportFileName } from '../../classroom/export.ts';
import { keyAction, type LocalAction } from '../../classroom/keys.ts';
import type { LiveFigures, RoomMessage } from '../../classroom/protocol.ts';
import { createRoomClock, type RoomClock } from '../../classroom/roomClock.ts';
import type { RoomSession } from '../../classroom/session.ts';
import { createRealClock } from '../../conversation/clock.ts';
import { createConversationDriver, type ConversationDriver } from '../../conversation/driver.ts';
import { createConversationMachine, type ConversationMachine } from '../../conversation/machine.ts';
import { selectCanAnswer, selectPhase, selectVisibleReplyModels } from '../../conversation/selectors.ts';
import { conversationInput } from '../../presenter/conversationInput.ts';
import type { Translate } from '../../presenter/conversationText.ts';
import { presentRoomProjector, roomKeys } from '../../presenter/roomProjector.ts';
import { presentRoomExport, presentRoomSummary } from '../../presenter/roomSummary.ts';
import type { Scenario } from '../../scenario/model.ts';
import { charsPerSecond } from '../../storage/index.ts';
import { presenterTranslate } from '../conversation/translate.ts';
import '../room/room.css';
import { download, roomAddress } from '../room/launch.ts';
import { ProjectorDom } from '../room/projectorDom.ts';
import { readSnapshot, revealOf, summaryOf, trainerViewOf } from '../room/roomModel.ts';
import { applyRoomTheme } from '../room/roomTheme.ts';
import { loadSession, saveSession } from '../room/sessionStore.ts';
import { renderSummaryPage } from '../room/summaryDom.ts';
import { openChannel, type RoomChannel } from '../room/sync.ts';
import { TrainerDom } from '../room/trainerDom.ts';
import { services, type Services } from '../services.ts';
import { backdropKey, loadArt, portraitKey } from '../textures.ts';
import { PALETTE } from '../theme.ts';
import { el } from '../ui/dom.ts';
import type { Screen } from '../ui/screen.ts';
import { button } from '../ui/widgets.ts';

const TICK_MS = 70;
const PORTRAIT = { x: 300, y: 258, width: 400, height: 480 };

export class RoomProjector extends Phaser.Scene {
  private sessionId = '';
  private s!: Services;
  private t!: Translate;
  private screen: Screen | null = null;
  private session!: RoomSession;
  private scenario!: Scenario;
  private driver: ConversationDriver | null = null;
  private clock: RoomClock | null = null;
  private channel: RoomChannel | null = null;
  private dom: ProjectorDom | null = null;
  private drawer: { box: HTMLElement; dom: TrainerDom } | null = null;
  private summaryBox: HTMLElement | null = null;
  private portrait: Phaser.GameObjects.Image | null = null;
  private expression = '';
  private announced = '';
  private lastTick = 0;
  private saveWarned = false;
  private cleanups: Array<() => void> = [];

  constructor() {
    super('RoomProjector');
  }

  init(data: { sessionId: string }): void {
    this.sessionId = data.sessionId;
    this.driver = null;
    this.clock = null;
    this.channel = null;
    this.dom = null;
    this.drawer = null;
    this.summaryBox = null;
    this.portrait = null;
    this.expression = '';
    this.announced = '';
    this.saveWarned = false;
    this.cleanups = [];
  }

  create(): void {
    this.s = services(this);
    this.t = presenterTranslate(this.s);
    const screen = this.s.overlay.mount(this, { label: this.t('room.projectorLabel'), className: 'cd-room cd-room-projector' });
    this.screen = screen;
    applyRoomTheme(screen.root);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, this.teardown, this);
    this.events.once(Phaser.Scenes.Events.DESTROY, this.teardown, this);
    const loading = el('p', { className: 'cd-room-panel', style: { left: '560px', top: '480px', width: '800px' } }, this.t('room.loading'));
    screen.append(loading);
    void this.prepare(screen).then((ready) => {
      loading.remove();
      if (ready && !screen.disposed) this.begin(screen, ready.session, ready.scenario);
    });
  }

  private async prepare(screen: Screen): Promise<{ session: RoomSession; scenario: Scenario } | null> {
    const read = loadSession(this.sessionId);
    if (!read.session) {
      this.fail(screen, read.problem);
      return null;
    }
    const load = await this.s.loadScenario(read.session.file);
    if (screen.disposed) return null;
    if (!load.scenario) {
      this.fail(screen, load.diagnostics.find((d) => d.severity === 'error')?.message ?? read.session.file);
      return null;
    }
    await loadArt(this, { backdrops: [load.scenario.setting], portraits: [load.scenario.customer.portrait] });
    return screen.disposed ? null : { session: read.session, scenario: load.scenario };
  }

  private fail(screen: Screen, reason: string): void {
    const back = button(screen, this.t('room.chooserBack'), () => void import('../room/launch.ts').then((m) => m.openRoom(this, { mode: 'room', session: null })), { variant: 'primary' });
    screen.append(el('div', { className: 'cd-room-panel', style: { left: '360px', top: '360px', width: '1200px' }, attrs: { role: 'alert' } }, el('p', {}, this.t('room.loadFailed', { reason })), back));
    screen.focus(back);
  }

  private begin(screen: Screen, session: RoomSession, scenario: Scenario): void {
    this.session = session;
    this.scenario = scenario;
    this.drawStage(scenario);
    this.dom = new ProjectorDom(
      screen,
      {
        repliesLabel: this.t('room.repliesHeading'),
        helpHeading: this.t('room.helpHeading'),
        blankLabel: this.t('room.blankLabel'),
        openPresenter: this.t('room.openPresenter'),
        keys: roomKeys(this.t),
      },
      { openPresenter: () => this.local('openPresenter'), help: () => this.run({ type: 'help' }) },
    );
    this.dom.buildHelp();
    this.summaryBox = el('section', { className: 'cd-room-panel cd-room-summary', data: { testid: 'room-summary' }, attrs: { 'aria-label': this.t('room.summaryLabel') } });
    this.summaryBox.hidden = true;
    const drawerBox = el('aside', { className: 'cd-room-panel cd-room-drawer', data: { testid: 'room-drawer' }, attrs: { 'aria-label': this.t('room.panelLabel'), tabindex: '0' } });
    const trainer = new TrainerDom(screen, { command: (c) => this.runNamed(c), exportJson: () => this.local('exportJson'), exportHtml: () => this.local('exportHtml') }, { controls: this.t('room.controlsHeading') });
    drawerBox.append(trainer.main, trainer.side);
    this.drawer = { box: drawerBox, dom: trainer };
    screen.append(this.summaryBox, drawerBox);
    this.startConversation(scenario, session);
    this.channel = openChannel(session.id, (m) => this.onMessage(m), (problem) => this.s.overlay.notify(problem, 'warning'));
    const bye = () => this.channel?.send({ type: 'bye', sessionId: this.sessionId, from: 'projector' });
    window.addEventListener('pagehide', bye);
    this.cleanups.push(() => window.removeEventListener('pagehide', bye));
    screen.onKey((e) => this.onKey(e));
    this.events.on(Phaser.Scenes.Events.UPDATE, this.tick, this);
    this.cleanups.push(() => this.events.off(Phaser.Scenes.Events.UPDATE, this.tick, this));
    this.changed();
  }

  private drawStage(scenario: Scenario): void {
    if (this.textures.exists(backdropKey(scenario.setting))) this.add.image(960, 540, backdropKey(scenario.setting)).setDisplaySize(1920, 1080);
    else this.add.rectangle(960, 540, 1920, 1080, PALETTE.sky);
    this.add.rectangle(960, 540, 1920, 1080, 0xeef3f4, 0.45);
    this.add.ellipse(PORTRAIT.x, PORTRAIT.y + 10, PORTRAIT.width * 1.05, PORTRAIT.width * 1.05, 0xffffff, 0.7);
    this.portrait = this.add.image(PORTRAIT.x, PORTRAIT.y, '__DEFAULT').setVisible(false);
  }

  /** Restore the conversation from the session (or start it), on the room clock. */
  private startConversation(scenario: Scenario, session: RoomSession): void {
    const machine = createConversationMachine(scenario);
    let actor: Actor<ConversationMachine>;
    const stored = session.snapshot as { context: object } | null;
    try {
      // The scenario in the stored snapshot is replaced by the one just loaded (the same file).
      actor = stored && readSnapshot(stored)
        ? createActor(machine, { snapshot: { ...stored, context: { ...stored.context, scenario } } as unknown as Snapshot<unknown> })
        : createActor(machine);
    } catch {
      this.s.overlay.notify(this.t('room.sessionDamaged', { reason: 'snapshot' }), 'warning');
      actor = createActor(machine);
    }
    const clock = createRoomClock(createRealClock());
    this.clock = clock;
    const driver = createConversationDriver(actor, clock, { charsPerSecond: charsPerSecond(this.s.settings()) });
    this.driver = driver;
    const subscription = actor.subscribe({ next: () => this.onSnapshot(), error: () => undefined });
    this.cleanups.push(() => subscription.unsubscribe());
    // A session restored while the room was deciding: hold the clock before any time passes.
    this.syncClock();
    // A session saved while paused comes back paused; one saved unpaused with the machine paused resumes.
    if (selectPhase(actor.getSnapshot()) === 'paused' && !session.paused) driver.resume();
  }

  private conversationState(): ConversationState {
    const driver = this.driver;
    if (!driver) return { phase: 'idle', nodeId: '', decisionCount: 0, replyIds: [], canAnswer: false };
    const snapshot = driver.actor.getSnapshot();
    const phase = selectPhase(snapshot);
    const replies = selectVisibleReplyModels(snapshot).map((r) => r.id);
    const canAnswer = selectCanAnswer(snapshot) && (phase === 'awaiting' || this.session.hotSeat);
    return { phase, nodeId: snapshot.context.nodeId, decisionCount: snapshot.context.decisionCount, replyIds: replies, canAnswer };
  }

  private live(): LiveFigures {
    const driver = this.driver;
    return { phase: driver ? selectPhase(driver.actor.getSnapshot()) : 'idle', conversationMs: Math.round(driver?.elapsedMs() ?? 0) };
  }

  /** Outside the hot seat, the customer's time stands still while the room decides. */
  private syncClock(): void {
    const clock = this.clock;
    const driver = this.driver;
    if (!clock || !driver) return;
    const hold = !this.session.hotSeat && selectPhase(driver.actor.getSnapshot()) === 'awaiting';
    if (hold) clock.hold();
    else clock.release();
  }

  private onSnapshot(): void {
    const driver = this.driver;
    if (!driver) return;
    this.syncClock();
    // The scenario is left out of the stored snapshot: it comes back from its file on restore.
    const persisted = driver.actor.getPersistedSnapshot() as unknown as { context: Record<string, unknown> };
    const { scenario: _scenario, ...context } = persisted.context;
    this.session = { ...this.session, snapshot: { ...persisted, context } };
    this.changed(false);
  }

  private onKey(e: KeyboardEvent): boolean {
    if (e.repeat) return false;
    const state = this.conversationState();
    const action = keyAction(e.key, { repliesOpen: state.canAnswer && !this.session.paused, voteOpen: this.session.vote !== null, screen: this.session.screen, blank: this.session.blank });
    if (!action) return false;
    if ('local' in action) {
      if (action.local === 'fullscreen') return false;
      this.local(action.local);
      return true;
    }
    this.run(action.command);
    return true;
  }

  private runNamed(name: string): void {
    this.run({ type: name } as RoomCommand);
  }

  /** Apply a trainer command, carry out its effects on the conversation, save and tell the other window. */
  run(command: RoomCommand): void {
    if (!this.driver) return;
    const before = this.session;
    const result = applyCommand(before, command, this.conversationState(), Date.now());
    if (result.notice) this.s.overlay.announce(this.t(`room.notice_${result.notice}`));
    this.session = result.session;
    for (const effect of result.effects) this.apply(effect);
    if (before.hotSeat !== this.session.hotSeat) this.syncClock();
    if (result.session !== before) this.changed();
  }

  private apply(effect: RoomEffect): void {
    const driver = this.driver;
    if (!driver) return;
    if (effect.type === 'choose') driver.choose(effect.replyId);
    else if (effect.type === 'pause') driver.pause();
    else if (effect.type === 'resume') driver.resume();
    else {
      driver.rewind(effect.decision);
      this.s.overlay.announce(this.t('room.announceBack', { number: effect.decision + 1 }));
    }
  }

  private local(action: LocalAction): void {
    if (action === 'openPresenter') {
      const opened = window.open(roomAddress({ mode: 'presenter', session: this.sessionId }), `calm-desk-presenter-${this.sessionId}`, 'popup=yes,width=1280,height=800');
      if (!opened) this.s.overlay.notify(this.t('room.presenterBlocked'), 'warning');
      return;
    }
    if (action === 'fullscreen') return this.s.overlay.toggleFullscreen();
    const transcript = this.driver?.actor.getSnapshot().context.transcript ?? [];
    const { summary, selfAnalysis } = summaryOf(this.scenario, this.session, transcript, this.t);
    if (action === 'exportJson') {
      const name = exportFileName(summary, 'json');
      download(name, sessionJson(summary, this.session, transcript), 'application/json');
      this.s.overlay.announce(this.t('room.exported', { file: name }));
    } else {
      const name = exportFileName(summary, 'html');
      download(name, sessionHtml(presentRoomExport(summary, selfAnalysis, this.t, this.s.settings().language)), 'text/html');
      this.s.overlay.announce(this.t('room.exported', { file: name }));
    }
  }

  private onMessage(message: RoomMessage): void {
    if (message.type === 'hello' && message.from === 'presenter') this.broadcast();
    else if (message.type === 'command') this.run(message.command);
  }

  private broadcast(): void {
    this.channel?.send({ type: 'state', sessionId: this.sessionId, session: this.session, live: this.live() });
  }

  /** Save, tell the presenter window, redraw. */
  private changed(bumped = true): void {
    if (!bumped) this.session = { ...this.session, seq: this.session.seq + 1, updatedAt: Date.now() };
    if (!saveSession(this.session) && !this.saveWarned) {
      this.saveWarned = true;
      this.s.overlay.notify(this.t('room.sessionDamaged', { reason: 'localStorage' }), 'warning');
    }
    this.broadcast();
    this.render();
  }

  private tick(time: number): void {
    const phase = this.driver ? selectPhase(this.driver.actor.getSnapshot()) : 'ended';
    if ((phase !== 'speaking' && phase !== 'reacting') || time - this.lastTick < TICK_MS) return;
    this.lastTick = time;
    this.render();
  }

  private render(): void {
    const driver = this.driver;
    const dom = this.dom;
    const screen = this.screen;
    if (!driver || !dom || !screen) return;
    const snapshot = driver.actor.getSnapshot();
    const transcript = snapshot.context.transcript;
    const session = this.session;
    const revealed = session.reveal === null ? null : revealOf(this.scenario, transcript, session.reveal, this.t);
    const view = presentRoomProjector(
      { scenario: this.scenario, session, conversation: conversationInput(snapshot, driver.progress()), revealed, reducedMotion: this.s.settings().reducedMotion },
      this.t,
    );
    const summary = session.screen === 'summary';
    screen.root.dataset.voting = String(view.vote !== null && view.repliesVisible);
    screen.root.dataset.screen = session.screen;
    dom.root.hidden = summary && !session.blank;
    dom.render(summary ? { ...view, reveal: null } : view);
    if (this.summaryBox) {
      this.summaryBox.hidden = !summary || session.blank || session.help;
      if (summary) {
        const bundle = summaryOf(this.scenario, session, transcript, this.t);
        renderSummaryPage(this.summaryBox, presentRoomSummary(bundle.summary, bundle.selfAnalysis, this.t), session.page);
      }
    }
    if (this.drawer) {
      this.drawer.box.hidden = !session.panel;
      if (session.panel) this.drawer.dom.render(trainerViewOf(this.scenario, session, readSnapshot(driver.actor.getPersistedSnapshot()), this.live(), this.t));
    }
    this.setExpression(view.portrait.id, view.portrait.expression);
    if (view.announce && view.announce.key !== this.announced) {
      this.announced = view.announce.key;
      this.s.overlay.announce(view.announce.text);
    }
  }

  private setExpression(id: string, expression: string): void {
    const key = portraitKey(id as Scenario['customer']['portrait'], expression);
    if (key === this.expression || !this.portrait || !this.textures.exists(key)) return;
    this.expression = key;
    this.portrait.setTexture(key).setDisplaySize(PORTRAIT.width, PORTRAIT.height).setVisible(true);
  }

  private teardown(): void {
    this.events.off(Phaser.Scenes.Events.SHUTDOWN, this.teardown, this);
    this.events.off(Phaser.Scenes.Events.DESTROY, this.teardown, this);
    for (const cleanup of this.cleanups.splice(0).reverse()) cleanup();
    this.channel?.close();
    this.channel = null;
    this.driver?.dispose();
    this.driver = null;
    this.dom = null;
    this.screen = null;
  }
}
