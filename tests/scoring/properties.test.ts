import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decisionsOf, endingOf } from '../../src/conversation/transcript.ts';
import type { Scenario } from '../../src/scenario/model.ts';
import { TRUST_RUINERS, type TrustRuiner } from '../../src/scenario/vocabulary.ts';
import { scoreConversation } from '../../src/scoring/score.ts';
import { runPicks } from '../conversation/helpers/run.ts';
import { picksArb, scenarioArb } from './arbitraries.ts';

const RUNS = { numRuns: 150 };

/** The scenario with `tag` added to reply `replyIndex` of node `n{nodeIndex}` (wrapping around). */
function withExtraTag(s: Scenario, nodeIndex: number, replyIndex: number, tag: TrustRuiner): Scenario {
  const ids = s.nodeOrder.filter((id) => s.nodes[id]!.replies.length > 0);
  const nodeId = ids[nodeIndex % ids.length]!;
  const node = s.nodes[nodeId]!;
  const target = replyIndex % node.replies.length;
  const replies = node.replies.map((r, i) => (i === target && !r.tags.includes(tag) ? { ...r, tags: [...r.tags, tag] } : r));
  return { ...s, nodes: { ...s.nodes, [nodeId]: { ...node, replies } } };
}

describe('scoring properties', () => {
  it('keeps every figure in range', () => {
    fc.assert(
      fc.property(scenarioArb(), picksArb, (s, picks) => {
        const report = scoreConversation(s, runPicks(s, picks));
        expect(Number.isInteger(report.overall)).toBe(true);
        expect(report.overall).toBeGreaterThanOrEqual(0);
        expect(report.overall).toBeLessThanOrEqual(100);
        for (const value of Object.values(report.virtues)) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(100);
        }
        expect(report.satisfaction).toBeGreaterThanOrEqual(1);
        expect(report.satisfaction).toBeLessThanOrEqual(5);
      }),
      RUNS,
    );
  });

  it('gives 0 whenever the contact auto-fails, and auto-fails on any tyranny or insult', () => {
    fc.assert(
      fc.property(scenarioArb(), picksArb, (s, picks) => {
        const transcript = runPicks(s, picks);
        const report = scoreConversation(s, transcript);
        const severe = decisionsOf(transcript).some((d) => d.tags.includes('tyranny') || d.tags.includes('insult'));
        expect(report.autoFail !== null).toBe(severe);
        if (report.autoFail) expect(report.overall).toBe(0);
      }),
      RUNS,
    );
  });

  it('never raises the score when a trust-ruining tag is added to a reply', () => {
    fc.assert(
      fc.property(scenarioArb(), picksArb, fc.nat(), fc.nat(), fc.constantFrom(...TRUST_RUINERS), (s, picks, n, r, tag) => {
        const tagged = withExtraTag(s, n, r, tag);
        const before = scoreConversation(s, runPicks(s, picks)).overall;
        const after = scoreConversation(tagged, runPicks(tagged, picks)).overall;
        expect(after).toBeLessThanOrEqual(before);
      }),
      RUNS,
    );
  });

  it('never scores an interruption above waiting and making the same choice', () => {
    fc.assert(
      fc.property(scenarioArb(), picksArb, fc.nat({ max: 5 }), (s, picks, k) => {
        const waited = runPicks(s, picks);
        const interrupted = runPicks(s, picks, { interrupt: new Set([k]) });
        const decision = decisionsOf(interrupted)[k];
        fc.pre(decision?.interrupted === true);
        // Same road travelled: the extra anger did not make the customer walk out sooner.
        fc.pre(endingOf(interrupted)?.nodeId === endingOf(waited)?.nodeId && endingOf(interrupted)?.outcome === endingOf(waited)?.outcome);
        fc.pre(decisionsOf(interrupted).length === decisionsOf(waited).length);
        expect(scoreConversation(s, interrupted).overall).toBeLessThanOrEqual(scoreConversation(s, waited).overall);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same report for the same transcript', () => {
    fc.assert(
      fc.property(scenarioArb(), picksArb, (s, picks) => {
        const transcript = runPicks(s, picks);
        const first = scoreConversation(s, transcript);
        const again = scoreConversation(s, structuredClone(transcript));
        expect(again).toEqual(first);
        expect(scoreConversation(s, runPicks(s, picks))).toEqual(first);
      }),
      RUNS,
    );
  });
});
