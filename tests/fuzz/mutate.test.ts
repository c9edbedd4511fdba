import { describe, expect, it } from 'vitest';
import { mutate, mutateAll } from './mutate.ts';

const lines = ['a: 1', 'b: 2', 'c: 3'];

describe('line mutations shared by the fuzzers', () => {
  it('wraps a line number past the end (the fuzzer) or clamps it to the last line (the property tests)', () => {
    expect(mutate(lines, { kind: 'delete', line: 4 }, 'wrap')).toEqual(['a: 1', 'c: 3']);
    expect(mutate(lines, { kind: 'delete', line: 4 }, 'clamp')).toEqual(['a: 1', 'b: 2']);
    expect(mutate(lines, { kind: 'swap', line: 0, other: 5 }, 'wrap')).toEqual(['c: 3', 'b: 2', 'a: 1']);
    expect(mutate(lines, { kind: 'swap', line: 0, other: 5 }, 'clamp')).toEqual(['c: 3', 'b: 2', 'a: 1']);
  });

  it('duplicates, replaces a character and changes indentation without touching the input', () => {
    expect(mutate(lines, { kind: 'duplicate', line: 1 })).toEqual(['a: 1', 'b: 2', 'b: 2', 'c: 3']);
    expect(mutate(lines, { kind: 'char', line: 0, column: 1, text: '::' })).toEqual(['a:: 1', 'b: 2', 'c: 3']);
    expect(mutate(lines, { kind: 'char', line: 0, column: 99, text: '#' })).toEqual(['a: 1#', 'b: 2', 'c: 3']);
    expect(mutate(['    x'], { kind: 'indent', line: 0, delta: -2 })).toEqual(['  x']);
    expect(mutate(['x'], { kind: 'indent', line: 0, delta: 3 })).toEqual(['   x']);
    expect(lines).toEqual(['a: 1', 'b: 2', 'c: 3']);
  });

  it('applies mutations in order and leaves an empty file empty', () => {
    expect(mutateAll(lines, [{ kind: 'delete', line: 0 }, { kind: 'delete', line: 0 }])).toEqual(['c: 3']);
    expect(mutateAll([], [{ kind: 'swap', line: 3, other: 1 }], 'clamp')).toEqual([]);
    expect(mutateAll([], [{ kind: 'delete', line: 3 }], 'wrap')).toEqual([]);
  });
});
