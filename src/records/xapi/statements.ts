/**
 * The xAPI statements Calm Desk sends: one `initialized` when a scenario starts, one `responded`
 * per decision and one `completed` with the score at the end (docs/records.md lists every field).
 * Pure functions: the caller gives the statement id (a UUID, generated once) and the time.
 *
 * ```ts
 * const s = completedStatement({ id: uuid(), timestamp: new Date(), who, scenario, attemptId }, outcome);
 * ```
 */
import { TRUST_RUINERS, type TrustRuiner } from '../../scenario/vocabulary.ts';
import type { XapiAgent, XapiActivity, XapiStatement } from './types.ts';

/** Verbs (ADL vocabulary). */
export const VERBS = {
  initialized: { id: 'http://adlnet.gov/expapi/verbs/initialized', display: { 'en-US': 'initialized' } },
  responded: { id: 'http://adlnet.gov/expapi/verbs/responded', display: { 'en-US': 'responded' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
  /** Only the Settings screen's connection test. */
  interacted: { id: 'http://adlnet.gov/expapi/verbs/interacted', display: { 'en-US': 'interacted' } },
} as const;

/** Activity types (ADL vocabulary). */
export const ACTIVITY_TYPES = {
  scenario: 'http://adlnet.gov/expapi/activities/simulation',
  decision: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  course: 'http://adlnet.gov/expapi/activities/course',
} as const;

/**
 * Base of Calm Desk's own extension IRIs. They are identifiers, not web pages (`.example` never
 * resolves); they are the same for every company, so LRS reports can rely on them.
 */
export const EXTENSION_BASE = 'https://calm-desk.example/xapi/extensions/';

const VIRTUES = ['friendliness', 'expertise', 'composure', 'efficiency'] as const;
type VirtueName = (typeof VIRTUES)[number];

/** Every extension IRI Calm Desk writes (docs/records.md explains each). */
export const EXTENSIONS = {
  attemptId: `${EXTENSION_BASE}attempt-id`,
  decisionIndex: `${EXTENSION_BASE}decision-index`,
  decisionKind: `${EXTENSION_BASE}decision-kind`,
  replyText: `${EXTENSION_BASE}reply-text`,
  tags: `${EXTENSION_BASE}tags`,
  moodBefore: `${EXTENSION_BASE}mood-before`,
  moodAfter: `${EXTENSION_BASE}mood-after`,
  interrupted: `${EXTENSION_BASE}interrupted`,
  responseMs: `${EXTENSION_BASE}response-ms`,
  outcome: `${EXTENSION_BASE}outcome`,
  satisfaction: `${EXTENSION_BASE}satisfaction`,
  autoFail: `${EXTENSION_BASE}auto-fail`,
  passMark: `${EXTENSION_BASE}pass-mark`,
  interruptions: `${EXTENSION_BASE}interruptions`,
  waits: `${EXTENSION_BASE}waits`,
  trustRuiner: (ruiner: TrustRuiner) => `${EXTENSION_BASE}trust-ruiner/${ruiner}`,
  virtue: (virtue: VirtueName) => `${EXTENSION_BASE}virtue/${virtue}`,
} as const;

/** The platform named in every statement's context. */
export const PLATFORM = 'Calm Desk';

/** The scenario a statement is about. */
export interface ScenarioRef {
  id: string;
  title: string;
  /** `en` or `fi`: the language of the names and of `context.language`. */
  language: string;
  summary?: string;
}

/** What every statement of one attempt shares. */
export interface StatementBase {
  /** The statement id: a UUID generated once, before the statement is queued. */
  id: string;
  timestamp: Date;
  actor: XapiAgent;
  /** Activity ids are this IRI followed by the scenario id. */
  activityBase: string;
  /** The cmi5/tincan registration from the launch, else the attempt id when it is a UUID. */
  registration?: string;
  attemptId: string;
  scenario: ScenarioRef;
}

export interface DecisionFacts {
  /** 0-based decision number in the conversation. */
  index: number;
  nodeId: string;
  kind: 'reply' | 'silence';
  /** The reply id; null for a silence. */
  choiceId: string | null;
  /** The reply's words as shown; empty for a silence. */
  replyText: string;
  /** The replies on offer, in the order shown (their ids and words). */
  choices: ReadonlyArray<{ id: string; text: string }>;
  tags: readonly string[];
  moodBefore: number;
  moodAfter: number;
  interrupted: boolean;
  /** From the customer finishing to the decision; negative when interrupting. */
  responseMs: number;
}

export interface CompletionFacts {
  /** 0..100. */
  overall: number;
  /** Percent at or above which the attempt counts as a success. */
  passMark: number;
  /** Set when a critical behaviour zeroed the score (the behaviour tag). */
  autoFail: string | null;
  virtues: Readonly<Record<VirtueName, number>>;
  ruiners: Readonly<Record<TrustRuiner, number>>;
  outcome: string;
  /** Customer satisfaction 1..5. */
  satisfaction: number;
  interruptions: number;
  waits: number;
  durationMs: number;
}

/** `base` + id, with a `/` between unless the base already ends in `/`, `#` or `:`. */
export function activityId(base: string, ...parts: string[]): string {
  let out = base;
  for (const part of parts) {
    out = /[/#:]$/.test(out) ? `${out}${encodeURIComponent(part)}` : `${out}/${encodeURIComponent(part)}`;
  }
  return out;
}

/** The scenario as an xAPI activity. */
export function scenarioActivity(base: StatementBase): XapiActivity {
  const { scenario } = base;
  return {
    objectType: 'Activity',
    id: activityId(base.activityBase, scenario.id),
    definition: {
      type: ACTIVITY_TYPES.scenario,
      name: { [scenario.language]: scenario.title },
      ...(scenario.summary ? { description: { [scenario.language]: scenario.summary } } : {}),
    },
  };
}

/** A scenario started (or restarted: each attempt has its own attempt id). */
export function initializedStatement(base: StatementBase): XapiStatement {
  return {
    id: base.id,
    actor: base.actor,
    verb: VERBS.initialized,
    object: scenarioActivity(base),
    context: context(base, false),
    timestamp: base.timestamp.toISOString(),
  };
}

/** One decision: the reply chosen (or a silence), its tags, the mood before and after, and timing. */
export function decisionStatement(base: StatementBase, d: DecisionFacts): XapiStatement {
  const lang = base.scenario.language;
  const choices = d.choices.filter((c) => c.id.trim() !== '').map((c) => ({ id: c.id, description: { [lang]: c.text } }));
  return {
    id: base.id,
    actor: base.actor,
    verb: VERBS.responded,
    object: {
      objectType: 'Activity',
      id: activityId(base.activityBase, base.scenario.id, 'decisions', d.nodeId),
      definition: {
        type: ACTIVITY_TYPES.decision,
        name: { [lang]: `${base.scenario.title}: ${d.nodeId}` },
        interactionType: 'choice',
        ...(choices.length > 0 ? { choices } : {}),
      },
    },
    result: {
      ...(d.choiceId !== null ? { response: d.choiceId } : {}),
      extensions: {
        [EXTENSIONS.decisionIndex]: d.index,
        [EXTENSIONS.decisionKind]: d.kind,
        [EXTENSIONS.replyText]: d.replyText,
        [EXTENSIONS.tags]: [...d.tags],
        [EXTENSIONS.moodBefore]: d.moodBefore,
        [EXTENSIONS.moodAfter]: d.moodAfter,
        [EXTENSIONS.interrupted]: d.interrupted,
        [EXTENSIONS.responseMs]: Math.round(d.responseMs),
      },
    },
    context: context(base, true),
    timestamp: base.timestamp.toISOString(),
  };
}

/** The end of an attempt: score (scaled 0..1), success against the pass mark, duration, and the figures behind it. */
export function completedStatement(base: StatementBase, c: CompletionFacts): XapiStatement {
  const overall = clamp(c.overall, 0, 100);
  const extensions: Record<string, unknown> = {
    [EXTENSIONS.outcome]: c.outcome,
    [EXTENSIONS.satisfaction]: c.satisfaction,
    [EXTENSIONS.passMark]: c.passMark,
    [EXTENSIONS.interruptions]: c.interruptions,
    [EXTENSIONS.waits]: c.waits,
    [EXTENSIONS.autoFail]: c.autoFail,
  };
  for (const ruiner of TRUST_RUINERS) extensions[EXTENSIONS.trustRuiner(ruiner)] = c.ruiners[ruiner];
  for (const virtue of VIRTUES) extensions[EXTENSIONS.virtue(virtue)] = c.virtues[virtue];
  return {
    id: base.id,
    actor: base.actor,
    verb: VERBS.completed,
    object: scenarioActivity(base),
    result: {
      score: { scaled: round(overall / 100, 4), raw: overall, min: 0, max: 100 },
      success: c.autoFail === null && overall >= c.passMark,
      completion: true,
      duration: isoDuration(c.durationMs),
      extensions,
    },
    context: context(base, false),
    timestamp: base.timestamp.toISOString(),
  };
}

/** The "Send a test statement" button's statement: the learner interacted with the connection test (no score, no scenario). */
export function testStatement(base: Omit<StatementBase, 'scenario' | 'attemptId'>): XapiStatement {
  return {
    id: base.id,
    actor: base.actor,
    verb: VERBS.interacted,
    object: {
      objectType: 'Activity',
      id: activityId(courseId(base.activityBase), 'connection-test'),
      definition: { type: 'http://adlnet.gov/expapi/activities/interaction', name: { 'en-US': 'Calm Desk connection test' } },
    },
    context: { ...(base.registration ? { registration: base.registration } : {}), platform: PLATFORM },
    timestamp: base.timestamp.toISOString(),
  };
}

/** A version 4 UUID from `getRandomValues` (which, unlike `randomUUID`, also works on plain-http pages). */
export function uuidV4(getRandomValues: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b)): string {
  const b = getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * An ISO 8601 duration to the hundredth of a second, as xAPI recommends.
 * @example isoDuration(3_725_500) // "PT1H2M5.5S"
 */
export function isoDuration(ms: number): string {
  const centis = Math.max(0, Math.round((Number.isFinite(ms) ? ms : 0) / 10));
  const hours = Math.floor(centis / 360_000);
  const minutes = Math.floor((centis % 360_000) / 6000);
  const seconds = (centis % 6000) / 100;
  const parts = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds || (!hours && !minutes) ? `${seconds}S` : ''}`;
  return `PT${parts}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** True for an RFC 4122 UUID (what xAPI wants for statement ids and registrations). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

function context(base: StatementBase, withParent: boolean): XapiStatement['context'] {
  const registration = base.registration ?? (isUuid(base.attemptId) ? base.attemptId : undefined);
  return {
    ...(registration ? { registration } : {}),
    platform: PLATFORM,
    language: base.scenario.language,
    contextActivities: {
      ...(withParent ? { parent: [{ objectType: 'Activity' as const, id: activityId(base.activityBase, base.scenario.id) }] } : {}),
      grouping: [{ objectType: 'Activity' as const, id: courseId(base.activityBase), definition: { type: ACTIVITY_TYPES.course } }],
    },
    extensions: { [EXTENSIONS.attemptId]: base.attemptId },
  };
}

/** The course activity (every scenario's grouping): the activity base itself, without a trailing slash. */
function courseId(base: string): string {
  const trimmed = base.replace(/[/#]+$/, '');
  return trimmed === '' ? base : trimmed;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Number.isFinite(value) ? value : min));
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
