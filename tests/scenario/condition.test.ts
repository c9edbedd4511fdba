import { describe, expect, it } from 'vitest';
import { conditionVariables, evaluateCondition, parseCondition } from '../../src/scenario/condition.ts';
import type { ConditionAst } from '../../src/scenario/model.ts';

function ast(source: string): ConditionAst {
  const parsed = parseCondition(source);
  if (!parsed.ok) throw new Error(`expected ${source} to parse: ${parsed.error.message}`);
  return parsed.ast;
}

function run(source: string, variables: Record<string, number | boolean> = {}): boolean {
  return evaluateCondition(ast(source), variables);
}

describe('parseCondition', () => {
  it('parses names, literals and comparisons into an AST', () => {
    expect(ast('offers >= 2')).toEqual({
      kind: 'compare',
      op: '>=',
      left: { kind: 'variable', name: 'offers' },
      right: { kind: 'literal', value: 2 },
    });
    expect(ast('true')).toEqual({ kind: 'literal', value: true });
  });

  it('binds and tighter than or, and not looser than comparisons', () => {
    expect(ast('a or b and c')).toEqual({
      kind: 'or',
      left: { kind: 'variable', name: 'a' },
      right: { kind: 'and', left: { kind: 'variable', name: 'b' }, right: { kind: 'variable', name: 'c' } },
    });
    expect(ast('not n > 1')).toEqual({
      kind: 'not',
      operand: { kind: 'compare', op: '>', left: { kind: 'variable', name: 'n' }, right: { kind: 'literal', value: 1 } },
    });
  });

  it('accepts the symbolic operators as synonyms', () => {
    expect(ast('!a && (b || c)')).toEqual(ast('not a and (b or c)'));
  });

  it.each([
    ['a and', 5, 'ends too early'],
    ['a = 1', 2, '=='],
    ['(a or b', 7, 'never closed'],
    ['a b', 2, 'Unexpected `b`'],
    ['1 < a < 3', 6, 'one pair at a time'],
    ['a $ b', 2, 'Unexpected character'],
    ['   ', 0, 'empty'],
  ])('reports %j at offset %i', (source, offset, text) => {
    const parsed = parseCondition(source);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.offset).toBe(offset);
    expect(parsed.error.length).toBeGreaterThan(0);
    expect(parsed.error.message).toContain(text);
  });
});

describe('evaluateCondition', () => {
  it('evaluates logic and comparisons', () => {
    const vars = { askedReceipt: true, offers: 1, promised: false };
    expect(run('askedReceipt and offers < 2', vars)).toBe(true);
    expect(run('askedReceipt and not promised', vars)).toBe(true);
    expect(run('promised or offers == 0', vars)).toBe(false);
    expect(run('offers != 1 || (askedReceipt && offers >= 1)', vars)).toBe(true);
    expect(run('offers <= 0.5', vars)).toBe(false);
    expect(run('offers > 0', vars)).toBe(true);
  });

  it('treats an unknown variable as false, or 0 in a comparison', () => {
    expect(run('missing')).toBe(false);
    expect(run('not missing')).toBe(true);
    expect(run('missing == 0')).toBe(true);
    expect(run('missing < 1')).toBe(true);
  });

  it('compares booleans as 1 and 0 and treats non-zero numbers as true', () => {
    expect(run('flag == true', { flag: true })).toBe(true);
    expect(run('flag == 1', { flag: true })).toBe(true);
    expect(run('count', { count: 3 })).toBe(true);
    expect(run('count', { count: 0 })).toBe(false);
  });

  it('does not read inherited properties as variables', () => {
    expect(run('constructor')).toBe(false);
    expect(run('toString == 0')).toBe(true);
  });
});

describe('conditionVariables', () => {
  it('lists each variable once in order of appearance', () => {
    expect(conditionVariables(ast('b and (a or b) and c > a'))).toEqual(['b', 'a', 'c']);
    expect(conditionVariables(ast('true'))).toEqual([]);
  });
});
