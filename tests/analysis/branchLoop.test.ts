/** A loop of branch nodes (issue 12, item 3): the engine ends it instead of talking forever; the analyzer agrees. */
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { analyzeScenario } from '../../src/analysis/analyze.ts';
import { buildStateGraph } from '../../src/analysis/stateGraph.ts';
import { playPolicy } from '../../src/analysis/naive.ts';
import { playScript } from '../../src/analysis/play.ts';
import { createConversationMachine } from '../../src/conversation/machine.ts';
import { initialContext, isBranchLoop } from '../../src/conversation/rules.ts';
import { endingOf } from '../../src/conversation/transcript.ts';
import { scenario } from '../conversation/helpers/builder.ts';

const rounds = scenario({
  variables: { stop: false },
  nodes: {
    hello: { says: ['This lamp broke.'], replies: [{ id: 'rounds', next: 'round-one' }, { id: 'sorry', tags: ['empathy'], next: 'done' }] },
    'round-one': { says: ['Round one.'], branches: [{ when: 'stop', next: 'done' }, { next: 'round-two' }] },
    'round-two': { says: ['Round two.'], branches: [{ next: 'round-one' }] },
    done: { says: ['Thanks.'], end: 'resolved', satisfaction: 5 },
  },
});

describe('branch loop', () => {
  it('is recognised from the node and the variables (branches never change them)', () => {
    const at = (nodeId: string, stop: boolean) => ({ ...initialContext(rounds), nodeId, variables: { stop } });
    expect(isBranchLoop(at('round-one', false))).toBe(true);
    expect(isBranchLoop(at('round-two', false))).toBe(true);
    expect(isBranchLoop(at('round-one', true))).toBe(false);
    expect(isBranchLoop(at('hello', false))).toBe(false);
  });

  it('ends the conversation, unresolved, through the real machine and driver', () => {
    const result = playScript(rounds, { choices: ['rounds'] });
    expect(result.ok, result.ok ? '' : result.error).toBe(true);
    expect(endingOf(result.transcript)).toMatchObject({ outcome: 'unresolved', nodeId: 'round-one' });
    const lines = result.transcript.filter((e) => e.type === 'line').map((e) => (e.type === 'line' ? e.text : ''));
    expect(lines.filter((t) => t === 'Round one.')).toHaveLength(1);
    expect(playPolicy(rounds, 'first')).toMatchObject({ finished: true, outcome: 'unresolved' });
  });

  it('stops the machine even without a driver', () => {
    const actor = createActor(createConversationMachine(rounds)).start();
    actor.send({ type: 'customer.finishedSpeaking', at: 1000 });
    actor.send({ type: 'trainee.choose', choiceId: 'rounds', at: 2000 });
    for (let i = 0; i < 5 && actor.getSnapshot().value !== 'ended'; i++) actor.send({ type: 'customer.finishedSpeaking', at: 3000 + i });
    expect(actor.getSnapshot().value).toBe('ended');
  });

  it('is an unresolved ending for the analyzer too, not a dead end', () => {
    const report = analyzeScenario(rounds);
    expect(report.warnings.filter((w) => w.code === 'dead-end')).toEqual([]);
    expect(report.endings).toEqual([{ nodeId: 'done', outcome: 'resolved', reach: 'reachable' }]);
    const graph = buildStateGraph(rounds);
    expect(graph.stuckAt).toEqual(new Set());
    expect(graph.endNodes).toEqual(new Set(['round-one', 'done', 'hello']));
  });
});
