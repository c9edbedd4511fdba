/**
 * The debrief: the score, the customer's own rating, the mood over time and every decision
 * with what it did and what would have worked better; then replay from a decision, play again
 * or move on. All of it is DOM text (readable by screen readers and on a projector); the mood
 * plot's code loads only here.
 *
 * Started by the Conversation scene with a `DebriefData`.
 */
import * as Phaser from 'phaser';
import type { Snapshot } from 'xstate';
import { rubrics } from 'virtual:scenario-catalog';
import { rubricFor } from '../../scoring/rubric.ts';
import type { Transcript } from '../../conversation/transcript.ts';
import { presentDebrief } from '../../presenter/debrief.ts';
import { nextInCourse, passScoreFrom, statsFromResults } from '../../presenter/select.ts';
import type { Scenario } from '../../scenario/model.ts';
import type { ScoreReport } from '../../scoring/report.ts';
import { debriefDocument } from '../debrief/debriefDom.ts';
import '../debrief/debrief.css';
import { presenterTranslate } from '../conversation/translate.ts';
import { services } from '../services.ts';
import { backdropKey } from '../textures.ts';
import { PALETTE } from '../theme.ts';
import { el } from '../ui/dom.ts';
import { arrowNavigation } from '../ui/keys.ts';
import { button } from '../ui/widgets.ts';
import type { ConversationData } from './Conversation.ts';

/** What the Conversation scene hands over when a conversation ends. */
export interface DebriefData {
  file: string;
  scenario: Scenario;
  transcript: Transcript;
  score: ScoreReport;
  /** The finished machine's persisted snapshot: replaying from a decision rewinds it. */
  snapshot: Snapshot<unknown>;
  /** False when the browser refused to save the result. */
  saved: boolean;
}

export class Debrief extends Phaser.Scene {
  private input_!: DebriefData;

  constructor() {
    super('Debrief');
  }

  init(data: DebriefData): void {
    this.input_ = data;
  }

  create(): void {
    if (!this.input_?.scenario || !this.input_.score) {
      // Nothing to show (e.g. opened without a finished conversation): back to the list.
      this.scene.start('ScenarioSelect');
      return;
    }
    const s = services(this);
    const t = presenterTranslate(s);
    const { scenario, transcript, score } = this.input_;
    this.drawBackdrop(scenario);
    const view = presentDebrief(scenario, transcript, score, t);
    const screen = s.overlay.mount(this, { label: t('debrief.screenName'), className: 'cd-debrief' });
    const again: ConversationData = { file: this.input_.file, scenario };
    const doc = debriefDocument(screen, view, {
      replay: (decision) => this.go('Conversation', { ...again, replay: { snapshot: this.input_.snapshot, decision } }),
    });
    const next = this.nextScenarioFile();
    const mapStatus = el('p', { className: 'cd-debrief-notice', attrs: { role: 'status', 'aria-live': 'polite' }, data: { testid: 'map-status' } });
    const actions = el(
      'nav',
      { className: 'cd-debrief-actions', attrs: { 'aria-label': view.actions.heading } },
      button(screen, view.actions.playAgain, () => this.go('Conversation', again), { variant: 'primary', testId: 'play-again' }),
      next ? button(screen, view.actions.nextScenario, () => this.go('Briefing', { file: next }), { testId: 'next-scenario' }) : null,
      button(screen, view.actions.back, () => this.go('ScenarioSelect', { focusFile: this.input_.file }), { testId: 'back-to-scenarios', shortcut: 'Escape' }),
      button(screen, t('graph.seeMap'), () => this.seeMap(mapStatus), { testId: 'see-map' }),
      el('p', { className: 'cd-hint' }, view.keysHint),
    );
    const notice = this.input_.saved ? null : el('p', { className: 'cd-debrief-notice', attrs: { role: 'status' } }, t('debrief.notSaved'));
    screen.append(el('div', { className: 'cd-debrief-layout' }, doc.scroller, actions, notice, mapStatus));
    arrowNavigation(screen, actions);
    screen.onKey((e) => {
      if (e.key === 'Escape') {
        this.go('ScenarioSelect', { focusFile: this.input_.file });
        return true;
      }
      return false;
    });
    screen.focus(doc.heading);
    s.overlay.announce(`${view.heading}. ${view.overall.label}: ${view.overall.valueText}. ${view.outcome.label}.`);
    void import('../debrief/moodPlot.ts').then(({ moodPlot }) => {
      if (screen.disposed) return;
      doc.plotSlot.replaceChildren(moodPlot(view.mood, doc.plotLabelId));
    });
  }

  /** The map of the scenario with the player's path: its code (and the layout library) loads only now. */
  private seeMap(status: HTMLElement): void {
    const s = services(this);
    const { scenario, transcript } = this.input_;
    // Opened now, inside the click, so a pop-up blocker lets the tab through; filled once drawn.
    const tab = window.open('', '_blank');
    void import('../debrief/seeMap.ts').then(({ seeMap }) =>
      seeMap({ scenario, transcript, language: s.i18n.language, rubric: rubricFor(scenario.rubric, rubrics), t: presenterTranslate(s), status, tab }),
    );
  }

  private drawBackdrop(scenario: Scenario): void {
    const { width, height } = this.scale;
    const key = backdropKey(scenario.setting);
    if (this.textures.exists(key)) this.add.image(width / 2, height / 2, key).setDisplaySize(width, height);
    this.add.rectangle(width / 2, height / 2, width, height, PALETTE.sky, this.textures.exists(key) ? 0.55 : 1);
  }

  /** The next scenario in the course: the first not yet passed, else the one after this (same language). */
  private nextScenarioFile(): string | null {
    const { catalog, store } = services(this);
    return nextInCourse(catalog, statsFromResults(store.results()), this.input_.file, this.input_.scenario.language, { passScore: passScoreFrom(rubrics) })?.file ?? null;
  }

  private go(key: string, data: object): void {
    services(this).audio.ui('select');
    this.scene.start(key, data);
  }
}
