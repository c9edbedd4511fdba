/**
 * Opening a trainer's scenario file on the Title screen: the "Open a scenario file…" control (a
 * real `<input type=file>` inside a label drawn as a button), a calm drop zone while a file is
 * dragged over the window, and `?scenario=<same-origin URL>`. A file without problems goes
 * straight to its briefing; one with problems opens the diagnostics card.
 *
 * Light on purpose (the Title loads it): the checker, the YAML parser and the card load on the
 * first file.
 */
import type { Services } from '../services.ts';
import { el, uniqueId } from '../ui/dom.ts';
import type { Screen } from '../ui/screen.ts';
import type { OpenOutcome } from './yourFiles.ts';
import './authoring.css';

/** The loader's size cap (`LIMITS.fileBytes`), repeated here so the Title does not load the loader for it. */
const MAX_FILE_BYTES = 160 * 1024;

export interface FileOpener {
  /** The labelled file control, its hint and a status line. */
  readonly element: HTMLElement;
  /** The file input itself (keyboard focus lands here). */
  readonly input: HTMLInputElement;
  readonly screen: Screen;
  /** Check and open a file (picked or dropped). */
  openFile(file: File): Promise<void>;
  /** Check and open text fetched from elsewhere (`?scenario=`). */
  openText(name: string, text: string): Promise<void>;
  /** A file over the loader's size cap, refused unread (the card shows the loader's CD002). */
  openTooLarge(name: string, bytes: number): Promise<void>;
  /** Say something on the status line (errors are also announced assertively). */
  status(text: string, tone?: 'info' | 'error'): void;
}

/** True for a name the game treats as a scenario file. */
export function isScenarioFileName(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/**
 * The open-a-file control for `screen`. `start(key)` goes to the briefing of a playable file
 * (`your-files/<name>`).
 */
export function fileOpener(screen: Screen, s: Services, start: (key: string) => void): FileOpener {
  const { t } = s;
  const hintId = uniqueId('open-hint');
  const input = el('input', { attrs: { type: 'file', accept: '.yaml,.yml,text/yaml,application/yaml', 'aria-describedby': hintId }, data: { testid: 'open-file' } });
  const label = el('label', { className: 'cd-button cd-file-button' }, input, el('span', {}, t('authoring.openFile')));
  label.dataset.variant = 'secondary';
  const statusLine = el('p', { className: 'cd-open-file-status', attrs: { role: 'status' }, data: { testid: 'open-file-status' } });
  const element = el('div', { className: 'cd-open-file' }, el('div', { className: 'cd-row' }, label), el('p', { id: hintId, className: 'cd-hint' }, t('authoring.openFileHint')), statusLine);

  const status = (text: string, tone: 'info' | 'error' = 'info') => {
    statusLine.textContent = text;
    statusLine.dataset.tone = tone;
    if (tone === 'error') s.overlay.announce(text, { assertive: true });
  };

  const present = async ({ file, keep }: OpenOutcome) => {
    if (screen.disposed) return;
    status('');
    const { notKeptNote, showDiagnosticsCard } = await import('./diagnosticsCard.ts');
    const note = keep.ok ? null : notKeptNote(t, keep.reason);
    const checked = file.current;
    if (checked.scenario && checked.warningCount === 0) {
      if (note) s.overlay.notify(note, 'warning');
      start(file.key);
      return;
    }
    const play = checked.scenario
      ? { label: t('authoring.playAnyway'), run: () => start(file.key) }
      : file.lastGood
        ? { label: t('authoring.playLastGood'), run: () => start(file.key) }
        : undefined;
    showDiagnosticsCard(screen, checked, { t, note, play, onClose: () => screen.focus(input) });
  };

  const openText = async (name: string, text: string) => {
    status(t('authoring.checking', { name }));
    try {
      const files = await s.yourFiles();
      await present(files.open(name, text));
    } catch (error) {
      // Only when the checker's code could not be loaded (e.g. the connection dropped before it was cached).
      status(t('authoring.readFailed', { name, reason: error instanceof Error ? error.message : String(error) }), 'error');
    }
  };

  const openTooLarge = async (name: string, bytes: number) => {
    try {
      const [files, { tooLargeFile }] = await Promise.all([s.yourFiles(), import('./checkFile.ts')]);
      await present(files.add(tooLargeFile(name, bytes)));
    } catch (error) {
      status(t('authoring.readFailed', { name, reason: error instanceof Error ? error.message : String(error) }), 'error');
    }
  };

  const openFile = async (file: File) => {
    if (!isScenarioFileName(file.name)) {
      status(t('authoring.notYaml', { name: file.name }), 'error');
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      await openTooLarge(file.name, file.size);
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      status(t('authoring.readFailed', { name: file.name, reason: error instanceof Error ? error.message : String(error) }), 'error');
      return;
    }
    await openText(file.name, text);
  };

  screen.listen(input, 'change', () => {
    const file = input.files?.[0];
    // Clear it, so choosing the same file again (after fixing it) opens it again.
    input.value = '';
    if (file) void openFile(file);
  });
  return { element, input, screen, openFile, openText, openTooLarge, status };
}

/**
 * The drop zone: while a file is dragged over the window a calm full-screen hint says where to
 * let go; dropping a file opens it. Only files are accepted (dragged text is left alone).
 */
export function dropZone(screen: Screen, s: Services, opener: FileOpener): HTMLElement {
  const { t } = s;
  const zone = el(
    'div',
    { className: 'cd-dropzone', attrs: { 'aria-hidden': 'true' }, data: { testid: 'drop-zone' } },
    el('p', { className: 'cd-dropzone-icon' }, '⤓'),
    el('p', { className: 'cd-dropzone-title' }, t('authoring.dropTitle')),
    el('p', { className: 'cd-dropzone-hint' }, t('authoring.dropHint')),
  );
  zone.hidden = true;
  let depth = 0;
  const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  const hide = () => {
    depth = 0;
    zone.hidden = true;
  };
  screen.listen(window, 'dragenter', (event) => {
    const e = event as DragEvent;
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth += 1;
    if (zone.hidden) {
      zone.hidden = false;
      s.overlay.announce(t('authoring.dropTitle'));
    }
  });
  screen.listen(window, 'dragover', (event) => {
    const e = event as DragEvent;
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    zone.hidden = false;
  });
  screen.listen(window, 'dragleave', (event) => {
    if (!hasFiles(event as DragEvent)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) zone.hidden = true;
  });
  screen.listen(window, 'drop', (event) => {
    const e = event as DragEvent;
    if (!hasFiles(e)) return;
    e.preventDefault();
    hide();
    const files = [...(e.dataTransfer?.files ?? [])];
    const first = files.find((f) => isScenarioFileName(f.name)) ?? files[0];
    if (!first) return;
    if (files.length > 1) s.overlay.notify(t('authoring.oneAtATime', { name: first.name }));
    void opener.openFile(first);
  });
  screen.onDispose(hide);
  return zone;
}

const SCENARIO_PARAM_DONE = 'calm-desk/scenario-param-done';

/**
 * `?scenario=<URL>`: fetch a same-origin file once per page load and open it. A URL on another
 * origin is refused with a clear message (the game never loads content from elsewhere).
 */
export async function openScenarioParam(registry: { get(key: string): unknown; set(key: string, value: unknown): unknown }, opener: FileOpener, s: Services, location: Location = window.location): Promise<void> {
  const raw = new URLSearchParams(location.search).get('scenario');
  if (raw === null || registry.get(SCENARIO_PARAM_DONE) === true) return;
  registry.set(SCENARIO_PARAM_DONE, true);
  const { t } = s;
  let url: URL;
  try {
    url = new URL(raw, location.href);
  } catch {
    opener.status(t('authoring.badUrl', { url: raw }), 'error');
    return;
  }
  if (url.origin !== location.origin) {
    opener.status(t('authoring.crossOrigin', { url: url.href, origin: location.origin }), 'error');
    return;
  }
  const name = decodeURIComponent(url.pathname.replace(/^.*\//, '')) || url.pathname;
  opener.status(t('authoring.checking', { name }));
  let text: string;
  try {
    const response = await fetch(url, { credentials: 'same-origin', cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    // Sent compressed or not, a body longer than the cap on the wire is longer than the cap.
    const length = Number(response.headers.get('content-length') ?? '0');
    if (length > MAX_FILE_BYTES) {
      void response.body?.cancel();
      await opener.openTooLarge(name, length);
      return;
    }
    text = await response.text();
  } catch (error) {
    opener.status(t('authoring.fetchFailed', { url: url.pathname, reason: error instanceof Error ? error.message : String(error) }), 'error');
    return;
  }
  await opener.openText(name, text);
}
