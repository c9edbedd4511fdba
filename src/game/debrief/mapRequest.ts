/** The messages between the debrief and the map worker. */
import type { Transcript } from '../../conversation/transcript.ts';
import type { Scenario } from '../../scenario/model.ts';
import type { Language } from '../../scenario/vocabulary.ts';
import type { Rubric } from '../../scoring/rubric.ts';

export interface MapRequest {
  scenario: Scenario;
  transcript: Transcript;
  language: Language;
  rubric?: Rubric;
}

export type MapResponse = { ok: true; html: string } | { ok: false; reason: string };
