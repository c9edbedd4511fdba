/**
 * Scenario analysis for trainers, over the scenario's state graph: the score range with its best and worst
 * paths, the endings a trainee can reach, which trust-ruiners are live traps, which good tags
 * are rewarded, and warnings where a node teaches nothing or a reply's tags and mood disagree.
 *
 * @example
 * const report = analyzeScenario(scenario, { maxPaths: 5000 });
 * report.score; // { min: 0, max: 96 }
 */
import type { Scenario } from '../scenario/model.ts';
import { GOOD_TAGS, isAutoFailTag, TRUST_RUINERS, type BehaviourTag, type GoodTag, type Outcome, type TrustRuiner } from '../scenario/vocabulary.ts';
import * as rules from '../conversation/rules.ts';
import { endingOf } from '../conversation/transcript.ts';
import { DEFAULT_RUBRIC, type Rubric } from '../scoring/rubric.ts';
import { scoreConversation } from '../scoring/score.ts';
import { enumeratePaths, playArguments, replaySteps, settle, withoutLines, type PathStep } from './paths.ts';
import { plainReach } from './plainReach.ts';
import { buildStateGraph, DEFAULT_BUDGET, searchScores, type Budget, type StateGraph } from './stateGraph.ts';
import { nodeWarnings, type AnalysisWarning } from './warnings.ts';

export type { AnalysisWarning } from './warnings.ts';

export interface PathSummary {
  overall: number;
  outcome: Outcome | null;
  endNodeId: string | null;
  satisfaction: number;
  autoFail: boolean;
  decisions: number;
  steps: PathStep[];
  /** Arguments for `calm-desk play <file>` that repeat this path. */
  playArgs: string;
}

/**
 * Whether play can get somewhere: `reachable` (a play found in the explored states gets there),
 * `unreachable` (proven: no play does), `not-proven` (only when the analysis was limited: the
 * explored states do not get there, and the scenario's links do not rule it out).
 */
export type Reach = 'reachable' | 'unreachable' | 'not-proven';

export interface EndingReach {
  nodeId: string;
  outcome: Outcome;
  reach: Reach;
}

/** What a limited analysis neither found nor ruled out (all empty when the analysis is complete). */
export interface NotProven {
  /** A mood walk-out was not found; it may still happen. */
  walkOut: boolean;
  /** An auto-fail was not found, and the scenario has an auto-fail tag it could be earned with. */
  autoFail: boolean;
  /** Trust-ruiners not found on any explored decision that some reply or silence still carries. */
  behaviours: TrustRuiner[];
  /** Good tags likewise. */
  goodTags: GoodTag[];
}

export interface AnalysisReport {
  scenarioId: string;
  title: string;
  language: string;
  /** Paths scored exactly, labels merged by the search, and whether its work bound cut it. */
  paths: { complete: number; incomplete: number; merged: number; capped: boolean; maxPaths: number };
  /** Distinct decision states of the conversation (its state graph) that were explored. */
  states: number;
  /**
   * True when the scenario needs more work than the analysis budget (`budget`): then
   * `states` were explored (those nearest the start), the score range, best and worst paths
   * cover that part only, and what it did not find is `not-proven` (see `notProven`) unless the
   * scenario's links rule it out. Every "reachable" and "unreachable" stays exact.
   */
  limited: boolean;
  /** The budget the analysis had (states explored, options played with the engine's rules). */
  budget: Budget;
  /** What a limited analysis neither found nor ruled out. */
  notProven: NotProven;
  score: { min: number; max: number } | null;
  best: PathSummary | null;
  worst: PathSummary | null;
  /** The lowest-scoring path that does not auto-fail (null when every path auto-fails or none ends). */
  worstNonAutoFail: PathSummary | null;
  /** Ending nodes of the scenario, each with whether a path reaches it. */
  endings: EndingReach[];
  /** True when some path is found that makes the customer walk out (false: none, or `notProven.walkOut`). */
  walkOutReachable: boolean;
  /** Trust-ruiners a trainee can commit on some path found (a live trap); false: none, or listed in `notProven`. */
  behaviours: Record<TrustRuiner, boolean>;
  /** True when some path found auto-fails (tyranny or an insult is on offer); see `notProven.autoFail`. */
  autoFailReachable: boolean;
  /** Good tags some path found earns; see `notProven.goodTags`. */
  goodTagsRewarded: GoodTag[];
  warnings: AnalysisWarning[];
}

export interface AnalyzeOptions {
  /** Labels the score search may keep per direction (default 200 000); never limits reachability. */
  maxPaths?: number;
  /** Longest path considered for the score range, in decisions (default 40). */
  maxDecisions?: number;
  /** Scoring rubric (default: the compiled-in default rubric). */
  rubric?: Rubric;
  /** The scenario's state graph when the caller already built it (the map reuses it for moods). */
  graph?: StateGraph;
  /** What the analysis may do (default `DEFAULT_BUDGET`; see `budgetFor`); past it the report is `limited`. */
  budget?: Budget;
}

/**
 * Work bound of the score search (labels kept per direction); reachability is exact regardless.
 * Chosen from measurements like `STATE_BUDGET`: bundled scenarios need none at all (the first
 * greedy paths already reach 100 and 0), generated worst cases a few dozen; this many keep the
 * search of a limited graph within its share of the 2 s goal.
 */
export const DEFAULT_MAX_PATHS = 10_000;

export { budgetFor, DEFAULT_BUDGET, STATE_BUDGET, type Budget } from './stateGraph.ts';

function summarize(scenario: Scenario, steps: PathStep[], rubric: Rubric): PathSummary | null {
  const replayed = replaySteps(rules.initialContext(withoutLines(scenario)), steps);
  if (!replayed) return null;
  const settled = replayed.ended ? null : settle(replayed.context);
  if (settled && (!settled.ended || settled.stuck)) return null;
  const transcript = (settled ?? replayed).context.transcript;
  const score = scoreConversation(scenario, transcript, rubric);
  const ending = endingOf(transcript);
  return {
    overall: score.overall,
    outcome: score.outcome,
    endNodeId: ending?.nodeId ?? null,
    satisfaction: score.satisfaction,
    autoFail: score.autoFail !== null,
    decisions: score.efficiency.decisionsUsed,
    steps,
    playArgs: playArguments(steps),
  };
}

/** Better = higher score, then fewer decisions, then earlier found. */
function pickBest(a: PathSummary, b: PathSummary): PathSummary {
  if (a.overall !== b.overall) return a.overall > b.overall ? a : b;
  if (a.decisions !== b.decisions) return a.decisions < b.decisions ? a : b;
  return a;
}

/** Worse = lower score, then an auto-fail over a plain low score, then fewer decisions. */
function pickWorst(a: PathSummary, b: PathSummary): PathSummary {
  if (a.overall !== b.overall) return a.overall < b.overall ? a : b;
  if (a.autoFail !== b.autoFail) return a.autoFail ? a : b;
  return a.decisions <= b.decisions ? a : b;
}

/**
 * Analyzes one scenario. Pure. Builds the scenario's state graph once (exact reachability of
 * endings, walk-outs, behaviours and good tags, whatever the limits), then searches it for the
 * highest and the lowest scores (see `stateGraph.ts`); the paths found are replayed with the
 * engine's rules and scored by the scorer, so every figure is the scorer's own.
 */
export function analyzeScenario(scenario: Scenario, options: AnalyzeOptions = {}): AnalysisReport {
  const rubric = options.rubric ?? DEFAULT_RUBRIC;
  const maxPaths = options.maxPaths ?? DEFAULT_MAX_PATHS;
  const graph = options.graph ?? buildStateGraph(scenario, options.budget ?? DEFAULT_BUDGET);
  const search = searchScores(graph, { rubric, maxLabels: maxPaths, maxDecisions: options.maxDecisions });
  let best: PathSummary | null = null;
  let worstNonAutoFail: PathSummary | null = null;
  for (const found of search.best) {
    const s = summarize(scenario, found.steps, rubric);
    if (s) best = best ? pickBest(best, s) : s;
  }
  for (const found of search.worst) {
    const s = summarize(scenario, found.steps, rubric);
    if (s && !s.autoFail) worstNonAutoFail = worstNonAutoFail ? pickWorst(worstNonAutoFail, s) : s;
  }
  // The worst path overall: the first auto-failing decision, when there is one, played on as well as the search can.
  let worst = worstNonAutoFail;
  if (graph.autoFailSteps) {
    const failing = enumeratePaths(scenario, { from: graph.autoFailSteps, maxPaths: 1 }).paths[0];
    const s = failing?.complete ? summarize(scenario, failing.steps, rubric) : null;
    if (s) worst = worst ? pickWorst(worst, s) : s;
  }
  if (!best && worst) best = worst;

  // Found in the explored states: reachable. Not linked from the start at all: unreachable. Else exact when the walk was complete.
  const plain = graph.limited ? plainReach(scenario) : null;
  const reachOf = (found: boolean, possible: boolean): Reach => (found ? 'reachable' : !possible ? 'unreachable' : graph.limited ? 'not-proven' : 'unreachable');
  const endings: EndingReach[] = scenario.nodeOrder
    .map((id) => scenario.nodes[id]!)
    .filter((node) => node.end !== undefined)
    .map((node) => ({ nodeId: node.id, outcome: node.end!.outcome, reach: reachOf(graph.endNodes.has(node.id), plain?.nodes.has(node.id) ?? true) }));
  const behaviours = Object.fromEntries(TRUST_RUINERS.map((t) => [t, graph.tags.has(t)])) as Record<TrustRuiner, boolean>;
  const unproven = (tag: BehaviourTag): boolean => reachOf(graph.tags.has(tag), plain?.tags.has(tag) ?? true) === 'not-proven';
  const notProven: NotProven = {
    walkOut: graph.limited && !graph.walkOut,
    autoFail: graph.limited && !graph.autoFailSteps && [...(plain?.tags ?? [])].some(isAutoFailTag),
    behaviours: TRUST_RUINERS.filter(unproven),
    goodTags: GOOD_TAGS.filter(unproven),
  };

  const warnings = nodeWarnings(scenario);
  if (graph.limited) {
    const open = endings.filter((e) => e.reach === 'not-proven').map((e) => `\`${e.nodeId}\``);
    warnings.push({
      code: 'analysis-limited',
      severity: 'warning',
      message:
        `This scenario has more conversation states than the analysis explores (it explored ${graph.states.length.toLocaleString('en')}): ` +
        `the score range and the best and worst paths cover the explored part only, and what it did not find is "not proven" rather than unreachable` +
        `${open.length > 0 ? ` (endings ${open.join(', ')})` : ''}. ` +
        'Usually many variables that replies set independently multiply the states; fewer flags, or flags reset once they have been read, make it analyzable (or raise --max-states).',
    });
  }
  if (search.capped) {
    warnings.push({
      code: 'paths-capped',
      severity: 'info',
      message: `The score search stopped after ${maxPaths} labels: the score range may be narrower than the real one (endings and behaviours are exact). Raise --max-paths.`,
    });
  }
  for (const ending of endings.filter((e) => e.reach === 'unreachable')) {
    warnings.push({
      code: 'ending-unreachable',
      severity: 'warning',
      nodeId: ending.nodeId,
      message: `No play reaches the ending \`${ending.nodeId}\` (${ending.outcome}).`,
    });
  }
  if (graph.stuckAt.size > 0) {
    warnings.push({
      code: 'dead-end',
      severity: 'warning',
      message: `Play can get stuck with nothing to say or do at: ${[...graph.stuckAt].map((n) => `\`${n}\``).join(', ')}.`,
    });
  }

  return {
    scenarioId: scenario.id,
    title: scenario.title,
    language: scenario.language,
    paths: {
      complete: search.best.length + search.worst.length,
      incomplete: 0,
      merged: search.merged,
      capped: search.capped,
      maxPaths,
    },
    states: graph.states.length,
    limited: graph.limited,
    budget: graph.budget,
    notProven,
    score: best && worst ? { min: worst.overall, max: best.overall } : null,
    best,
    worst,
    worstNonAutoFail,
    endings,
    walkOutReachable: graph.walkOut,
    behaviours,
    autoFailReachable: graph.autoFailSteps !== null,
    goodTagsRewarded: GOOD_TAGS.filter((t) => graph.tags.has(t)),
    warnings,
  };
}
