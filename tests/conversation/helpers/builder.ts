/**
 * Builds normalized Scenario objects directly for engine tests, with terse defaults, so a test
 * reads as the conversation it checks.
 */
import { parseCondition } from '../../../src/scenario/condition.ts';
import { engineSilenceRule } from '../../../src/scenario/defaults.ts';
import type {
  Branch,
  Condition,
  CustomerLine,
  DefaultSilenceRule,
  Interruption,
  Reply,
  Scenario,
  ScenarioNode,
  SilenceRule,
} from '../../../src/scenario/model.ts';
import type { BehaviourTag, Language, Outcome } from '../../../src/scenario/vocabulary.ts';

export function condition(source: string): Condition {
  const parsed = parseCondition(source);
  if (!parsed.ok) throw new Error(`bad test condition ${source}: ${parsed.error.message}`);
  return { source, ast: parsed.ast };
}

export function line(text: string, expression: CustomerLine['expression'] = 'neutral'): CustomerLine {
  return { text, expression };
}

export interface ReplySpec {
  id: string;
  next: string;
  say?: string;
  tags?: BehaviourTag[];
  mood?: number;
  set?: Reply['set'];
  add?: Reply['add'];
  when?: string;
  feedback?: string;
  better?: string;
  betterWhy?: string;
  action?: string;
  preferred?: boolean;
}

export function reply(spec: ReplySpec): Reply {
  return {
    id: spec.id,
    say: spec.say ?? `Reply ${spec.id}.`,
    tags: spec.tags ?? [],
    mood: spec.mood ?? 0,
    set: spec.set ?? {},
    add: spec.add ?? {},
    ...(spec.when ? { when: condition(spec.when) } : {}),
    ...(spec.feedback ? { feedback: spec.feedback } : {}),
    ...(spec.better ? { better: spec.better } : {}),
    ...(spec.betterWhy ? { betterWhy: spec.betterWhy } : {}),
    ...(spec.action ? { action: spec.action } : {}),
    preferred: spec.preferred ?? false,
    next: spec.next,
  };
}

export interface NodeSpec {
  says?: (string | CustomerLine)[];
  venting?: boolean;
  earlyReplies?: boolean;
  silence?: Partial<SilenceRule>;
  /** A reaction line (1.0 form: mood +10, reply cut) or a routing object. */
  interrupted?: CustomerLine | Partial<Interruption>;
  replies?: ReplySpec[];
  branches?: { when?: string; next: string }[];
  end?: Outcome;
  satisfaction?: number;
  comment?: string;
}

export function node(id: string, spec: NodeSpec): ScenarioNode {
  const says = (spec.says ?? [`Line of ${id}.`]).map((l) => (typeof l === 'string' ? line(l) : l));
  const branches: Branch[] = (spec.branches ?? []).map((b) => ({ ...(b.when ? { when: condition(b.when) } : {}), next: b.next }));
  return {
    id,
    says,
    venting: spec.venting ?? false,
    earlyReplies: spec.earlyReplies ?? false,
    ...(spec.silence ? { silence: { after: 5, tags: [], mood: 0, walksOutAfter: 2, ...spec.silence } } : {}),
    ...(spec.interrupted ? { interrupted: interruption(spec.interrupted) } : {}),
    replies: (spec.replies ?? []).map(reply),
    branches,
    ...(spec.end
      ? { end: { outcome: spec.end, satisfaction: spec.satisfaction ?? 3, comment: spec.comment ?? `Ending ${id}.` } }
      : {}),
  };
}

/** A test interruption: a line becomes `{ says: [line], mood: 10, reply: 'cut' }`; objects get the same defaults. */
export function interruption(spec: CustomerLine | Partial<Interruption>): Interruption {
  if ('text' in spec) return { says: [spec], mood: 10, reply: 'cut' };
  return { says: spec.says ?? [line('Excuse me, I had not finished.', 'annoyed')], mood: spec.mood ?? 10, reply: spec.reply ?? 'cut', ...spec };
}

export interface ScenarioSpec {
  id?: string;
  language?: Language;
  mood?: number;
  walksOutAt?: number;
  variables?: Scenario['variables'];
  start?: string;
  interrupted?: CustomerLine | Partial<Interruption>;
  /** The scenario's default silence rule (engine defaults for what is left out). */
  silence?: Partial<DefaultSilenceRule>;
  nodes: Record<string, NodeSpec>;
}

export function scenario(spec: ScenarioSpec): Scenario {
  const nodeOrder = Object.keys(spec.nodes);
  const nodes: Record<string, ScenarioNode> = {};
  for (const id of nodeOrder) nodes[id] = node(id, spec.nodes[id]!);
  const language = spec.language ?? 'en';
  return {
    format: '1.1',
    id: spec.id ?? 'test-scenario',
    title: 'Test scenario',
    language,
    difficulty: 1,
    minutes: 3,
    setting: 'shop',
    summary: 'A scenario built in a test.',
    goals: ['Pass the test.'],
    customer: { name: 'Test Customer', portrait: 'woman-30s', mood: spec.mood ?? 50, walksOutAt: spec.walksOutAt ?? 95 },
    variables: spec.variables ?? {},
    start: spec.start ?? nodeOrder[0]!,
    rubric: 'default',
    silence: { ...engineSilenceRule(language), ...spec.silence },
    ...(spec.interrupted ? { interrupted: interruption(spec.interrupted) } : {}),
    nodes,
    nodeOrder,
  };
}

/**
 * A small kettle-return conversation used across tests: a venting opening with early replies,
 * a receipt question that remembers whether it was asked, a branch and three endings.
 */
export function kettleScenario(language: Language = 'en'): Scenario {
  return scenario({
    id: 'kettle',
    language,
    mood: 60,
    walksOutAt: 95,
    variables: { askedReceipt: false, offers: 0 },
    nodes: {
      arrival: {
        says: [line('This is the second kettle that died.', 'angry'), line('I took a morning off for this.', 'angry')],
        venting: true,
        earlyReplies: true,
        silence: { after: 8, tags: [], mood: -5, next: 'receipt' },
        replies: [
          { id: 'acknowledge', tags: ['empathy', 'ownership'], mood: -15, next: 'receipt', feedback: 'Names her frustration.' },
          { id: 'dropped', tags: ['judging'], mood: 20, next: 'defensive', better: 'acknowledge', feedback: 'Blames her.' },
          { id: 'policy', tags: [], mood: 5, next: 'receipt', feedback: 'Jumps to rules.' },
          { id: 'shout', tags: ['tyranny'], mood: 30, next: 'defensive', feedback: 'Never raise your voice.' },
        ],
      },
      receipt: {
        says: ['I do not have the receipt any more.'],
        silence: { after: 6, tags: ['indifference'], mood: 10, next: 'receipt', say: line('Hello? Are you there?', 'annoyed') },
        replies: [
          { id: 'look-up', tags: ['expertise', 'efficiency'], mood: -10, set: { askedReceipt: true }, next: 'check', feedback: 'Finds the payment.' },
          { id: 'rules', tags: ['indifference'], mood: 15, add: { offers: 1 }, next: 'check', feedback: 'Hides behind rules.' },
        ],
      },
      defensive: {
        says: [line('Are you calling me clumsy?', 'furious')],
        replies: [
          { id: 'sorry', tags: ['empathy'], mood: -10, next: 'receipt' },
          { id: 'wait', tags: ['arrogance'], mood: 25, next: 'receipt' },
        ],
      },
      check: { says: ['So?'], branches: [{ when: 'askedReceipt', next: 'replace' }, { next: 'manager' }] },
      replace: { says: [line('That was quicker than I feared.', 'relieved')], end: 'resolved', satisfaction: 4, comment: 'Quick and kind.' },
      manager: { says: [line('I want to speak to a manager.', 'angry')], end: 'escalated', satisfaction: 2, comment: 'Passed on.' },
    },
  });
}
