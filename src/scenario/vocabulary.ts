/**
 * The fixed vocabularies a scenario file may use. Everything else in the game keys on these,
 * so they live in one place and the JSON schema, docs and linter read them from here.
 */

/** The five trust-ruining behaviours the scorer penalizes (see docs/scoring.md). */
export const TRUST_RUINERS = ['indifference', 'impatience', 'judging', 'arrogance', 'tyranny'] as const;
export type TrustRuiner = (typeof TRUST_RUINERS)[number];

/** The good behaviours the scorer rewards. */
export const GOOD_TAGS = [
  'empathy',
  'listening',
  'composure',
  'expertise',
  'honesty',
  'clarifying',
  'ownership',
  'efficiency',
] as const;
export type GoodTag = (typeof GOOD_TAGS)[number];

/** `insult` is not a behaviour to weigh: like tyranny it auto-fails the contact. */
export const AUTO_FAIL_TAGS = ['tyranny', 'insult'] as const;

export const BEHAVIOUR_TAGS = [...TRUST_RUINERS, ...GOOD_TAGS, 'insult'] as const;
export type BehaviourTag = (typeof BEHAVIOUR_TAGS)[number];

export function isTrustRuiner(tag: string): tag is TrustRuiner {
  return (TRUST_RUINERS as readonly string[]).includes(tag);
}
export function isGoodTag(tag: string): tag is GoodTag {
  return (GOOD_TAGS as readonly string[]).includes(tag);
}
export function isAutoFailTag(tag: string): boolean {
  return (AUTO_FAIL_TAGS as readonly string[]).includes(tag);
}

/** Facial expressions every portrait can show. */
export const EXPRESSIONS = ['neutral', 'worried', 'sad', 'annoyed', 'angry', 'furious', 'relieved', 'happy'] as const;
export type Expression = (typeof EXPRESSIONS)[number];

/** Portrait ids the game can draw (procedural SVG in src/art): women, men and neutral people of every decade, 20s to 70s. */
export const PORTRAITS = [
  'woman-20s',
  'woman-30s',
  'woman-40s',
  'woman-50s',
  'woman-60s',
  'woman-70s',
  'man-20s',
  'man-30s',
  'man-40s',
  'man-50s',
  'man-60s',
  'man-70s',
  'person-20s',
  'person-30s',
  'person-40s',
  'person-50s',
  'person-60s',
  'person-70s',
] as const;
export type PortraitId = (typeof PORTRAITS)[number];

/** Where the contact happens: picks the ambience sound and the backdrop. */
export const SETTINGS = [
  'shop',
  'phone',
  'airport',
  'restaurant',
  'office',
  'chat',
  'pharmacy',
  'hotel',
  'bank',
  'clinic',
  'car-service',
  'transit',
  'checkout',
] as const;
export type SettingId = (typeof SETTINGS)[number];

export const OUTCOMES = ['resolved', 'escalated', 'unresolved', 'walked-out'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const LANGUAGES = ['en', 'fi'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Format versions a file may declare with `format:` (informative: every version loads the same way). */
export const FORMAT_VERSIONS = ['1.0', '1.1'] as const;
export type FormatVersion = (typeof FORMAT_VERSIONS)[number];

/** What happens to a reply given over the customer: `cut` (not said, the default) or `said` (it applies too). */
export const INTERRUPTED_REPLY = ['cut', 'said'] as const;
export type InterruptedReply = (typeof INTERRUPTED_REPLY)[number];

/** Sane caps: beyond these a file gets a diagnostic, never a crash. */
export const LIMITS = {
  /** 3.3× the largest bundled scenario (48 KB); room for the analyzer's 198-node test files (132 KB). Files written like the bundled ones reach `PRESCAN_LIMITS.lines` (4,000) at about 150 KB (see docs/performance.md). */
  fileBytes: 160 * 1024,
  nodes: 200,
  repliesPerNode: 4,
  textChars: 400,
  /** Longer texts: facilitator notes (scenario and node) and `brief.background`. */
  longTextChars: 2000,
  /** Stage directions (`action:` on replies and lines). */
  actionChars: 200,
  linesPerNode: 8,
  aliasCount: 50,
  idChars: 40,
} as const;
