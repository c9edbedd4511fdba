/**
 * Issue 12, item 8: every variable name is data. `__proto__`, `constructor`, `toString` and
 * `hasOwnProperty` are declared, set, added and checked like any other name.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';

const text = readFileSync(new URL('../fixtures/proto-names/proto-names.yaml', import.meta.url), 'utf8');
const lineOf = (source: string, needle: string): number => source.split('\n').findIndex((l) => l.includes(needle)) + 1;
const errors = (source: string): [string, number, number, string][] =>
  loadScenario(source, 'p.yaml').diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.range.start.line, d.range.start.column, d.message]);

describe('prototype-named variables', () => {
  it('loads them as own keys of null-prototype records, with no CD109', () => {
    const { scenario, diagnostics } = loadScenario(text, 'proto-names.yaml');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics.map((d) => d.code)).not.toContain('CD109');
    expect(Object.getPrototypeOf(scenario!.variables)).toBeNull();
    expect(Object.entries(scenario!.variables).sort()).toEqual([['__proto__', false], ['constructor', 0], ['toString', false]]);
    const sorry = scenario!.nodes['hello']!.replies![0]!;
    expect(Object.entries(sorry.set).sort()).toEqual([['__proto__', true], ['toString', true]]);
    expect(Object.entries(sorry.add)).toEqual([['constructor', 2]]);
    expect(Object.getPrototypeOf(sorry.set)).toBeNull();
    expect(Object.getPrototypeOf(sorry.add)).toBeNull();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it.each(['__proto__', 'hasOwnProperty', 'valueOf'])('reports an undeclared `%s` in set and add (CD214)', (name) => {
    const source = text.replace('        add: { constructor: 1 }\n', `        add: { constructor: 1, ${name}: 1 }\n`).replace('        set: { __proto__: true, toString: true }\n', `        set: { toString: true, ${name}: true }\n`).replace('  __proto__: false\n', name === '__proto__' ? '' : '  __proto__: false\n');
    const withoutProto = name === '__proto__' ? source.replace(/__proto__ and /g, '').replace(/not __proto__/, 'toString') : source;
    const shrug = 'Reply `shrug` changes';
    expect(errors(withoutProto)).toEqual([
      ['CD214', lineOf(withoutProto, `set: { toString: true, ${name}`), withoutProto.split('\n')[lineOf(withoutProto, `set: { toString: true, ${name}`) - 1]!.indexOf(name) + 1, `Reply \`sorry\` changes \`${name}\`, which is not declared under \`variables\`.`],
      ['CD214', lineOf(withoutProto, `add: { constructor: 1, ${name}`), withoutProto.split('\n')[lineOf(withoutProto, `add: { constructor: 1, ${name}`) - 1]!.indexOf(name) + 1, `${shrug} \`${name}\`, which is not declared under \`variables\`.`],
    ]);
  });

  it('checks the value of `__proto__` like any other variable', () => {
    const wrongKind = text.replace('        set: { __proto__: true, toString: true }', '        set: { __proto__: 3, toString: true }');
    expect(errors(wrongKind).map(([code, line]) => [code, line])).toEqual([['CD215', lineOf(wrongKind, '__proto__: 3')]]);
    const notAValue = text.replace('  __proto__: false', '  __proto__: [1]');
    const found = errors(notAValue);
    expect(found).toHaveLength(1);
    expect(found[0]!.slice(0, 2)).toEqual(['CD103', lineOf(notAValue, '__proto__: [1]')]);
    const addText = text.replace('        add: { constructor: 2 }', '        add: { constructor: 2, __proto__: yes }');
    expect(errors(addText).map(([code, line]) => [code, line])).toEqual([['CD103', lineOf(addText, '__proto__: yes')]]);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
