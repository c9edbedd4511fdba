/**
 * Item 10 of issue 12: a corpus of hostile and careless inputs. Every message must be in plain
 * words at the right place: no `undefined`, `NaN`, zod or yaml library phrases, and no 1:1 when
 * the fault is elsewhere (each input starts with a comment line, so 1:1 is never the fault).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';
import { diagnosticProblems } from '../fuzz/checks.ts';
import { CORPUS } from '../fuzz/corpus.ts';

const base = readFileSync(new URL('../fixtures/scenarios/valid/kettle-complete.yaml', import.meta.url), 'utf8');

describe('messages a trainer can act on', () => {
  it.each(Object.keys(CORPUS))('%s', (name) => {
    const text = CORPUS[name]!(base);
    const { diagnostics } = loadScenario(text, 'corpus.yaml');
    expect(diagnostics.length, 'every corpus input has something to report').toBeGreaterThan(0);
    const problems = diagnostics.flatMap((d) => diagnosticProblems(d, text).map((p) => `${d.code} ${d.range.start.line}:${d.range.start.column} ${p}`));
    expect(problems).toEqual([]);
  });

  it('names the mistake when a reply\'s `say` is written as a block (customer-line keys or the reply\'s own keys)', () => {
    const hints = (text: string) => loadScenario(text, 'c.yaml').diagnostics.map((d) => `${d.code} ${d.hint ?? ''}`);
    expect(hints(CORPUS['reply say written as a customer line']!(base))).toEqual([
      "CD103 A reply's `say` is plain text, and `as` belongs to the customer's lines, not to a reply: write `say: That sounds really frustrating. Let's get it sorted today.` and remove `as`.",
    ]);
    expect(hints(CORPUS['reply keys indented under say']!(base))).toEqual([
      "CD103 The reply's keys are indented under `say:`: write `say: That sounds really frustrating.` on one line and move `tags` out to the reply's own level, lined up with `say:`.",
    ]);
    const colon = CORPUS['reply keys indented under say']!(base).replace('  say: That sounds really frustrating.', '  say: "Frustrating: I see."');
    expect(hints(colon)).toEqual([expect.stringContaining('write `say: "Frustrating: I see."` on one line')]);
  });

  it('says what is wrong, where, for the cases issue 12 names', () => {
    const at = (text: string) => loadScenario(text, 'c.yaml').diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column} ${d.message}`);
    const line = (needle: string, text: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const noLanguage = CORPUS['missing language']!(base);
    expect(at(noLanguage)).toEqual(['CD102 2:1 The scenario is missing `language`.']);
    const nan = CORPUS['mood .nan']!(base);
    expect(at(nan)).toEqual([`CD103 ${line('.nan', nan)}:9 \`mood\` of the customer should be a number, but it is \`.nan\` (not a number).`]);
    const huge = CORPUS['huge whole number']!(base);
    expect(at(huge)).toEqual([`CD104 ${line('99999', huge)}:9 \`mood\` of the customer must be at most 100, but it is 100000000000000000000.`]);
    const bomb = CORPUS['alias bomb under the alias cap']!(base);
    expect(at(bomb)[0]).toMatch(/^CD003 4:\d+ The alias `\*a1` repeats a block/);
    const complex = CORPUS['complex key (list)']!(base);
    expect(at(complex)).toEqual([`CD101 ${line('? [a, b]', complex)}:3 This key is a list; keys in a scenario are single words, such as \`title\` or a node id.`]);
  });

  it('treats __proto__ as a name like any other: never dropped in silence (item 8)', () => {
    for (const name of ['__proto__ in set', '__proto__ in add']) {
      const text = CORPUS[name]!(base);
      const { scenario, diagnostics } = loadScenario(text, 'p.yaml');
      expect(scenario, name).toBeNull();
      const at = text.split('\n').findIndex((l) => l.includes('__proto__')) + 1;
      expect(diagnostics.map((d) => [d.code, d.range.start.line]), name).toEqual([['CD214', at]]);
      expect(diagnostics[0]!.message).toBe('Reply `reassure` changes `__proto__`, which is not declared under `variables`.');
    }
    const declared = loadScenario(CORPUS['__proto__ variable']!(base), 'p.yaml');
    expect(declared.diagnostics.map((d) => [d.code, d.message])).toEqual([['CD307', 'The variable `__proto__` is never tested by a condition.']]);
    expect(Object.hasOwn(declared.scenario!.variables, '__proto__')).toBe(true);
    expect(declared.scenario!.variables['__proto__']).toBe(false);
    const node = CORPUS['__proto__ node']!(base);
    expect(loadScenario(node, 'p.yaml').diagnostics.map((d) => [d.code, d.range.start.line, d.message])).toEqual([
      ['CD109', node.split('\n').findIndex((l) => l.includes('__proto__')) + 1, '`__proto__` cannot be a node id: it is reserved.'],
    ]);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('reads old-Mac (CR-only) and mixed line endings like LF (item 9)', () => {
    for (const ending of ['\r', '\r\n']) {
      const { scenario, diagnostics } = loadScenario(base.replace(/\n/g, ending), 'mac.yaml');
      expect(diagnostics).toEqual([]);
      expect(scenario?.id).toBe('kettle-returned-twice');
    }
    const mixed = base.split('\n').map((l, i) => l + (i % 3 === 0 ? '\r' : i % 3 === 1 ? '\r\n' : '\n')).join('');
    expect(loadScenario(mixed, 'mixed.yaml').diagnostics).toEqual([]);
    const broken = base.replace('next: calmer', 'next: calmr').replace(/\n/g, '\r');
    const d = loadScenario(broken, 'mac.yaml').diagnostics;
    expect(d.map((x) => [x.code, x.range.start.line])).toEqual([['CD202', base.split('\n').findIndex((l) => l.includes('next: calmer')) + 1]]);
  });
});
