/**
 * Turns schema-valid raw data into the normalized `Scenario` model: every default filled in,
 * every customer line in one shape, conditions parsed.
 */
import { parseCondition } from './condition.ts';
import type { Branch, Condition, CustomerLine, Ending, Reply, Scenario, ScenarioNode, SilenceRule } from './model.ts';
import type { RawLine, RawNode, RawReply, RawScenario } from './schema.ts';
import type { Expression } from './vocabulary.ts';

/** A customer line in any of its three written forms → `{ text, expression, voice? }`. */
export function normalizeLine(raw: RawLine): CustomerLine {
  if (typeof raw === 'string') return { text: raw, expression: 'neutral' };
  if ('say' in raw && typeof raw.say === 'string') {
    const line: CustomerLine = { text: raw.say, expression: (raw.as as Expression | undefined) ?? 'neutral' };
    if (typeof raw.voice === 'string') line.voice = raw.voice;
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

function normalizeReply(raw: RawReply): Reply {
  const reply: Reply = {
    id: raw.id,
    say: raw.say,
    tags: raw.tags ?? [],
    mood: raw.mood ?? 0,
    set: { ...(raw.set ?? {}) },
    add: { ...(raw.add ?? {}) },
    next: raw.next,
  };
  const when = normalizeCondition(raw.when);
  if (when) reply.when = when;
  if (raw.feedback !== undefined) reply.feedback = raw.feedback;
  if (raw.better !== undefined) reply.better = raw.better;
  return reply;
}

function normalizeSilence(raw: NonNullable<RawNode['silence']>): SilenceRule {
  const rule: SilenceRule = { after: raw.after, tags: raw.tags ?? [], mood: raw.mood ?? 0, next: raw.next };
  if (raw.say !== undefined) rule.say = normalizeLine(raw.say);
  if (raw.feedback !== undefined) rule.feedback = raw.feedback;
  return rule;
}

function normalizeBranch(raw: NonNullable<RawNode['branches']>[number]): Branch {
  const branch: Branch = { next: raw.next };
  const when = normalizeCondition(raw.when);
  if (when) branch.when = when;
  return branch;
}

function normalizeNode(id: string, raw: RawNode): ScenarioNode {
  const node: ScenarioNode = {
    id,
    says: raw.says.map(normalizeLine),
    venting: raw.venting ?? false,
    earlyReplies: raw.earlyReplies ?? false,
    replies: (raw.replies ?? []).map(normalizeReply),
    branches: (raw.branches ?? []).map(normalizeBranch),
  };
  if (raw.silence) node.silence = normalizeSilence(raw.silence);
  if (raw.interrupted !== undefined) node.interrupted = normalizeLine(raw.interrupted);
  if (raw.facilitator !== undefined) node.facilitator = raw.facilitator;
  if (raw.end !== undefined) {
    const end: Ending = { outcome: raw.end, satisfaction: raw.satisfaction ?? 1, comment: raw.comment ?? '' };
    node.end = end;
  }
  return node;
}

/** The normalized model of a schema-valid scenario. */
export function normalizeScenario(raw: RawScenario): Scenario {
  const nodeOrder = Object.keys(raw.nodes);
  const nodes: Record<string, ScenarioNode> = {};
  for (const id of nodeOrder) nodes[id] = normalizeNode(id, raw.nodes[id]!);
  const scenario: Scenario = {
    id: raw.id,
    title: raw.title,
    language: raw.language,
    difficulty: raw.difficulty,
    minutes: raw.minutes,
    setting: raw.setting ?? 'office',
    summary: raw.summary,
    goals: [...raw.goals],
    customer: { ...raw.customer },
    variables: { ...(raw.variables ?? {}) },
    start: raw.start,
    nodes,
    nodeOrder,
  };
  if (raw.facilitator !== undefined) scenario.facilitator = raw.facilitator;
  if (raw.brief !== undefined) scenario.brief = { ...raw.brief };
  if (raw.interrupted !== undefined) scenario.interrupted = normalizeLine(raw.interrupted);
  if (raw.walksOut !== undefined) scenario.walksOut = normalizeLine(raw.walksOut);
  return scenario;
}
