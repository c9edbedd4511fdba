/**
 * fast-check generators for scenarios and plays: small layered graphs of decision nodes with
 * random tags, moods, early replies, venting and silence rules, ending in 1..3 endings.
 */
import fc from 'fast-check';
import type { Scenario } from '../../src/scenario/model.ts';
import { BEHAVIOUR_TAGS, OUTCOMES, type BehaviourTag } from '../../src/scenario/vocabulary.ts';
import { scenario, type NodeSpec, type ReplySpec } from '../conversation/helpers/builder.ts';

const SAFE_TAGS = BEHAVIOUR_TAGS.filter((t) => t !== 'tyranny' && t !== 'insult');

const tagsArb = (allowAutoFail: boolean) =>
  fc.uniqueArray(fc.constantFrom<BehaviourTag>(...(allowAutoFail ? BEHAVIOUR_TAGS : SAFE_TAGS)), { maxLength: 3 });

interface NodeDraft {
  venting: boolean;
  earlyReplies: boolean;
  replies: { tags: BehaviourTag[]; mood: number; target: number }[];
  silence: { tags: BehaviourTag[]; mood: number; target: number } | null;
}

const nodeDraftArb = (allowAutoFail: boolean): fc.Arbitrary<NodeDraft> =>
  fc.record({
    venting: fc.boolean(),
    earlyReplies: fc.boolean(),
    replies: fc.array(fc.record({ tags: tagsArb(allowAutoFail), mood: fc.integer({ min: -25, max: 30 }), target: fc.nat() }), {
      minLength: 1,
      maxLength: 4,
    }),
    silence: fc.option(fc.record({ tags: tagsArb(false), mood: fc.integer({ min: -10, max: 20 }), target: fc.nat() }), { nil: null }),
  });

/** A random scenario: decision nodes n0..nk (links only go forward), endings e0..ej. */
export const scenarioArb = (options: { allowAutoFail?: boolean } = {}): fc.Arbitrary<Scenario> =>
  fc
    .record({
      drafts: fc.array(nodeDraftArb(options.allowAutoFail ?? true), { minLength: 1, maxLength: 5 }),
      endings: fc.array(fc.constantFrom(...OUTCOMES.filter((o) => o !== 'walked-out')), { minLength: 1, maxLength: 3 }),
      satisfaction: fc.integer({ min: 1, max: 5 }),
      mood: fc.integer({ min: 20, max: 70 }),
      walksOutAt: fc.integer({ min: 75, max: 100 }),
    })
    .map(({ drafts, endings, satisfaction, mood, walksOutAt }) => {
      const count = drafts.length;
      // Targets after node i: later decision nodes or an ending.
      const targetOf = (i: number, pick: number): string => {
        const choices = count - i - 1 + endings.length;
        const n = pick % choices;
        return n < count - i - 1 ? `n${i + 1 + n}` : `e${n - (count - i - 1)}`;
      };
      const nodes: Record<string, NodeSpec> = {};
      drafts.forEach((d, i) => {
        const replies: ReplySpec[] = d.replies.map((r, j) => ({ id: `r${j}`, tags: r.tags, mood: r.mood, next: targetOf(i, r.target) }));
        nodes[`n${i}`] = {
          venting: d.venting,
          earlyReplies: d.earlyReplies,
          replies,
          ...(d.silence ? { silence: { after: 5, tags: d.silence.tags, mood: d.silence.mood, next: targetOf(i, d.silence.target) } } : {}),
        };
      });
      endings.forEach((outcome, i) => {
        nodes[`e${i}`] = { end: outcome, satisfaction };
      });
      return scenario({ id: 'generated', mood, walksOutAt, nodes });
    });

/** Picks for `runPicks`: which option at each decision. */
export const picksArb = fc.array(fc.nat({ max: 9 }), { minLength: 1, maxLength: 6 });
