import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';

const complete = readFileSync(new URL('../fixtures/scenarios/valid/kettle-complete.yaml', import.meta.url), 'utf8');

describe('loadScenario', () => {
  it('loads a complete scenario without diagnostics', () => {
    const { scenario, diagnostics } = loadScenario(complete, 'kettle.yaml');
    expect(diagnostics).toEqual([]);
    expect(scenario?.id).toBe('kettle-returned-twice');
    expect(scenario?.nodeOrder).toEqual(['arrival', 'calmer', 'defensive', 'receipt', 'offer', 'replace', 'manager', 'gone']);
  });

  it('normalizes the three forms of a customer line', () => {
    const text = complete.replace('      - sad: Sorry. It has just been one of those weeks.', '      - Sorry. It has just been one of those weeks.');
    const { scenario } = loadScenario(text, 'kettle.yaml');
    expect(scenario?.nodes.arrival?.says).toEqual([
      { text: 'This is the second kettle from you that has died in a month.', expression: 'angry' },
      { text: 'I took a morning off for this. What are you going to do about it?', expression: 'furious' },
    ]);
    expect(scenario?.nodes.calmer?.says).toEqual([{ text: 'Sorry. It has just been one of those weeks.', expression: 'neutral' }]);
  });

  it('fills in defaults for replies, nodes, silence and endings', () => {
    const { scenario } = loadScenario(complete, 'kettle.yaml');
    const offer = scenario!.nodes.offer!;
    // Format 1.1: replies show while the customer talks unless a node opts out.
    expect(offer).toMatchObject({ venting: false, earlyReplies: true, replies: [] });
    expect(offer.branches[0]?.when?.source).toBe('askedReceipt and offers >= 1');
    expect(offer.branches[0]?.when?.ast.kind).toBe('and');
    expect(offer.branches[1]).toEqual({ next: 'manager' });
    const reassure = scenario!.nodes.calmer!.replies[0]!;
    expect(reassure).toMatchObject({ set: {}, add: {}, mood: -10, tags: ['empathy', 'composure'] });
    expect(scenario!.nodes.arrival!.silence).toEqual({
      after: 10,
      tags: ['listening'],
      mood: -5,
      next: 'calmer',
      feedback: 'Letting her finish showed you were listening.',
      walksOutAfter: 2,
    });
    expect(scenario!.nodes.replace!.end).toEqual({
      outcome: 'resolved',
      satisfaction: 4,
      comment: "She was kind about it, and it didn't take all day.",
    });
  });

  it('defaults the setting to office', () => {
    const { scenario } = loadScenario(complete.replace('setting: shop\n', ''), 'kettle.yaml');
    expect(scenario?.setting).toBe('office');
  });

  it('returns a scenario with warnings, but null with any error', () => {
    const warned = loadScenario(complete.replace(/brief:\n( {2}.*\n){3}/, ''), 'kettle.yaml');
    expect(warned.scenario).not.toBeNull();
    expect(warned.diagnostics.map((d) => d.code)).toEqual(['CD304']);
    const broken = loadScenario(complete.replace('next: calmer', 'next: calmr'), 'kettle.yaml');
    expect(broken.scenario).toBeNull();
    expect(broken.diagnostics.map((d) => d.code)).toEqual(['CD202']);
    expect(broken.diagnostics[0]?.hint).toBe('Did you mean `calmer`?');
  });

  it('never throws, whatever it is given', () => {
    for (const text of ['', '\u0000', '[', '- a', '42', 'a: *b', '&a [*a]', 'x'.repeat(300_000)]) {
      expect(() => loadScenario(text, 'x.yaml')).not.toThrow();
      expect(loadScenario(text, 'x.yaml').scenario).toBeNull();
    }
  });
});

describe('loadScenario caps', () => {
  it('reports a file over the size cap without parsing it (CD002)', () => {
    const text = `id: big\n# ${'x'.repeat(300 * 1024)}\n`;
    const { scenario, diagnostics } = loadScenario(text, 'big.yaml');
    expect(scenario).toBeNull();
    expect(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.column])).toEqual([['CD002', 1, 1]]);
    expect(diagnostics[0]?.message).toContain('KB');
  });
});
