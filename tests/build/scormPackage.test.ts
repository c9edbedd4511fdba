import { describe, expect, test } from 'vitest';
import type { CatalogEntry } from '../../src/build/catalogEntry.ts';
import { selectScenarios } from '../../src/build/scormBuild.ts';
import { SCENARIO_GLOB, SCORM_ENV, scormBuildFromEnv, scormIncludes, scormPackage } from '../../src/build/scormPackage.ts';
import { scormPackageInfo } from '../../src/game/scorm/packageInfo.ts';
import { kettleEn, kettleFi } from '../presenter/catalogFixture.ts';

const entry = (id: string, order: number | null, language: 'en' | 'fi', extra: Partial<CatalogEntry> = {}): CatalogEntry => ({
  ...kettleEn,
  id,
  order,
  language,
  file: `scenarios/${id}.${language}.yaml`,
  title: `${id} (${language})`,
  ...extra,
});

const catalog = [
  entry('parcel', 1, 'en'),
  entry('parcel', 1, 'fi'),
  entry('kettle', 2, 'en'),
  entry('kettle', 2, 'fi'),
  entry('bank', 3, 'en', { rubric: 'strict' }),
  entry('loose', null, 'en'),
  entry('broken', 4, 'en', { playable: false, errorCount: 2 }),
];
const marks = (e: CatalogEntry) => (e.rubric === 'strict' ? 80 : 65);

describe('choosing the package\'s scenarios', () => {
  test('by id: every language version, in course order', () => {
    const s = selectScenarios(catalog, marks, { scenarios: ['kettle', 'parcel'] });
    expect(s.entries.map((e) => e.file)).toEqual(['scenarios/parcel.en.yaml', 'scenarios/parcel.fi.yaml', 'scenarios/kettle.en.yaml', 'scenarios/kettle.fi.yaml']);
    expect(s.scenarioIds).toEqual(['parcel', 'kettle']);
    expect(s.masteryScore).toBe(65);
    expect(s.title).toBe('Calm Desk: parcel (en), kettle (en)');
  });

  test('the first N course steps, in one language', () => {
    const s = selectScenarios(catalog, marks, { courseFirst: 2, language: 'fi' });
    expect(s.entries.map((e) => e.file)).toEqual(['scenarios/parcel.fi.yaml', 'scenarios/kettle.fi.yaml']);
  });

  test('different pass marks: the highest, said in a note; --mastery overrides it', () => {
    const s = selectScenarios(catalog, marks, { courseFirst: 3, language: 'en' });
    expect(s.masteryScore).toBe(80);
    expect(s.notes[0]).toMatch(/different pass marks \(65, 80\).*80/);
    expect(selectScenarios(catalog, marks, { courseFirst: 3, masteryScore: 70 }).masteryScore).toBe(70);
  });

  test('all playable scenarios by default; broken files never', () => {
    const s = selectScenarios(catalog, marks, {});
    expect(s.scenarioIds).toEqual(['parcel', 'kettle', 'bank', 'loose']);
    expect(s.title).toBe('Calm Desk: customer service under pressure');
  });

  test('unknown or broken ids, and bad numbers, are clear errors', () => {
    expect(() => selectScenarios(catalog, marks, { scenarios: ['kettel'] })).toThrow(/No playable scenario "kettel".*Known ids: parcel, kettle, bank, loose/);
    expect(() => selectScenarios(catalog, marks, { scenarios: ['broken'] })).toThrow(/broken has errors: run `npx calm-desk lint scenarios`/);
    expect(() => selectScenarios(catalog, marks, { scenarios: ['bank'], language: 'fi' })).toThrow(/in fi/);
    expect(() => selectScenarios(catalog, marks, { courseFirst: 0 })).toThrow(/first-N/);
    expect(() => selectScenarios(catalog, marks, { masteryScore: 120 })).toThrow(/0 to 100/);
  });
});

describe('the package build flag', () => {
  const build = { title: 'T', scenarioIds: ['kettle'], masteryScore: 65, files: [kettleEn.file, kettleFi.file] };

  test('absent: an ordinary build, nothing filtered', () => {
    expect(scormBuildFromEnv({})).toBeNull();
    expect(scormIncludes(null)).toBeUndefined();
  });

  test('present: read back, and only its files pass the catalog filter', () => {
    const parsed = scormBuildFromEnv({ [SCORM_ENV]: JSON.stringify(build) });
    expect(parsed).toEqual(build);
    const include = scormIncludes(parsed);
    expect(include?.(kettleFi.file)).toBe(true);
    expect(include?.('scenarios/other.en.yaml')).toBe(false);
  });

  test('malformed values say to use the npm script', () => {
    expect(() => scormBuildFromEnv({ [SCORM_ENV]: '{' })).toThrow(/npm run build:scorm/);
    expect(() => scormBuildFromEnv({ [SCORM_ENV]: JSON.stringify({ ...build, files: [] }) })).toThrow(/npm run build:scorm/);
  });

  test('the plugin narrows the bundled-scenario glob to the package\'s files and tells the game', () => {
    const plugin = scormPackage(build);
    const transform = plugin.transform as (code: string, id: string) => string | undefined;
    const code = `const sources = import.meta.glob<string>(${SCENARIO_GLOB}, { query: '?raw' });`;
    expect(transform(code, '/repo/src/game/scenarios.ts')).toBe(`const sources = import.meta.glob<string>(["/${kettleEn.file}","/${kettleFi.file}"], { query: '?raw' });`);
    expect(transform(code, '/repo/src/game/other.ts')).toBeUndefined();
    expect(() => transform('import.meta.glob("/elsewhere/*.yaml")', '/repo/src/game/scenarios.ts')).toThrow(/no longer has the glob/);
    const config = (plugin.config as () => { define: Record<string, string> })();
    const raw = JSON.parse(config.define['import.meta.env.VITE_SCORM_PACKAGE'] as string) as string;
    expect(scormPackageInfo(raw)).toEqual({ title: 'T', scenarioIds: ['kettle'], masteryScore: 65 });
    expect(scormPackage(null).config).toBeTypeOf('function');
    expect((scormPackage(null).config as () => unknown)()).toBeUndefined();
  });

  test('the game reads no package from nothing or from junk', () => {
    expect(scormPackageInfo(undefined)).toBeNull();
    expect(scormPackageInfo('not json')).toBeNull();
    expect(scormPackageInfo('{"title":1}')).toBeNull();
  });
});
