/**
 * Format 1.1 in the loader: every new key reaches the model, 1.0 files keep loading, and the
 * diagnostics issue 10 asked for say what happened in plain words at the right place.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';
import { PORTRAITS, SETTINGS } from '../../src/scenario/vocabulary.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'scenarios');
const read = (path: string) => readFileSync(join(fixtures, path), 'utf8');
const load = (text: string) => loadScenario(text, 'test.yaml');

describe('format 1.1 in the model', () => {
  const { scenario, diagnostics } = load(read('valid/pharmacy-format-1-1.yaml'));

  it('loads the complete 1.1 example with no diagnostics', () => {
    expect(diagnostics).toEqual([]);
    expect(scenario).not.toBeNull();
  });

  it('fills in the top-level keys', () => {
    expect(scenario).toMatchObject({ format: '1.1', minutes: 5, minutesMax: 8, order: 4, setting: 'pharmacy', rubric: 'default', waits: { grace: 5, charsPerSecond: 20 } });
    expect(scenario!.brief?.background).toMatch(/^Aino has taken the afternoon off/);
    expect(scenario!.customer.portrait).toBe('woman-40s');
    expect(scenario!.silence).toEqual({
      after: 10,
      say: { text: 'Hello? Is anyone helping me?', expression: 'annoyed', action: 'taps the counter' },
      mood: 8,
      tags: ['indifference'],
      feedback: 'Saying nothing left her alone with the problem.',
      walksOutAfter: 3,
    });
    expect(scenario!.interrupted).toEqual({ says: [{ text: "Sorry, but I wasn't done.", expression: 'angry' }], mood: 15, reply: 'cut' });
  });

  it('fills in node, reply, line and ending keys', () => {
    const arrival = scenario!.nodes.arrival!;
    expect(arrival.says[0]).toEqual({ text: 'The app said my prescription was ready.', expression: 'angry', action: 'holds up her phone' });
    expect(arrival.earlyReplies).toBe(true);
    expect(arrival.interrupted).toEqual({ says: [{ text: 'Let me finish!', expression: 'angry' }], mood: 20, next: 'let-her-finish', reply: 'cut', feedback: 'You answered before she had finished.' });
    expect(arrival.replies.map((r) => r.preferred)).toEqual([true, false]);
    expect(arrival.replies[1]).toMatchObject({ better: 'acknowledge', betterWhy: 'Naming her frustration first would have shown her you were on her side.', action: 'shrugs and looks at the screen' });
    expect(scenario!.nodes['let-her-finish']!.earlyReplies).toBe(false);
    expect(scenario!.nodes['let-her-finish']!.replies[1]).toMatchObject({ better: 'apologise' });
    // A node's own rule without `next` takes `after` and `walksOutAfter` from the scenario default.
    expect(scenario!.nodes.check!.silence).toEqual({ after: 10, tags: ['indifference'], mood: 10, walksOutAfter: 3, say: { text: 'Hello?', expression: 'worried' } });
    expect(scenario!.nodes.done!.end).toEqual({ outcome: 'resolved', satisfaction: 4, comment: 'She told me the truth and gave me a time.', commentExpression: 'happy' });
  });

  it('accepts `format` written as a YAML number', () => {
    const text = read('valid/pharmacy-format-1-1.yaml').replace('format: "1.1"', 'format: 1.1');
    expect(load(text).scenario?.format).toBe('1.1');
  });

  it('has 18 portraits and 13 settings', () => {
    expect(PORTRAITS).toHaveLength(18);
    expect(SETTINGS).toHaveLength(13);
  });
});

describe('format 1.0 files load unchanged', () => {
  it('keeps a 1.0 file as it was, with the 1.1 defaults filled in', () => {
    const { scenario, diagnostics } = load(read('valid/kettle-complete.yaml'));
    expect(diagnostics).toEqual([]);
    expect(scenario).toMatchObject({ format: '1.0', rubric: 'default' });
    expect(scenario!.minutesMax).toBeUndefined();
    expect(scenario!.silence).toMatchObject({ after: 12, mood: 10, tags: ['indifference'], walksOutAfter: 2 });
    for (const node of Object.values(scenario!.nodes)) {
      for (const reply of node.replies) expect(reply.preferred).toBe(false);
    }
  });
});

describe('diagnostics in plain words (issue 10)', () => {
  it('says a comma in the { } form split the text, and how to quote it', () => {
    const [d] = load(read('invalid/comma-in-flow-line.yaml')).diagnostics;
    expect(d).toMatchObject({ code: 'CD101', range: { start: { line: 25, column: 23 } } });
    expect(d!.message).toBe("The comma after `Sorry` split the text of `say`: `but I wasn't done` became a key of its own.");
    expect(d!.hint).toBe('Inside `{ }` a comma separates keys, so quote a text that has one: `say: "Sorry, but I wasn\'t done"`.');
  });

  it('points CD001 at the stray key later on the line, in plain words', () => {
    const [d] = load(read('invalid/block-as-key.yaml')).diagnostics;
    expect(d).toMatchObject({ code: 'CD001', range: { start: { line: 28, column: 36 }, end: { line: 28, column: 41 } } });
    expect(d!.message).toBe('`next:` starts a second key on a line that already has one: a key must start its own line.');
    expect(d!.hint).toMatch(/^Put `next:` on a line of its own/);
  });

  it('sends an over-long summary to brief.background', () => {
    const [d] = load(read('invalid/text-too-long.yaml')).diagnostics;
    expect(d).toMatchObject({ code: 'CD107' });
    expect(d!.message).toMatch(/the limit is 400\.$/);
    expect(d!.hint).toContain('`brief.background` (up to 2000 characters)');
  });

  it('allows 2000 characters of facilitator notes on a node, and says 2000 when over', () => {
    const base = read('valid/pharmacy-format-1-1.yaml');
    const note = (n: number) => base.replace('facilitator: Pause here. What does she need to hear first?', `facilitator: ${'a'.repeat(n)}`);
    expect(load(note(2000)).diagnostics).toEqual([]);
    const [d] = load(note(2001)).diagnostics;
    expect(d).toMatchObject({ code: 'CD107' });
    expect(d!.message).toMatch(/2001 characters long; the limit is 2000\./);
  });

  it('reports the routing form of `interrupted`, the long form of `better` and `minutes` by the shape written', () => {
    const base = read('valid/pharmacy-format-1-1.yaml');
    const bad = base
      .replace('  reply: cut\n', '  reply: maybe\n')
      .replace('          why: Naming', '          whyy: Naming')
      .replace('minutes: "5-8"', 'minutes: five');
    const diagnostics = load(bad).diagnostics;
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['CD101', 'CD103', 'CD105']);
    expect(diagnostics.find((d) => d.code === 'CD105')!.hint).toBe('Use one of: cut, said.');
    expect(diagnostics.find((d) => d.code === 'CD101')!.hint).toBe('Did you mean `why`?');
    expect(diagnostics.find((d) => d.code === 'CD103')!.message).toContain('a range such as "5-8"');
  });
});
