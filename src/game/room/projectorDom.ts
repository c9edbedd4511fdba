/**
 * The projector's DOM: the customer's line, the replies A–D (with a bar each during a vote), the
 * status banners, the reveal card, the key help and the blank screen. It renders a
 * `RoomProjectorView` and rebuilds only what changed.
 */
import type { RoomProjectorView, RoomRevealView } from '../../presenter/roomProjector.ts';
import { el } from '../ui/dom.ts';
import type { Screen } from '../ui/screen.ts';
import { button } from '../ui/widgets.ts';

export interface ProjectorHandlers {
  openPresenter(): void;
  help(): void;
}

export class ProjectorDom {
  readonly root: HTMLElement;
  private readonly status = el('ul', { className: 'cd-room-status', data: { testid: 'room-status' } });
  private readonly name = el('p', { className: 'cd-room-name' });
  private readonly heading = el('h1', { className: 'cd-sr-only' });
  private readonly lines = el('section', { className: 'cd-room-panel cd-room-lines', data: { testid: 'room-lines' } });
  private readonly replies = el('section', { className: 'cd-room-panel cd-room-replies', data: { testid: 'room-replies' } });
  private readonly list = el('ol', { className: 'cd-room-list' });
  private readonly vote = el('div', { className: 'cd-room-panel cd-room-vote', data: { testid: 'room-vote' }, attrs: { role: 'status' } });
  private readonly ended = el('section', { className: 'cd-room-panel cd-room-ended', data: { testid: 'room-ended' } });
  private readonly reveal = el('section', { className: 'cd-room-panel cd-room-cover', data: { testid: 'room-reveal' } });
  private readonly help = el('section', { className: 'cd-room-panel cd-room-cover cd-room-help', data: { testid: 'room-help' } });
  private readonly blank = el('div', { className: 'cd-room-blank', data: { testid: 'room-blank' } });
  private readonly hint = el('p', { className: 'cd-room-hint' });
  private replyKey = '';
  private revealKey = '';
  private helpBuilt = false;

  constructor(
    private readonly screen: Screen,
    private readonly words: { repliesLabel: string; helpHeading: string; blankLabel: string; openPresenter: string; keys: Array<{ keys: string; action: string }> },
    handlers: ProjectorHandlers,
  ) {
    this.replies.setAttribute('aria-label', words.repliesLabel);
    this.replies.append(el('h2', {}, words.repliesLabel), this.list);
    this.blank.append(el('p', { className: 'cd-sr-only' }, words.blankLabel));
    const presenter = button(screen, words.openPresenter, () => handlers.openPresenter(), { variant: 'quiet', shortcut: 'W', testId: 'room-open-presenter' });
    const keys = button(screen, '?', () => handlers.help(), { variant: 'quiet', shortcut: '?', testId: 'room-help-button', ariaLabel: words.helpHeading });
    this.hint.append(presenter, keys);
    this.root = el('div', {}, this.heading, this.status, this.name, this.lines, this.vote, this.replies, this.ended, this.hint, this.reveal, this.help, this.blank);
    screen.append(this.root);
  }

  render(view: RoomProjectorView): void {
    this.name.textContent = view.customerName;
    this.heading.textContent = view.title;
    this.renderStatus(view);
    this.renderLines(view);
    this.renderReplies(view);
    this.vote.hidden = view.vote === null || !view.repliesVisible;
    if (view.vote) {
      this.vote.replaceChildren(el('p', {}, el('strong', {}, `${view.vote.heading} · ${view.vote.totalText}`)), el('p', {}, view.vote.instruction));
    }
    this.ended.hidden = view.ended === null;
    if (view.ended && this.ended.dataset.built !== 'true') {
      this.ended.dataset.built = 'true';
      this.ended.replaceChildren(el('h2', {}, view.ended.heading), el('p', {}, view.ended.text));
    }
    if (!view.ended) this.ended.dataset.built = 'false';
    this.renderReveal(view.reveal);
    this.help.hidden = !view.help;
    this.blank.hidden = !view.blank;
    this.hint.hidden = view.blank;
  }

  /** Build the key help once (it never changes while the scene runs). */
  buildHelp(): void {
    if (this.helpBuilt) return;
    this.helpBuilt = true;
    const list = el('dl', { className: 'cd-room-keys' }, ...this.words.keys.map((k) => el('div', {}, el('dt', {}, k.keys), el('dd', {}, k.action))));
    this.help.append(el('h2', {}, this.words.helpHeading), list);
  }

  private renderStatus(view: RoomProjectorView): void {
    const key = view.status.map((s) => s.id + s.text).join('|');
    if (this.status.dataset.key === key) return;
    this.status.dataset.key = key;
    this.status.replaceChildren(...view.status.map((s) => el('li', { data: { id: s.id } }, s.text)));
  }

  private renderLines(view: RoomProjectorView): void {
    const nodes = view.captions.map((c) =>
      el(
        'p',
        { className: 'cd-room-line', data: { own: String(c.own), long: String(c.text.length > 200) } },
        el('span', { className: 'cd-room-speaker' }, c.speaker),
        c.action ? el('span', { className: 'cd-room-action' }, `(${c.action}) `) : null,
        el('span', {}, c.shown),
        el('span', { className: 'cd-room-rest', attrs: { 'aria-hidden': 'true' } }, c.rest),
      ),
    );
    if (view.talkingCue) nodes.push(el('p', { className: 'cd-room-cue' }, view.talkingCue));
    this.lines.replaceChildren(...nodes);
  }

  private renderReplies(view: RoomProjectorView): void {
    this.replies.hidden = !view.repliesVisible;
    const key = view.replies.map((r) => `${r.id}:${r.vote ? `${r.vote.count}/${r.vote.focused}/${r.vote.winner}/${r.vote.fraction.toFixed(3)}` : ''}`).join('|');
    if (key === this.replyKey) return;
    this.replyKey = key;
    this.list.replaceChildren(
      ...view.replies.map((r) => {
        const item = el(
          'li',
          {
            className: 'cd-room-reply',
            data: { testid: `room-reply-${r.letter}`, reply: r.id, voting: String(r.vote !== null), focused: String(r.vote?.focused ?? false), winner: String(r.vote?.winner ?? false) },
            attrs: { 'aria-label': r.label },
          },
          el('span', { className: 'cd-room-letter', attrs: { 'aria-hidden': 'true' } }, r.letter),
          el('span', { className: 'cd-room-reply-text', attrs: { 'aria-hidden': 'true' } }, r.action ? el('span', { className: 'cd-room-action' }, `(${r.action}) `) : '', r.text),
        );
        if (r.vote) {
          const fill = el('div', { className: 'cd-room-bar-fill', style: { width: `${Math.round(r.vote.fraction * 100)}%` } });
          item.append(
            el(
              'span',
              { className: 'cd-room-bar', data: { testid: `room-bar-${r.letter}` } },
              el('span', { className: 'cd-room-bar-track', attrs: { 'aria-hidden': 'true' } }, fill),
              el('span', { className: 'cd-room-bar-count' }, String(r.vote.count)),
            ),
          );
          item.setAttribute('aria-label', `${r.label} (${r.vote.text})`);
        }
        return item;
      }),
    );
  }

  private renderReveal(reveal: RoomRevealView | null): void {
    this.reveal.hidden = reveal === null;
    if (!reveal) {
      this.revealKey = '';
      return;
    }
    if (reveal.heading === this.revealKey) return;
    this.revealKey = reveal.heading;
    const left = el(
      'div',
      {},
      reveal.youSaid ? el('p', { className: 'cd-room-said' }, `“${reveal.youSaid}”`) : null,
      reveal.good.length > 0 ? el('h3', {}, reveal.labels.good) : null,
      reveal.good.length > 0 ? el('ul', { className: 'cd-room-marks', data: { tone: 'good' } }, ...reveal.good.map((g) => el('li', {}, g))) : null,
      reveal.bad.length > 0 ? el('h3', {}, reveal.labels.bad) : null,
      reveal.bad.length > 0 ? el('ul', { className: 'cd-room-marks', data: { tone: 'bad' } }, ...reveal.bad.map((g) => el('li', {}, g))) : null,
      el('p', {}, reveal.moodText),
    );
    const right = el(
      'div',
      {},
      reveal.feedback ? el('h3', {}, reveal.labels.feedback) : null,
      reveal.feedback ? el('p', {}, reveal.feedback) : null,
      reveal.better ? el('h3', {}, reveal.better.heading) : null,
      reveal.better ? el('p', {}, `“${reveal.better.text}”`) : null,
      reveal.better ? el('p', {}, reveal.better.why) : null,
    );
    this.reveal.replaceChildren(el('h2', {}, reveal.heading), el('div', { className: 'cd-room-columns' }, left, right), el('p', { className: 'cd-room-foot' }, reveal.labels.close));
  }
}
