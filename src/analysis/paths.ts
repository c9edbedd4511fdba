/**
 * Path enumeration over a scenario with the conversation's own pure rules (the same functions
 * the machine runs). At each decision the trainee may pick any visible reply after the customer
 * finished, the same reply as an interruption where the node shows replies early, or stay
 * silent where the node has a silence rule.
 *
 * Two partial paths that reach the same node, variables and mood face the same futures. Without
 * pruning, one of two identical score-relevant histories (virtue totals, penalties, decision
 * count) is followed; with `prune: 'max'` (or `'min'`) a history is dropped as soon as another
 * one there is at least as good (bad) on every figure, which keeps the highest (lowest) score
 * exact while walking far fewer paths. `exploreCoverage` answers what is reachable at all.
 */
import * as rules from '../conversation/rules.ts';
import type { ConversationContext } from '../conversation/context.ts';
import type { DecisionEntry, Transcript } from '../conversation/transcript.ts';
import type { Scenario } from '../scenario/model.ts';
import { isAutoFailTag, isTrustRuiner, type BehaviourTag } from '../scenario/vocabulary.ts';
import { TAG_EFFECTS, TRUST_RUINER_PENALTY, VIRTUES } from '../scoring/weights.ts';
import { valueOf } from '../scoring/decisions.ts';

export type StepKind = 'reply' | 'interrupt' | 'silence';

/** One decision on a path, with what the `play` command needs to repeat it. */
export interface PathStep {
  /** 1-based decision number. */
  decision: number;
  nodeId: string;
  kind: StepKind;
  choiceId: string | null;
  /** 1-based position among the visible replies; null for a silence. */
  choiceNumber: number | null;
}

export interface EnumeratedPath {
  steps: PathStep[];
  transcript: Transcript;
  /** False when the path was cut at the decision limit (a loop) or stuck with nothing to do. */
  complete: boolean;
  stuck: boolean;
}

export interface EnumerateOptions {
  /** Stop after this many complete paths (default 20 000). */
  maxPaths?: number;
  /** Decisions on one path before it is cut (default 40). */
  maxDecisions?: number;
  /** Times one path may enter the same node with the same variables (default 2: one loop back). */
  maxVisits?: number;
  /**
   * Which option to follow first at each decision: `file` (file order), `best-first` (highest
   * reply value first, finds the best paths early when capped) or `worst-first`.
   */
  order?: 'file' | 'best-first' | 'worst-first';
  /** Leave out options that auto-fail (their paths all score 0), to sample the other paths. */
  excludeAutoFail?: boolean;
  /** Start by repeating these steps (e.g. a path to an auto-failing decision), then walk on. */
  from?: readonly PathStep[];
  /**
   * Skip partial paths that cannot end better (`max`) or worse (`min`) than one already
   * followed to the same node, variables and mood: the highest (lowest) score stays exact while
   * far fewer paths are walked. `none` (default) only merges identical histories.
   */
  prune?: 'none' | 'max' | 'min';
}

export interface Enumeration {
  paths: EnumeratedPath[];
  /** Every tag some decision on some explored path earned (merged paths included). */
  tagsEarned: Set<BehaviourTag>;
  capped: boolean;
  /** Partial paths skipped because an equivalent one was already followed. */
  merged: number;
  /** Partial paths not followed because they went round the same loop more than `maxVisits` times. */
  loopsCut: number;
}

const STEP_MS = 1000;
const BRANCH_HOPS = 50;

/** Plays automatic turns (branches, endings) until a decision is due or the call ended. */
export function settle(context: ConversationContext): { context: ConversationContext; ended: boolean; stuck: boolean } {
  let ctx = context;
  for (let hop = 0; hop < BRANCH_HOPS; hop++) {
    const node = rules.nodeOf(ctx);
    const at = ctx.lastAt + STEP_MS;
    if (rules.isEndNode(node)) return { context: rules.endAtNode(ctx, at), ended: true, stuck: false };
    // The engine stops a loop of branch nodes as an unresolved ending (lint reports it as CD219).
    if (rules.isBranchLoop(ctx)) return { context: rules.endAtNode(ctx, at), ended: true, stuck: false };
    if (rules.isBranchNode(node)) {
      ctx = rules.takeBranch(ctx, at);
      continue;
    }
    if (rules.isDecisionNode(node)) return { context: ctx, ended: false, stuck: false };
    return { context: rules.endAtNode(ctx, at), ended: true, stuck: true };
  }
  return { context: ctx, ended: false, stuck: true };
}

export interface Option {
  step: Omit<PathStep, 'decision' | 'nodeId'>;
  apply: (ctx: ConversationContext) => ConversationContext;
}

export function optionsAt(ctx: ConversationContext): Option[] {
  const node = rules.nodeOf(ctx);
  if (!node || !rules.isDecisionNode(node)) return [];
  const visible = rules.visibleRepliesOf(node, ctx.variables);
  const canInterrupt = node.earlyReplies && rules.turnLines(ctx, false).length > 0;
  const options: Option[] = [];
  visible.forEach((reply, i) => {
    options.push({
      step: { kind: 'reply', choiceId: reply.id, choiceNumber: i + 1 },
      apply: (c) => {
        const answerable = rules.markAnswerable(c, c.lastAt + STEP_MS);
        return rules.decide(answerable, { kind: 'reply', reply, interrupting: false }, answerable.lastAt + STEP_MS);
      },
    });
    if (canInterrupt) {
      options.push({
        step: { kind: 'interrupt', choiceId: reply.id, choiceNumber: i + 1 },
        apply: (c) => {
          // The customer has started the turn's first line (the line that is cut off).
          const speaking = rules.recordLinesThrough(c, 0, c.lastAt + STEP_MS / 2, false);
          return rules.decide(speaking, { kind: 'reply', reply, interrupting: true, remainingMs: STEP_MS }, speaking.lastAt + STEP_MS / 2);
        },
      });
    }
  });
  const rule = rules.silenceRuleOf(ctx.scenario, node);
  options.push({
    step: { kind: 'silence', choiceId: null, choiceNumber: null },
    apply: (c) => {
      const answerable = rules.markAnswerable(c, c.lastAt + STEP_MS);
      return rules.decide(answerable, { kind: 'silence' }, answerable.lastAt + rule.after * 1000);
    },
  });
  return options;
}

interface Decided {
  step: Option['step'];
  context: ConversationContext;
  /** The decision entry just made. */
  entry: DecisionEntry;
}

/** Applies every option once; sorts by the value of the decision made, and drops auto-fails if asked. */
function decisionsAt(ctx: ConversationContext, order: EnumerateOptions['order'], excludeAutoFail: boolean): Decided[] {
  const decided: Decided[] = [];
  for (const option of optionsAt(ctx)) {
    const context = option.apply(ctx);
    const entry = context.transcript[context.transcript.length - 1];
    if (entry?.type !== 'decision') continue;
    if (excludeAutoFail && entry.tags.some(isAutoFailTag)) continue;
    decided.push({ step: option.step, context, entry });
  }
  if (order === 'file' || order === undefined) return decided;
  const value = (d: Decided): number => valueOf(d.entry.tags, d.entry.moodAfter - d.entry.moodBefore);
  const sign = order === 'best-first' ? -1 : 1;
  return decided.sort((a, b) => sign * (value(a) - value(b)));
}

/**
 * The scenario as the walk needs it: without the customer's lines, which cost time to record
 * and change nothing about where play goes or how it scores.
 */
export function withoutLines(scenario: Scenario): Scenario {
  const nodes: Scenario['nodes'] = {};
  for (const [id, node] of Object.entries(scenario.nodes)) nodes[id] = { ...node, says: [] };
  return { ...scenario, nodes };
}

/** After a decision: the walk-out check, the reaction line, then the next node (no rewind checkpoints needed here). */
export function afterDecision(decided: ConversationContext): { context: ConversationContext; ended: boolean } {
  const ctx = decided.checkpoints.length > 0 ? { ...decided, checkpoints: [] } : decided;
  return rules.settleDecision(ctx, ctx.lastAt + STEP_MS);
}

/** The score-relevant tally of a history: raw virtue totals, penalties, auto-fail. */
interface Tally {
  totals: readonly number[];
  penalty: number;
  autoFail: boolean;
}

const EMPTY_TALLY: Tally = { totals: VIRTUES.map(() => 0), penalty: 0, autoFail: false };

function addToTally(tally: Tally, tags: readonly BehaviourTag[]): Tally {
  const totals = [...tally.totals];
  let { penalty, autoFail } = tally;
  for (const tag of new Set(tags)) {
    if (isAutoFailTag(tag)) autoFail = true;
    if (isTrustRuiner(tag)) penalty += TRUST_RUINER_PENALTY[tag];
    const effects = TAG_EFFECTS[tag] ?? {};
    VIRTUES.forEach((virtue, i) => {
      totals[i]! += effects[virtue] ?? 0;
    });
  }
  return { totals, penalty, autoFail };
}

/**
 * What makes two partial paths interchangeable: where they are (node, variables, mood) and what
 * the score will make of their history (virtue totals, penalties, decision count). Once a path
 * has auto-failed its score is 0 whatever follows, so all such histories are one.
 */
function historyKey(place: string, ctx: ConversationContext, tally: Tally): string {
  const history = tally.autoFail ? 'auto-fail' : `${tally.totals.join(',')}|${tally.penalty}`;
  return `${place}|${ctx.mood}|${ctx.decisionCount}|${history}`;
}

interface Standing extends Tally {
  decisions: number;
}

/**
 * Per place, the histories not yet beaten. For `max`, history a beats b when b has auto-failed,
 * or when a has at least b's virtue totals, at most its penalties and at most its decisions: the
 * score only rises with totals and falls with penalties and extra decisions, and both face the
 * same futures. `min` is the mirror image (auto-failing options are left out of that walk).
 */
class Fronts {
  private readonly fronts = new Map<string, Standing[]>();
  constructor(private readonly goal: 'max' | 'min') {}

  private beats(a: Standing, b: Standing): boolean {
    if (this.goal === 'max') {
      if (b.autoFail) return true;
      if (a.autoFail || a.penalty > b.penalty || a.decisions > b.decisions) return false;
      for (let i = 0; i < a.totals.length; i++) if (a.totals[i]! < b.totals[i]!) return false;
      return true;
    }
    if (a.autoFail !== b.autoFail || a.penalty < b.penalty || a.decisions < b.decisions) return false;
    for (let i = 0; i < a.totals.length; i++) if (a.totals[i]! > b.totals[i]!) return false;
    return true;
  }

  /** True when `standing` is worth following from `place` (and records it). */
  admit(place: string, standing: Standing): boolean {
    const front = this.fronts.get(place) ?? [];
    if (front.some((other) => this.beats(other, standing))) return false;
    this.fronts.set(place, [...front.filter((other) => !this.beats(standing, other)), standing]);
    return true;
  }
}

/** Enumerates the paths of a scenario, bounded by `maxPaths` (reported through `capped`). */
export function enumeratePaths(scenario: Scenario, options: EnumerateOptions = {}): Enumeration {
  const maxPaths = options.maxPaths ?? 20_000;
  const maxDecisions = options.maxDecisions ?? 40;
  const maxVisits = options.maxVisits ?? 2;
  const order = options.order ?? 'file';
  const paths: EnumeratedPath[] = [];
  const seen = new Set<string>();
  const prune = options.prune ?? 'none';
  const fronts = new Fronts(prune === 'min' ? 'min' : 'max');
  let capped = false;
  let merged = 0;
  let loopsCut = 0;
  const tagsEarned = new Set<BehaviourTag>();

  /** Records a finished path; when pruning, only if no path to the same ending beats it. */
  const finish = (path: EnumeratedPath, standing: Standing): void => {
    if (path.complete && prune !== 'none') {
      const ending = path.transcript[path.transcript.length - 1];
      const where = ending?.type === 'end' ? `${ending.nodeId}|${ending.outcome}` : '';
      if (!fronts.admit(`end|${where}`, standing)) {
        merged++;
        return;
      }
    }
    paths.push(path);
    capped = paths.length >= maxPaths;
  };

  const walk = (start: ConversationContext, steps: PathStep[], visits: ReadonlyMap<string, number>, tally: Tally): void => {
    if (capped) return;
    const settled = settle(start);
    const ctx = settled.context;
    if (settled.ended || settled.stuck) {
      finish({ steps, transcript: ctx.transcript, complete: !settled.stuck, stuck: settled.stuck }, { ...tally, decisions: ctx.decisionCount });
      return;
    }
    const place = `${ctx.nodeId}|${JSON.stringify(ctx.variables)}`;
    const visited = (visits.get(place) ?? 0) + 1;
    if (visited > maxVisits) {
      loopsCut++;
      return;
    }
    const nextVisits = new Map(visits).set(place, visited);
    if (prune === 'none') {
      const key = historyKey(place, ctx, tally);
      if (seen.has(key)) {
        merged++;
        return;
      }
      seen.add(key);
    } else if (!fronts.admit(`${place}|${ctx.mood}`, { ...tally, decisions: ctx.decisionCount })) {
      merged++;
      return;
    }
    const available = decisionsAt(ctx, order, options.excludeAutoFail === true);
    if (available.length === 0 || ctx.decisionCount >= maxDecisions) {
      finish({ steps, transcript: ctx.transcript, complete: false, stuck: available.length === 0 }, { ...tally, decisions: ctx.decisionCount });
      return;
    }
    for (const decided of available) {
      if (capped) return;
      const step: PathStep = { decision: ctx.decisionCount + 1, nodeId: ctx.nodeId, ...decided.step };
      decided.entry.tags.forEach((t) => tagsEarned.add(t));
      const after = afterDecision(decided.context);
      const nextTally = addToTally(tally, decided.entry.tags);
      if (after.ended) {
        const path = { steps: [...steps, step], transcript: after.context.transcript, complete: true, stuck: false };
        finish(path, { ...nextTally, decisions: after.context.decisionCount });
      } else {
        walk(after.context, [...steps, step], nextVisits, nextTally);
      }
    }
  };

  const start = replaySteps(rules.initialContext(withoutLines(scenario)), options.from ?? []);
  if (start) {
    const tally = start.entries.reduce((t, entry) => addToTally(t, entry.tags), EMPTY_TALLY);
    if (start.ended) finish({ steps: start.steps, transcript: start.context.transcript, complete: true, stuck: false }, { ...tally, decisions: start.context.decisionCount });
    else walk(start.context, start.steps, new Map(), tally);
  }
  return { paths, capped, merged, loopsCut, tagsEarned };
}

/** Repeats `steps` from `context`; null when a step does not fit where play has got to. */
export function replaySteps(
  context: ConversationContext,
  steps: readonly PathStep[],
): { context: ConversationContext; steps: PathStep[]; entries: DecisionEntry[]; ended: boolean } | null {
  let ctx = context;
  const entries: DecisionEntry[] = [];
  for (const [i, step] of steps.entries()) {
    const settled = settle(ctx);
    if (settled.ended || settled.stuck || settled.context.nodeId !== step.nodeId) return null;
    const option = optionsAt(settled.context).find((o) => o.step.kind === step.kind && o.step.choiceId === step.choiceId);
    if (!option) return null;
    const decided = option.apply(settled.context);
    const entry = decided.transcript[decided.transcript.length - 1];
    if (entry?.type === 'decision') entries.push(entry);
    const after = afterDecision(decided);
    ctx = after.context;
    if (after.ended) return i === steps.length - 1 ? { context: ctx, steps: [...steps], entries, ended: true } : null;
  }
  return { context: ctx, steps: [...steps], entries, ended: false };
}

/**
 * The `play` arguments that repeat a path, with reply ids (readable, and still right when a
 * writer reorders replies), e.g. `--choices acknowledge,look-up --interrupt 1 --silent 3`.
 */
export function playArguments(steps: readonly PathStep[]): string {
  const choices = steps.filter((s) => s.kind !== 'silence').map((s) => s.choiceId);
  const interrupt = steps.filter((s) => s.kind === 'interrupt').map((s) => s.decision);
  const silent = steps.filter((s) => s.kind === 'silence').map((s) => s.decision);
  const parts = [`--choices ${choices.join(',') || '""'}`];
  if (interrupt.length > 0) parts.push(`--interrupt ${interrupt.join(',')}`);
  if (silent.length > 0) parts.push(`--silent ${silent.join(',')}`);
  return parts.join(' ');
}

/** What can happen in a scenario at all, found by walking its states (node, variables, mood) once each. */
export interface Coverage {
  /** Ending node ids some play reaches (walk-outs are recorded under the node where they happen). */
  endNodes: Set<string>;
  walkOut: boolean;
  /** Every tag some decision can earn (the machine's added tags included). */
  tags: Set<BehaviourTag>;
  /** Nodes where play gets stuck with nothing to say or do. */
  stuckAt: Set<string>;
  /** States visited; `limited` when the state limit stopped the walk. */
  states: number;
  limited: boolean;
  /** The shortest steps that end in an auto-failing decision, when the scenario has one. */
  autoFailSteps: PathStep[] | null;
}

const COVERAGE_STATE_LIMIT = 200_000;

/** Exact reachability: endings, walk-outs, tags and dead ends, independent of path counts. */
export function exploreCoverage(scenario: Scenario): Coverage {
  const coverage: Coverage = {
    endNodes: new Set(),
    walkOut: false,
    tags: new Set(),
    stuckAt: new Set(),
    states: 0,
    limited: false,
    autoFailSteps: null,
  };
  const seen = new Set<string>();
  const queue: { ctx: ConversationContext; steps: PathStep[] }[] = [];
  const visit = (start: ConversationContext, steps: PathStep[]): void => {
    const settled = settle(start);
    const ctx = settled.context;
    if (settled.stuck) {
      coverage.stuckAt.add(ctx.nodeId);
      return;
    }
    if (settled.ended) {
      coverage.endNodes.add(ctx.nodeId);
      return;
    }
    const key = `${ctx.nodeId}|${JSON.stringify(ctx.variables)}|${ctx.mood}`;
    if (seen.has(key)) return;
    if (seen.size >= COVERAGE_STATE_LIMIT) {
      coverage.limited = true;
      return;
    }
    seen.add(key);
    // Histories do not matter here: keep the context small so the walk stays cheap.
    queue.push({ ctx: { ...ctx, transcript: [], checkpoints: [] }, steps });
  };
  visit(rules.initialContext(withoutLines(scenario)), []);
  for (let next = 0; next < queue.length; next++) {
    const { ctx, steps } = queue[next]!;
    const available = optionsAt(ctx);
    if (available.length === 0) coverage.stuckAt.add(ctx.nodeId);
    for (const option of available) {
      const decided = option.apply(ctx);
      const last = decided.transcript[decided.transcript.length - 1];
      const step: PathStep = { decision: ctx.decisionCount + 1, nodeId: ctx.nodeId, ...option.step };
      if (last?.type === 'decision') {
        last.tags.forEach((t) => coverage.tags.add(t));
        if (!coverage.autoFailSteps && last.tags.some(isAutoFailTag)) coverage.autoFailSteps = [...steps, step];
      }
      const after = afterDecision(decided);
      if (after.ended) {
        coverage.walkOut = true;
        continue;
      }
      visit({ ...after.context, transcript: [] }, [...steps, step]);
    }
  }
  coverage.states = seen.size;
  return coverage;
}
