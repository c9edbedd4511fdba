/**
 * The pause menu: a modal dialog over the conversation with resume, restart, quit and the two
 * settings a player most often wants mid-conversation (text size, reading speed). Focus stays
 * inside while it is open and returns where it was when it closes.
 */
import type { Translate } from '../../presenter/conversationText.ts';
import { READING_SPEEDS, type ReadingSpeed, type TextScale } from '../../storage/index.ts';
import { el } from '../ui/dom.ts';
import type { Screen } from '../ui/screen.ts';
import { button, segmented } from '../ui/widgets.ts';

export interface PauseMenuHandlers {
  resume(): void;
  restart(): void;
  quit(): void;
  setTextScale(scale: TextScale): void;
  setReadingSpeed(speed: ReadingSpeed): void;
}

export interface PauseMenuValues {
  textScale: TextScale;
  readingSpeed: ReadingSpeed;
}

const TEXT_SCALE_NAMES: ReadonlyArray<[TextScale, string]> = [
  [1, 'settings.textSize_normal'],
  [1.25, 'settings.textSize_large'],
  [1.5, 'settings.textSize_largest'],
];

export class PauseMenu {
  private root: HTMLElement | null = null;
  private returnFocus: HTMLElement | null = null;

  constructor(
    private readonly screen: Screen,
    private readonly t: Translate,
    private readonly handlers: PauseMenuHandlers,
  ) {}

  get open(): boolean {
    return this.root !== null;
  }

  show(values: PauseMenuValues): void {
    if (this.root) return;
    const { t, screen, handlers } = this;
    this.returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const headingId = 'cd-conv-pause-heading';
    const resume = button(screen, t('conversation.resume'), () => handlers.resume(), { variant: 'primary', testId: 'resume', shortcut: 'P Escape' });
    const dialog = el(
      'div',
      { className: 'cd-panel cd-conv-pause', attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': headingId }, data: { testid: 'pause-menu' } },
      el('h2', { id: headingId }, t('conversation.pauseHeading')),
      el('p', { className: 'cd-muted' }, t('conversation.pauseIntro')),
      el(
        'div',
        { className: 'cd-conv-actions' },
        resume,
        button(screen, t('conversation.restart'), () => handlers.restart(), { testId: 'restart' }),
        button(screen, t('conversation.quit'), () => handlers.quit(), { testId: 'quit' }),
      ),
      el(
        'div',
        { className: 'cd-conv-pause-settings' },
        segmented(
          screen,
          t('conversation.textSize'),
          TEXT_SCALE_NAMES.map(([value, key]) => ({ value: String(value), label: t(key) })),
          String(values.textScale),
          (v) => handlers.setTextScale(Number(v) as TextScale),
        ),
        segmented(
          screen,
          t('conversation.readingSpeed'),
          READING_SPEEDS.map((speed) => ({ value: speed, label: t(`settings.readingSpeed_${speed}`) })),
          values.readingSpeed,
          (v) => handlers.setReadingSpeed(v),
        ),
      ),
    );
    this.root = el('div', { className: 'cd-conv-modal' }, el('div', { className: 'cd-conv-backdrop-dim' }), dialog);
    screen.listen(dialog, 'keydown', (event) => trapTab(dialog, event as KeyboardEvent));
    screen.append(this.root);
    screen.focus(resume);
  }

  hide(): void {
    if (!this.root) return;
    this.root.remove();
    this.root = null;
    if (this.returnFocus?.isConnected) this.screen.focus(this.returnFocus);
    this.returnFocus = null;
  }
}

/** Keep Tab and Shift+Tab cycling inside the dialog. */
function trapTab(dialog: HTMLElement, e: KeyboardEvent): void {
  if (e.key !== 'Tab') return;
  const items = [...dialog.querySelectorAll<HTMLElement>('button, input:checked, input[type="checkbox"]')].filter(
    (n) => !(n as HTMLButtonElement).disabled,
  );
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    last.focus();
    e.preventDefault();
  } else if (!e.shiftKey && document.activeElement === last) {
    first.focus();
    e.preventDefault();
  }
}
