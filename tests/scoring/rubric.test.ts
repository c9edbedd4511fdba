/**
 * The rubric as data: the default file, partial rubrics over the default, the loader's
 * diagnostics, the game's fallback, and the bundled rubrics the build serves.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog, buildRubrics } from '../../src/build/scenarioCatalog.ts';
import { main } from '../../src/cli/main.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { isRubricFileName, loadRubric, rubricIdOfFileName } from '../../src/scoring/loadRubric.ts';
import { DEFAULT_RUBRIC, maxDecisionGain, rubricFor, tableAt } from '../../src/scoring/rubric.ts';
import { rubricJsonSchemaText } from '../../src/scoring/rubricJsonSchema.ts';
import { scoreConversation } from '../../src/scoring/score.ts';
import { fakeIO } from '../cli/helpers.ts';
import { kettleScenario } from '../conversation/helpers/builder.ts';
import { decisions, ending } from './transcripts.ts';

const root = join(import.meta.dirname, '..', '..');
const defaultText = readFileSync(join(root, 'scenarios', 'rubric.yaml'), 'utf8');

describe('the default rubric', () => {
  it('is scenarios/rubric.yaml, complete, with no diagnostics', () => {
    const { rubric, diagnostics } = loadRubric(defaultText, 'scenarios/rubric.yaml');
    expect(diagnostics).toEqual([]);
    expect(rubric).toEqual(DEFAULT_RUBRIC);
    // Every key is written out in the file, so a QA manager sees every number.
    for (const key of Object.keys(DEFAULT_RUBRIC)) expect(defaultText).toMatch(new RegExp(`^${key}:`, 'm'));
  });

  it('points editors at scenarios/rubric.schema.json, generated from the zod schema', () => {
    expect(defaultText.startsWith('# yaml-language-server: $schema=./rubric.schema.json\n')).toBe(true);
    const committed = readFileSync(join(root, 'scenarios', 'rubric.schema.json'), 'utf8');
    const stale = 'scenarios/rubric.schema.json is stale: regenerate it with rubricJsonSchemaText() (src/scoring/rubricJsonSchema.ts)';
    expect(committed, stale).toBe(rubricJsonSchemaText());
    const schema = JSON.parse(committed) as { required: string[]; properties: Record<string, unknown>; additionalProperties: boolean };
    expect(schema.required).toEqual(['id']);
    expect(Object.keys(schema.properties)).toEqual(Object.keys(DEFAULT_RUBRIC));
    expect(schema.additionalProperties).toBe(false);
  });

  it('has the numbers SPEC D fixes (an unfinished conversation counts like a walk-out)', () => {
    expect(DEFAULT_RUBRIC).toMatchObject({
      weights: { friendliness: 0.35, expertise: 0.25, composure: 0.25, efficiency: 0.15 },
      base: 70,
      efficiencyBase: { resolved: 100, escalated: 85, unresolved: 70, 'walked-out': 30, incomplete: 30 },
      penalties: { indifference: 15, impatience: 12, judging: 15, arrogance: 15 },
      critical: ['tyranny', 'insult'],
      caps: [100, 79, 59, 39, 29, 19, 9, 0],
      endings: { resolved: 0, escalated: -5, unresolved: -10, 'walked-out': -35, incomplete: -35 },
      endingRating: 6,
      moodRise: 0.3,
      extraDecision: 12,
      waits: { grace: 4, charsPerSecond: 25, cost: 4, ruinerFrom: 2, tag: 'arrogance' },
      satisfactionCaps: [5, 4, 3],
      verdicts: { excellent: 85, good: 65, mixed: 40 },
      naiveMax: 50,
    });
    // One decision earns at most 10 weighted points, so an extra decision (12) never pays.
    expect(maxDecisionGain(DEFAULT_RUBRIC)).toBeCloseTo(10, 10);
    expect(tableAt(DEFAULT_RUBRIC.caps, 12)).toBe(0);
    expect(tableAt(DEFAULT_RUBRIC.satisfactionCaps, 7)).toBe(3);
  });
});

describe('a company rubric', () => {
  it('"judging is critical in our company" is three lines, the rest from the default', () => {
    const text = 'id: strict\ntitle: Our QA form\ncritical: [tyranny, insult, judging]\n';
    const { rubric, diagnostics } = loadRubric(text, 'scenarios/strict.rubric.yaml');
    expect(diagnostics).toEqual([]);
    expect(rubric).toEqual({ ...DEFAULT_RUBRIC, id: 'strict', title: 'Our QA form', critical: ['tyranny', 'insult', 'judging'] });
  });

  it('merges tables key by key and replaces a tag’s effects as a whole', () => {
    const text = 'id: calm\nwaits: { grace: 8 }\ntags:\n  judging: { friendliness: -40 }\nendings: { escalated: 0 }\n';
    const { rubric } = loadRubric(text, 'calm.rubric.yaml');
    expect(rubric?.waits).toEqual({ ...DEFAULT_RUBRIC.waits, grace: 8 });
    expect(rubric?.tags.judging).toEqual({ friendliness: -40 });
    expect(rubric?.tags.empathy).toEqual(DEFAULT_RUBRIC.tags.empathy);
    expect(rubric?.endings).toEqual({ ...DEFAULT_RUBRIC.endings, escalated: 0 });
  });

  it('changes the score: the same judging reply auto-fails under the strict rubric', () => {
    const strict = loadRubric('id: strict\ncritical: [tyranny, insult, judging]\n', 'strict.rubric.yaml').rubric!;
    const kettle = kettleScenario();
    const transcript = [
      ...decisions([
        { nodeId: 'arrival', choiceId: 'dropped', tags: ['judging'], moodBefore: 60, moodAfter: 80 },
        { nodeId: 'defensive', choiceId: 'sorry', tags: ['empathy'], moodBefore: 80, moodAfter: 70 },
        { nodeId: 'receipt', choiceId: 'look-up', tags: ['expertise', 'efficiency'], moodBefore: 70, moodAfter: 60 },
      ]),
      ending('replace', 'resolved', 4),
    ];
    expect(scoreConversation(kettle, transcript).verdict).toBe('poor');
    expect(scoreConversation(kettle, transcript, strict)).toMatchObject({ overall: 0, verdict: 'auto-fail', rubricId: 'strict' });
  });
});

describe('rubric files', () => {
  it('are named rubric.yaml or <id>.rubric.yaml', () => {
    expect(['rubric.yaml', 'scenarios/rubric.yml', 'strict.rubric.yaml', 'a/b/qa-2026.rubric.yaml'].map(isRubricFileName)).toEqual([true, true, true, true]);
    expect(['kettle.en.yaml', 'rubrics.yaml', 'my-rubric.yaml', 'rubric.yaml.bak'].map(isRubricFileName)).toEqual([false, false, false, false]);
    expect(rubricIdOfFileName('scenarios/rubric.yaml')).toBe('default');
    expect(rubricIdOfFileName('scenarios/strict.rubric.yaml')).toBe('strict');
  });

  it('never throw: YAML errors, empty files, lists and duplicate keys are diagnostics', () => {
    const codes = (text: string) => loadRubric(text, 'x.rubric.yaml').diagnostics.map((d) => d.code);
    expect(codes('id: x\ncaps: [100, 79\n')).toEqual(['CD001']);
    expect(codes('')).toEqual(['CD004']);
    expect(codes('- id: x\n')).toEqual(['CD005']);
    expect(codes('id: x\nbase: 60\nbase: 70\n')).toEqual(['CD006']);
    expect(codes('title: no id\n')).toEqual(['CD502']);
    expect(loadRubric('id: x\nbase: [\n', 'x.rubric.yaml').rubric).toBeNull();
  });
});

describe('the game and the CLI get the rubric', () => {
  it('falls back to the compiled-in default for an unknown or broken rubric', () => {
    const strict = { ...DEFAULT_RUBRIC, id: 'strict' };
    expect(rubricFor('strict', { strict })).toBe(strict);
    expect(rubricFor('missing', { strict })).toBe(DEFAULT_RUBRIC);
    expect(rubricFor(undefined)).toBe(DEFAULT_RUBRIC);
  });

  it('builds the catalog without rubric files and serves the valid rubrics by id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rubrics-'));
    mkdirSync(join(dir, 'scenarios'));
    const scenario = readFileSync(join(root, 'tests', 'fixtures', 'scenarios', 'valid', 'lamp-minimal.yaml'), 'utf8');
    writeFileSync(join(dir, 'scenarios', 'lamp.en.yaml'), scenario);
    writeFileSync(join(dir, 'scenarios', 'rubric.yaml'), defaultText);
    writeFileSync(join(dir, 'scenarios', 'strict.rubric.yaml'), 'id: strict\ncritical: [tyranny, insult, judging]\n');
    writeFileSync(join(dir, 'scenarios', 'broken.rubric.yaml'), 'id: broken\ncaps: [100, 79\n');
    const catalog = buildCatalog(dir, 'scenarios', loadScenario);
    expect(catalog.map((e) => e.file)).toEqual(['scenarios/lamp.en.yaml']);
    const rubrics = buildRubrics(dir, 'scenarios');
    expect(Object.keys(rubrics).sort()).toEqual(['default', 'strict']);
    expect(rubrics.default).toEqual(DEFAULT_RUBRIC);
    expect(rubricFor('broken', rubrics)).toBe(DEFAULT_RUBRIC);
  });

  it('bundles the default rubric with the game', () => {
    expect(buildRubrics(root, 'scenarios').default).toEqual(DEFAULT_RUBRIC);
    expect(buildCatalog(root, 'scenarios', loadScenario).some((e) => isRubricFileName(e.file))).toBe(false);
  });

  it('`calm-desk play` scores with the rubric the scenario names, from the rubric files beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'play-rubric-'));
    const lamp = readFileSync(join(root, 'tests', 'fixtures', 'scenarios', 'valid', 'lamp-minimal.yaml'), 'utf8');
    writeFileSync(join(dir, 'lamp.yaml'), lamp.replace('start: hello', 'rubric: generous\nstart: hello'));
    writeFileSync(join(dir, 'generous.rubric.yaml'), 'id: generous\nbase: 90\n');
    const io = fakeIO({ cwd: dir });
    expect(await main(['play', 'lamp.yaml', '--choices', 'sorry'], io)).toBe(0);
    // base 90: friendliness 100, expertise 95, composure 90, efficiency 100 → 35 + 23.75 + 22.5 + 15 = 96.25
    expect(io.stdout).toContain('Score: 96/100 (excellent)');
    expect(io.stdout).toContain('(rubric generous)');
    const plain = fakeIO({ cwd: dir });
    writeFileSync(join(dir, 'generous.rubric.yaml'), 'id: generous\nbase: [90\n');
    expect(await main(['play', 'lamp.yaml', '--choices', 'sorry'], plain)).toBe(0);
    expect(plain.stdout).not.toContain('(rubric generous)');
  });
});
