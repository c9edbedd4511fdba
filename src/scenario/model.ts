/**
 * The normalized scenario model: what the loader hands to the conversation machine, the scorer,
 * the analyzer and the presenters. Trainers never see this shape; they write the YAML described
 * by `schema.ts` and `docs/scenario-format.md`, and the loader turns it into this.
 */
import type { BehaviourTag, Expression, Language, Outcome, PortraitId, SettingId } from './vocabulary.ts';

export type VariableValue = number | boolean;
export type Variables = Record<string, VariableValue>;

/** One thing the customer says, with the face they make while saying it. */
export interface CustomerLine {
  text: string;
  expression: Expression;
  /** Optional recorded voice, relative to `assets/voices/`. */
  voice?: string;
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
  next: string;
}

export interface SilenceRule {
  /** Seconds of silence after the customer has finished before this applies. */
  after: number;
  tags: BehaviourTag[];
  mood: number;
  next: string;
  /** What the customer says when the silence runs out (optional). */
  say?: CustomerLine;
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
  comment: string;
}

export interface ScenarioNode {
  id: string;
  says: CustomerLine[];
  /** The customer is letting off steam: waiting is the patient, rewarded thing. */
  venting: boolean;
  /** Replies show while the customer still talks; answering then is interrupting. */
  earlyReplies: boolean;
  silence?: SilenceRule;
  /** The customer's reaction when interrupted on this node (else the scenario's, else a default). */
  interrupted?: CustomerLine;
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
}

export interface Scenario {
  id: string;
  title: string;
  language: Language;
  difficulty: number;
  minutes: number;
  setting: SettingId;
  summary: string;
  goals: string[];
  facilitator?: string;
  brief?: Brief;
  customer: CustomerProfile;
  variables: Variables;
  start: string;
  interrupted?: CustomerLine;
  /** The customer's parting words when the mood reaches the walk-out threshold (else a default). */
  walksOut?: CustomerLine;
  nodes: Record<string, ScenarioNode>;
  /** Node ids in file order (records keep insertion order, this makes it explicit). */
  nodeOrder: string[];
}
