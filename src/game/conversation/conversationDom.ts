/**
 * The conversation screen's DOM: captions, numbered reply buttons, the quiet cues, the
 * facilitator note, the audio icon and the keys hint. It renders a `ConversationView` and
 * touches only what changed, so focus stays where the player left it and nothing is rebuilt
 * while the customer talks.
 */
import type { AudioState } from '../../audio/port.ts';
import type { CaptionView, ConversationView, ReplyView } from '../../presenter/conversation.ts';
import type { Translate } from '../../presenter/conversationText.ts';
import { el } from '../ui/dom.ts';
import type { Screen } from '../ui/screen.ts';
import { button } from '../ui/widgets.ts';

export interface ConversationDomHandlers {
  choose(replyId: string): void;
  pause(): void;
}

const RING_LENGTH = 2 * Math.PI * 20;

export class ConversationDom {
  private readonly captionsBox: HTMLElement;
  private readonly cue: HTMLElement;
  private readonly repliesBox: HTMLElement;
  private readonly repliesHeading: HTMLElement;
  private readonly note: HTMLElement;
  private readonly ring: SVGSVGElement;
  private readonly ringLeft: SVGCircleElement;
  private readonly wait: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly facilitator: HTMLElement;
  private readonly facilitatorText: HTMLElement;
  private readonly moodBadge: HTMLElement;
  private readonly audio: HTMLElement;
  private readonly audioText: HTMLElement;
  private readonly notice: HTMLElement;
  private readonly hint: HTMLElement;
  private captionKeys = '';
  private captionNodes: Array<{ shown: Text; rest: Text }> = [];
  private replyKeys = '';
  private replyButtons: HTMLButtonElement[] = [];
  private facilitatorHidden = false;

  constructor(
    private readonly screen: Screen,
    private readonly t: Translate,
    private readonly handlers: ConversationDomHandlers,
    title: string,
    customerName: string,
  ) {
    const pauseButton = button(screen, t('conversation.pauseButton'), () => handlers.pause(), {
      variant: 'secondary',
      shortcut: 'P Escape',
      testId: 'pause',
    });
    this.audioText = el('span');
    this.audio = el('p', { className: 'cd-conv-audio', data: { testid: 'audio-state' } }, mutedIcon(), this.audioText);
    this.audio.hidden = true;
    const top = el(
      'div',
      { className: 'cd-conv-top' },
      el('h1', { className: 'cd-conv-title' }, title),
      this.audio,
      pauseButton,
    );

    this.moodBadge = el('span', { className: 'cd-conv-mood', data: { testid: 'mood' } });
    const name = el('p', { className: 'cd-conv-name' }, el('strong', {}, customerName), this.moodBadge);

    this.captionsBox = el('div', { className: 'cd-conv-lines', data: { testid: 'captions' } });
    this.cue = el('p', { className: 'cd-conv-cue', attrs: { 'aria-hidden': 'true' } });
    const captions = el(
      'section',
      { className: 'cd-panel cd-conv-captions', attrs: { 'aria-label': t('conversation.captionsLabel') } },
      this.captionsBox,
      this.cue,
    );

    this.repliesHeading = el('h2', {}, t('conversation.repliesHeading'));
    this.note = el('span', { className: 'cd-conv-note', id: 'cd-conv-interrupt-note' });
    this.ring = ringIcon();
    this.ringLeft = this.ring.querySelector('.cd-conv-ring-left') as SVGCircleElement;
    this.wait = el('span', { className: 'cd-conv-wait' });
    this.list = el('ol', { className: 'cd-conv-list', data: { testid: 'replies' } });
    this.repliesBox = el(
      'section',
      { className: 'cd-conv-replies', attrs: { 'aria-label': t('conversation.repliesHeading') } },
      el('div', { className: 'cd-conv-replies-head' }, this.repliesHeading, this.ring, this.wait, this.note),
      this.list,
    );

    this.facilitatorText = el('p');
    this.facilitator = el(
      'aside',
      { className: 'cd-panel cd-conv-facilitator', data: { testid: 'facilitator' } },
      el('h2', {}, t('conversation.facilitatorHeading')),
      this.facilitatorText,
    );
    this.notice = el('p', { className: 'cd-conv-notice', attrs: { role: 'status' } });
    this.hint = el('p', { className: 'cd-conv-hint' });
    const column = el('div', { className: 'cd-conv-column' }, captions, this.repliesBox);
    screen.append(top, name, column, this.facilitator, this.notice, this.hint);
  }

  /** Draw a view; cheap when little changed. */
  render(view: ConversationView): void {
    this.renderCaptions(view.captions);
    this.renderCue(view);
    this.renderReplies(view);
    this.renderSilence(view);
    this.moodBadge.textContent = view.mood.label;
    this.moodBadge.style.backgroundColor = view.mood.badgeCss;
    this.moodBadge.setAttribute('aria-label', view.mood.description);
    this.facilitator.hidden = view.facilitator === null || this.facilitatorHidden;
    this.facilitatorText.textContent = view.facilitator ?? '';
    this.hint.textContent = view.keysHint;
  }

  /** Show or hide facilitator notes (N); returns whether they are now shown. */
  toggleFacilitator(): boolean {
    this.facilitatorHidden = !this.facilitatorHidden;
    return !this.facilitatorHidden;
  }

  /** The small muted/locked icon: hidden while sound plays. */
  setAudioState(state: AudioState): void {
    this.audio.hidden = state === 'ok';
    const key = state === 'locked' ? 'conversation.audioLocked' : state === 'muted' ? 'conversation.audioMuted' : 'conversation.audioUnavailable';
    this.audioText.textContent = state === 'ok' ? '' : this.t(key);
  }

  /** A quiet line of text near the replies (e.g. results not saved). */
  setNotice(text: string): void {
    this.notice.textContent = text;
  }

  /** Mark the chosen reply so the press shows at once, before the customer answers. */
  markChosen(replyId: string): void {
    for (const b of this.replyButtons) b.dataset.chosen = String(b.dataset.reply === replyId);
  }

  /** The reply button for key `n` (1-based), if shown. */
  replyButton(n: number): HTMLButtonElement | undefined {
    return this.replyButtons[n - 1];
  }

  /** Let the focus rest on the first reply when nothing else has it. */
  focusFirstReplyIfIdle(): void {
    const active = document.activeElement;
    const idle = !active || active === document.body || !active.isConnected || !this.screen.root.contains(active);
    if (idle && this.replyButtons[0]) this.screen.focus(this.replyButtons[0]);
  }

  private renderCaptions(captions: readonly CaptionView[]): void {
    const keys = captions.map((c) => c.key).join('|');
    if (keys !== this.captionKeys) {
      this.captionKeys = keys;
      this.captionNodes = [];
      const paragraphs = captions.map((c) => {
        const shown = document.createTextNode(c.shown);
        const rest = document.createTextNode(c.rest);
        this.captionNodes.push({ shown, rest });
        return el(
          'p',
          { className: 'cd-conv-caption', data: { current: String(c.current && !c.own), reaction: String(c.reaction), own: String(c.own), cutIn: String(c.cutIn) } },
          c.current || c.own ? el('span', { className: 'cd-conv-speaker' }, c.speaker) : null,
          c.action ? el('span', { className: 'cd-conv-action', data: { testid: 'stage-direction' } }, this.t('conversation.action', { action: c.action })) : null,
          c.action ? ' ' : null,
          el('span', {}, shown),
          el('span', { className: 'cd-conv-rest', attrs: { 'aria-hidden': 'true' } }, rest),
        );
      });
      this.captionsBox.replaceChildren(...paragraphs);
      return;
    }
    captions.forEach((c, i) => {
      const nodes = this.captionNodes[i];
      if (!nodes) return;
      if (nodes.shown.data !== c.shown) nodes.shown.data = c.shown;
      if (nodes.rest.data !== c.rest) nodes.rest.data = c.rest;
    });
  }

  private renderCue(view: ConversationView): void {
    const text = view.talkingCue ?? '';
    if (this.cue.dataset.text === text) return;
    this.cue.dataset.text = text;
    if (!text) {
      this.cue.replaceChildren();
      return;
    }
    this.cue.replaceChildren(el('span', { className: 'cd-conv-dots' }, el('i'), el('i'), el('i')), text);
  }

  private renderReplies(view: ConversationView): void {
    this.repliesBox.hidden = !view.repliesVisible;
    this.note.hidden = view.interruptNote === null;
    this.note.textContent = view.interruptNote ?? '';
    const keys = view.replies.map((r) => r.id).join('|');
    if (keys !== this.replyKeys) {
      this.replyKeys = keys;
      this.replyButtons = view.replies.map((r) => this.replyButtonFor(r));
      this.list.replaceChildren(...this.replyButtons.map((b) => el('li', {}, b)));
    }
    view.replies.forEach((r, i) => {
      const b = this.replyButtons[i];
      if (b) b.dataset.interrupts = String(r.interrupts);
    });
  }

  private replyButtonFor(reply: ReplyView): HTMLButtonElement {
    const b = button(this.screen, '', () => this.handlers.choose(reply.id), {
      shortcut: String(reply.number),
      testId: `reply-${reply.number}`,
    });
    b.classList.add('cd-conv-reply');
    b.dataset.reply = reply.id;
    // The visible number and words are the accessible name ("1 That sounds…"); the interrupt
    // note, when shown, is its description.
    b.setAttribute('aria-describedby', this.note.id);
    const words = el('span', { className: 'cd-conv-words' });
    if (reply.action) words.append(el('span', { className: 'cd-conv-action' }, this.t('conversation.action', { action: reply.action })), ' ');
    words.append(reply.text);
    b.replaceChildren(el('span', { className: 'cd-conv-num' }, String(reply.number)), ' ', words);
    return b;
  }

  private renderSilence(view: ConversationView): void {
    const silence = view.silence;
    this.ring.style.display = silence ? '' : 'none';
    this.wait.textContent = silence?.text ?? '';
    if (!silence) return;
    this.ring.style.opacity = String(silence.opacity);
    this.ringLeft.style.strokeDashoffset = String(RING_LENGTH * (1 - silence.remaining));
  }
}

function svgEl<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string>): SVGElementTagNameMap[K] {
  const node = document.createElementNS('http://www.w3.org/2000/svg', name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

/** A ring that empties slowly while the customer waits (no numbers, no ticking). */
function ringIcon(): SVGSVGElement {
  const svg = svgEl('svg', { class: 'cd-conv-ring', viewBox: '0 0 48 48', 'aria-hidden': 'true', focusable: 'false' });
  svg.append(
    svgEl('circle', { class: 'cd-conv-ring-track', cx: '24', cy: '24', r: '20' }),
    svgEl('circle', {
      class: 'cd-conv-ring-left',
      cx: '24',
      cy: '24',
      r: '20',
      transform: 'rotate(-90 24 24)',
      'stroke-dasharray': String(RING_LENGTH),
      'stroke-dashoffset': '0',
    }),
  );
  return svg;
}

/** A speaker with a slash: sound is off or blocked. */
function mutedIcon(): SVGSVGElement {
  const svg = svgEl('svg', { viewBox: '0 0 24 24', 'aria-hidden': 'true', focusable: 'false' });
  svg.append(
    svgEl('path', { d: 'M4 9h4l5-4v14l-5-4H4z', fill: 'currentColor' }),
    svgEl('path', { d: 'M16 9l5 6M21 9l-5 6', stroke: 'currentColor', 'stroke-width': '2', 'stroke-linecap': 'round' }),
  );
  return svg;
}
