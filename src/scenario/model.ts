/**
 * The normalized scenario model: what the loader hands to the conversation machine, the scorer,
 * the analyzer and the presenters. Trainers never see this shape; they write the YAML described
 * by `schema.ts` and `docs/scenario-format.md`, and the loader turns it into this.
 */
import type {
  BehaviourTag,
  Expression,
  FormatVersion,
  InterruptedReply,
  Language,
  Outcome,
  PortraitId,
  SettingId,
} from './vocabulary.ts';

export type VariableValue = number | boolean;
export type Variables = Record<string, VariableValue>;

/** One thing the customer says, with the face they make while saying it. */
export interface CustomerLine {
  text: string;
  expression: Expression;
  /** Optional recorded voice, relative to `assets/voices/`. */
  voice?: string;
  /** Stage direction: what the customer does while saying it, e.g. `slaps the receipt down`. */
  action?: string;
}

/** Parsed condition (`when:`), e.g. `askedReceipt and not promisedCall` or `offers >= 2`. */
export type ConditionAst =
  | { kind: 'literal'; value: VariableValue }
  | { kind: 'variable'; name: string }
  | { kind: 'not'; operand: ConditionAst }
  | { kind: 'and' | 'or'; left: ConditionAst; right: ConditionAst }
  | { kind: 'compare'; op: '==' | '!=' | '<' | '<=' | '>' | '>='; left: ConditionAst; right: ConditionAst };

export interface Condition {
  /** The text the trainer wrote, kept for messages and the graph. */
  source: string;
  ast: ConditionAst;
}

export interface Reply {
  id: string;
  say: string;
  tags: BehaviourTag[];
  /** Mood change, negative calms the customer (0 calm .. 100 furious). */
  mood: number;
  /** Variables assigned when this reply is chosen. */
  set: Variables;
  /** Numeric variables incremented (or decremented) when this reply is chosen. */
  add: Record<string, number>;
  when?: Condition;
  feedback?: string;
  /** Id of a better reply on the same node, named in the debrief. */
  better?: string;
  /**
   * What the better reply would have done, written for the player who did not choose it
   * ("Naming her frustration first would have…"); from `better: { reply, why }`.
   */
  betterWhy?: string;
  /** Stage direction: what the trainee does while saying it, e.g. `turns to the screen and keeps typing`. */
  action?: string;
  /** The reply the trainer wants taught on this node (at most one per node). */
  preferred: boolean;
  next: string;
}

export interface SilenceRule {
  /** Seconds of silence after the customer has finished before this applies. */
  after: number;
  tags: BehaviourTag[];
  mood: number;
  /** Node the silence leads to; undefined = stay: the customer says `say` and the same replies stay open. */
  next?: string;
  /** What the customer says when the silence runs out (optional). */
  say?: CustomerLine;
  feedback?: string;
  /** The customer walks out at this silence on one visit of the node. */
  walksOutAfter: number;
}

/** The scenario's default silence rule (no `next`: the customer prompts and waits), engine defaults filled in. */
export type DefaultSilenceRule = Omit<SilenceRule, 'next' | 'say'> & { say: CustomerLine };

/** What happens when the trainee answers over the customer. */
export interface Interruption {
  /** What the customer says in reaction (at least one line once normalized). */
  says: CustomerLine[];
  /** Mood change of the interruption itself (default +10). */
  mood: number;
  /** Node to go to; undefined: the reply's `next` when `reply: said`, else the customer picks up again. */
  next?: string;
  /** `cut` (default): the reply does not count as said; `said`: its tags, mood, set/add and next apply too. */
  reply: InterruptedReply;
  feedback?: string;
}

export interface Branch {
  when?: Condition;
  next: string;
}

export interface Ending {
  outcome: Outcome;
  /** Customer's own satisfaction rating, 1..5. */
  satisfaction: number;
  /** The customer's survey comment, shown in the debrief (`says` is what they say in the scene). */
  comment: string;
  /** The face that goes with the comment, when written as a line (`comment: { happy: text }`). */
  commentExpression?: Expression;
}

export interface ScenarioNode {
  id: string;
  says: CustomerLine[];
  /** The customer is letting off steam: waiting is the patient, rewarded thing. */
  venting: boolean;
  /** Replies show while the customer still talks; answering then is interrupting (default true). */
  earlyReplies: boolean;
  /** The node's own silence rule (else the scenario's default, see `silenceRuleOf`). */
  silence?: SilenceRule;
  /** The node's own reaction to being interrupted (else the scenario's, else a default; see `interruptionOf`). */
  interrupted?: Interruption;
  facilitator?: string;
  replies: Reply[];
  /** Automatic branches taken after the customer speaks, first match wins. */
  branches: Branch[];
  end?: Ending;
}

export interface CustomerProfile {
  name: string;
  portrait: PortraitId;
  /** Starting mood, 0 calm .. 100 furious. */
  mood: number;
  /** Mood at or above which the customer walks out. */
  walksOutAt: number;
}

/** The pre-brief: the six questions boiled down to who, needs and expects. */
export interface Brief {
  who: string;
  needs: string;
  expects: string;
  /** The longer story shown on the briefing screen (up to 2000 characters). */
  background?: string;
}

/** A scenario's own wait threshold (overrides the rubric's). */
export interface WaitsOverride {
  grace?: number;
  charsPerSecond?: number;
}

export interface Scenario {
  /** The format version the file declares (`1.0` when it declares none). */
  format: FormatVersion;
  id: string;
  title: string;
  language: Language;
  difficulty: number;
  /** Estimated minutes (the low end when a range was written). */
  minutes: number;
  /** The high end of a `minutes: "5-8"` range. */
  minutesMax?: number;
  /** Place in the suggested course order, 1..99. */
  order?: number;
  setting: SettingId;
  summary: string;
  goals: string[];
  facilitator?: string;
  brief?: Brief;
  customer: CustomerProfile;
  variables: Variables;
  start: string;
  /** Id of the scoring rubric (`default` unless the file names one). */
  rubric: string;
  waits?: WaitsOverride;
  /** The default silence rule of every decision node without its own (engine defaults filled in). */
  silence: DefaultSilenceRule;
  /** The scenario's default reaction to being interrupted (else the engine default). */
  interrupted?: Interruption;
  /** The customer's parting words when the mood reaches the walk-out threshold (else a default). */
  walksOut?: CustomerLine;
  nodes: Record<string, ScenarioNode>;
  /** Node ids in file order (records keep insertion order, this makes it explicit). */
  nodeOrder: string[];
  /** Set when the scenario was played from a translation file and some texts fell back to the source language. */
  untranslated?: { count: number; language: Language };
}
