/**
 * The trainer documentation stays true: its complete example loads cleanly, its sample lint
 * report is what `calm-desk lint` prints, and its table of codes matches the code table.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, PLAIN } from '../../src/cli/format.ts';
import { DIAGNOSTIC_CODES } from '../../src/scenario/diagnostics.ts';
import { loadScenario } from '../../src/scenario/load.ts';

const doc = readFileSync(new URL('../../docs/scenario-format.md', import.meta.url), 'utf8');

function codeBlocks(language: string): string[] {
  return [...doc.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]!);
}

const example = codeBlocks('yaml').find((block) => block.startsWith('# yaml-language-server'))!;

describe('docs/scenario-format.md', () => {
  it('has a complete example that loads with no diagnostics', () => {
    const { scenario, diagnostics } = loadScenario(example, 'example.yaml');
    expect(diagnostics).toEqual([]);
    expect(scenario?.nodeOrder.length).toBeGreaterThan(5);
  });

  it('shows the lint report the checker really gives for a typo in that example', () => {
    const file = 'scenarios/double-charged-gym.en.yaml';
    const broken = example.replace(/(- id: look\n(?:.*\n)*?\s+next: )outcome/, '$1outcme');
    expect(broken).not.toBe(example);
    const { diagnostics } = loadScenario(broken, file);
    expect(diagnostics).toHaveLength(1);
    const report = formatDiagnostic(diagnostics[0]!, broken.split('\n'), PLAIN);
    const sample = codeBlocks('text').find((block) => block.includes('error CD202'))!;
    expect(sample.startsWith(`${report}\n`)).toBe(true);
  });

  it('lists every diagnostic code with its severity, title and description', () => {
    for (const [code, info] of Object.entries(DIAGNOSTIC_CODES)) {
      expect(doc).toContain(`| ${code} | ${info.severity} | ${info.title} | ${info.description} |`);
    }
    const documented = [...doc.matchAll(/^\| (CD\d{3}) \|/gm)].map((match) => match[1]);
    expect(documented).toEqual(Object.keys(DIAGNOSTIC_CODES));
  });
});
