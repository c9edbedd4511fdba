/**
 * The properties SPEC D and issue 9 (part 3) promise, checked with fast-check over random
 * scenarios with random transcripts, and over the paths the analyzer walks in every bundled
 * scenario. Each property changes one thing about a played conversation and checks what the
 * score does: a score is a claim about behaviour, so more trust-ruiners, waits, anger, decisions
 * or a worse ending may never raise it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decisionsOf, endingOf, type DecisionEntry, type Transcript } from '../../src/conversation/transcript.ts';
import { GOOD_TAGS, TRUST_RUINERS, type BehaviourTag, type Outcome, type TrustRuiner } from '../../src/scenario/vocabulary.ts';
import { countedTags } from '../../src/scoring/decisions.ts';
import { DEFAULT_RUBRIC } from '../../src/scoring/rubric.ts';
import { scoreConversation } from '../../src/scoring/score.ts';
import { bundledFiles, bundledPlays, type Played } from './bundled.ts';
import { playedArb, renumber } from './transcripts.ts';

const RUNS = { numRuns: 200 };
const rubric = DEFAULT_RUBRIC;
const NON_CRITICAL_RUINERS = TRUST_RUINERS.filter((t) => !rubric.critical.includes(t));

const isClean = (d: DecisionEntry): boolean => !countedTags(d).tags.some((t) => (TRUST_RUINERS as readonly string[]).includes(t) || rubric.critical.includes(t));

function mapDecision(transcript: Transcript, k: number, change: (d: DecisionEntry) => DecisionEntry): Transcript {
  return transcript.map((e) => (e.type === 'decision' && e.index === k ? change(e) : e));
}

/** The transcript with `tag` written on decision k's reply (as the trainer would have tagged it). */
function withTag(transcript: Transcript, k: number, tag: BehaviourTag): Transcript {
  return mapDecision(transcript, k, (d) => ({ ...d, tags: [...d.tags, tag] }));
}

/** Decision k took `ms` longer (the customer was kept waiting longer). */
function slower(transcript: Transcript, k: number, ms: number): Transcript {
  return mapDecision(transcript, k, (d) => ({ ...d, responseMs: Math.max(0, d.responseMs) + ms }));
}

/** Decision k raised the mood `delta` more; the mood stays that much higher afterwards. */
function angrier(transcript: Transcript, k: number, delta: number): Transcript {
  return transcript.map((e) => {
    if (e.type !== 'decision' || e.index < k) return e;
    return e.index === k ? { ...e, moodAfter: e.moodAfter + delta } : { ...e, moodBefore: e.moodBefore + delta, moodAfter: e.moodAfter + delta };
  });
}

/** One more decision before decision k, on the same node, with `tags` and no mood change. */
function withExtraDecision(transcript: Transcript, k: number, tags: BehaviourTag[]): Transcript {
  const at = transcript.findIndex((e) => e.type === 'decision' && e.index === k);
  const d = transcript[at] as DecisionEntry;
  const extra: DecisionEntry = { ...d, choiceId: null, kind: 'reply', interrupted: false, tags, added: [], moodAfter: d.moodBefore, responseMs: 0 };
  return renumber([...transcript.slice(0, at), extra, ...transcript.slice(at)]);
}

function withEnding(transcript: Transcript, change: { outcome?: Outcome; satisfaction?: number }): Transcript {
  return transcript.map((e) => (e.type === 'end' ? { ...e, ...change } : e));
}

const maxMood = (t: Transcript): number => Math.max(0, ...decisionsOf(t).map((d) => d.moodAfter));

interface Check {
  name: string;
  /** Runs the check on one played conversation with the generated numbers; returns false when it does not apply. */
  run: (p: Pick<Played, 'scenario' | 'transcript'>, n: { k: number; tag: TrustRuiner; ms: number; delta: number; good: BehaviourTag[] }) => boolean;
}

const CHECKS: Check[] = [
  {
    name: 'keeps every figure in range and is deterministic',
    run: ({ scenario, transcript }) => {
      const report = scoreConversation(scenario, transcript);
      expect(Number.isInteger(report.overall)).toBe(true);
      expect(report.overall).toBeGreaterThanOrEqual(0);
      expect(report.overall).toBeLessThanOrEqual(100);
      for (const value of Object.values(report.virtues)) expect(value).toBeGreaterThanOrEqual(0);
      for (const value of Object.values(report.virtues)) expect(value).toBeLessThanOrEqual(100);
      expect(report.satisfaction).toBeGreaterThanOrEqual(1);
      expect(report.satisfaction).toBeLessThanOrEqual(5);
      expect(scoreConversation(scenario, structuredClone(transcript))).toEqual(report);
      return true;
    },
  },
  {
    name: 'a trust-ruiner on a clean decision lowers the overall by at least 10 (or to 0) and never raises it',
    run: ({ scenario, transcript }, { k, tag }) => {
      const list = decisionsOf(transcript);
      if (list.length === 0) return false;
      const d = list[k % list.length]!;
      if (!isClean(d)) return false;
      const before = scoreConversation(scenario, transcript).overall;
      const after = scoreConversation(scenario, withTag(transcript, d.index, tag)).overall;
      expect(after).toBeLessThanOrEqual(before);
      if (after > 0) expect(before - after).toBeGreaterThanOrEqual(10);
      return true;
    },
  },
  {
    name: 'caps: 1 trust-ruiner ⇒ ≤ 79 and not excellent, 2 ⇒ ≤ 59, 3+ ⇒ ≤ 39; 2+ ⇒ at most 3 stars',
    run: ({ scenario, transcript }) => {
      const report = scoreConversation(scenario, transcript);
      const n = report.trustRuinerCount;
      const occurrences = report.decisions.reduce((sum, d) => sum + d.trustRuiners.filter((t) => !rubric.critical.includes(t)).length, 0);
      expect(n).toBe(occurrences);
      if (n >= 1) expect(report.overall).toBeLessThanOrEqual(79);
      if (n >= 1) expect(report.verdict).not.toBe('excellent');
      if (n >= 2) expect(report.overall).toBeLessThanOrEqual(59);
      if (n >= 3) expect(report.overall).toBeLessThanOrEqual(39);
      if (n >= 1) expect(report.satisfaction).toBeLessThanOrEqual(4);
      if (n >= 2) expect(report.satisfaction).toBeLessThanOrEqual(3);
      return true;
    },
  },
  {
    name: 'a critical tag (tyranny, insult) auto-fails with 0, and only a critical tag does',
    run: ({ scenario, transcript }) => {
      const report = scoreConversation(scenario, transcript);
      const severe = decisionsOf(transcript).some((d) => d.tags.some((t) => rubric.critical.includes(t)));
      expect(report.autoFail !== null).toBe(severe);
      if (severe) expect(report.overall).toBe(0);
      if (severe) expect(report.verdict).toBe('auto-fail');
      return true;
    },
  },
  {
    name: 'an extra decision beyond the shortest path never raises the score, whatever good tags it carries',
    run: ({ scenario, transcript }, { k, good }) => {
      const list = decisionsOf(transcript);
      const before = scoreConversation(scenario, transcript);
      const counted = before.efficiency.decisionsUsed - before.efficiency.notCounted;
      if (list.length === 0 || before.efficiency.shortestPath === null || counted < before.efficiency.shortestPath) return false;
      const after = scoreConversation(scenario, withExtraDecision(transcript, list[k % list.length]!.index, good));
      expect(after.overall).toBeLessThanOrEqual(before.overall);
      expect(after.breakdown.raw).toBeLessThan(before.breakdown.raw);
      return true;
    },
  },
  {
    name: 'a slower reply (a wait) never raises the score',
    run: ({ scenario, transcript }, { k, ms }) => {
      const list = decisionsOf(transcript);
      if (list.length === 0) return false;
      const d = list[k % list.length]!;
      const before = scoreConversation(scenario, transcript);
      const after = scoreConversation(scenario, slower(transcript, d.index, ms));
      expect(after.overall).toBeLessThanOrEqual(before.overall);
      expect(after.waits.count).toBeGreaterThanOrEqual(before.waits.count);
      if (after.waits.count > before.waits.count) expect(after.breakdown.raw).toBeLessThan(before.breakdown.raw);
      return true;
    },
  },
  {
    name: 'raising the mood costs, tagged or not',
    run: ({ scenario, transcript }, { k, delta }) => {
      const list = decisionsOf(transcript);
      if (list.length === 0 || maxMood(transcript) + delta > 100) return false;
      const d = list[k % list.length]!;
      const before = scoreConversation(scenario, transcript);
      const after = scoreConversation(scenario, angrier(transcript, d.index, delta));
      expect(after.overall).toBeLessThanOrEqual(before.overall);
      const rise = Math.max(0, d.moodAfter + delta - d.moodBefore) - Math.max(0, d.moodAfter - d.moodBefore);
      expect(after.breakdown.raw).toBeCloseTo(before.breakdown.raw - rubric.moodRise * rise, 1);
      return true;
    },
  },
  {
    name: "a lower ending rating lowers the overall score, not only the customer's stars",
    run: ({ scenario, transcript }) => {
      const end = endingOf(transcript);
      if (end?.satisfaction === undefined || end.satisfaction <= 1) return false;
      const before = scoreConversation(scenario, transcript);
      const after = scoreConversation(scenario, withEnding(transcript, { satisfaction: end.satisfaction - 1 }));
      expect(after.overall).toBeLessThanOrEqual(before.overall);
      expect(after.breakdown.raw).toBeCloseTo(before.breakdown.raw - rubric.endingRating, 5);
      return true;
    },
  },
  {
    name: 'a worse ending never raises the score',
    run: ({ scenario, transcript }) => {
      const end = endingOf(transcript);
      const worse: Partial<Record<Outcome, Outcome>> = { resolved: 'escalated', escalated: 'unresolved', unresolved: 'walked-out' };
      const outcome = end ? worse[end.outcome] : undefined;
      if (!end || !outcome) return false;
      const before = scoreConversation(scenario, transcript);
      const after = scoreConversation(scenario, withEnding(transcript, { outcome }));
      expect(after.overall).toBeLessThanOrEqual(before.overall);
      expect(after.breakdown.raw).toBeLessThan(before.breakdown.raw);
      return true;
    },
  },
];

const numbersArb = fc.record({
  k: fc.nat({ max: 20 }),
  tag: fc.constantFrom(...NON_CRITICAL_RUINERS),
  ms: fc.integer({ min: 1000, max: 120_000 }),
  delta: fc.integer({ min: 1, max: 30 }),
  good: fc.uniqueArray(fc.constantFrom(...GOOD_TAGS), { maxLength: 4 }),
});

describe('scoring properties over random scenarios and transcripts', () => {
  for (const check of CHECKS) {
    it(check.name, () => {
      let applied = 0;
      fc.assert(
        fc.property(playedArb(), numbersArb, (played, numbers) => {
          if (check.run(played, numbers)) applied++;
        }),
        RUNS,
      );
      // The property must have been tested, not only skipped by its precondition.
      expect(applied).toBeGreaterThan(RUNS.numRuns / 10);
    });
  }
});

describe('scoring properties over every bundled scenario’s paths', () => {
  const plays = bundledPlays();

  it('has paths from every bundled scenario', () => {
    expect(new Set(plays.map((p) => p.file))).toEqual(new Set(bundledFiles()));
    expect(plays.length).toBeGreaterThan(bundledFiles().length * 5);
  });

  for (const check of CHECKS) {
    it(check.name, () => {
      let applied = 0;
      fc.assert(
        fc.property(fc.constantFrom(...plays), numbersArb, (played, numbers) => {
          if (check.run(played, numbers)) applied++;
        }),
        { numRuns: 300 },
      );
      expect(applied).toBeGreaterThan(20);
    });
  }

  it('never calls a path with a trust-ruiner excellent, and every single slip on a best path costs at least 10', () => {
    for (const { scenario, transcript, file } of plays.filter((p) => p.best)) {
      const best = scoreConversation(scenario, transcript);
      for (const d of decisionsOf(transcript).filter(isClean)) {
        for (const tag of NON_CRITICAL_RUINERS) {
          const slipped = scoreConversation(scenario, withTag(transcript, d.index, tag));
          expect(slipped.verdict, `${file} decision ${d.index + 1} + ${tag}`).not.toBe('excellent');
          expect(slipped.overall, `${file} decision ${d.index + 1} + ${tag}`).toBeLessThanOrEqual(Math.min(79, Math.max(0, best.overall - 10)));
        }
      }
    }
  });
});
