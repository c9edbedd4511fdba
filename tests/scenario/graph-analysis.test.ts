import { describe, expect, it } from 'vitest';
import { nodesThatReachAnEnding, reachableFrom, stronglyConnected } from '../../src/scenario/graph-analysis.ts';
import type { LinkGraph } from '../../src/scenario/graph-analysis.ts';

const graph: LinkGraph = new Map([
  ['start', ['a', 'loop1']],
  ['a', ['end']],
  ['loop1', ['loop2']],
  ['loop2', ['loop1']],
  ['self', ['self']],
  ['end', []],
]);
const order = ['start', 'a', 'loop1', 'loop2', 'self', 'end'];

describe('graph analysis', () => {
  it('finds what the start reaches', () => {
    expect([...reachableFrom(graph, 'start')].sort()).toEqual(['a', 'end', 'loop1', 'loop2', 'start']);
  });

  it('finds what can still reach an ending', () => {
    expect([...nodesThatReachAnEnding(graph, ['end'])].sort()).toEqual(['a', 'end', 'start']);
  });

  it('groups nodes that lead to each other, in file order', () => {
    expect(stronglyConnected(graph, order)).toEqual([['start'], ['a'], ['loop1', 'loop2'], ['self'], ['end']]);
  });

  it('handles long chains without deep recursion', () => {
    const chain: LinkGraph = new Map(Array.from({ length: 5000 }, (_, i) => [`n${i}`, i < 4999 ? [`n${i + 1}`] : ['n0']]));
    const groups = stronglyConnected(chain, [...chain.keys()]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toHaveLength(5000);
  });
});
