import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogEntry, formatDiagnostic } from '../../src/build/catalogEntry.ts';
import { buildCatalog, scenarioCatalog, CATALOG_MODULE_ID } from '../../src/build/scenarioCatalog.ts';
import { loadScenario } from '../../src/scenario/index.ts';
import { DEFAULT_RUBRIC } from '../../src/scoring/rubric.ts';
import { isRubricFileName } from '../../src/scoring/loadRubric.ts';

const bundled = readdirSync('scenarios').filter((f) => f.endsWith('.yaml') && !isRubricFileName(f));

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'catalog-'));
  mkdirSync(join(root, 'scenarios'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'scenarios', name), text);
  return root;
}

describe('buildCatalog', () => {
  it('turns a valid scenario into light metadata taken from the loaded scenario', () => {
    const name = bundled[0]!;
    const text = readFileSync(join('scenarios', name), 'utf8');
    const [entry] = buildCatalog(project({ [name]: text }), 'scenarios', loadScenario);
    const { scenario } = loadScenario(text, `scenarios/${name}`);
    expect(scenario).not.toBeNull();
    expect(entry).toMatchObject({
      file: `scenarios/${name}`,
      id: scenario!.id,
      language: scenario!.language,
      title: scenario!.title,
      difficulty: scenario!.difficulty,
      minutes: scenario!.minutes,
      customerName: scenario!.customer.name,
      portrait: scenario!.customer.portrait,
      goals: scenario!.goals,
      errorCount: 0,
      playable: true,
    });
    // Light: no nodes, no replies.
    expect(JSON.stringify(entry)).not.toContain('"nodes"');
  });

  it('keeps a broken file in the list with its errors and whatever title it has', () => {
    const root = project({
      'broken.yaml': 'id: half-written\ntitle: Half written\nlanguage: fi\nnodes: [\n',
      'empty.yml': '',
      'notes.txt': 'not a scenario',
    });
    const entries = buildCatalog(root, 'scenarios', loadScenario);
    expect(entries.map((e) => e.file)).toEqual(['scenarios/broken.yaml', 'scenarios/empty.yml']);
    const [half, empty] = entries;
    expect(half).toMatchObject({ id: 'half-written', title: 'Half written', language: 'fi', playable: false });
    expect(half!.errorCount).toBeGreaterThan(0);
    expect(half!.firstDiagnostics[0]).toMatch(/^scenarios\/broken\.yaml:\d+:\d+: error CD\d{3}: /);
    expect(empty).toMatchObject({ id: 'empty', title: 'empty', playable: false });
  });

  it('never throws, even when the loader does', () => {
    const root = project({ 'a.yaml': 'id: a' });
    const entries = buildCatalog(root, 'scenarios', () => {
      throw new Error('boom');
    });
    expect(entries[0]).toMatchObject({ playable: false, errorCount: 1 });
    expect(entries[0]!.firstDiagnostics[0]).toContain('boom');
  });

  it('returns an empty catalog when the folder is missing', () => {
    expect(buildCatalog(mkdtempSync(join(tmpdir(), 'none-')), 'scenarios', loadScenario)).toEqual([]);
  });

  it('sorts by language, then difficulty, then title', () => {
    const entries = buildCatalog(process.cwd(), 'scenarios', loadScenario);
    expect(entries.length).toBe(bundled.length);
    const keys = entries.map((e) => [e.language ?? 'zz', e.difficulty ?? 9, e.title] as const);
    const sorted = [...keys].sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1] || a[2].localeCompare(b[2]));
    expect(keys).toEqual(sorted);
  });
});

describe('catalogEntry', () => {
  it('counts warnings separately and formats diagnostics compiler-style', () => {
    const at = { start: { line: 4, column: 7 }, end: { line: 4, column: 9 } };
    const d = { code: 'CD301', severity: 'warning', message: 'Short text.', file: 'scenarios/x.yaml', range: at } as const;
    expect(formatDiagnostic(d as never)).toBe('scenarios/x.yaml:4:7: warning CD301: Short text.');
    const entry = catalogEntry('scenarios/x.yaml', { scenario: null, diagnostics: [d as never] });
    expect(entry).toMatchObject({ playable: false, errorCount: 1, warningCount: 1 });
  });
});

describe('scenarioCatalog plugin', () => {
  it('serves the virtual module as JSON metadata', async () => {
    const plugin = scenarioCatalog({ load: loadScenario });
    const resolveId = (plugin.resolveId as { handler: (id: string) => string | undefined }).handler;
    const resolved = resolveId(CATALOG_MODULE_ID)!;
    expect(resolveId('other')).toBeUndefined();
    const watched: string[] = [];
    const load = (plugin.load as { handler: (this: unknown, id: string) => Promise<string> }).handler;
    const code = await load.call({ addWatchFile: (f: string) => watched.push(f) }, resolved);
    const [catalogPart, rubricPart] = code.split('\nexport const rubrics = ');
    const entries = JSON.parse(catalogPart!.replace(/^export default /, '').replace(/;$/, '')) as unknown[];
    expect(entries).toHaveLength(bundled.length);
    expect(watched).toHaveLength(bundled.length);
    // The rubrics beside the scenarios, by id: the game scores with them (rubricFor).
    const rubrics = JSON.parse(rubricPart!.replace(/;$/, '')) as Record<string, unknown>;
    expect(rubrics.default).toEqual(DEFAULT_RUBRIC);
  });
});
