import * as Phaser from 'phaser';
import { presentBriefing } from '../../presenter/briefing.ts';
import { ensureScene, goTo } from '../navigation.ts';
import { services } from '../services.ts';
import { backdropKey, loadArt, portraitKey } from '../textures.ts';
import { el } from '../ui/dom.ts';
import { arrowNavigation, bindKeys } from '../ui/keys.ts';
import { button } from '../ui/widgets.ts';
import '../briefing/briefing.css';
import { addBackdrop } from './common.ts';

export interface BriefingData {
  /** Catalog path of the scenario, e.g. `scenarios/kettle-returned-twice.en.yaml`. */
  file: string;
}

/** Who the customer is, what they need and expect, the goals (and the facilitator note); then the conversation. */
export class Briefing extends Phaser.Scene {
  constructor() {
    super('Briefing');
  }

  create(data: BriefingData): void {
    const s = services(this);
    const { overlay, t } = s;
    const entry = s.entry(data.file);
    if (!entry) {
      this.scene.start('ScenarioSelect');
      return;
    }
    const view = presentBriefing(entry, s.settings().facilitatorMode, t);
    const screen = overlay.mount(this, { label: view.heading, className: 'cd-briefing', uiSounds: true });
    const backToList = () => this.scene.start('ScenarioSelect', { focusFile: entry.file });

    const status = el('p', { className: 'cd-hint', attrs: { role: 'status' } }, view.startHint);
    const start = button(screen, view.startLabel, () => void begin(), { variant: 'primary', testId: 'start' });
    const back = button(screen, view.backLabel, backToList, { shortcut: 'Escape', testId: 'back' });
    const actions = el('div', { className: 'cd-row' }, start, back);
    const lang = view.contentLanguage ?? undefined;
    const content = el(
      'div',
      { className: 'cd-panel cd-briefing-panel cd-scroll-shadow', attrs: { tabindex: '0', role: 'region', 'aria-label': view.title } },
      el('p', { className: 'cd-eyebrow' }, view.heading),
      el('h1', { attrs: lang ? { lang } : {} }, view.title),
      el('p', { className: 'cd-muted cd-briefing-facts' }, view.facts),
      el('p', { className: 'cd-briefing-summary', attrs: lang ? { lang } : {} }, view.summary),
      // In facilitator mode the trainer's prompt comes right after the summary, where the room sees it.
      view.facilitator
        ? el('div', { className: 'cd-facilitator', attrs: { role: 'note' } }, el('h2', {}, view.facilitator.heading), el('p', { attrs: lang ? { lang } : {} }, view.facilitator.text))
        : null,
      view.background
        ? el('section', { className: 'cd-briefing-background' }, el('h2', {}, view.background.heading), ...paragraphs(view.background.text, lang))
        : null,
      el(
        'dl',
        { className: 'cd-brief' },
        ...view.sections.flatMap((section) => [el('dt', {}, section.heading), el('dd', { attrs: lang ? { lang } : {} }, section.text)]),
      ),
      view.noBrief ? el('p', { className: 'cd-muted' }, view.noBrief) : null,
      view.goals.length > 0
        ? el('div', { className: 'cd-goals' }, el('h2', {}, view.goalsHeading), el('ul', { attrs: lang ? { lang } : {} }, ...view.goals.map((g) => el('li', {}, g))))
        : null,
    );
    const footer = el('div', { className: 'cd-briefing-actions' }, actions, status);
    const customer = el('p', { className: 'cd-briefing-customer' }, el('span', { className: 'cd-eyebrow' }, view.customerHeading), el('span', {}, view.customerName));
    screen.append(customer, el('div', { className: 'cd-briefing-column' }, content, footer));
    arrowNavigation(screen, actions);
    bindKeys(screen, { back: backToList });
    screen.focus(start);

    // The scenario's backdrop and portrait load lazily, while the player reads.
    if (entry.setting && entry.portrait) {
      const setting = entry.setting;
      const portrait = entry.portrait;
      void loadArt(this, { backdrops: [setting], portraits: [portrait] }).then(() => {
        if (screen.disposed) return;
        addBackdrop(this, backdropKey(setting))?.setDepth(-2);
        this.add.rectangle(960, 540, 1920, 1080, 0xdde7ea, 0.35).setDepth(-1);
        if (this.textures.exists(portraitKey(portrait, 'neutral'))) {
          this.add.image(400, 1080, portraitKey(portrait, 'neutral')).setOrigin(0.5, 1).setScale(1.15);
        }
      });
    }
    // Start fetching the scenario's content (and the conversation code) now, so Start is instant.
    const loading = Promise.all([s.loadScenario(entry.file), ensureScene(this, 'Conversation')]);

    let starting = false;
    const begin = async () => {
      if (starting) return;
      starting = true;
      start.disabled = true;
      status.textContent = t('briefing.loading');
      const [result] = await loading;
      if (screen.disposed) return;
      if (!result.scenario) {
        const reason = result.diagnostics.find((d) => d.severity === 'error')?.message ?? entry.file;
        status.textContent = t('briefing.loadFailed', { reason });
        status.setAttribute('role', 'alert');
        starting = false;
        back.focus();
        return;
      }
      const started = await goTo(this, 'Conversation', { file: entry.file, scenario: result.scenario });
      if (!started && !screen.disposed) {
        status.textContent = t('briefing.loadFailed', { reason: 'Conversation' });
        starting = false;
        start.disabled = false;
      }
    };
  }
}

/** A long text as paragraphs: blank lines in the scenario file separate them. */
function paragraphs(text: string, lang: string | undefined): HTMLElement[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => el('p', { attrs: lang ? { lang } : {} }, p));
}
