/**
 * "Could a naive player game this?" Plays a scenario with naive policies through the real
 * conversation machine and driver on a fake clock, exactly as a player at the keyboard would:
 * interrupting policies choose while the customer is still talking (as soon as the node's
 * first line has started), the others answer 2 s after the customer finished, and `wait`
 * never answers (the silence rule fires). Each run is scored with the scorer and bounded by a
 * step cap, so a looping scenario cannot hang the report.
 *
 * @example
 * const report = naiveReport(scenario, { runs: 200, seed: 1 });
 * report.policies.longest.mean; // e.g. 38
 * report.policies.random.p90;   // 90th percentile of 200 seeded random runs
 */
import { createActor } from 'xstate';
import { createConversationDriver, type ConversationDriver } from '../conversation/driver.ts';
import { createFakeClock } from '../conversation/fakeClock.ts';
import { createConversationMachine, type ConversationMachine } from '../conversation/machine.ts';
import { selectPhase, selectVisibleReplyModels, selectWouldInterrupt } from '../conversation/selectors.ts';
import { decisionsOf, endingOf, type Transcript } from '../conversation/transcript.ts';
import type { Reply, Scenario } from '../scenario/model.ts';
import { isAutoFailTag, isTrustRuiner, type Outcome } from '../scenario/vocabulary.ts';
import { valueOf } from '../scoring/decisions.ts';
import { DEFAULT_RUBRIC, type Rubric } from '../scoring/rubric.ts';
import { scoreConversation } from '../scoring/score.ts';
import { playArguments, type PathStep } from './paths.ts';

/** The naive policies of the working spec (section E), in the order reports print them. */
export const NAIVE_POLICIES = ['longest', 'shortest', 'first', 'random', 'interrupt', 'wait', 'best-interrupting', 'polite'] as const;
export type NaivePolicy = (typeof NAIVE_POLICIES)[number];

/** What a policy does, in a few words, for help texts and reports. */
export const NAIVE_POLICY_DESCRIPTIONS: Record<NaivePolicy, string> = {
  longest: 'always the longest reply, 2 s after the customer finished',
  shortest: 'always the shortest reply, 2 s after the customer finished',
  first: 'always the first reply offered, 2 s after the customer finished',
  random: 'a random reply (seeded), 2 s after the customer finished',
  interrupt: 'the first reply, as soon as the customer starts talking',
  wait: 'never answers: the silence rule fires every time',
  'best-interrupting': 'the best reply (preferred, else highest value), always interrupting',
  polite: 'polite but useless: empathy/listening/composure-only replies when offered',
};

/** Policies that answer over the customer whenever the node lets them. */
const INTERRUPTING: ReadonlySet<NaivePolicy> = new Set(['interrupt', 'best-interrupting']);

/** Tags of a reply that sounds kind but does nothing. */
const POLITE_TAGS: ReadonlySet<string> = new Set(['empathy', 'listening', 'composure']);

/** Non-interrupting policies answer this long after the customer has finished. */
export const ANSWER_AFTER_MS = 2000;
/** Clock steps (timers run or replies chosen) one run may take before it is cut. */
export const DEFAULT_STEP_CAP = 5000;
/** Random runs per scenario unless told otherwise (the spec asks for at least 200). */
export const DEFAULT_RANDOM_RUNS = 200;
export const DEFAULT_SEED = 1;

/** One played conversation. */
export interface NaiveRun {
  overall: number;
  outcome: Outcome | null;
  autoFail: boolean;
  satisfaction: number;
  decisions: number;
  interruptions: number;
  /** False when the step cap cut the run (a loop) or nothing more could happen (stuck). */
  finished: boolean;
  /** Arguments for `calm-desk play <file>` that repeat this run. */
  playArgs: string;
}

/** A deterministic policy's one run, or the random policy's runs summed up. */
export interface PolicyFigures {
  policy: NaivePolicy;
  runs: number;
  mean: number;
  p10: number;
  p90: number;
  min: number;
  max: number;
  /** Runs that did not reach an ending (step cap or stuck). */
  unfinished: number;
  /** The run to replay: the only one, or for `random` the highest-scoring one. */
  example: NaiveRun;
}

export interface NaiveReport {
  scenarioId: string;
  language: string;
  seed: number;
  policies: Record<NaivePolicy, PolicyFigures>;
}

export interface NaiveOptions {
  /** Random runs (default 200). */
  runs?: number;
  seed?: number;
  stepCap?: number;
  /** The scoring rubric (default: the compiled-in default rubric). */
  rubric?: Rubric;
  /** Scores a finished transcript; defaults to the scorer with `rubric`. */
  score?: Scorer;
}

/** What a run needs from the scorer (the scorer's report has more). */
export type Scorer = (scenario: Scenario, transcript: Transcript) => { overall: number; autoFail: unknown; satisfaction: number; outcome: Outcome | null };

/** mulberry32: a small, fast, seeded generator (same seed, same runs, on every machine). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The reply the trainer wants taught: `preferred` (format 1.1), else the highest value (first on ties). */
export function bestReplyOf(replies: readonly Reply[]): Reply | undefined {
  const preferred = replies.find((r) => (r as Reply & { preferred?: boolean }).preferred === true);
  if (preferred) return preferred;
  let best: Reply | undefined;
  for (const reply of replies) if (!best || valueOf(reply.tags, reply.mood) > valueOf(best.tags, best.mood)) best = reply;
  return best;
}

const ruins = (reply: Reply): boolean => reply.tags.some((t) => isTrustRuiner(t) || isAutoFailTag(t));

/** The reply a policy picks among those offered (never called for `wait`). */
export function pickReply(policy: NaivePolicy, replies: readonly Reply[], random: () => number): Reply | undefined {
  if (replies.length === 0) return undefined;
  switch (policy) {
    case 'longest':
      return replies.reduce((a, b) => (b.say.length > a.say.length ? b : a));
    case 'shortest':
      return replies.reduce((a, b) => (b.say.length < a.say.length ? b : a));
    case 'random':
      return replies[Math.min(replies.length - 1, Math.floor(random() * replies.length))];
    case 'best-interrupting':
      return bestReplyOf(replies);
    case 'polite':
      return (
        replies.find((r) => r.tags.length > 0 && r.tags.every((t) => POLITE_TAGS.has(t))) ??
        replies.find((r) => !ruins(r)) ??
        replies[0]
      );
    case 'first':
    case 'interrupt':
    case 'wait':
      return replies[0];
  }
}

/** One machine per scenario, reused by every run (building it costs far more than a run). */
const machines = new WeakMap<Scenario, ConversationMachine>();

function machineOf(scenario: Scenario): ConversationMachine {
  let machine = machines.get(scenario);
  if (!machine) {
    machine = createConversationMachine(scenario);
    machines.set(scenario, machine);
  }
  return machine;
}

function scorerFor(rubric: Rubric = DEFAULT_RUBRIC): Scorer {
  return (scenario, transcript) => defaultScore(scenario, transcript, rubric);
}

function defaultScore(scenario: Scenario, transcript: Transcript, rubric: Rubric = DEFAULT_RUBRIC): ReturnType<Scorer> {
  const report = scoreConversation(scenario, transcript, rubric);
  return { overall: report.overall, autoFail: report.autoFail, satisfaction: report.satisfaction, outcome: report.outcome };
}

/** Steps that `calm-desk play` understands, read back from what actually happened. */
function stepsOf(transcript: Transcript): PathStep[] {
  return decisionsOf(transcript).map((d) => ({
    decision: d.index + 1,
    nodeId: d.nodeId,
    kind: d.kind === 'silence' ? 'silence' : d.interrupted ? 'interrupt' : 'reply',
    choiceId: d.choiceId,
    choiceNumber: null,
  }));
}

/** What the player sees when it is their turn to act. */
export interface Turn {
  nodeId: string;
  /** Replies offered now, in the order the keys 1..4 pick them. */
  replies: Reply[];
  /** Decisions made so far (the next decision's 0-based index). */
  decision: number;
  /** True while the customer is still talking (answering now interrupts). */
  speaking: boolean;
}

/** What the player does: listen on, answer (now, or `afterMs` after the customer finished), or stay silent. */
export type Move = { kind: 'listen' } | { kind: 'silence' } | { kind: 'reply'; id: string; afterMs?: number };

/** A player: asked once per turn while the customer talks (where answering would interrupt), and once replies are open. */
export type Player = (turn: Turn) => Move;

/** One conversation played to the end (or to the step cap) with its transcript. */
export interface PlayedConversation {
  transcript: Transcript;
  /** True when the conversation reached an ending. */
  finished: boolean;
}

const phaseKey = (driver: ConversationDriver): string => {
  const snapshot = driver.actor.getSnapshot();
  return `${selectPhase(snapshot)}:${snapshot.context.turn}`;
};

/**
 * Plays one conversation through the real machine and driver on a fake clock, asking `player`
 * what to do. Never throws and never hangs: a run that reaches the step cap, or where nothing
 * more can happen, comes back unfinished.
 */
export function playConversation(scenario: Scenario, player: Player, options: { stepCap?: number } = {}): PlayedConversation {
  const stepCap = options.stepCap ?? DEFAULT_STEP_CAP;
  const clock = createFakeClock();
  const actor = createActor(machineOf(scenario));
  const driver = createConversationDriver(actor, clock);
  let finished = false;
  let askedWhileSpeaking = '';
  try {
    for (let step = 0; step < stepCap; step++) {
      clock.advance(0);
      const snapshot = actor.getSnapshot();
      const phase = selectPhase(snapshot);
      if (phase === 'ended') {
        finished = true;
        break;
      }
      const turn = (speaking: boolean): Turn => ({
        nodeId: snapshot.context.nodeId,
        replies: selectVisibleReplyModels(snapshot),
        decision: snapshot.context.decisionCount,
        speaking,
      });
      const key = phaseKey(driver);
      if (phase === 'speaking' && askedWhileSpeaking !== key && selectWouldInterrupt(snapshot)) {
        askedWhileSpeaking = key;
        const move = player(turn(true));
        if (move.kind === 'reply') {
          driver.choose(move.id);
          continue;
        }
      }
      if (phase === 'awaiting') {
        const move = player(turn(false));
        if (move.kind === 'reply') {
          clock.advance(Math.max(0, move.afterMs ?? ANSWER_AFTER_MS));
          if (phaseKey(driver) === key) driver.choose(move.id);
          continue;
        }
      }
      if (!clock.runNext()) break;
    }
  } catch {
    // A machine error is a finding, not a crash: the run is reported unfinished.
    finished = false;
  }
  const transcript = actor.getSnapshot().context.transcript;
  driver.dispose();
  return { transcript, finished: finished && endingOf(transcript) !== undefined };
}

/** The player a naive policy is. */
export function policyPlayer(policy: NaivePolicy, random: () => number): Player {
  const interrupting = INTERRUPTING.has(policy);
  return (turn) => {
    if (policy === 'wait') return turn.speaking ? { kind: 'listen' } : { kind: 'silence' };
    if (turn.speaking && !interrupting) return { kind: 'listen' };
    const reply = pickReply(policy, turn.replies, random);
    if (!reply) return turn.speaking ? { kind: 'listen' } : { kind: 'silence' };
    return { kind: 'reply', id: reply.id, afterMs: interrupting ? 0 : ANSWER_AFTER_MS };
  };
}

/** Scores a played conversation into a `NaiveRun`. */
export function runOf(scenario: Scenario, played: PlayedConversation, score: Scorer = defaultScore): NaiveRun {
  const scored = score(scenario, played.transcript);
  const decisions = decisionsOf(played.transcript);
  return {
    overall: scored.overall,
    outcome: scored.outcome,
    autoFail: scored.autoFail !== null && scored.autoFail !== undefined,
    satisfaction: scored.satisfaction,
    decisions: decisions.length,
    interruptions: decisions.filter((d) => d.interrupted).length,
    finished: played.finished,
    playArgs: playArguments(stepsOf(played.transcript)),
  };
}

/**
 * Plays one conversation with `policy`: interrupting policies answer as soon as the customer
 * starts talking, the others 2 s after the customer finished, `wait` never.
 */
export function playPolicy(scenario: Scenario, policy: NaivePolicy, options: NaiveOptions & { random?: () => number } = {}): NaiveRun {
  const random = options.random ?? seededRandom(options.seed ?? DEFAULT_SEED);
  const played = playConversation(scenario, policyPlayer(policy, random), { stepCap: options.stepCap });
  return runOf(scenario, played, options.score ?? scorerFor(options.rubric));
}

/** Value at quantile q (0..1) of sorted numbers, by the nearest-rank method. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

const round1 = (value: number): number => Math.round(value * 10) / 10;

function figuresOf(policy: NaivePolicy, runs: readonly NaiveRun[]): PolicyFigures {
  const scores = runs.map((r) => r.overall).sort((a, b) => a - b);
  const example = runs.reduce((a, b) => (b.overall > a.overall ? b : a));
  return {
    policy,
    runs: runs.length,
    mean: round1(scores.reduce((a, b) => a + b, 0) / scores.length),
    p10: quantile(scores, 0.1),
    p90: quantile(scores, 0.9),
    min: scores[0]!,
    max: scores[scores.length - 1]!,
    unfinished: runs.filter((r) => !r.finished).length,
    example,
  };
}

/** Plays every naive policy on one scenario: one run each, and `runs` seeded random runs. */
export function naiveReport(scenario: Scenario, options: NaiveOptions = {}): NaiveReport {
  const seed = options.seed ?? DEFAULT_SEED;
  const runs = Math.max(1, options.runs ?? DEFAULT_RANDOM_RUNS);
  const policies = {} as Record<NaivePolicy, PolicyFigures>;
  for (const policy of NAIVE_POLICIES) {
    if (policy === 'random') {
      const random = seededRandom(seed);
      const played = Array.from({ length: runs }, () => playPolicy(scenario, policy, { ...options, random }));
      policies[policy] = figuresOf(policy, played);
    } else {
      policies[policy] = figuresOf(policy, [playPolicy(scenario, policy, options)]);
    }
  }
  return { scenarioId: scenario.id, language: scenario.language, seed, policies };
}

/** The naive-policy limits of the working spec: each mean at most `naiveMax`, polite at most `politeMax`. */
export interface NaiveLimits {
  naiveMax: number;
  politeMax: number;
}

export const DEFAULT_NAIVE_LIMITS: NaiveLimits = { naiveMax: 50, politeMax: 60 };

/** The limit a policy's mean is held to. */
export function limitOf(policy: NaivePolicy, limits: NaiveLimits = DEFAULT_NAIVE_LIMITS): number {
  return policy === 'polite' ? limits.politeMax : limits.naiveMax;
}

/** Policies whose mean exceeds its limit, worst first. */
export function gamedPolicies(report: NaiveReport, limits: NaiveLimits = DEFAULT_NAIVE_LIMITS): PolicyFigures[] {
  return NAIVE_POLICIES.map((p) => report.policies[p])
    .filter((f) => f.mean > limitOf(f.policy, limits))
    .sort((a, b) => b.mean - a.mean);
}
