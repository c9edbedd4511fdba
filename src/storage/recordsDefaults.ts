/**
 * Defaults of the learning-records settings, without zod, so the first screen (`bootSettings`)
 * can use them without loading the validator.
 */

/** Default pass mark (percent) for the xAPI `success` of a completed scenario. */
export const DEFAULT_PASS_MARK = 70;
/** Default base of activity ids (the scenario id is appended); `.example` never resolves, so a company sets its own. */
export const DEFAULT_ACTIVITY_BASE = 'https://calm-desk.example/xapi/scenarios/';

/** Where learning records go (xAPI). An empty endpoint means nothing is sent anywhere. */
export interface RecordsSettings {
  /** The LRS's xAPI endpoint, e.g. `https://lrs.example.com/data/xAPI/`; empty: off. */
  endpoint: string;
  /** Basic-auth username (the LRS "key"). */
  username: string;
  /** Basic-auth password (the LRS "secret"); kept in this browser's storage, never logged. */
  secret: string;
  /** The learner's name and email: the statements' actor. */
  actorName: string;
  actorEmail: string;
  /** Percent at or above which a completed scenario counts as `success: true`. */
  passMark: number;
  /** Activity ids are this IRI followed by the scenario id. */
  activityBase: string;
}

/** Records settings of a fresh install: nothing configured, nothing sent. */
export function defaultRecordsSettings(): RecordsSettings {
  return { endpoint: '', username: '', secret: '', actorName: '', actorEmail: '', passMark: DEFAULT_PASS_MARK, activityBase: DEFAULT_ACTIVITY_BASE };
}
