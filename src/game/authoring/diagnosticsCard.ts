/**
 * The diagnostics card: a file with problems opens this instead of the briefing. Every diagnostic
 * reads as `calm-desk lint` prints it (file:line:col, severity, code, message, hint, the excerpt
 * with a caret); the card's own words follow the UI language. A dialog with a heading and a list;
 * focus starts on the first problem; Escape or Back closes it.
 */
import { formatDiagnostic, PLAIN } from '../../scenario/format.ts';
import type { Diagnostic } from '../../scenario/diagnostics.ts';
import type { Translate } from '../../i18n/index.ts';
import { el, uniqueId } from '../ui/dom.ts';
import type { Screen } from '../ui/screen.ts';
import { button } from '../ui/widgets.ts';
import type { CheckedFile } from './checkFile.ts';
import './authoring.css';

export interface CardOptions {
  t: Translate;
  /** Offered when the file (or its last good version) can be played: "Play anyway" / "Play the last good version". */
  play?: { label: string; run: () => void };
  /** A sentence shown above the list (e.g. the file could not be kept for the session). */
  note?: string | null;
  /** Called when the card closes (Back or Escape). */
  onClose?: () => void;
}

export interface CardHandle {
  readonly element: HTMLElement;
  close(): void;
}

/** One diagnostic as the CLI prints it: header line, hint, excerpt (plain text, controls escaped). */
export function diagnosticParts(d: Diagnostic, lines: readonly string[]): { head: string; hint: string | null; excerpt: string | null } {
  const text = formatDiagnostic(d, lines, PLAIN).split('\n');
  const head = text[0] ?? '';
  const hint = d.hint ? (text[1] ?? '').trim() : null;
  const excerptLines = text.slice(d.hint ? 2 : 1);
  return { head, hint, excerpt: excerptLines.length > 0 ? excerptLines.join('\n') : null };
}

/** Show the card for `checked` on `screen` (over its other content) and focus the first problem. */
export function showDiagnosticsCard(screen: Screen, checked: CheckedFile, options: CardOptions): CardHandle {
  const { t } = options;
  const headingId = uniqueId('diag-heading');
  const introId = uniqueId('diag-intro');
  const errors = checked.errorCount > 0;
  const heading = errors
    ? t('authoring.headingErrors', { name: checked.name, count: checked.errorCount })
    : t('authoring.headingWarnings', { name: checked.name, count: checked.warningCount });
  const intro = errors ? (options.play ? t('authoring.introErrorsLastGood') : t('authoring.introErrors')) : t('authoring.introWarnings');

  const items = checked.diagnostics.map((d) => {
    const parts = diagnosticParts(d, checked.lines);
    const severity = d.severity === 'error' ? t('authoring.errorLabel') : t('authoring.warningLabel');
    const excerpt = parts.excerpt ? el('pre', { className: 'cd-diag-excerpt' }, parts.excerpt) : null;
    return el(
      'li',
      {
        className: 'cd-diag',
        attrs: { tabindex: '-1' },
        data: { code: d.code, severity: d.severity, line: String(d.range.start.line), column: String(d.range.start.column) },
      },
      el('span', { className: 'cd-sr-only' }, `${severity}: `),
      el('p', { className: 'cd-diag-head' }, parts.head),
      parts.hint ? el('p', { className: 'cd-diag-hint' }, parts.hint) : null,
      excerpt,
    );
  });
  const list = el('ol', { className: 'cd-diag-list', attrs: { 'aria-label': t('authoring.listLabel') } }, ...items);
  const close = () => {
    if (!card.isConnected) return;
    card.remove();
    for (const node of hidden) node.inert = false;
    options.onClose?.();
  };
  const back = button(screen, t('authoring.back'), close, { testId: 'diagnostics-back', shortcut: 'Escape' });
  const play = options.play ? button(screen, options.play.label, () => options.play?.run(), { variant: 'primary', testId: 'diagnostics-play' }) : null;
  const card = el(
    'div',
    { className: 'cd-diag-card', attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': headingId, 'aria-describedby': introId }, data: { testid: 'diagnostics-card' } },
    el(
      'div',
      { className: 'cd-panel cd-diag-panel' },
      el('h2', { id: headingId }, heading),
      el('p', { id: introId, className: 'cd-muted' }, intro),
      options.note ? el('p', { className: 'cd-diag-note', attrs: { role: 'note' } }, options.note) : null,
      el('div', { className: 'cd-diag-scroll cd-scroll-shadow' }, list),
      el('div', { className: 'cd-row cd-diag-actions' }, play, back),
    ),
  );
  // The rest of the screen sleeps while the card is open (a real modal for keyboard and screen reader).
  const others = screen.root.parentElement ? [...screen.root.parentElement.querySelectorAll(':scope > section.cd-screen')].filter((node) => node !== screen.root) : [];
  const hidden = [...screen.root.children, ...others].filter((node): node is HTMLElement => node instanceof HTMLElement && !node.inert);
  for (const node of hidden) node.inert = true;
  screen.append(card);
  // Captured before the screen's own keys, so Escape closes the card (not the screen behind it)
  // and number keys do not open the cards asleep behind it.
  screen.listen(
    document,
    'keydown',
    (event) => {
      const e = event as KeyboardEvent;
      if (!card.isConnected || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        close();
      } else if (e.key === 'Backspace' || /^[0-9]$/.test(e.key)) {
        e.preventDefault();
      }
    },
    { capture: true },
  );
  // An excerpt wider than its box scrolls sideways; then it must take focus so keys can scroll it.
  requestAnimationFrame(() => {
    for (const pre of card.querySelectorAll<HTMLElement>('pre.cd-diag-excerpt')) {
      if (pre.scrollWidth > pre.clientWidth + 1) pre.tabIndex = 0;
    }
  });
  screen.focus(items[0] ?? back);
  return { element: card, close };
}

/** The reason a file was not kept, as a sentence part in the UI language. */
export function notKeptNote(t: Translate, reason: 'quota' | 'unavailable' | 'failed'): string {
  const why = reason === 'quota' ? t('authoring.notKeptQuota') : reason === 'unavailable' ? t('authoring.notKeptUnavailable') : t('authoring.notKeptFailed');
  return t('authoring.notKept', { reason: why });
}
