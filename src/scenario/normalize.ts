/**
 * Turns schema-valid raw data into the normalized `Scenario` model: every default filled in,
 * every customer line in one shape, conditions parsed. Format 1.0 and 1.1 files both land here.
 */
import { parseCondition } from './condition.ts';
import {
  DEFAULT_INTERRUPTION_MOOD,
  DEFAULT_WALKS_OUT_AFTER,
  defaultInterruptedLine,
  engineSilenceRule,
} from './defaults.ts';
import type {
  Branch,
  Condition,
  CustomerLine,
  DefaultSilenceRule,
  Ending,
  Interruption,
  Reply,
  Scenario,
  ScenarioNode,
  SilenceRule,
} from './model.ts';
import type { RawDefaultSilence, RawInterrupted, RawLine, RawNode, RawReply, RawScenario, RawSilence } from './schema.ts';
import type { Expression, FormatVersion, Language } from './vocabulary.ts';

/** A customer line in any of its three written forms → `{ text, expression, voice?, action? }`. */
export function normalizeLine(raw: RawLine): CustomerLine {
  if (typeof raw === 'string') return { text: raw, expression: 'neutral' };
  if ('say' in raw && typeof raw.say === 'string') {
    const line: CustomerLine = { text: raw.say, expression: (raw.as as Expression | undefined) ?? 'neutral' };
    if (typeof raw.voice === 'string') line.voice = raw.voice;
    if (typeof raw.action === 'string') line.action = raw.action;
    return line;
  }
  const [expression, text] = Object.entries(raw)[0] ?? ['neutral', ''];
  return { text: String(text), expression: expression as Expression };
}

/** Parses a `when:` text. Syntax errors are reported by validation; here they never match. */
export function normalizeCondition(source: string | undefined): Condition | undefined {
  if (source === undefined) return undefined;
  const parsed = parseCondition(source);
  return { source, ast: parsed.ok ? parsed.ast : { kind: 'literal', value: false } };
}

/** `minutes: 6` → { low: 6 }; `minutes: "5-8"` → { low: 5, high: 8 }. */
export function parseMinutes(raw: number | string): { low: number; high?: number } {
  if (typeof raw === 'number') return { low: raw };
  const [low, high] = raw.split(/[-–]/).map((part) => Number(part.trim()));
  return high !== undefined && high !== low ? { low: low!, high } : { low: low! };
}

/**
 * A copy of a block whose keys are names the trainer chose (variables): a null-prototype object,
 * so every name, `__proto__` and `constructor` included, is an own key and nothing else is.
 */
export function dataRecord<T>(raw: Readonly<Record<string, T>> | undefined): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, raw);
}

function normalizeReply(raw: RawReply): Reply {
  const reply: Reply = {
    id: raw.id,
    say: raw.say,
    tags: raw.tags ?? [],
    mood: raw.mood ?? 0,
    set: dataRecord(raw.set),
    add: dataRecord(raw.add),
    preferred: raw.preferred ?? false,
    next: raw.next,
  };
  const when = normalizeCondition(raw.when);
  if (when) reply.when = when;
  if (raw.feedback !== undefined) reply.feedback = raw.feedback;
  if (typeof raw.better === 'string') reply.better = raw.better;
  else if (raw.better !== undefined) {
    reply.better = raw.better.reply;
    if (raw.better.why !== undefined) reply.betterWhy = raw.better.why;
  }
  if (raw.action !== undefined) reply.action = raw.action;
  return reply;
}

/** A node's own silence rule; `after` and `walksOutAfter` default to the scenario's default rule. */
function normalizeSilence(raw: RawSilence, fallback: DefaultSilenceRule): SilenceRule {
  const rule: SilenceRule = {
    after: raw.after ?? fallback.after,
    tags: raw.tags ?? [],
    mood: raw.mood ?? 0,
    walksOutAfter: raw.walksOutAfter ?? fallback.walksOutAfter,
  };
  if (raw.next !== undefined) rule.next = raw.next;
  if (raw.say !== undefined) rule.say = normalizeLine(raw.say);
  if (raw.feedback !== undefined) rule.feedback = raw.feedback;
  return rule;
}

/** The scenario's default silence rule: what the file says, the engine's defaults for the rest. */
function normalizeDefaultSilence(raw: RawDefaultSilence | undefined, language: Language): DefaultSilenceRule {
  const engine = engineSilenceRule(language);
  if (!raw) return engine;
  const rule: DefaultSilenceRule = {
    after: raw.after ?? engine.after,
    tags: raw.tags ?? engine.tags,
    mood: raw.mood ?? engine.mood,
    say: raw.say !== undefined ? normalizeLine(raw.say) : engine.say,
    walksOutAfter: raw.walksOutAfter ?? DEFAULT_WALKS_OUT_AFTER,
  };
  if (raw.feedback !== undefined) rule.feedback = raw.feedback;
  return rule;
}

function isRoute(raw: RawInterrupted): raw is Exclude<RawInterrupted, RawLine> {
  if (typeof raw !== 'object' || raw === null) return false;
  return ['says', 'mood', 'next', 'reply', 'feedback'].some((key) => Object.hasOwn(raw, key));
}

/**
 * `interrupted:` as a line (1.0) or a routing object → an `Interruption`. Lines left out come
 * from `fallbackSays` (the scenario's reaction, else the default line).
 */
export function normalizeInterruption(raw: RawInterrupted, fallbackSays: CustomerLine[]): Interruption {
  if (!isRoute(raw)) return { says: [normalizeLine(raw as RawLine)], mood: DEFAULT_INTERRUPTION_MOOD, reply: 'cut' };
  const interruption: Interruption = {
    says: raw.says ? raw.says.map(normalizeLine) : fallbackSays.map((line) => ({ ...line })),
    mood: raw.mood ?? DEFAULT_INTERRUPTION_MOOD,
    reply: raw.reply ?? 'cut',
  };
  if (raw.next !== undefined) interruption.next = raw.next;
  if (raw.feedback !== undefined) interruption.feedback = raw.feedback;
  return interruption;
}

function normalizeBranch(raw: NonNullable<RawNode['branches']>[number]): Branch {
  const branch: Branch = { next: raw.next };
  const when = normalizeCondition(raw.when);
  if (when) branch.when = when;
  return branch;
}

interface NodeDefaults {
  silence: DefaultSilenceRule;
  interruptedSays: CustomerLine[];
}

function normalizeNode(id: string, raw: RawNode, defaults: NodeDefaults): ScenarioNode {
  const node: ScenarioNode = {
    id,
    says: raw.says.map(normalizeLine),
    venting: raw.venting ?? false,
    earlyReplies: raw.earlyReplies ?? true,
    replies: (raw.replies ?? []).map(normalizeReply),
    branches: (raw.branches ?? []).map(normalizeBranch),
  };
  if (raw.silence) node.silence = normalizeSilence(raw.silence, defaults.silence);
  if (raw.interrupted !== undefined) node.interrupted = normalizeInterruption(raw.interrupted, defaults.interruptedSays);
  if (raw.facilitator !== undefined) node.facilitator = raw.facilitator;
  if (raw.end !== undefined) {
    const end: Ending = { outcome: raw.end, satisfaction: raw.satisfaction ?? 1, comment: '' };
    if (raw.comment !== undefined) {
      const comment = normalizeLine(raw.comment);
      end.comment = comment.text;
      if (typeof raw.comment !== 'string') end.commentExpression = comment.expression;
    }
    node.end = end;
  }
  return node;
}

function formatOf(raw: RawScenario['format']): FormatVersion {
  return raw === '1.1' || raw === 1.1 ? '1.1' : '1.0';
}

/** The normalized model of a schema-valid scenario. */
export function normalizeScenario(raw: RawScenario): Scenario {
  const silence = normalizeDefaultSilence(raw.silence, raw.language);
  const interrupted =
    raw.interrupted !== undefined ? normalizeInterruption(raw.interrupted, [defaultInterruptedLine(raw.language)]) : undefined;
  const defaults: NodeDefaults = { silence, interruptedSays: interrupted?.says ?? [defaultInterruptedLine(raw.language)] };
  const nodeOrder = Object.keys(raw.nodes);
  const nodes: Record<string, ScenarioNode> = {};
  for (const id of nodeOrder) nodes[id] = normalizeNode(id, raw.nodes[id]!, defaults);
  const minutes = parseMinutes(raw.minutes);
  const scenario: Scenario = {
    format: formatOf(raw.format),
    id: raw.id,
    title: raw.title,
    language: raw.language,
    difficulty: raw.difficulty,
    minutes: minutes.low,
    setting: raw.setting ?? 'office',
    summary: raw.summary,
    goals: [...raw.goals],
    customer: { ...raw.customer },
    variables: dataRecord(raw.variables),
    start: raw.start,
    rubric: raw.rubric ?? 'default',
    silence,
    nodes,
    nodeOrder,
  };
  if (minutes.high !== undefined) scenario.minutesMax = minutes.high;
  if (raw.order !== undefined) scenario.order = raw.order;
  if (raw.waits !== undefined) scenario.waits = { ...raw.waits };
  if (raw.facilitator !== undefined) scenario.facilitator = raw.facilitator;
  if (raw.brief !== undefined) scenario.brief = { ...raw.brief };
  if (interrupted !== undefined) scenario.interrupted = interrupted;
  if (raw.walksOut !== undefined) scenario.walksOut = normalizeLine(raw.walksOut);
  return scenario;
}
