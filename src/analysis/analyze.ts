/**
 * Scenario analysis for trainers: every path scored, the score range with its best and worst
 * paths, the endings a trainee can reach, which trust-ruiners are live traps, which good tags
 * are rewarded, and warnings where a node teaches nothing or a reply's tags and mood disagree.
 *
 * @example
 * const report = analyzeScenario(scenario, { maxPaths: 5000 });
 * report.score; // { min: 0, max: 96 }
 */
import type { Scenario } from '../scenario/model.ts';
import { GOOD_TAGS, TRUST_RUINERS, type GoodTag, type Outcome, type TrustRuiner } from '../scenario/vocabulary.ts';
import { endingOf } from '../conversation/transcript.ts';
import { scoreConversation } from '../scoring/score.ts';
import { enumeratePaths, exploreCoverage, playArguments, type EnumeratedPath, type EnumerateOptions, type PathStep } from './paths.ts';
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

export interface EndingReach {
  nodeId: string;
  outcome: Outcome;
  reachable: boolean;
}

export interface AnalysisReport {
  scenarioId: string;
  title: string;
  language: string;
  paths: { complete: number; incomplete: number; merged: number; capped: boolean; maxPaths: number };
  score: { min: number; max: number } | null;
  best: PathSummary | null;
  worst: PathSummary | null;
  /** The lowest-scoring path that does not auto-fail (null when every path auto-fails or none ends). */
  worstNonAutoFail: PathSummary | null;
  /** Ending nodes of the scenario, each with whether a path reaches it. */
  endings: EndingReach[];
  /** True when some path makes the customer walk out on mood. */
  walkOutReachable: boolean;
  /** Trust-ruiners a trainee can commit on some path (a live trap). */
  behaviours: Record<TrustRuiner, boolean>;
  /** True when some path auto-fails (tyranny or an insult is on offer). */
  autoFailReachable: boolean;
  /** Good tags some path earns. */
  goodTagsRewarded: GoodTag[];
  warnings: AnalysisWarning[];
}

export type AnalyzeOptions = Pick<EnumerateOptions, 'maxPaths' | 'maxDecisions' | 'maxVisits'>;

/** Finished paths kept per pass before the walk stops (a guard; pruned walks stay far below). */
export const DEFAULT_MAX_PATHS = 20_000;

function summarize(scenario: Scenario, path: EnumeratedPath): PathSummary {
  const score = scoreConversation(scenario, path.transcript);
  const ending = endingOf(path.transcript);
  return {
    overall: score.overall,
    outcome: score.outcome,
    endNodeId: ending?.nodeId ?? null,
    satisfaction: score.satisfaction,
    autoFail: score.autoFail !== null,
    decisions: score.efficiency.decisionsUsed,
    steps: path.steps,
    playArgs: playArguments(path.steps),
  };
}

/** Better = higher score, then fewer decisions, then fewer interruptions, then earlier found. */
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

/** Leaves with the same ending and the same score-relevant history score the same: score one of each. */
function distinctLeaves(paths: readonly EnumeratedPath[]): EnumeratedPath[] {
  const seen = new Set<string>();
  const out: EnumeratedPath[] = [];
  for (const path of paths) {
    if (!path.complete) continue;
    const key = leafKey(path);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(path);
  }
  return out;
}

function leafKey(path: EnumeratedPath): string {
  const ending = endingOf(path.transcript);
  const tags: string[] = [];
  let decisions = 0;
  for (const entry of path.transcript) {
    if (entry.type !== 'decision') continue;
    decisions++;
    tags.push(...entry.tags);
  }
  return `${ending?.nodeId}|${ending?.outcome}|${decisions}|${tags.sort().join(',')}`;
}

/**
 * Analyzes one scenario. Pure. Endings, behaviours and good tags come from an exact walk of the
 * scenario's states. The score range comes from two pruned walks over paths: one that keeps
 * only paths that could still end highest, one (without auto-fail options) that keeps only
 * paths that could still end lowest; both are exact unless `maxPaths` stops them, which the
 * report says. An auto-fail path, when the scenario has one, sets the minimum to 0.
 */
export function analyzeScenario(scenario: Scenario, options: AnalyzeOptions = {}): AnalysisReport {
  const maxPaths = options.maxPaths ?? DEFAULT_MAX_PATHS;
  const coverage = exploreCoverage(scenario);
  const highest = enumeratePaths(scenario, { ...options, maxPaths, order: 'best-first', prune: 'max' });
  const lowest = enumeratePaths(scenario, { ...options, maxPaths, order: 'worst-first', prune: 'min', excludeAutoFail: true });
  const severe = coverage.autoFailSteps !== null;
  // One finished path through the first auto-failing decision found, for the report's worst path.
  const failing = coverage.autoFailSteps ? enumeratePaths(scenario, { ...options, from: coverage.autoFailSteps, maxPaths: 1 }) : null;
  const passes = [highest, lowest, ...(failing ? [failing] : [])];
  const all = passes.flatMap((e) => e.paths);
  const leaves = distinctLeaves(all);
  const summaries = leaves.map((p) => summarize(scenario, p));
  let best: PathSummary | null = null;
  let worst: PathSummary | null = null;
  let worstNonAutoFail: PathSummary | null = null;
  for (const s of summaries) {
    best = best ? pickBest(best, s) : s;
    worst = worst ? pickWorst(worst, s) : s;
    if (!s.autoFail) worstNonAutoFail = worstNonAutoFail ? pickWorst(worstNonAutoFail, s) : s;
  }

  const endings: EndingReach[] = scenario.nodeOrder
    .map((id) => scenario.nodes[id]!)
    .filter((node) => node.end !== undefined)
    .map((node) => ({ nodeId: node.id, outcome: node.end!.outcome, reachable: coverage.endNodes.has(node.id) }));
  const behaviours = Object.fromEntries(TRUST_RUINERS.map((t) => [t, coverage.tags.has(t)])) as Record<TrustRuiner, boolean>;
  const capped = highest.capped || lowest.capped;

  const warnings = nodeWarnings(scenario);
  if (capped) {
    warnings.push({
      code: 'paths-capped',
      severity: 'info',
      message: `Stopped after ${maxPaths} paths: the score range may be narrower than the real one (endings and behaviours are exact). Raise --max-paths.`,
    });
  }
  for (const ending of endings.filter((e) => !e.reachable && !coverage.limited)) {
    warnings.push({
      code: 'ending-unreachable',
      severity: 'warning',
      nodeId: ending.nodeId,
      message: `No play reaches the ending \`${ending.nodeId}\` (${ending.outcome}).`,
    });
  }
  if (coverage.stuckAt.size > 0) {
    warnings.push({
      code: 'dead-end',
      severity: 'warning',
      message: `Play can get stuck with nothing to say or do at: ${[...coverage.stuckAt].map((n) => `\`${n}\``).join(', ')}.`,
    });
  }

  return {
    scenarioId: scenario.id,
    title: scenario.title,
    language: scenario.language,
    paths: {
      complete: leaves.length,
      incomplete: all.filter((p) => !p.complete).length,
      merged: passes.reduce((sum, e) => sum + e.merged, 0),
      capped,
      maxPaths,
    },
    score: best && worst ? { min: worst.overall, max: best.overall } : null,
    best,
    worst,
    worstNonAutoFail,
    endings,
    walkOutReachable: coverage.walkOut,
    behaviours,
    autoFailReachable: severe,
    goodTagsRewarded: GOOD_TAGS.filter((t) => coverage.tags.has(t)),
    warnings,
  };
}
