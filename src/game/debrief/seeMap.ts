/**
 * "See the map" on the debrief: the same page `calm-desk graph --format html` writes, with the
 * path the player took highlighted, drawn in a worker (the layout library loads only then) and
 * opened as a Blob URL in a new tab. It works offline. The tab is opened at the click, so a
 * pop-up blocker lets it through; when the browser still refuses, a link is offered instead.
 */
import type { Transcript } from '../../conversation/transcript.ts';
import type { Translate } from '../../i18n/index.ts';
import type { Scenario } from '../../scenario/model.ts';
import type { Language } from '../../scenario/vocabulary.ts';
import type { Rubric } from '../../scoring/rubric.ts';
import { el } from '../ui/dom.ts';
import type { MapRequest, MapResponse } from './mapRequest.ts';

export interface SeeMapInput {
  scenario: Scenario;
  transcript: Transcript;
  language: Language;
  rubric?: Rubric;
  t: Translate;
  /** Where a calm status line (and, if needed, the link) goes; it has aria-live. */
  status: HTMLElement;
  /** The tab opened at the click (`window.open('', '_blank')`), or null when the browser refused. */
  tab: Window | null;
}

function drawMap(request: MapRequest): Promise<MapResponse> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./mapWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<MapResponse>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      resolve({ ok: false, reason: event.message || 'the map worker stopped' });
    };
    worker.postMessage(request);
  });
}

/** Opens the map; resolves with the page's Blob URL (null when it could not be drawn). */
export async function seeMap({ scenario, transcript, language, rubric, t, status, tab }: SeeMapInput): Promise<string | null> {
  if (tab) {
    tab.document.title = t('graph.heading');
    tab.document.body.textContent = `${t('graph.heading')}…`;
  }
  status.textContent = `${t('graph.heading')}…`;
  const request: MapRequest = { scenario, transcript, language };
  if (rubric) request.rubric = rubric;
  const result = await drawMap(request);
  if (!result.ok) {
    tab?.close();
    status.textContent = t('graph.mapFailed', { reason: result.reason });
    return null;
  }
  const url = URL.createObjectURL(new Blob([result.html], { type: 'text/html' }));
  if (tab && !tab.closed) {
    tab.location.href = url;
    status.textContent = t('graph.mapOpened');
  } else {
    status.replaceChildren(t('graph.mapBlocked'), ' ', el('a', { attrs: { href: url, target: '_blank', rel: 'noopener' } }, t('graph.mapLink')));
  }
  return url;
}
