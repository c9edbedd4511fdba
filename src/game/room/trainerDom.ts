/**
 * The trainer's DOM (the presenter window, and the panel on a single screen): notes, the replies
 * with their tags and effects, the paths, the controls and the export buttons. The buttons are
 * built once and updated in place, so focus stays where the trainer left it.
 */
import type { RoomPresenterView, TrainerControl } from '../../presenter/roomPresenter.ts';
import { el } from '../ui/dom.ts';
import type { Screen } from '../ui/screen.ts';
import { button } from '../ui/widgets.ts';

export interface TrainerHandlers {
  command(command: string): void;
  exportJson(): void;
  exportHtml(): void;
  reopenProjector?: () => void;
}

export class TrainerDom {
  readonly main: HTMLElement;
  readonly side: HTMLElement;
  private readonly facts = el('p', { className: 'cd-room-facts', data: { testid: 'trainer-facts' } });
  private readonly alert = el('div', { className: 'cd-room-alert', attrs: { role: 'alert' } });
  private readonly heading = el('h1');
  private readonly notes = el('div', { className: 'cd-room-stack' });
  private readonly repliesHeading = el('h2');
  private readonly cards = el('ol', { className: 'cd-room-cards', data: { testid: 'trainer-replies' } });
  private readonly noReplies = el('p');
  private readonly controls = el('div', { className: 'cd-room-controls', data: { testid: 'trainer-controls' } });
  private readonly paths = el('section', { className: 'cd-room-small-paths', data: { testid: 'trainer-paths' } });
  private readonly buttons = new Map<string, HTMLButtonElement>();
  private readonly exportHeading = el('h2');
  private readonly jsonButton: HTMLButtonElement;
  private readonly htmlButton: HTMLButtonElement;
  private readonly alertText = el('p');

  constructor(private readonly screen: Screen, private readonly handlers: TrainerHandlers, labels: { controls: string }) {
    this.jsonButton = button(screen, '', () => handlers.exportJson(), { testId: 'export-json', shortcut: 'J' });
    this.htmlButton = button(screen, '', () => handlers.exportHtml(), { testId: 'export-html', shortcut: 'E' });
    this.alert.append(this.alertText);
    if (handlers.reopenProjector) {
      const reopen = handlers.reopenProjector;
      this.alert.append(button(screen, '', () => reopen(), { testId: 'reopen-projector' }));
    }
    this.main = el(
      'div',
      { className: 'cd-room-trainer' },
      this.heading,
      this.facts,
      this.alert,
      this.notes,
      el('section', { attrs: { 'aria-label': 'replies' } }, this.repliesHeading, this.noReplies, this.cards),
    );
    this.side = el(
      'div',
      { className: 'cd-room-trainer' },
      el('h2', {}, labels.controls),
      this.controls,
      this.paths,
      el('section', {}, this.exportHeading, el('div', { className: 'cd-row' }, this.jsonButton, this.htmlButton)),
    );
  }

  render(view: RoomPresenterView, reopenLabel = ''): void {
    this.heading.textContent = `${view.heading}: ${view.title}`;
    this.facts.replaceChildren(...[view.elapsedText, view.phaseText, view.modeText].map((text) => el('span', {}, text)));
    this.alert.hidden = view.connection === null;
    this.alertText.textContent = view.connection ?? '';
    const reopen = this.alert.querySelector('button');
    if (reopen) reopen.textContent = reopenLabel;
    this.notes.replaceChildren(
      ...[view.nodeNote, view.scenarioNote].flatMap((note) =>
        note ? [el('aside', { className: 'cd-room-note', attrs: { 'aria-label': note.heading } }, el('h2', {}, note.heading), el('p', {}, note.text))] : [],
      ),
    );
    this.repliesHeading.textContent = view.repliesHeading;
    this.noReplies.hidden = view.noReplies === null;
    this.noReplies.textContent = view.noReplies ?? '';
    this.cards.replaceChildren(
      ...view.replies.map((r) =>
        el(
          'li',
          { className: 'cd-room-card', data: { best: String(r.best), testid: `trainer-reply-${r.letter}` } },
          el('p', {}, el('strong', {}, `${r.letter}: `), r.text),
          el(
            'p',
            {},
            el('span', { className: 'cd-room-chip', data: { verdict: r.verdict } }, r.verdictText),
            r.best ? el('span', { className: 'cd-room-chip' }, '★') : null,
            r.votes !== null ? el('span', { className: 'cd-room-chip' }, `✋ ${r.votes}`) : null,
            `${r.moodText} · ${r.leadsTo}`,
          ),
          r.tags.length > 0 ? el('p', {}, r.tags.join(' · ')) : null,
        ),
      ),
    );
    this.renderControls(view.controls);
    this.paths.replaceChildren(
      el('h2', {}, view.paths.heading),
      view.paths.bestScore ? el('p', {}, view.paths.bestScore) : '',
      el(
        'table',
        { className: 'cd-room-paths' },
        el('thead', {}, el('tr', {}, el('th', { attrs: { scope: 'col' } }, '#'), el('th', { attrs: { scope: 'col' } }, view.paths.classHeading), el('th', { attrs: { scope: 'col' } }, view.paths.bestHeading))),
        el(
          'tbody',
          {},
          ...view.paths.rows.map((row) =>
            el('tr', { data: { same: String(row.same) } }, el('td', {}, String(row.number)), el('td', {}, el('div', {}, row.classText)), el('td', {}, el('div', {}, row.bestText))),
          ),
        ),
      ),
    );
    this.exportHeading.textContent = view.exports.heading;
    this.jsonButton.textContent = view.exports.json;
    this.htmlButton.textContent = view.exports.html;
  }

  private renderControls(controls: readonly TrainerControl[]): void {
    for (const control of controls) {
      let b = this.buttons.get(control.command);
      if (!b) {
        b = button(this.screen, '', () => this.handlers.command(control.command), { testId: `control-${control.command}`, shortcut: control.shortcut ?? control.keys.split(' ')[0] });
        this.buttons.set(control.command, b);
        this.controls.append(b);
      }
      // The keys never break inside: "Blank screen (B or .)" wraps, if at all, before the bracket.
      const text = `${control.label} (${control.keys})`;
      if (b.textContent !== text) b.replaceChildren(el('span', {}, `${control.label} `, el('span', { className: 'cd-room-control-keys' }, `(${control.keys})`)));
      if (control.pressed !== undefined) b.setAttribute('aria-pressed', String(control.pressed));
      b.disabled = control.disabled === true;
    }
  }
}
