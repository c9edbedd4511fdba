import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, nearest } from '../../src/scenario/suggest.ts';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});

describe('nearest', () => {
  it('finds a plausible typo', () => {
    expect(nearest('defensve', ['arrival', 'defensive', 'receipt'])).toBe('defensive');
    expect(nearest('Arrival', ['arrival', 'receipt'])).toBe('arrival');
    expect(nearest('empathetic', ['empathy', 'listening'])).toBe('empathy');
  });

  it('suggests nothing when no candidate is close', () => {
    expect(nearest('manager', ['arrival', 'receipt'])).toBeUndefined();
    expect(nearest('x', [])).toBeUndefined();
    expect(didYouMean('zzz', ['arrival'])).toBeUndefined();
  });

  it('phrases the hint', () => {
    expect(didYouMean('ventng', ['venting', 'silence'])).toBe('Did you mean `venting`?');
  });
});
