/**
 * Issue 12: the loader's own work on a flood of problems is bounded by the number of diagnostics
 * it lists (counts, not timings: speed itself is measured by `npm run bench`).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as diagnostics from '../../src/scenario/diagnostics.ts';
import * as suggest from '../../src/scenario/suggest.ts';
import { parseDocument } from 'yaml';
import { capDiagnostics, loadScenario, MAX_DIAGNOSTICS } from '../../src/scenario/load.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import { schemaDiagnostics } from '../../src/scenario/schema-issues.ts';
import { SourceMap } from '../../src/scenario/source-map.ts';
import { BIG_INPUTS, underLimits } from '../fuzz/big-inputs.ts';

vi.mock('../../src/scenario/suggest.ts', async (importOriginal) => {
  const real = await importOriginal<typeof suggest>();
  return { ...real, nearest: vi.fn(real.nearest), didYouMean: vi.fn(real.didYouMean) };
});
vi.mock('../../src/scenario/diagnostics.ts', async (importOriginal) => {
  const real = await importOriginal<typeof diagnostics>();
  return { ...real, diagnostic: vi.fn(real.diagnostic) };
});

const built = (): number => vi.mocked(diagnostics.diagnostic).mock.calls.length;
const suggestions = (): number => vi.mocked(suggest.nearest).mock.calls.length + vi.mocked(suggest.didYouMean).mock.calls.length;

describe('loader work past the diagnostic cap', () => {
  beforeEach(() => vi.clearAllMocks());

  // The largest file of each shape the pre-scan lets through (4,000 lines; the full 160 KB files
  // are refused at once with CD010).
  it('4,000 unknown top-level keys: about a hundred diagnostics built and suggested, all counted', () => {
    const text = underLimits(BIG_INPUTS['top-level unknown keys']!());
    const keys = text.split('\n').length - 1;
    const { diagnostics: listed } = loadScenario(text, 'keys.yaml');
    expect(keys).toBeGreaterThan(3_000);
    // One per listed key, the first unlisted one, the missing required keys and the CD009 line
    // (before issue 12 all 27,000 were built).
    expect(built()).toBeLessThanOrEqual(MAX_DIAGNOSTICS + 20);
    // A typo check and a "did you mean" per built key at most.
    expect(suggestions()).toBeLessThanOrEqual(2 * (MAX_DIAGNOSTICS + 1));
    const more = Number(/^([\d,]+) more problems/.exec(listed.at(-1)!.message)?.[1]?.replace(/,/g, ''));
    expect(listed).toHaveLength(MAX_DIAGNOSTICS + 1);
    expect(more + MAX_DIAGNOSTICS).toBeGreaterThanOrEqual(keys);
  });

  it('4,000 repeated keys: about a hundred CD006 built, the rest counted', () => {
    const text = underLimits(BIG_INPUTS['duplicate keys']!());
    const repeats = text.split('\n').length - 2;
    const { diagnostics: listed } = loadScenario(text, 'dups.yaml');
    expect(built()).toBeLessThanOrEqual(MAX_DIAGNOSTICS + 2);
    expect(listed.at(-1)!.code).toBe('CD009');
    expect(listed.at(-1)!.message).toBe(`${(repeats - MAX_DIAGNOSTICS).toLocaleString('en-US')} more problems are not listed (${(repeats - MAX_DIAGNOSTICS).toLocaleString('en-US')} errors), from this line on.`);
  });

  it('unknown keys in several blocks: the listed ones and the count are those of the full list', () => {
    const block = (name: string, prefix: string): string => `  ${name}:\n${Array.from({ length: 150 }, (_, i) => `    ${prefix}${i}: 1\n`).join('')}`;
    const text = `id: x\nnodes:\n${block('a', 'k')}${block('b', 'q')}`;
    const { diagnostics: listed } = loadScenario(text, 'blocks.yaml');
    const unknown = listed.filter((d) => d.code === 'CD101');
    expect(unknown).toHaveLength(listed.length - 1 - listed.filter((d) => d.code !== 'CD101' && d.code !== 'CD009').length);
    expect(unknown[0]!.message).toContain('`k0`');
    expect(unknown.at(-1)!.range.start.line).toBeLessThan(3 + 150);
    const cd009 = listed.at(-1)!;
    expect(cd009.code).toBe('CD009');
    const more = Number(/^([\d,]+) more/.exec(cd009.message)?.[1]?.replace(/,/g, ''));
    expect(more + listed.length - 1).toBeGreaterThanOrEqual(300);
    expect(built()).toBeLessThan(300);
  });

  it('unknown keys spread over many nodes: about a hundred built and suggested in all, not a hundred per node', () => {
    const text = underLimits(BIG_INPUTS['unknown keys in many nodes, each a list']!());
    const keys = (text.match(/^ {4}k\d+:/gm) ?? []).length;
    const nodes = (text.match(/^ {2}n\d+:/gm) ?? []).length;
    expect(keys).toBeGreaterThan(3_000);
    expect(nodes).toBeGreaterThan(50);
    const { diagnostics: listed } = loadScenario(text, 'nodes.yaml');
    // The first unknown keys of the file, one missing `says` per node and the scenario's missing
    // keys (before, all 3,300 unknown keys were built with a "did you mean" each).
    expect(built()).toBeLessThanOrEqual(MAX_DIAGNOSTICS + nodes + 20);
    expect(vi.mocked(suggest.didYouMean).mock.calls.length).toBeLessThanOrEqual(MAX_DIAGNOSTICS + 1);
    // The same list as building every diagnostic and cutting it.
    const data = scenarioSchema.safeParse(parseDocument(text).toJS());
    const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
    const full = schemaDiagnostics(data.error!.issues, doc.toJS(), new SourceMap(text, doc), 'nodes.yaml').sort(diagnostics.compareDiagnostics);
    expect(full.length).toBeGreaterThan(keys);
    expect(listed).toEqual(capDiagnostics(full));
  });
});
