import * as Phaser from 'phaser';
import type { CatalogEntry } from '../../build/catalogEntry.ts';
import { rubrics } from 'virtual:scenario-catalog';
import { passScoreFrom, presentSelect, statsFromResults, type LanguageFilter, type SelectCard } from '../../presenter/select.ts';
import { services } from '../services.ts';
import { backdropKey } from '../textures.ts';
import { el, uniqueId } from '../ui/dom.ts';
import { arrowNavigation, bindKeys } from '../ui/keys.ts';
import type { Screen } from '../ui/screen.ts';
import { button, segmented } from '../ui/widgets.ts';
import '../select/select.css';
import { addBackdrop } from './common.ts';

const FILTER_KEY = 'calm-desk/select-filter';

/** Scenario cards with language filter, best score and attempts; opens the Briefing. */
export class ScenarioSelect extends Phaser.Scene {
  constructor() {
    super('ScenarioSelect');
  }

  create(data: { focusFile?: string } = {}): void {
    const s = services(this);
    const { overlay, t, catalog, store } = s;
    const options = { language: s.settings().language, passScore: passScoreFrom(rubrics) };
    addBackdrop(this, backdropKey('office'));
    this.add.rectangle(960, 540, 1920, 1080, 0xdde7ea, 0.55);
    const stats = statsFromResults(store.results());
    let filter = (this.registry.get(FILTER_KEY) as LanguageFilter | undefined) ?? 'all';
    const initial = presentSelect(catalog, stats, filter, t, options);
    const screen = overlay.mount(this, { label: initial.heading, className: 'cd-select', uiSounds: true });

    const back = button(screen, initial.backLabel, () => this.scene.start('Title'), { shortcut: 'Escape', testId: 'back' });
    const list = el('ul', { className: 'cd-plain-list cd-cards', attrs: { 'aria-label': initial.heading } });
    const status = el('p', { className: 'cd-hint' });
    const course = el('p', { className: 'cd-select-course', data: { testid: 'course' } });
    const filterControl = segmented(
      screen,
      initial.filterLabel,
      initial.filters.map((f) => ({ value: f.value, label: f.label })),
      filter,
      (value) => {
        filter = value;
        this.registry.set(FILTER_KEY, value);
        const view = render();
        overlay.announce(view.shownText);
      },
    );
    const render = () => {
      const view = presentSelect(catalog, stats, filter, t, options);
      list.replaceChildren(...view.cards.map((c) => cardElement(screen, c, () => this.open(c, catalog))));
      status.textContent = view.emptyText ?? `${view.shownText} ${view.numberHint}`;
      course.textContent = view.courseText ?? '';
      course.hidden = view.courseText === null;
      return view;
    };
    render();

    const panel = el(
      'div',
      { className: 'cd-panel cd-select-panel' },
      el('div', { className: 'cd-select-head' }, el('div', {}, el('h1', {}, initial.heading), el('p', { className: 'cd-muted' }, initial.intro)), back),
      el('div', { className: 'cd-row cd-select-filter' }, filterControl, status),
      course,
      list,
    );
    screen.append(panel);
    this.showYourFiles(screen, panel, list, data.focusFile);
    arrowNavigation(screen, list);
    bindKeys(screen, {
      back: () => this.scene.start('Title'),
      number: (n) => {
        const target = list.querySelectorAll<HTMLButtonElement>('button.cd-card')[n - 1];
        if (!target) return false;
        target.focus();
        target.click();
        return true;
      },
    });
    const focusTarget =
      (data.focusFile && list.querySelector<HTMLElement>(`button[data-file="${CSS.escape(data.focusFile)}"]`)) ||
      list.querySelector<HTMLElement>('.cd-card-item[data-recommended="true"] button.cd-card') ||
      list.querySelector<HTMLElement>('button.cd-card');
    screen.focus(focusTarget ?? back);
  }

  /** "Your files": the files opened this session, above the bundled scenarios (once the checker has loaded). */
  private showYourFiles(screen: Screen, panel: HTMLElement, list: HTMLElement, focusFile: string | undefined): void {
    const s = services(this);
    void Promise.all([s.yourFiles(), import('../authoring/yourFilesList.ts')]).then(([files, { yourFilesSection }]) => {
      if (screen.disposed) return;
      const section = yourFilesSection(screen, s, files, (file) => this.scene.start('Briefing', { file }));
      panel.insertBefore(section.element, list);
      const target = focusFile ? section.button(focusFile) : null;
      if (target) screen.focus(target);
    });
  }

  private open(card: SelectCard, catalog: readonly CatalogEntry[]): void {
    const entry = catalog.find((e) => e.file === card.file);
    if (!entry) return;
    if (!entry.playable) {
      services(this).overlay.announce(`${card.title}: ${card.problem ?? ''}`, { assertive: true });
      return;
    }
    this.scene.start('Briefing', { file: entry.file });
  }
}

/**
 * One card: the title is the button (its accessible name is exactly the visible title), the
 * details describe it; the button's hit area stretches over the whole card.
 */
function cardElement(screen: Screen, card: SelectCard, onOpen: () => void): HTMLElement {
  const detailsId = uniqueId('card');
  const dots = card.difficultyLevel
    ? el('span', { className: 'cd-dots', attrs: { 'aria-hidden': 'true' } }, '●'.repeat(card.difficultyLevel) + '○'.repeat(Math.max(0, 5 - card.difficultyLevel)))
    : null;
  const action = el('button', { className: 'cd-card', attrs: { type: 'button', 'aria-describedby': detailsId }, data: { file: card.file, playable: String(card.playable) } }, card.title);
  if (card.number <= 9) action.setAttribute('aria-keyshortcuts', String(card.number));
  if (!card.playable) action.setAttribute('aria-disabled', 'true');
  screen.listen(action, 'click', onOpen);
  const badge = card.badge ? el('span', { className: 'cd-badge cd-card-badge', data: { tone: card.recommended ? 'warm' : 'calm' } }, card.badge) : null;
  return el(
    'li',
    { className: 'cd-card-item', data: { playable: String(card.playable), recommended: String(card.recommended), passed: String(card.passed) } },
    el('span', { className: 'cd-card-number', attrs: { 'aria-hidden': 'true' } }, String(card.number)),
    el('h2', { className: 'cd-card-title' }, action),
    el(
      'div',
      { id: detailsId, className: 'cd-card-details' },
      badge,
      el('span', { className: 'cd-card-meta' }, [card.step, card.language, card.difficulty, card.minutes].filter(Boolean).join(' · '), ' ', dots ?? ''),
      card.summary ? el('span', { className: 'cd-card-summary' }, card.summary) : null,
      card.problem
        ? el('span', { className: 'cd-badge', data: { tone: 'error' } }, card.problem)
        : el('span', { className: 'cd-card-score' }, [card.best, card.attempts].filter(Boolean).join(' · ')),
    ),
  );
}
