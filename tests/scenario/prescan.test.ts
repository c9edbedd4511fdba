/**
 * The pre-scan (issue 12, item 1): refuses the shapes that keep the YAML library busy, at the
 * place the limit is passed, and never refuses a real scenario. Counts, not timings.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { Lexer } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenario, normalizeLineEnds } from '../../src/scenario/load.ts';
import { loadTranslation } from '../../src/scenario/translation.ts';
import { prescan, PRESCAN_LIMITS } from '../../src/scenario/prescan.ts';
import type { PrescanLimit } from '../../src/scenario/prescan.ts';
import { BIG_INPUTS, underLimits } from '../fuzz/big-inputs.ts';
import { scenarioInputs, seedFiles } from '../fuzz/fuzz.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NO_LIMITS: Record<PrescanLimit, number> = { lines: Infinity, pieces: Infinity, flowDepth: Infinity, yamlProps: Infinity, markersPerLine: Infinity };

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** Every scenario-like file in the project, but the one written to pass a limit (CD010's fixture). */
const REAL = [...yamlFiles(join(ROOT, 'scenarios')), ...yamlFiles(join(ROOT, 'tests/fixtures'))].filter((path) => !path.endsWith('brackets-too-deep.yaml'));

/** What the YAML library's own tokenizer finds: values in brackets, deepest brackets, anchors/aliases/tags. */
function lexerCounts(text: string): { flowItems: number; flowDepth: number; yamlProps: number } {
  let flowItems = 0;
  let depth = 0;
  let flowDepth = 0;
  let yamlProps = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') {
      flowItems++;
      flowDepth = Math.max(flowDepth, ++depth);
    } else if (token === ']' || token === '}') depth = Math.max(0, depth - 1);
    else if (token === ',' && depth > 0) flowItems++;
    else if (/^[&*!][^\s]*$/.test(token)) yamlProps++;
  }
  return { flowItems, flowDepth, yamlProps };
}

describe('pre-scan', () => {
  it.each(REAL.map((path) => path.slice(ROOT.length)))('%s passes, far below every limit', (path) => {
    const { counts, over } = prescan(normalizeLineEnds(readFileSync(join(ROOT, path), 'utf8')), NO_LIMITS);
    expect(over).toBeUndefined();
    for (const limit of Object.keys(PRESCAN_LIMITS) as PrescanLimit[]) expect(counts[limit]).toBeLessThanOrEqual(PRESCAN_LIMITS[limit] / 3);
  });

  const at = (text: string, line: number, column: number) => {
    const { diagnostics } = loadScenario(text, 'hostile.yaml');
    expect(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.column])).toEqual([['CD010', line, column]]);
    return diagnostics[0]!;
  };

  it('refuses line 4,001, and takes 4,000 lines (a final line break starts no line)', () => {
    const d = at(`id: x\n${'# note\n'.repeat(3999)}title: late\n`, 4001, 1);
    expect(d.message).toContain('more than 4,000 lines');
    expect(prescan(`id: x\n${'# note\n'.repeat(3999)}`).over).toBeUndefined();
  });

  it('refuses the 10,001st line or value in brackets, wherever the brackets are', () => {
    // Two lines, then 9,999 values: the `[` is the first, each comma starts one more.
    at(`id: x\ngoals: [${'1, '.repeat(10_000)}1]\n`, 2, 10 + 3 * 9997);
    // Each line holds two values in brackets: line 3,335 starts as piece 9,999, its comma is 10,001.
    const d = at(`id: x\ngoals:\n${'  - [a, b]\n'.repeat(3400)}`, 3335, 7);
    expect(d.message).toContain('more than 10,000 lines and values inside brackets');
  });

  it('takes the analyzer\'s largest test files (198 nodes, each reply in braces on one line)', async () => {
    const { hostileScenario } = await import('../analysis/hostile.ts');
    for (const options of [{}, { variables: 10 }, { variables: 20, independent: true }]) {
      expect(prescan(hostileScenario(198, options)).over).toBeUndefined();
    }
  });

  it('refuses brackets nested 11 deep, at the eleventh', () => {
    at(`id: x\ngoals: ${'['.repeat(100_000)}`, 2, 18);
  });

  it('refuses the 201st anchor, alias or tag, also many on one value', () => {
    const d = at(`x: ${'&a '.repeat(300)}1\n`, 1, 4 + 3 * 200);
    expect(d.message).toContain('anchors, aliases and tags');
    at(`a: &a 1\n${Array.from({ length: 200 }, (_, i) => `k${i}: !!str ${i}\n`).join('')}`, 201, 7);
  });

  it('refuses the ninth dash, `?` or key on one line', () => {
    at(`${'- '.repeat(9)}a\n`, 1, 17);
    at(`x: ${'a: '.repeat(20)}\n`, 1, 26);
  });

  it('guards translation files the same way', () => {
    const { diagnostics } = loadTranslation(`translation: 1\nid: x\nnodes: ${'['.repeat(50_000)}\n`, 'x.fi.tr.yaml');
    expect(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.column])).toEqual([['CD010', 3, 18]]);
    expect(loadTranslation(`# ${'x'.repeat(200_000)}\n`, 'big.fi.tr.yaml').diagnostics.map((d) => d.code)).toEqual(['CD002']);
  });

  it('does not count brackets, quotes or marks inside text, comments and block text', () => {
    const text = [
      'say: I\'m [sighs] sorry, {really} *so* sorry & that is all',
      '  [laughs, nervously] and a line that runs on - with a dash',
      'notes: |',
      '  [[[[[[[[[[[[ &a *b !c',
      '',
      '  - - - - - - - - - - still text',
      'title: "quoted [ { & * ! text',
      '  [[[[[[[[[[[ runs on"',
      "other: 'it''s [[[[[[[[[[[ text'",
      '# [[[[[[[[[[[ &a &b &c',
      'k: v # - - - - - - - - - -',
    ].join('\n');
    const { counts, over } = prescan(text, NO_LIMITS);
    expect(over).toBeUndefined();
    expect(counts).toMatchObject({ flowItems: 0, flowDepth: 0, yamlProps: 0, markersPerLine: 1 });
  });

  it('never counts less than the YAML library reads (bundled files, fixtures, large and fuzzed inputs)', () => {
    const texts = [...REAL.map((path) => readFileSync(path, 'utf8')), ...Object.values(BIG_INPUTS).map((make) => underLimits(make())), ...fc.sample(scenarioInputs(seedFiles()), { seed: 12, numRuns: 400 })];
    for (const raw of texts) {
      const text = normalizeLineEnds(raw);
      const scanned = prescan(text, NO_LIMITS).counts;
      const lexed = lexerCounts(text);
      expect(scanned.flowItems, text.slice(0, 200)).toBeGreaterThanOrEqual(lexed.flowItems);
      expect(scanned.flowDepth, text.slice(0, 200)).toBeGreaterThanOrEqual(lexed.flowDepth);
      expect(scanned.yamlProps, text.slice(0, 200)).toBeGreaterThanOrEqual(lexed.yamlProps);
    }
  });
});
