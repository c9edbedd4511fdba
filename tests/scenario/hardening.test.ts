/**
 * Hardening of the loader (issue 12): no input under the size cap is slow to load, and one broken
 * file cannot flood the output.
 */
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenario, MAX_DIAGNOSTICS } from '../../src/scenario/load.ts';
import { BIG_INPUTS } from '../fuzz/big-inputs.ts';
import { LIMITS } from '../../src/scenario/vocabulary.ts';

/** CPU milliseconds `run` takes (less noisy than wall time on a busy machine). */
function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

describe('loader speed on large hostile files', () => {
  it('lists at most 100 diagnostics per file, then says how many more (CD009)', () => {
    const text = BIG_INPUTS['top-level unknown keys']!();
    const keys = text.split('\n').length - 1;
    const { diagnostics } = loadScenario(text, 'keys.yaml');
    expect(diagnostics).toHaveLength(MAX_DIAGNOSTICS + 1);
    const last = diagnostics.at(-1)!;
    expect(last.code).toBe('CD009');
    const more = Number(/^([\d,]+) more problems/.exec(last.message)?.[1]?.replace(/,/g, ''));
    // Every key is unknown, and the required keys are missing: nothing is lost in the count.
    expect(more).toBeGreaterThan(keys - MAX_DIAGNOSTICS);
    expect(diagnostics.slice(0, -1).every((d, i, all) => i === 0 || all[i - 1]!.range.start.line <= d.range.start.line)).toBe(true);
    expect(last.range.start.line).toBeGreaterThanOrEqual(diagnostics.at(-2)!.range.start.line);
  });

  it.each(Object.keys(BIG_INPUTS))('%s: loads in about the time YAML parsing alone takes', (name) => {
    const text = BIG_INPUTS[name]!();
    expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(LIMITS.fileBytes);
    const parse = cpuMs(() => parseDocument(text, { uniqueKeys: false }));
    let diagnostics: ReturnType<typeof loadScenario>['diagnostics'] = [];
    const load = cpuMs(() => {
      diagnostics = loadScenario(text, 'big.yaml').diagnostics;
    });
    expect(diagnostics.length).toBeLessThanOrEqual(MAX_DIAGNOSTICS + 1);
    // Before issue 12 the 26,711-key file took 60 s against 0.5 s of parsing.
    expect(load, `${name}: load ${load.toFixed(0)} ms, parse ${parse.toFixed(0)} ms`).toBeLessThan(2.5 * parse + 150);
  }, 30_000);
});
