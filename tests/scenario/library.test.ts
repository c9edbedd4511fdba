import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLibrary } from '../../src/scenario/library.ts';
import { loadScenario } from '../../src/scenario/load.ts';

const english = readFileSync(new URL('../fixtures/scenarios/valid/kettle-complete.yaml', import.meta.url), 'utf8');
const finnish = english.replace('language: en', 'language: fi');

function file(fileName: string, text: string) {
  return { fileName, text, result: loadScenario(text, fileName) };
}

describe('checkLibrary', () => {
  it('accepts a translation pair with identical node and reply ids', () => {
    const diagnostics = checkLibrary([
      file('scenarios/kettle-returned-twice.en.yaml', english),
      file('scenarios/kettle-returned-twice.fi.yaml', finnish),
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('reports two files with the same id and language at the second id', () => {
    const [d, ...rest] = checkLibrary([file('a/one.yaml', english), file('b/two.yaml', english)]);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'CD401', file: 'b/two.yaml', range: { start: { line: 2, column: 5 } } });
    expect(d?.message).toContain('a/one.yaml');
  });

  it('names the nodes and replies a translation lacks or adds', () => {
    const drifted = finnish
      .replace('  gone:\n', '  poissa:\n')
      .replace('next: gone', 'next: poissa')
      .replace('- id: rules', '- id: saannot')
      .replace('better: look-up', 'better: look-up');
    const diagnostics = checkLibrary([file('en.yaml', english), file('fi.yaml', drifted)]);
    expect(diagnostics.map((d) => d.code)).toEqual(['CD402', 'CD402', 'CD402']);
    const [missing, extra, replies] = diagnostics;
    expect(missing?.message).toContain('`gone`');
    expect(extra?.message).toContain('`poissa`');
    expect(extra?.range.start.line).toBe(drifted.split('\n').indexOf('  poissa:') + 1);
    expect(replies?.message).toContain('lacks `rules`');
    expect(replies?.message).toContain('has `saannot`');
  });

  it('warns when a bundled file is not named <id>.<language>.yaml', () => {
    const diagnostics = checkLibrary([file('scenarios/kettle.yaml', english), file('elsewhere/kettle.yaml', finnish)]);
    expect(diagnostics.map((d) => [d.code, d.file])).toEqual([['CD403', 'scenarios/kettle.yaml']]);
    expect(diagnostics[0]?.hint).toContain('kettle-returned-twice.en.yaml');
  });

  it('skips files that did not load', () => {
    expect(checkLibrary([file('scenarios/x.yaml', 'id: [')])).toEqual([]);
  });
});
