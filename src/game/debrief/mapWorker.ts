/**
 * Draws the scenario map off the main thread: the analysis behind the best and worst paths takes
 * a moment on a long scenario, and the debrief must stay responsive meanwhile.
 */
import { scenarioMapHtml } from '../../graph/mapPage.ts';
import { createI18n } from '../../i18n/index.ts';
import type { MapRequest, MapResponse } from './mapRequest.ts';

self.onmessage = (event: MessageEvent<MapRequest>) => {
  const { scenario, transcript, language, rubric } = event.data;
  let response: MapResponse;
  try {
    const html = scenarioMapHtml(scenario, { t: createI18n(language).t, language, taken: transcript, ...(rubric ? { rubric } : {}) });
    response = { ok: true, html };
  } catch (error) {
    response = { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(response);
};
