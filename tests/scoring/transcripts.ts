/**
 * Transcripts written by hand or generated, for scoring tests that must not depend on how the
 * engine times a conversation: a decision entry says what was done and how long it took, the
 * scorer does the rest.
 */
import fc from 'fast-check';
import type { AddedTag, DecisionEntry, EndEntry, Transcript } from '../../src/conversation/transcript.ts';
import type { Scenario, ScenarioNode } from '../../src/scenario/model.ts';
import { isReplyVisibleWith } from '../../src/conversation/rules.ts';
import type { BehaviourTag, Outcome } from '../../src/scenario/vocabulary.ts';
import { scenarioArb } from './arbitraries.ts';

export interface StepSpec {
  nodeId: string;
  choiceId?: string | null;
  kind?: 'reply' | 'silence';
  tags?: BehaviourTag[];
  added?: AddedTag[];
  moodBefore: number;
  moodAfter: number;
  responseMs?: number;
  interrupted?: boolean;
  variablesBefore?: DecisionEntry['variablesBefore'];
  next?: string;
}

/** Decision entries numbered in order, 10 s apart; added tags are also listed in `tags`. */
export function decisions(steps: readonly StepSpec[]): DecisionEntry[] {
  return steps.map((s, index) => {
    const added = s.added ?? [];
    const tags = [...new Set([...(s.tags ?? []), ...added.map((a) => a.tag)])];
    return {
      type: 'decision',
      at: (index + 1) * 10_000,
      index,
      nodeId: s.nodeId,
      kind: s.kind ?? 'reply',
      choiceId: s.kind === 'silence' ? null : (s.choiceId ?? null),
      interrupted: s.interrupted ?? false,
      tags,
      added,
      moodBefore: s.moodBefore,
      moodAfter: s.moodAfter,
      variablesBefore: s.variablesBefore ?? {},
      responseMs: s.responseMs ?? 1500,
      next: s.next ?? s.nodeId,
    };
  });
}

export function ending(nodeId: string, outcome: Outcome, satisfaction?: number): EndEntry {
  return { type: 'end', at: 999_000, nodeId, outcome, ...(satisfaction !== undefined ? { satisfaction } : {}) };
}

/** Re-numbers decisions (index, order) after a test inserted or removed one. */
export function renumber(transcript: Transcript): Transcript {
  let index = 0;
  return transcript.map((e) => (e.type === 'decision' ? { ...e, index: index++ } : e));
}

const clampMood = (m: number): number => Math.min(100, Math.max(0, m));

/** The tags the engine records for a reply (interruption, venting rules), as SPEC B/C describe them. */
function replyRecord(node: ScenarioNode, tags: readonly BehaviourTag[], interrupted: boolean): { tags: BehaviourTag[]; added: AddedTag[] } {
  const extra: AddedTag[] = [];
  if (interrupted) extra.push({ tag: 'impatience', reason: 'interrupted' });
  else if (node.venting && !tags.includes('empathy') && !tags.includes('listening')) extra.push({ tag: 'impatience', reason: 'rushed-venting' });
  else if (node.venting) extra.push({ tag: 'listening', reason: 'waited-through-venting' }, { tag: 'composure', reason: 'waited-through-venting' });
  const added = extra.filter((a) => !tags.includes(a.tag));
  return { tags: [...tags, ...added.map((a) => a.tag)], added };
}

export interface Walk {
  /** Option index at each decision (replies on offer, then the silence). */
  picks: number[];
  /** Per decision: interrupt (where the node allows it), respond after this many ms otherwise. */
  interrupts: boolean[];
  responseMs: number[];
}

const walkArb: fc.Arbitrary<Walk> = fc.record({
  picks: fc.array(fc.nat({ max: 9 }), { minLength: 1, maxLength: 8 }),
  interrupts: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
  responseMs: fc.array(fc.oneof(fc.integer({ min: 0, max: 6000 }), fc.integer({ min: 6000, max: 120_000 })), { minLength: 1, maxLength: 8 }),
});

/**
 * Walks a scenario with the engine's recording rules but without its clock: a plausible
 * transcript (replies on offer, venting and interruption tags, mood, walk-outs, an ending).
 */
export function walkScenario(s: Scenario, walk: Walk): Transcript {
  const out: Transcript = [];
  let nodeId = s.start;
  let mood = s.customer.mood;
  const at = (k: number, list: readonly number[] | readonly boolean[]) => list[k % list.length];
  for (let k = 0; k < 30; k++) {
    const node = s.nodes[nodeId];
    if (!node) break;
    if (node.end) {
      out.push(ending(nodeId, node.end.outcome, node.end.satisfaction));
      break;
    }
    const offered = node.replies.filter((r) => isReplyVisibleWith(r, {}));
    const options = offered.length + 1;
    const pick = (at(k, walk.picks) as number) % options;
    const before = mood;
    const index = out.filter((e) => e.type === 'decision').length;
    if (pick < offered.length) {
      const reply = offered[pick]!;
      const interrupted = node.earlyReplies && (at(k, walk.interrupts) as boolean);
      const record = replyRecord(node, reply.tags, interrupted);
      mood = clampMood(mood + reply.mood + (interrupted ? 10 : 0));
      out.push({
        type: 'decision', at: (index + 1) * 10_000, index, nodeId, kind: 'reply', choiceId: reply.id, interrupted,
        tags: record.tags, added: record.added, moodBefore: before, moodAfter: mood, variablesBefore: {},
        responseMs: interrupted ? -500 : (at(k, walk.responseMs) as number), next: reply.next,
      });
      nodeId = reply.next;
    } else {
      const rule = node.silence ?? s.silence;
      const patient = node.venting && !node.silence && !out.some((e) => e.type === 'decision' && e.nodeId === nodeId && e.kind === 'silence');
      const added: AddedTag[] = patient ? [{ tag: 'listening', reason: 'waited-through-venting' }, { tag: 'composure', reason: 'waited-through-venting' }] : [];
      const tags: BehaviourTag[] = patient ? added.map((a) => a.tag) : [...rule.tags];
      mood = clampMood(mood + (patient ? -5 : rule.mood));
      const next = node.silence?.next ?? nodeId;
      out.push({
        type: 'decision', at: (index + 1) * 10_000, index, nodeId, kind: 'silence', choiceId: null, interrupted: false,
        tags, added, moodBefore: before, moodAfter: mood, variablesBefore: {}, responseMs: rule.after * 1000, next,
      });
      nodeId = next;
    }
    if (mood >= s.customer.walksOutAt) {
      out.push({ type: 'end', at: 999_000, nodeId, outcome: 'walked-out' });
      break;
    }
  }
  return out;
}

/** A random scenario and a random transcript of it. */
export const playedArb = (options: { allowAutoFail?: boolean } = {}): fc.Arbitrary<{ scenario: Scenario; transcript: Transcript }> =>
  fc.tuple(scenarioArb(options), walkArb).map(([scenario, walk]) => ({ scenario, transcript: walkScenario(scenario, walk) }));
