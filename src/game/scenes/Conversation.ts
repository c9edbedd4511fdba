/**
 * The conversation: the customer talks (captions always on, voice when there is one), the
 * trainee answers with numbered replies, the mood meter and the portrait follow. The scene
 * only adapts: the machine holds the rules, the driver the time, the presenter the view.
 *
 * Started with `this.scene.start('Conversation', data)` where `data` is a `ConversationData`.
 */
import * as Phaser from 'phaser';
import { createActor, type Snapshot } from 'xstate';
import { rubrics } from 'virtual:scenario-catalog';
import type { AudioPort } from '../../audio/port.ts';
import { createRealClock } from '../../conversation/clock.ts';
import { createConversationDriver, type ConversationDriver, type LineStartEvent } from '../../conversation/driver.ts';
import { createConversationMachine } from '../../conversation/machine.ts';
import { selectPhase } from '../../conversation/selectors.ts';
import { presentConversation, type ConversationView } from '../../presenter/conversation.ts';
import { conversationInput } from '../../presenter/conversationInput.ts';
import type { Translate } from '../../presenter/conversationText.ts';
import type { Scenario } from '../../scenario/model.ts';
import { charsPerSecond, type ReadingSpeed, type TextScale } from '../../storage/index.ts';
import { ConversationDom } from '../conversation/conversationDom.ts';
import { ConversationStage } from '../conversation/conversationStage.ts';
import { CustomerVoice } from '../conversation/customerVoice.ts';
import { finishConversation } from '../conversation/finish.ts';
import { decisionsOf, type Transcript } from '../../conversation/transcript.ts';
import { newReportAttemptId, reportDecided, reportFinished, reportStarted, type AttemptStarted } from '../reporting.ts';
import { moodSound } from '../conversation/moodSound.ts';
import { PauseMenu } from '../conversation/pauseMenu.ts';
import { presenterTranslate } from '../conversation/translate.ts';
import '../conversation/conversation.css';
import { services, type Services } from '../services.ts';
import { isYourFile } from '../authoring/keys.ts';
import { loadArt } from '../textures.ts';
import { el } from '../ui/dom.ts';
import type { Screen } from '../ui/screen.ts';
import { button } from '../ui/widgets.ts';

/** What starts a conversation. */
export interface ConversationData {
  /** Catalog path of the scenario file, e.g. `scenarios/kettle-returned-twice.en.yaml`. */
  file: string;
  /** The scenario when the caller has already loaded it; otherwise it loads here. */
  scenario?: Scenario;
  /** Replay from a decision: a finished conversation's persisted snapshot and the decision (0-based) to go back to. */
  replay?: { snapshot: Snapshot<unknown>; decision: number };
}

/** Only refresh the captions and the silence ring this often (ms) while something moves. */
const TICK_MS = 70;
/** Time to let the last line sink in before the debrief opens. */
const END_DELAY_MS = 1600;

export class Conversation extends Phaser.Scene {
  private input_!: ConversationData;
  private services_!: Services;
  private t!: Translate;
  private screen: Screen | null = null;
  private driver: ConversationDriver | null = null;
  private dom: ConversationDom | null = null;
  private stage: ConversationStage | null = null;
  private pauseMenu: PauseMenu | null = null;
  private voice: CustomerVoice | null = null;
  private cleanups: Array<() => void> = [];
  private audioWatch: { port: AudioPort; off: () => void } | null = null;
  private moving = false;
  private lastTick = 0;
  private announced = '';
  private announcedCue = '';
  private lastMood: number | null = null;
  private repliesShown = false;
  private ending = false;
  private startedAt = new Date();
  /** The attempt as reporters (xAPI, SCORM) know it, and how many of its decisions they have heard of. */
  private attempt: AttemptStarted | null = null;
  private decisionsReported = 0;

  constructor() {
    super('Conversation');
  }

  init(data: ConversationData): void {
    this.input_ = data;
    this.cleanups = [];
    this.driver = null;
    this.dom = null;
    this.stage = null;
    this.pauseMenu = null;
    this.moving = false;
    this.lastTick = 0;
    this.announced = '';
    this.announcedCue = '';
    this.lastMood = null;
    this.repliesShown = false;
    this.ending = false;
    this.startedAt = new Date();
    this.attempt = null;
    this.decisionsReported = 0;
  }

  create(): void {
    this.services_ = services(this);
    this.t = presenterTranslate(this.services_);
    const screen = this.services_.overlay.mount(this, { label: this.t('conversation.screenName'), className: 'cd-conv' });
    this.screen = screen;
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, this.teardown, this);
    this.events.once(Phaser.Scenes.Events.DESTROY, this.teardown, this);
    const loading = el('p', { className: 'cd-muted', style: { position: 'absolute', left: '0', right: '0', top: '500px', textAlign: 'center' } }, this.t('conversation.loading'));
    screen.append(loading);
    void this.prepare(screen).then((scenario) => {
      loading.remove();
      if (scenario && !screen.disposed) this.begin(scenario, screen);
    });
  }

  /** Load the scenario (unless given) and its art; shows a calm message when it cannot load. */
  private async prepare(screen: Screen): Promise<Scenario | null> {
    const s = this.services_;
    let scenario = this.input_.scenario ?? null;
    let reason = '';
    if (!scenario) {
      const result = await s.loadScenario(this.input_.file);
      scenario = result.scenario;
      reason = result.diagnostics.find((d) => d.severity === 'error')?.message ?? this.input_.file;
    }
    if (screen.disposed) return null;
    if (!scenario) {
      this.showLoadFailure(screen, reason);
      return null;
    }
    await loadArt(this, { backdrops: [scenario.setting], portraits: [scenario.customer.portrait] });
    return screen.disposed ? null : scenario;
  }

  private showLoadFailure(screen: Screen, reason: string): void {
    const back = button(screen, this.t('conversation.quit'), () => this.scene.start('ScenarioSelect'), { variant: 'primary' });
    screen.append(
      el('div', { className: 'cd-panel', style: { left: '460px', top: '360px', width: '1000px' }, attrs: { role: 'alert' } },
        el('p', {}, this.t('conversation.loadFailed', { reason })),
        back),
    );
    screen.focus(back);
  }

  private begin(scenario: Scenario, screen: Screen): void {
    const s = this.services_;
    const settings = s.settings();
    this.startAudio(scenario);
    this.stage = new ConversationStage(this, scenario.setting, scenario.customer.portrait);
    this.dom = new ConversationDom(screen, this.t, { choose: (id) => this.choose(id), pause: () => this.pause() }, scenario.title, scenario.customer.name);
    this.pauseMenu = new PauseMenu(screen, this.t, {
      resume: () => this.resume(),
      restart: () => this.scene.restart({ file: this.input_.file, scenario }),
      quit: () => this.scene.start('ScenarioSelect'),
      setTextScale: (textScale: TextScale) => s.updateSettings({ textScale }),
      setReadingSpeed: (readingSpeed: ReadingSpeed) => {
        s.updateSettings({ readingSpeed });
        this.driver?.setCharsPerSecond(charsPerSecond({ readingSpeed }));
      },
    });
    this.voice = new CustomerVoice(() => s.audio, scenario.language, () => s.settings());
    const voice = this.voice;
    const replay = this.input_.replay;
    const actor = createActor(createConversationMachine(scenario), replay ? { snapshot: replay.snapshot } : {});
    const driver = createConversationDriver(actor, createRealClock(), {
      charsPerSecond: charsPerSecond(settings),
      voiceDurationMs: (line) => voice.durationMs(line),
    });
    // Subscribe after the driver, so its timing for a new phase is planned before the view reads it.
    const subscription = actor.subscribe({ next: () => this.onSnapshot(), error: () => undefined });
    this.driver = driver;
    this.cleanups.push(() => subscription.unsubscribe(), driver.onLine((e) => this.onLine(e)));
    if (replay) driver.rewind(replay.decision);
    this.attempt = { attemptId: newReportAttemptId(), file: this.input_.file, scenario, startedAt: this.startedAt };
    this.decisionsReported = decisionsOf(actor.getSnapshot().context.transcript).length;
    reportStarted(this.attempt);
    this.wireKeys(screen);
    this.events.on(Phaser.Scenes.Events.UPDATE, this.tick, this);
    this.cleanups.push(() => this.events.off(Phaser.Scenes.Events.UPDATE, this.tick, this));
    this.onSnapshot();
  }

  /** For live reload (dev): the scenario file and the machine's persisted snapshot while a conversation runs. */
  liveState(): { file: string; snapshot: Snapshot<unknown> } | null {
    return this.driver && !this.ending ? { file: this.input_.file, snapshot: this.driver.actor.getPersistedSnapshot() } : null;
  }

  private startAudio(scenario: Scenario): void {
    const s = this.services_;
    const voices = Object.values(scenario.nodes).flatMap((n) => n.says.flatMap((l) => (l.voice ? [l.voice] : [])));
    void s.audio.loadForScenario(scenario.setting, voices).then(() => {
      if (this.driver) s.audio.ambience(scenario.setting);
    });
    this.cleanups.push(() => this.audioWatch?.off());
    queueMicrotask(() => this.syncAudioState());
  }

  /** Show the muted/locked icon for the current sound port (the game may swap ports once sound has loaded). */
  private syncAudioState(): void {
    const port = this.services_.audio;
    if (this.audioWatch?.port !== port) {
      this.audioWatch?.off();
      this.audioWatch = { port, off: port.onStateChange(() => this.syncAudioState()) };
    }
    this.dom?.setAudioState(port.state());
  }

  private wireKeys(screen: Screen): void {
    const s = this.services_;
    screen.listen(screen.root, 'pointerdown', () => s.audio.unlock());
    screen.onKey((e) => {
      s.audio.unlock();
      if (e.repeat) return false;
      const key = e.key.toLowerCase();
      if (this.pauseMenu?.open) {
        if (key === 'escape' || key === 'p') {
          this.resume();
          return true;
        }
        return false;
      }
      if (key === 'escape' || key === 'p') {
        this.pause();
        return true;
      }
      if (/^[1-4]$/.test(key)) {
        const b = this.dom?.replyButton(Number(key));
        if (!b || b.closest('[hidden]')) return false;
        b.click();
        return true;
      }
      if (key === 'n' && s.settings().facilitatorMode) {
        const shown = this.dom?.toggleFacilitator() ?? false;
        s.overlay.announce(this.t(shown ? 'conversation.facilitatorShown' : 'conversation.facilitatorHidden'));
        this.refresh();
        return true;
      }
      return false;
    });
  }

  private choose(replyId: string): void {
    const driver = this.driver;
    if (!driver || this.ending) return;
    const phase = selectPhase(driver.actor.getSnapshot());
    if (phase !== 'speaking' && phase !== 'awaiting') return;
    this.dom?.markChosen(replyId);
    this.services_.audio.ui('select');
    if (phase === 'speaking') this.voice?.stop();
    driver.choose(replyId);
  }

  private pause(): void {
    const driver = this.driver;
    if (!driver || this.ending || this.pauseMenu?.open) return;
    const phase = selectPhase(driver.actor.getSnapshot());
    if (phase === 'ended') return;
    driver.pause();
    this.voice?.stop();
    this.services_.audio.ui('pause');
    const settings = this.services_.settings();
    this.pauseMenu?.show({ textScale: settings.textScale, readingSpeed: settings.readingSpeed });
    this.services_.overlay.announce(this.t('conversation.pausedAnnounce'));
  }

  private resume(): void {
    if (!this.pauseMenu?.open) return;
    this.pauseMenu.hide();
    this.services_.audio.ui('resume');
    this.driver?.resume();
    this.services_.overlay.announce(this.t('conversation.resumedAnnounce'));
  }

  private onLine(event: LineStartEvent): void {
    this.voice?.say(event.line);
  }

  /** Every machine change: redraw, play mood sounds, and leave for the debrief once it ended. */
  private onSnapshot(): void {
    const driver = this.driver;
    if (!driver) return;
    const snapshot = driver.actor.getSnapshot();
    const phase = selectPhase(snapshot);
    this.moving = phase === 'speaking' || phase === 'reacting' || (phase === 'awaiting' && driver.progress().silenceProgress !== null);
    const mood = snapshot.context.mood;
    if (this.lastMood !== null && mood !== this.lastMood) {
      const sound = moodSound(this.lastMood, mood, phase === 'ended' ? snapshot.context.transcript : null);
      if (sound) this.services_.audio.emotion(sound);
    }
    this.lastMood = mood;
    this.reportDecisions(snapshot.context.transcript);
    this.syncAudioState();
    const view = this.refresh();
    if (view?.ended && !this.ending) this.end();
  }

  /** Tell the reporters about decisions made since the last snapshot (a rewind starts the count again). */
  private reportDecisions(transcript: Transcript): void {
    const attempt = this.attempt;
    if (!attempt) return;
    const decisions = decisionsOf(transcript);
    if (decisions.length < this.decisionsReported) this.decisionsReported = decisions.length;
    for (const decision of decisions.slice(this.decisionsReported)) {
      const reply = decision.choiceId === null ? undefined : attempt.scenario.nodes[decision.nodeId]?.replies.find((r) => r.id === decision.choiceId);
      reportDecided({ ...attempt, decision, replyText: reply?.say ?? '' });
    }
    this.decisionsReported = decisions.length;
  }

  private tick(time: number): void {
    if (!this.moving || time - this.lastTick < TICK_MS) return;
    this.lastTick = time;
    this.refresh();
  }

  private refresh(): ConversationView | null {
    const driver = this.driver;
    if (!driver || !this.dom || !this.stage) return null;
    const progress = driver.progress();
    const settings = this.services_.settings();
    const view = presentConversation(
      conversationInput(driver.actor.getSnapshot(), progress),
      { facilitatorMode: settings.facilitatorMode, reducedMotion: settings.reducedMotion },
      this.t,
    );
    this.dom.render(view);
    this.stage.setExpression(view.portrait.expression, view.tweenMs);
    this.stage.setMood(view.mood, view.tweenMs);
    // One live-region message per change: the new line, and once per turn the "still talking" cue with it.
    const parts: string[] = [];
    if (view.announce && view.announce.key !== this.announced) {
      this.announced = view.announce.key;
      parts.push(view.announce.text);
    }
    if (view.talkingAnnouncement && view.talkingAnnouncement.key !== this.announcedCue) {
      this.announcedCue = view.talkingAnnouncement.key;
      parts.push(view.talkingAnnouncement.text);
    }
    if (parts.length > 0) this.services_.overlay.announce(parts.join(' '));
    if (view.repliesVisible && !this.repliesShown) this.dom.focusFirstReplyIfIdle();
    this.repliesShown = view.repliesVisible;
    return view;
  }

  private end(): void {
    const driver = this.driver;
    if (!driver) return;
    this.ending = true;
    this.moving = false;
    const snapshot = driver.actor.getSnapshot();
    const persisted = driver.actor.getPersistedSnapshot();
    const scenario = snapshot.context.scenario;
    const transcript = snapshot.context.transcript;
    this.services_.overlay.announce(this.t('conversation.endedAnnounce'));
    const started = this.startedAt;
    const attempt = this.attempt;
    void finishConversation(this.services_, scenario, transcript, started, rubrics, { fromFile: isYourFile(this.input_.file) }).then((result) => {
      if (attempt) reportFinished({ ...attempt, transcript, result, finishedAt: new Date(result.record.finishedAt) });
      if (!this.screen || this.screen.disposed) return;
      if (!result.saved) this.dom?.setNotice(this.t('conversation.notSaved'));
      // A window timer, not the scene clock: the hand-over must not wait for slow frames.
      const timer = window.setTimeout(() => {
        if (this.screen?.disposed !== false) return;
        this.scene.start('Debrief', {
          file: this.input_.file,
          scenario,
          transcript,
          score: result.score,
          snapshot: persisted,
          saved: result.saved,
        });
      }, END_DELAY_MS);
      this.screen.onDispose(() => window.clearTimeout(timer));
    });
  }

  private teardown(): void {
    this.events.off(Phaser.Scenes.Events.SHUTDOWN, this.teardown, this);
    this.events.off(Phaser.Scenes.Events.DESTROY, this.teardown, this);
    for (const cleanup of this.cleanups.splice(0).reverse()) cleanup();
    this.voice?.stop();
    this.voice = null;
    this.audioWatch = null;
    this.driver?.dispose();
    this.driver = null;
    this.pauseMenu = null;
    this.dom = null;
    this.stage = null;
    this.screen = null;
    this.services_?.audio.ambience(null);
  }
}
