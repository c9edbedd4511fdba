/**
 * "Your files" on the select screen: every file opened this session, with its title, a "Your
 * file" badge, its problems and two actions: open (its briefing, or the diagnostics card when no
 * version plays) and remove. Re-renders itself when the list changes.
 */
import type { Translate } from '../../i18n/index.ts';
import type { Services } from '../services.ts';
import { el, uniqueId } from '../ui/dom.ts';
import type { Screen } from '../ui/screen.ts';
import { button } from '../ui/widgets.ts';
import { showDiagnosticsCard, notKeptNote } from './diagnosticsCard.ts';
import type { YourFile, YourFiles } from './yourFiles.ts';

export interface YourFilesSection {
  readonly element: HTMLElement;
  /** The open button of a file, for focus. */
  button(key: string): HTMLButtonElement | null;
}

/** The section for `files` (hidden while empty); `open(key)` goes to a file's briefing. */
export function yourFilesSection(screen: Screen, s: Services, files: YourFiles, open: (key: string) => void): YourFilesSection {
  const { t } = s;
  const headingId = uniqueId('your-files');
  const list = el('ul', { className: 'cd-your-files-list', attrs: { 'aria-labelledby': headingId } });
  const element = el(
    'section',
    { className: 'cd-your-files', attrs: { 'aria-labelledby': headingId }, data: { testid: 'your-files' } },
    el('div', { className: 'cd-your-files-head' }, el('h2', { id: headingId }, t('authoring.yourFiles')), el('p', { className: 'cd-hint' }, t('authoring.yourFilesIntro'))),
    list,
  );
  const showCard = (file: YourFile) =>
    showDiagnosticsCard(screen, file.current, {
      t,
      note: file.notKeptReason ? notKeptNote(t, file.notKeptReason) : null,
      play: file.lastGood ? { label: file.current.scenario ? t('authoring.playAnyway') : t('authoring.playLastGood'), run: () => open(file.key) } : undefined,
      onClose: () => screen.focus(list.querySelector<HTMLElement>(`button[data-file="${CSS.escape(file.key)}"]`)),
    });
  const render = () => {
    const all = files.list();
    element.hidden = all.length === 0;
    list.replaceChildren(...all.map((file) => item(screen, t, file, { open: () => (file.lastGood ? open(file.key) : showCard(file)), showProblems: () => showCard(file), remove: () => remove(file) })));
  };
  const remove = (file: YourFile) => {
    const items = [...list.querySelectorAll<HTMLElement>('li')];
    const at = items.findIndex((li) => li.dataset.file === file.key);
    files.remove(file.key);
    s.overlay.announce(t('authoring.removed', { name: file.name }));
    // Focus the next file, else the previous, else the screen's first card.
    const next = list.querySelectorAll<HTMLElement>('button.cd-your-file-open')[Math.min(at, items.length - 2)];
    screen.focus(next ?? screen.root.querySelector<HTMLElement>('button.cd-card'));
  };
  screen.onDispose(files.onChange(render));
  render();
  return { element, button: (key) => list.querySelector<HTMLButtonElement>(`button[data-file="${CSS.escape(key)}"]`) };
}

function item(screen: Screen, t: Translate, file: YourFile, actions: { open(): void; showProblems(): void; remove(): void }): HTMLElement {
  const shown = file.lastGood ?? file.current;
  const title = shown.scenario?.title ?? file.name;
  const detailsId = uniqueId('your-file');
  const openButton = el('button', { className: 'cd-button cd-your-file-open', attrs: { type: 'button', 'aria-describedby': detailsId }, data: { file: file.key, variant: 'quiet' } }, title);
  screen.listen(openButton, 'click', actions.open);
  const problems: string[] = [];
  if (file.current.errorCount > 0) problems.push(t('authoring.yourFileErrors', { count: file.current.errorCount }));
  if (file.current.errorCount > 0 && file.lastGood) problems.push(t('authoring.yourFileLastGood'));
  if (file.notKeptReason) problems.push(notKeptNote(t, file.notKeptReason));
  const hasProblems = file.current.diagnostics.length > 0;
  return el(
    'li',
    { className: 'cd-your-file', data: { file: file.key, playable: String(file.lastGood !== null) } },
    el(
      'div',
      { className: 'cd-your-file-info' },
      el('span', { className: 'cd-your-file-name' }, openButton),
      el(
        'span',
        { id: detailsId, className: 'cd-your-file-meta' },
        el('span', { className: 'cd-badge' }, t('authoring.yourFileBadge')),
        ` ${file.name}`,
        problems.length > 0 ? el('span', { className: 'cd-your-file-problem' }, ` · ${problems.join(' ')}`) : null,
      ),
    ),
    el(
      'div',
      { className: 'cd-row' },
      hasProblems ? button(screen, t('authoring.showProblems'), actions.showProblems, { ariaLabel: t('authoring.showProblemsLabel', { name: file.name }), testId: 'your-file-problems' }) : null,
      button(screen, t('authoring.remove'), actions.remove, { ariaLabel: t('authoring.removeLabel', { name: file.name }), testId: 'your-file-remove' }),
    ),
  );
}
