/**
 * The parts of xAPI 1.0.3 statements Calm Desk writes, as plain types (the client's own types
 * demand every language code in a language map, which no statement has).
 */

/** A language map: language tag → text, e.g. `{ fi: 'Kattila, taas' }`. */
export type LanguageMap = Record<string, string>;

/** An agent identified by email (`mbox`) or by an account in another system. */
export interface XapiAgent {
  objectType?: 'Agent';
  name?: string;
  mbox?: string;
  mbox_sha1sum?: string;
  openid?: string;
  account?: { homePage: string; name: string };
}

export interface XapiActivityDefinition {
  type?: string;
  name?: LanguageMap;
  description?: LanguageMap;
  interactionType?: 'choice';
  choices?: Array<{ id: string; description?: LanguageMap }>;
}

export interface XapiActivity {
  objectType: 'Activity';
  id: string;
  definition?: XapiActivityDefinition;
}

export interface XapiResult {
  score?: { scaled: number; raw?: number; min?: number; max?: number };
  success?: boolean;
  completion?: boolean;
  response?: string;
  duration?: string;
  extensions?: Record<string, unknown>;
}

export interface XapiContext {
  registration?: string;
  platform?: string;
  language?: string;
  contextActivities?: { parent?: XapiActivity[]; grouping?: XapiActivity[] };
  extensions?: Record<string, unknown>;
}

/** A statement as Calm Desk sends it: always with its id and timestamp. */
export interface XapiStatement {
  id: string;
  actor: XapiAgent;
  verb: { id: string; display: LanguageMap };
  object: XapiActivity;
  result?: XapiResult;
  context?: XapiContext;
  timestamp: string;
}
