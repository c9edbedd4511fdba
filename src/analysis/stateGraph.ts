/**
 * Analysis over the scenario's state graph, not over its paths. A state is everything about a
 * conversation waiting for a decision that can change what happens next (node, variables, mood
 * and whatever else the engine keeps per visit), found once each by a breadth-first walk with the
 * conversation's own rules; the histories that lead there are merged. Reachability (endings,
 * walk-outs, tags, dead ends) is read off the graph: exactly, or, past the walk's budget
 * (`DEFAULT_BUDGET`, a count of states and engine plays, never a clock), as "found" for what the
 * explored part reaches and unknown for the rest (`graph.limited`; see analyze.ts).
 *
 * Scores are found by a label search over the same graph: a label is what the score will make of
 * a history (good gains per virtue, the additive costs, trust-ruiner count, decisions, auto-fail),
 * and at each state only labels no other label there beats are kept (a label beats another when
 * it is at least as good on every figure, so whatever follows, its score is at least as high).
 * The search walks decision by decision up to `maxDecisions`; `maxLabels` bounds its work, and
 * only the score range can be cut by it (the report says so), never reachability.
 */
import * as rules from '../conversation/rules.ts';
import type { ConversationContext } from '../conversation/context.ts';
import type { DecisionEntry, EndEntry, TranscriptEntry } from '../conversation/transcript.ts';
import type { Scenario } from '../scenario/model.ts';
import { isAutoFailTag, type BehaviourTag } from '../scenario/vocabulary.ts';
import { assessDecisions, isFreeDecision } from '../scoring/score.ts';
import { DEFAULT_RUBRIC, tableAt, VIRTUES, type EndingKey, type Rubric } from '../scoring/rubric.ts';
import { bestEnding } from '../scoring/shortestPath.ts';
import { afterDecision, optionsAt, settle, withoutLines, type PathStep } from './paths.ts';

/** Where an edge leads: another state, or the end of the conversation. */
export type EdgeTarget =
  | { kind: 'state'; state: number }
  | { kind: 'end'; ending: EndEntry; walkOut: boolean }
  | { kind: 'stuck'; nodeId: string };

export interface Edge {
  step: Omit<PathStep, 'decision'>;
  /** The decision this edge makes (built on demand: many edges share one engine play). */
  readonly decision: DecisionEntry;
  readonly moodBefore: number;
  readonly moodAfter: number;
  /** `decisionKey(decision)`: edges with equal keys score alike. */
  decisionKey: string;
  /** A small number per distinct `decisionKey` in this graph (for tables indexed by decision). */
  decisionId: number;
  target: EdgeTarget;
}

/**
 * An edge stores the engine's decision once per core and option (`template`) and only its own
 * mood figures: the full entry is built when someone reads `decision` (rarely: the search reads
 * `decisionId`), which keeps the walk from copying a decision entry per edge.
 */
class GraphEdge implements Edge {
  constructor(
    readonly step: Omit<PathStep, 'decision'>,
    private readonly template: DecisionEntry,
    readonly moodBefore: number,
    readonly moodAfter: number,
    readonly decisionKey: string,
    readonly decisionId: number,
    readonly target: EdgeTarget,
  ) {}

  get decision(): DecisionEntry {
    const t = this.template;
    return t.moodBefore === this.moodBefore && t.moodAfter === this.moodAfter ? t : { ...t, moodBefore: this.moodBefore, moodAfter: this.moodAfter };
  }
}

export interface GraphState {
  id: number;
  nodeId: string;
  readonly context: ConversationContext;
  edges: Edge[];
  /** The state and edge index it was first reached from (a shortest way here). */
  parent: { state: number; edge: number } | null;
}

/** A state keeps the context of another state with the same core and its own mood; its own context is made when read. */
class StateNode implements GraphState {
  edges: Edge[] = [];
  private own: ConversationContext | null;
  constructor(
    readonly id: number,
    readonly base: ConversationContext,
    readonly mood: number,
    readonly parent: GraphState['parent'],
  ) {
    this.own = base.mood === mood ? base : null;
  }

  get nodeId(): string {
    return this.base.nodeId;
  }

  get context(): ConversationContext {
    return (this.own ??= { ...this.base, mood: this.mood });
  }
}

export interface StateGraph {
  scenario: Scenario;
  states: GraphState[];
  /** Node ids where the conversation ended, by ending node (walk-outs under the node where they happen). */
  endNodes: Set<string>;
  walkOut: boolean;
  tags: Set<BehaviourTag>;
  stuckAt: Set<string>;
  /**
   * True when the state budget stopped the walk: the graph is then the part nearest the start
   * (breadth first), what it shows is reachable, but what it does not show is not proven
   * unreachable (see `plainReach` for what is).
   */
  limited: boolean;
  /** The budget the walk had. */
  budget: Budget;
  /** A shortest way to an auto-failing decision, when there is one. */
  autoFailSteps: PathStep[] | null;
  /** True when no state exists at all (the start itself ends or gets stuck). */
  trivial: EdgeTarget | null;
  /** Options played with the engine's rules (the rest were moved from another mood): the walk's work. */
  enginePlays: number;
  /** Distinct decisions (by `decisionKey`); `decisionId` indexes them. */
  decisions: number;
}

/**
 * What one analysis may do: `states` bounds the states found (breadth first from the start),
 * `plays` the options played with the engine's rules (the costly part: most edges are moved
 * from another mood instead, but a scenario whose states differ in many variables needs a play
 * for nearly every edge). Past either the graph is `limited`. Counts, never a clock, so results
 * are the same on every machine.
 */
export interface Budget {
  states: number;
  plays: number;
}

/**
 * Chosen from measurements (docs/performance.md): the largest bundled scenario has 42,696 states
 * and needs 12,345 plays; at these bounds the whole analysis of any lint-clean file up to the node
 * cap stays under about 2 s on the 2-core dev machine.
 */
export const STATE_BUDGET = 50_000;
export const PLAY_BUDGET = 16_000;
export const DEFAULT_BUDGET: Budget = { states: STATE_BUDGET, plays: PLAY_BUDGET };

/** A budget of `states` states, with plays in the same proportion as the default (never fewer). */
export function budgetFor(states: number): Budget {
  return { states, plays: Math.max(PLAY_BUDGET, Math.ceil((states * PLAY_BUDGET) / STATE_BUDGET)) };
}

/** No budget at all (tests that compare against playing everything). */
export const UNLIMITED: Budget = { states: Infinity, plays: Infinity };

/**
 * What the future of a conversation depends on: the context without its history. Fields the
 * engine adds later are included automatically, so the walk never merges two states it treats
 * differently.
 */
const HISTORY_FIELDS = new Set(['scenario', 'transcript', 'checkpoints', 'lastAt', 'turn', 'answerableAt', 'decisionCount', 'pausedPhase']);

/** The state key without the mood (see `buildStateGraph` for why mood is kept apart). */
export function coreKey(context: ConversationContext): string {
  const parts: string[] = [];
  for (const key of Object.keys(context).sort()) {
    if (HISTORY_FIELDS.has(key) || key === 'mood') continue;
    parts.push(`${key}=${JSON.stringify((context as unknown as Record<string, unknown>)[key])}`);
  }
  return parts.join('|');
}

export function stateKey(context: ConversationContext): string {
  return `${coreKey(context)}|mood=${context.mood}`;
}

/**
 * Everything the scorer may read from a decision, except when it happened and the mood level
 * (only its change counts): decisions with equal keys score alike.
 */
export function decisionKey(d: DecisionEntry): string {
  const offered = d.visibleReplyIds ? d.visibleReplyIds.join(',') : JSON.stringify(d.variablesBefore);
  const added = d.added.map((a) => `${a.tag}:${a.reason}`).join(',');
  return [d.moodAfter - d.moodBefore, d.nodeId, d.kind, d.choiceId, d.interrupted, d.reply, d.silenceRule, d.walkOut, d.responseMs, d.next, d.tags.join(','), added, offered].join('|');
}

/** The ending entry a settled or walked-out context ends with. */
function endingIn(transcript: readonly TranscriptEntry[]): EndEntry {
  for (let i = transcript.length - 1; i >= 0; i--) {
    const entry = transcript[i]!;
    if (entry.type === 'end') return entry;
  }
  throw new Error('an ended conversation has an ending entry');
}

const strip = (context: ConversationContext): ConversationContext => ({ ...context, transcript: [], checkpoints: [] });

/** Moods are whole numbers 0..100 (the engine rounds and clamps them): a state's number is core × 101 + mood. */
const MOODS = 101;

/** A decision the engine made, with what every edge that repeats it needs. */
interface Played {
  decision: DecisionEntry;
  decisionKey: string;
  decisionId: number;
  autoFail: boolean;
}

/**
 * What one option did at some state with a given core (see `coreKey`), to be moved to any other
 * mood of the same core: `delta` is the mood change (known once it was seen unclamped); `stay`
 * is the result wherever the new mood stays below the walk-out level, `leave` wherever it
 * reaches it (the customer walks out on mood; only the mood figures of the decision differ).
 */
interface Transition {
  step: Edge['step'];
  delta?: number;
  stay?: { played: Played; to: { kind: 'state'; core: number; context: ConversationContext } | Exclude<EdgeTarget, { kind: 'state' }> };
  leave?: { decision: DecisionEntry; to: EdgeTarget; byMood: Map<number, Played> };
}

interface CoreEntry {
  options: ReturnType<typeof optionsAt> | null;
  transitions: Transition[];
}

/**
 * Builds the state graph of a scenario (pure). The engine reads the mood in one way only: each
 * decision adds a fixed change to it (clamped to 0..100), and the customer walks out when it
 * reaches `walksOutAt`. So what an option does at a state depends on the rest of the state (its
 * core) alone, apart from that clamp and that threshold: each option is played with the engine's
 * rules once per core, and the result moved to every other mood of the same core where neither
 * the clamp nor the threshold comes into play (elsewhere it is played again). Exact, and many
 * times fewer engine steps, since most states differ only in mood. Cores are numbered once
 * (their long keys are hashed once per engine play), states are found by number.
 *
 * `budget` bounds the states (breadth first from the start) and the engine plays; past it the
 * graph is `limited`: an edge past the budget is left out, so every state, edge and ending in
 * the graph is real, but the graph may lack some.
 */
export function buildStateGraph(scenario: Scenario, budget: Budget = DEFAULT_BUDGET, options: { reuse?: boolean } = {}): StateGraph {
  const reuse = options.reuse ?? true;
  const lean = withoutLines(scenario);
  const graph: StateGraph = {
    scenario,
    states: [],
    endNodes: new Set(),
    walkOut: false,
    tags: new Set(),
    stuckAt: new Set(),
    limited: false,
    budget,
    autoFailSteps: null,
    trivial: null,
    enginePlays: 0,
    decisions: 0,
  };
  const ids = new Map<number, number>();
  /** One target object per state, shared by every edge into it. */
  const targets: EdgeTarget[] = [];
  const coreIds = new Map<string, number>();
  const coreEntries: CoreEntry[] = [];
  const coreOf: number[] = [];
  const decisionIds = new Map<string, number>();
  const walkOutAt = Math.min(scenario.customer.walksOutAt, 101);
  const coreIdOf = (key: string): number => {
    let id = coreIds.get(key);
    if (id === undefined) {
      id = coreEntries.length;
      coreIds.set(key, id);
      coreEntries.push({ options: null, transitions: [] });
    }
    return id;
  };
  /** The state of `core` at `mood`, added when new (first reached from edge `edge` of state `from`, or the start when `from` < 0). */
  const addState = (core: number, ctx: ConversationContext, mood: number, from: number, edge: number): EdgeTarget | null => {
    const key = core * MOODS + mood;
    const known = ids.get(key);
    if (known !== undefined) return targets[known]!;
    if (graph.states.length >= budget.states) {
      graph.limited = true;
      return null;
    }
    const id = graph.states.length;
    ids.set(key, id);
    coreOf.push(core);
    graph.states.push(new StateNode(id, ctx, mood, from < 0 ? null : { state: from, edge }));
    const to: EdgeTarget = { kind: 'state', state: id };
    targets.push(to);
    return to;
  };
  const target = (settled: ReturnType<typeof settle>, from: number, edge: number): EdgeTarget | null => {
    const ctx = settled.context;
    if (settled.stuck) {
      graph.stuckAt.add(ctx.nodeId);
      return { kind: 'stuck', nodeId: ctx.nodeId };
    }
    if (settled.ended) {
      const ending = endingIn(ctx.transcript);
      graph.endNodes.add(ending.nodeId);
      return { kind: 'end', ending, walkOut: false };
    }
    const stripped = strip(ctx);
    return addState(coreIdOf(coreKey(stripped)), stripped, ctx.mood, from, edge);
  };
  const played = (decision: DecisionEntry, key = decisionKey(decision)): Played => {
    let id = decisionIds.get(key);
    if (id === undefined) {
      id = decisionIds.size;
      decisionIds.set(key, id);
      decision.tags.forEach((t) => graph.tags.add(t));
    }
    return { decision, decisionKey: key, decisionId: id, autoFail: decision.tags.some(isAutoFailTag) };
  };
  const first = target(settle(rules.initialContext(lean)), -1, 0);
  if (first && first.kind !== 'state') graph.trivial = first;
  const pushEdge = (state: GraphState, transition: Transition, p: Played, moodAfter: number, to: EdgeTarget): void => {
    state.edges.push(new GraphEdge(transition.step, p.decision, (state as StateNode).mood, moodAfter, p.decisionKey, p.decisionId, to));
    if (p.autoFail && !graph.autoFailSteps) graph.autoFailSteps = [...stepsTo(graph, state.id), { decision: 0, ...transition.step }].map((s, i) => ({ ...s, decision: i + 1 }));
  };
  for (let next = 0; next < graph.states.length; next++) {
    const state = graph.states[next]!;
    const entry = coreEntries[coreOf[next]!]!;
    entry.options ??= optionsAt(state.context);
    const { options, transitions } = entry;
    if (options.length === 0) graph.stuckAt.add(state.nodeId);
    const mood = (state as StateNode).mood;
    for (let i = 0; i < options.length; i++) {
      const option = options[i]!;
      const known = (transitions[i] ??= { step: { nodeId: state.nodeId, ...option.step } });
      if (reuse && known.delta !== undefined) {
        const raw = mood + known.delta;
        if (raw >= 0 && raw < walkOutAt && raw <= 100 && known.stay) {
          const { stay } = known;
          if (stay.to.kind !== 'state') {
            pushEdge(state, known, stay.played, raw, stay.to);
            continue;
          }
          const to = addState(stay.to.core, stay.to.context, raw, state.id, state.edges.length);
          if (to) pushEdge(state, known, stay.played, raw, to);
          continue;
        }
        if (raw >= walkOutAt && known.leave) {
          const { leave } = known;
          const moodAfter = Math.min(100, raw);
          // Walk-outs with the same mood change score alike (the key holds the change): one entry per change.
          const change = moodAfter - mood;
          let p = leave.byMood.get(change);
          if (!p) {
            p = played({ ...leave.decision, moodBefore: mood, moodAfter });
            leave.byMood.set(change, p);
          }
          pushEdge(state, known, p, moodAfter, leave.to);
          continue;
        }
      }
      if (graph.enginePlays >= budget.plays) {
        graph.limited = true;
        continue;
      }
      graph.enginePlays++;
      const decided = option.apply(state.context);
      const last = decided.transcript[decided.transcript.length - 1];
      if (last?.type !== 'decision') continue;
      const after = afterDecision(decided);
      const decision: DecisionEntry = { ...last };
      let to: EdgeTarget | null;
      if (after.ended) {
        const ending = endingIn(after.context.transcript);
        graph.walkOut ||= ending.outcome === 'walked-out';
        graph.endNodes.add(ending.nodeId);
        to = { kind: 'end', ending, walkOut: true };
      } else {
        to = target(settle(strip(after.context)), state.id, state.edges.length);
      }
      // A decision made at an explored state is reachable (its tags count) even when the budget drops where it leads.
      const p = played(decision);
      if (!to) continue;
      pushEdge(state, known, p, decision.moodAfter, to);
      // Remember the move: its mood change once seen unclamped, and what it does below and at the walk-out level.
      if (decision.moodAfter > 0 && decision.moodAfter < 100) known.delta = decision.moodAfter - decision.moodBefore;
      if (decision.moodAfter >= walkOutAt) known.leave ??= { decision, to, byMood: new Map() };
      else if (decision.moodAfter > 0 && decision.moodAfter < 100) {
        known.stay ??= { played: p, to: to.kind === 'state' ? { kind: 'state', core: coreOf[to.state]!, context: (graph.states[to.state] as StateNode).base } : to };
      }
    }
  }
  graph.decisions = decisionIds.size;
  return graph;
}

/** The steps of the first-found (shortest) way to a state. */
export function stepsTo(graph: StateGraph, stateId: number): PathStep[] {
  const steps: PathStep[] = [];
  for (let s = graph.states[stateId]!; s.parent; s = graph.states[s.parent.state]!) {
    steps.push({ decision: 0, ...graph.states[s.parent.state]!.edges[s.parent.edge]!.step });
  }
  return steps.reverse().map((s, i) => ({ ...s, decision: i + 1 }));
}

/** What one decision does to the score, read with the scorer's own assessment. */
interface Delta {
  /** False for decisions the scorer does not count against efficiency (see `isFreeDecision`). */
  counted: boolean;
  good: number[];
  /** Weighted bad effects minus penalties minus mood-rise cost. */
  additive: number;
  ruiners: number;
  critical: boolean;
}

function deltaOf(scenario: Scenario, decision: DecisionEntry, rubric: Rubric): Delta {
  const [assessment] = assessDecisions(scenario, [decision], rubric);
  const tags = assessment!.tags;
  const good = VIRTUES.map(() => 0);
  let additive = 0;
  VIRTUES.forEach((virtue, i) => {
    let largest = 0;
    for (const tag of tags) {
      const effect = rubric.tags[tag]?.[virtue] ?? 0;
      if (effect > 0) largest = Math.max(largest, effect);
      else additive += effect * rubric.weights[virtue];
    }
    good[i] = largest;
  });
  const ruiners = assessment!.ruiners.filter((t) => !rubric.critical.includes(t));
  additive -= ruiners.reduce((sum, t) => sum + rubric.penalties[t], 0);
  additive -= rubric.moodRise * Math.max(0, decision.moodAfter - decision.moodBefore);
  const critical = tags.some((t) => rubric.critical.includes(t));
  return { counted: !isFreeDecision(decision), good, additive, ruiners: ruiners.length, critical };
}

interface Label {
  state: number;
  good: number[];
  additive: number;
  ruiners: number;
  /** Decisions that count against efficiency. */
  decisions: number;
  /** Every decision, free ones included (bounds the walk). */
  steps: number;
  critical: boolean;
  parent: Label | null;
  edge: Edge | null;
  dead: boolean;
}

/**
 * Fewest decisions from each state to an accepted end of the conversation (a walk backwards);
 * with `cost`, edges weigh what `cost` says (0 for decisions the scorer does not count).
 */
export function distancesToEnd(graph: StateGraph, accept: (target: EdgeTarget) => boolean = () => true, cost: (edge: Edge) => number = () => 1): number[] {
  const dist = new Array<number>(graph.states.length).fill(Infinity);
  const into = incoming(graph);
  // Costs are 0 or 1: a bucket per distance, each state settled once (a free edge stays in its bucket).
  const buckets: number[][] = [];
  for (const state of graph.states) {
    for (const edge of state.edges) {
      if (edge.target.kind !== 'state' && accept(edge.target)) {
        const c = cost(edge);
        if (c < dist[state.id]!) {
          dist[state.id] = c;
          (buckets[c] ??= []).push(state.id);
        }
      }
    }
  }
  const done = new Uint8Array(graph.states.length);
  for (let d = 0; d < buckets.length; d++) {
    const bucket = buckets[d];
    if (!bucket) continue;
    for (let i = 0; i < bucket.length; i++) {
      const id = bucket[i]!;
      if (done[id] || dist[id]! < d) continue;
      done[id] = 1;
      for (let k = into.start[id]!; k < into.start[id + 1]!; k++) {
        const from = into.from[k]!;
        const via = d + cost(into.edges[k]!);
        if (via < dist[from]!) {
          dist[from] = via;
          (buckets[via] ??= []).push(from);
        }
      }
    }
  }
  return dist;
}

/** The edges into each state, built once per graph (the searches ask for distances several times): state i's are `edges[start[i]..start[i+1])`, from `from[...]`. */
interface Incoming {
  start: Int32Array;
  from: Int32Array;
  edges: Edge[];
}
const incomingOf = new WeakMap<StateGraph, Incoming>();
function incoming(graph: StateGraph): Incoming {
  const n = graph.states.length;
  const cached = incomingOf.get(graph);
  if (cached && cached.start.length === n + 1) return cached;
  const start = new Int32Array(n + 1);
  for (const state of graph.states) for (const edge of state.edges) if (edge.target.kind === 'state') start[edge.target.state + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const from = new Int32Array(start[n]!);
  const edges = new Array<Edge>(start[n]!);
  for (const state of graph.states) {
    for (const edge of state.edges) {
      if (edge.target.kind !== 'state') continue;
      const at = fill[edge.target.state]!++;
      from[at] = state.id;
      edges[at] = edge;
    }
  }
  const built = { start, from, edges };
  incomingOf.set(graph, built);
  return built;
}

/** A finished path found by the search, with the score its figures give. */
export interface FoundPath {
  steps: PathStep[];
  overall: number;
  ending: EndEntry | null;
}

export interface SearchResult {
  best: FoundPath[];
  worst: FoundPath[];
  /** Labels kept and labels dropped because another one beat them. */
  labels: number;
  merged: number;
  /** True when `maxLabels` stopped a search (the score range may then be narrower). */
  capped: boolean;
}

export interface SearchOptions {
  rubric?: Rubric;
  /** Longest path considered, in decisions (default 40). */
  maxDecisions?: number;
  /** Labels per search before it stops (default 200 000). */
  maxLabels?: number;
  /** Finished paths kept per direction, best first (default 12), for the caller to score exactly. */
  keep?: number;
  /** Labels kept per state (default 32); beyond it the least promising are dropped and the result says `capped`. */
  maxFront?: number;
}

/** The score a finished label gives, by the scorer's formula (see src/scoring/score.ts). */
function finalScore(label: Label, ending: EndEntry | null, terms: EndingTermsFn, rubric: Rubric): number {
  if (label.critical) return 0;
  const t = terms(ending);
  const start = [rubric.base, rubric.base, rubric.base, t.efficiencyStart];
  let weighted = 0;
  VIRTUES.forEach((virtue, i) => {
    weighted += Math.min(100, start[i]! + label.good[i]!) * rubric.weights[virtue];
  });
  const extra = t.shortestPath === null ? 0 : Math.max(0, label.decisions - t.shortestPath);
  const total = weighted + label.additive - rubric.extraDecision * extra + t.outcomeAdjustment - t.ratingCost;
  return Math.min(tableAt(rubric.caps, label.ruiners), Math.min(100, Math.max(0, Math.round(total))));
}

type EndingTermsFn = (ending: EndEntry | null) => { efficiencyStart: number; outcomeAdjustment: number; ratingCost: number; shortestPath: number | null };

function endingTerms(scenario: Scenario, rubric: Rubric): EndingTermsFn {
  const best = bestEnding(scenario);
  const bestKey: EndingKey = best?.outcome ?? 'resolved';
  return (ending) => {
    const key: EndingKey = ending?.outcome ?? 'incomplete';
    const rating = ending?.satisfaction ?? null;
    const bestRating = best?.rating ?? null;
    const starsBelow = rating !== null && bestRating !== null ? Math.max(0, bestRating - rating) : 0;
    return {
      efficiencyStart: rubric.efficiencyBase[key] + (rubric.efficiencyBase.resolved - rubric.efficiencyBase[bestKey]),
      outcomeAdjustment: rubric.endings[key] - rubric.endings[bestKey],
      ratingCost: rubric.endingRating * starsBelow,
      shortestPath: best?.shortestPath ?? null,
    };
  };
}

/** Good gains above this can no longer raise any virtue (each is capped at 100). */
const GOOD_CAP = 100;

function beatsForMax(a: Label, b: Label): boolean {
  if (b.critical) return true;
  if (a.critical || a.additive < b.additive || a.ruiners > b.ruiners || a.decisions > b.decisions) return false;
  for (let i = 0; i < a.good.length; i++) if (a.good[i]! < b.good[i]!) return false;
  return true;
}

function beatsForMin(a: Label, b: Label): boolean {
  if (a.additive > b.additive || a.ruiners < b.ruiners || a.decisions < b.decisions) return false;
  for (let i = 0; i < a.good.length; i++) if (a.good[i]! > b.good[i]!) return false;
  return true;
}

function pathOf(label: Label): PathStep[] {
  const steps: PathStep[] = [];
  for (let l: Label | null = label; l?.edge; l = l.parent) steps.push({ decision: 0, ...l.edge.step });
  return steps.reverse().map((s, i) => ({ ...s, decision: i + 1 }));
}

/**
 * Highest and lowest scoring finished paths (the lowest among those without an auto-fail),
 * a few of each, best first (worst first), with their steps.
 */
export function searchScores(graph: StateGraph, options: SearchOptions = {}): SearchResult {
  const rubric = options.rubric ?? DEFAULT_RUBRIC;
  const maxDecisions = options.maxDecisions ?? 40;
  const maxLabels = options.maxLabels ?? 200_000;
  const keep = options.keep ?? 12;
  const maxFront = options.maxFront ?? 32;
  const terms = endingTerms(graph.scenario, rubric);
  // Many edges make the same decision (same node, choice, tags and mood change): assess each once.
  const byDecision: (Delta | undefined)[] = [];
  const deltaFor = (edge: Edge): Delta => (byDecision[edge.decisionId] ??= deltaOf(graph.scenario, edge.decision, rubric));
  let labels = 0;
  let merged = 0;
  let capped = false;

  // Past this many decisions the extra-decision cost alone takes any score to 0.
  const shortest = bestEnding(graph.scenario)?.shortestPath ?? null;
  const saturated = shortest === null || rubric.extraDecision <= 0 ? maxDecisions : shortest + Math.ceil(100 / rubric.extraDecision) + 2;
  /** Longest path each search follows: `maxDecisions` when given, else until extra decisions alone make any score 0. */
  const limitFor = (goal: 'max' | 'min'): number => (options.maxDecisions !== undefined ? Math.min(options.maxDecisions, saturated) : shortest === null ? maxDecisions : saturated) + (goal === 'min' ? 0 : 0);

  /**
   * A quick first answer. Highest: the best-looking edge among those that get closer to an ending
   * (a shortest path, so no extra decisions). Lowest: the worst-looking edge, staying in the
   * conversation while it can (`linger`) or not.
   */
  const greedy = (goal: 'max' | 'min', linger = false): { label: Label; ending: EndEntry | null; overall: number } | null => {
    const sign = goal === 'max' ? 1 : -1;
    let label: Label = { state: 0, good: VIRTUES.map(() => 0), additive: 0, ruiners: 0, decisions: 0, steps: 0, critical: false, parent: null, edge: null, dead: false };
    while (label.steps < 2 * limitFor(goal)) {
      const here = distBest[label.state] ?? Infinity;
      const value = (edge: Edge): number => {
        const d = deltaFor(edge);
        const ends = edge.target.kind !== 'state';
        return sign * (d.additive + VIRTUES.reduce((sum, v, i) => sum + d.good[i]! * rubric.weights[v], 0)) - (linger && ends ? 1000 : 0);
      };
      let edges = graph.states[label.state]!.edges.filter((e) => !deltaFor(e).critical);
      if (goal === 'max') {
        edges = edges.filter((e) => (e.target.kind === 'state' ? (distBest[e.target.state] ?? Infinity) < here : bonusOf(e.target) >= endingBonus));
      }
      if (edges.length === 0) return null;
      const edge = edges.reduce((a, b) => (value(b) > value(a) ? b : a));
      const child = extend(label, edge);
      if (edge.target.kind !== 'state') {
        const ending = edge.target.kind === 'end' ? edge.target.ending : null;
        return { label: child, ending, overall: finalScore(child, ending, terms, rubric) };
      }
      label = child;
    }
    return null;
  };

  const extend = (label: Label, edge: Edge): Label => {
    const delta = deltaFor(edge);
    return {
      state: edge.target.kind === 'state' ? edge.target.state : -1,
      good: label.good.map((g, i) => Math.min(GOOD_CAP, g + delta.good[i]!)),
      additive: label.additive + delta.additive,
      ruiners: Math.min(rubric.caps.length - 1, label.ruiners + delta.ruiners),
      decisions: label.decisions + (delta.counted ? 1 : 0),
      steps: label.steps + 1,
      critical: label.critical || delta.critical,
      parent: label,
      edge,
      dead: false,
    };
  };

  // What an ending adds (adjustment minus rating cost); the best ones, and the best of the rest.
  const bonusCache = new Map<EdgeTarget, number>();
  const bonusOf = (target: EdgeTarget): number => {
    let bonus = bonusCache.get(target);
    if (bonus === undefined) {
      const t = terms(target.kind === 'end' ? target.ending : null);
      bonus = target.kind === 'end' ? t.outcomeAdjustment - t.ratingCost : t.outcomeAdjustment;
      bonusCache.set(target, bonus);
    }
    return bonus;
  };
  // (A loop, not Math.max(...list): a large graph has more ending edges than a call may take arguments.)
  const bonuses = new Set<number>();
  for (const st of graph.states) for (const e of st.edges) if (e.target.kind !== 'state') bonuses.add(bonusOf(e.target));
  let endingBonus = bonuses.size > 0 ? -Infinity : 0;
  for (const b of bonuses) endingBonus = Math.max(endingBonus, b);
  let otherBonus = -Infinity;
  for (const b of bonuses) if (b < endingBonus) otherBonus = Math.max(otherBonus, b);
  const counted = (edge: Edge): number => (deltaFor(edge).counted ? 1 : 0);
  const dist = distancesToEnd(graph, () => true, counted);
  const distBestCounted = distancesToEnd(graph, (target) => bonusOf(target) >= endingBonus, counted);
  const distBest = distancesToEnd(graph, (target) => bonusOf(target) >= endingBonus);

  /**
   * The most a label can still end with: every virtue's good gains saturated, no more costs, the
   * ending's bonus, and at least the extra decisions the fewest counted decisions still needed
   * bring (free decisions, like waiting through venting, cost nothing).
   */
  const boundVia = (label: Label, toGo: number, bonus: number): number => {
    if (!Number.isFinite(toGo) || !Number.isFinite(bonus)) return -Infinity;
    const extra = shortest === null ? 0 : Math.max(0, label.decisions + toGo - shortest);
    return Math.round(100 + label.additive - rubric.extraDecision * extra + bonus);
  };
  const upperBound = (label: Label): number => {
    if (label.critical) return 0;
    if (label.state < 0) return 100;
    const best = Math.max(boundVia(label, distBestCounted[label.state] ?? Infinity, endingBonus), boundVia(label, dist[label.state] ?? Infinity, otherBonus));
    return Math.min(tableAt(rubric.caps, label.ruiners), best);
  };

  const run = (goal: 'max' | 'min'): FoundPath[] => {
    const limit = limitFor(goal);
    const finished: { label: Label; ending: EndEntry | null; overall: number }[] = [];
    const tries = goal === 'max' ? [greedy('max')] : [greedy('min', true), greedy('min', false)];
    const found = tries.filter((t): t is NonNullable<typeof t> => t !== null).sort((a, b) => (goal === 'max' ? b.overall - a.overall : a.overall - b.overall));
    const first = found[0] ?? null;
    finished.push(...found);
    // A path without auto-fail at 0 is the lowest there can be; at 100, the highest.
    if (first && first.overall === (goal === 'min' ? 0 : 100)) return [{ steps: pathOf(first.label), overall: first.overall, ending: first.ending }];
    let incumbent = first?.overall ?? (goal === 'max' ? -1 : 101);
    let floor = false;
    const beats = goal === 'max' ? beatsForMax : beatsForMin;
    const fronts = new Map<number, Label[]>();
    // For ranking labels when a state's front is full: the most (least) promising go first.
    const promise = (label: Label): number => (goal === 'max' ? upperBound(label) : -label.additive + 12 * label.ruiners + label.decisions);
    const admit = (label: Label): boolean => {
      const front = fronts.get(label.state) ?? [];
      if (front.some((other) => beats(other, label))) {
        merged++;
        return false;
      }
      const kept: Label[] = [];
      for (const other of front) {
        if (beats(label, other)) {
          other.dead = true;
          merged++;
        } else kept.push(other);
      }
      kept.push(label);
      if (kept.length > maxFront) {
        // Too many labels no other beats: keep the most promising ones; the range may be cut.
        capped = true;
        kept.sort((a, b) => promise(b) - promise(a));
        for (const dropped of kept.splice(maxFront)) dropped.dead = true;
        if (label.dead) {
          fronts.set(label.state, kept);
          return false;
        }
      }
      fronts.set(label.state, kept);
      return true;
    };
    const start: Label = { state: 0, good: VIRTUES.map(() => 0), additive: 0, ruiners: 0, decisions: 0, steps: 0, critical: false, parent: null, edge: null, dead: false };
    if (graph.states.length === 0) return [];
    let layer: Label[] = [start];
    admit(start);
    for (let depth = 0; layer.length > 0; depth++) {
      const nextLayer: Label[] = [];
      for (const label of layer) {
        if (label.dead) continue;
        for (const edge of graph.states[label.state]!.edges) {
          if (goal === 'min' && deltaFor(edge).critical) continue;
          const child = extend(label, edge);
          if (edge.target.kind !== 'state') {
            const ending = edge.target.kind === 'end' ? edge.target.ending : null;
            const overall = finalScore(child, ending, terms, rubric);
            finished.push({ label: child, ending, overall });
            if (goal === 'max') incumbent = Math.max(incumbent, overall);
            else incumbent = Math.min(incumbent, overall);
            if (goal === 'min' && overall === 0) floor = true;
            continue;
          }
          if (child.decisions >= limit || child.steps >= 2 * limit) continue;
          // Branch and bound: a label that cannot reach the best score found so far is dropped.
          if (goal === 'max' && upperBound(child) < incumbent) {
            merged++;
            continue;
          }
          if (labels >= maxLabels) {
            capped = true;
            continue;
          }
          if (admit(child)) {
            labels++;
            nextLayer.push(child);
          }
        }
      }
      // Nothing scores below 0: once a path without auto-fail gets there, the lowest is found.
      layer = floor ? [] : nextLayer;
    }
    const sign = goal === 'max' ? -1 : 1;
    finished.sort((a, b) => sign * (a.overall - b.overall) || a.label.decisions - b.label.decisions);
    return finished.slice(0, keep).map((f) => ({ steps: pathOf(f.label), overall: f.overall, ending: f.ending }));
  };

  const best = run('max');
  const worst = run('min');
  return { best, worst, labels, merged, capped };
}
