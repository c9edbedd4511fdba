/**
 * docs/scoring.md must state the rubric the scorer uses, and its computed sections (the worked
 * example, the naive-policy table) must be what the code gives today.
 * `UPDATE_DOCS=1 npx vitest run tests/scoring/docs.test.ts` rewrites the computed sections.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRubric } from '../../src/scoring/loadRubric.ts';
import { DEFAULT_RUBRIC, VIRTUES } from '../../src/scoring/rubric.ts';
import { chooseExample, parseCommands, playCommand, renderExample, renderNaiveTable, replaceSection, root, section } from './docSections.ts';

const docPath = join(root, 'docs', 'scoring.md');
const doc = (): string => readFileSync(docPath, 'utf8');
const update = process.env.UPDATE_DOCS === '1';
/** The bundled scenario the worked example plays (the writers' double-charge: her rent is due tomorrow). */
const EXAMPLE_FILE = 'scenarios/double-charge.en.yaml';
const stale = (name: string) => `docs/scoring.md: the ${name} is stale; run UPDATE_DOCS=1 npx vitest run tests/scoring/docs.test.ts`;

const flow = (v: unknown): string =>
  Array.isArray(v) ? `[${v.map(flow).join(', ')}]` : v && typeof v === 'object' ? `{ ${Object.entries(v).map(([k, x]) => `${k}: ${flow(x)}`).join(', ')} }` : String(v);
const signed = (n: number | undefined): string => (n === undefined ? '' : n > 0 ? `+${n}` : `${n}`);

describe('docs/scoring.md', () => {
  it('lists every rubric key with its default', () => {
    for (const [key, value] of Object.entries(DEFAULT_RUBRIC)) {
      if (key === 'tags') expect(doc()).toContain('| `tags` | the table below |');
      else expect(doc(), `row for ${key}`).toContain(`| \`${key}\` | \`${flow(value)}\` |`);
    }
  });

  it('lists every tag effect exactly as the default rubric has it', () => {
    for (const [tag, effects] of Object.entries(DEFAULT_RUBRIC.tags)) {
      const row = `| ${[tag, ...VIRTUES.map((v) => signed(effects[v]))].join(' | ')} |`.replace(/ {2}/g, ' ');
      expect(doc(), `row for ${tag}`).toContain(row);
    }
  });

  it('shows "judging is critical in our company" as a rubric that lints clean', () => {
    const yaml = /```yaml\n(id: strict\n[\s\S]*?)```/.exec(doc())?.[1];
    expect(yaml).toBeDefined();
    const { rubric, diagnostics } = loadRubric(yaml!, 'scenarios/strict.rubric.yaml');
    expect(diagnostics).toEqual([]);
    expect(rubric?.critical).toContain('judging');
  });
});

describe('docs/scoring.md computed sections', () => {
  it('has a worked example that is what `calm-desk play` and the scorer give today', () => {
    const current = section(doc(), 'worked-example');
    expect(current, 'the worked-example markers are missing').not.toBeNull();
    const commands = parseCommands(current!);
    const [best, slip] = update || commands.length < 2 ? Object.values(chooseExample(EXAMPLE_FILE)) : commands;
    const rendered = renderExample(best!, slip!);
    if (update) writeFileSync(docPath, replaceSection(doc(), 'worked-example', rendered));
    expect(section(doc(), 'worked-example'), stale('worked example')).toBe(rendered);
    // The example shows what the page promises: one slip caps the score and is never excellent.
    const slipped = playCommand(slip!).report;
    const clean = playCommand(best!).report;
    expect(slipped.trustRuinerCount).toBeGreaterThanOrEqual(1);
    expect(slipped.overall).toBeLessThanOrEqual(Math.min(79, clean.overall - 10));
    expect(slipped.verdict).not.toBe('excellent');
  });

  it('has a placeholder-free naive-policy table from the analyzer', { timeout: 180_000 }, () => {
    const rendered = renderNaiveTable();
    if (update) writeFileSync(docPath, replaceSection(doc(), 'naive-table', rendered));
    const current = section(doc(), 'naive-table');
    expect(current, stale('naive-policy table')).toBe(rendered);
    expect(current).not.toMatch(/TODO|TBD|\?\?/);
  });
});
