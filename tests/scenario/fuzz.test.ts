/**
 * Property tests: whatever text it is given, the loader returns diagnostics instead of throwing,
 * and every diagnostic is well formed and points inside the file.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/scenario/diagnostics.ts';
import { loadScenario, normalizeLineEnds } from '../../src/scenario/load.ts';
import { mutateAll, type Mutation } from '../fuzz/mutate.ts';

const fixture = readFileSync(new URL('../fixtures/scenarios/valid/kettle-complete.yaml', import.meta.url), 'utf8');
const fixtureLines = fixture.split('\n');

/** Checks one load; throws (failing the property) with the offending input in the message. */
function checkLoad(text: string): void {
  let result: ReturnType<typeof loadScenario>;
  try {
    result = loadScenario(text, 'fuzz.yaml');
  } catch (error) {
    throw new Error(`loadScenario threw on ${JSON.stringify(text.slice(0, 200))}`, { cause: error });
  }
  // Lines as the loader counts them: a lone CR is a line break too.
  const lines = normalizeLineEnds(text).split('\n');
  for (const d of result.diagnostics) checkDiagnostic(d, lines);
  if (result.scenario !== null) expect(result.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
}

function checkDiagnostic(d: Diagnostic, lines: readonly string[]): void {
  expect(d.code).toMatch(/^CD\d{3}$/);
  expect(['error', 'warning']).toContain(d.severity);
  expect(d.file).toBe('fuzz.yaml');
  expect(d.message.length).toBeGreaterThan(0);
  for (const point of [d.range.start, d.range.end]) {
    expect(Number.isInteger(point.line) && Number.isInteger(point.column)).toBe(true);
    expect(point.line).toBeGreaterThanOrEqual(1);
    expect(point.line).toBeLessThanOrEqual(lines.length);
    expect(point.column).toBeGreaterThanOrEqual(1);
    expect(point.column).toBeLessThanOrEqual(lines[point.line - 1]!.length + 1);
  }
  const { start, end } = d.range;
  expect(end.line > start.line || (end.line === start.line && end.column >= start.column)).toBe(true);
}

const fragments = [
  'id: x', 'title:', 'nodes:', 'start: a', 'says:', 'replies:', 'next: a', 'end: resolved', 'when: a and',
  '- ', '-', ':', ': ', '  ', '    ', '\t', '\n', '"', "'", '[', ']', '{', '}', ',', '#', '&a ', '*a', '!tag ',
  '|', '>', '---', '...', '? ', 'true', 'null', '~', '1e9', '-0', '.inf', '<<: *a', '%YAML 1.2', '\r\n', '\u00e4',
  '\u{1F600}', '\u0000', '\\', 'angry: hi',
];

/** Text assembled from YAML-looking pieces: more likely to reach the deeper checks. */
const yamlish = fc.array(fc.constantFrom(...fragments), { maxLength: 60 }).map((parts) => parts.join(''));

const lineIndex = fc.nat({ max: fixtureLines.length - 1 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), line: lineIndex }),
  fc.record({ kind: fc.constant('duplicate' as const), line: lineIndex }),
  fc.record({ kind: fc.constant('swap' as const), line: lineIndex, other: lineIndex }),
  fc.record({
    kind: fc.constant('char' as const),
    line: lineIndex,
    column: fc.nat({ max: 80 }),
    text: fc.constantFrom(':', '-', ' ', '"', "'", '#', '[', '{', '*', '&', '!', 'x', '1', '\t', ''),
  }),
  fc.record({ kind: fc.constant('indent' as const), line: lineIndex, delta: fc.integer({ min: -4, max: 4 }) }),
);

describe('loadScenario under fuzzing', () => {
  it('never throws on random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), checkLoad), { numRuns: 300 });
  });

  it('never throws on YAML-looking text', () => {
    fc.assert(fc.property(yamlish, checkLoad), { numRuns: 300 });
  });

  it('never throws on mutations of a valid scenario, and points inside the file', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        checkLoad(mutateAll(fixtureLines, mutations, 'clamp').join('\n'));
      }),
      { numRuns: 400 },
    );
  });
});
