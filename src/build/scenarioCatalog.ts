/**
 * Vite plugin: reads `scenarios/*.yaml` at build and dev time, runs the loader on each, and
 * serves light metadata as the virtual module `virtual:scenario-catalog` (default export:
 * `CatalogEntry[]`, sorted by language, difficulty, title). The title screen imports only this,
 * never the YAML parser.
 *
 * Live reload (dev): adding, changing or removing a scenario does not reload the page. The plugin
 * sends the HMR custom event `calm-desk:scenarios` (`LiveScenarioUpdate`: the new catalog and the
 * new text of each changed file) and the game updates in place (`src/game/authoring/liveReload.ts`).
 * A rubric or translation file change still reloads the page (the scenes read them at import).
 *
 * Rubric files in the same folder (`rubric.yaml`, `<id>.rubric.yaml`) are not scenarios: they are
 * checked with `loadRubric` and served as the named export `rubrics` (`Record<id, Rubric>`, valid
 * files only), so the game scores a scenario with `rubricFor(scenario.rubric, rubrics)`; a broken
 * or missing rubric falls back to the compiled-in default.
 *
 * ```ts
 * // vite.config.ts
 * plugins: [scenarioCatalog()]
 * ```
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseDocument } from 'yaml';
import type { Plugin } from 'vite';
import type { Diagnostic } from '../scenario/diagnostics.ts';
import type { Scenario } from '../scenario/model.ts';
import { isRubricFileName, loadRubric } from '../scoring/loadRubric.ts';
import { isTranslationFileName, loadTranslated, loadTranslation, sourceFileOf } from '../scenario/translation.ts';
import type { Rubric } from '../scoring/rubric.ts';
import { catalogEntry, type CatalogEntry, type RawHeader } from './catalogEntry.ts';

export const CATALOG_MODULE_ID = 'virtual:scenario-catalog';
/** The HMR custom event the dev server sends when scenario files change. */
export const LIVE_EVENT = 'calm-desk:scenarios';

/** Payload of `LIVE_EVENT`: the whole new catalog and each changed file's text (`null`: removed). */
export interface LiveScenarioUpdate {
  entries: CatalogEntry[];
  changed: Record<string, string | null>;
}
const RESOLVED_ID = `\0${CATALOG_MODULE_ID}`;

type Loader = (text: string, fileName: string) => { scenario: Scenario | null; diagnostics: Diagnostic[] };

export interface ScenarioCatalogOptions {
  /** Folder of scenario files, relative to the Vite root. Default `scenarios`. */
  dir?: string;
  /** The scenario loader (injectable for tests); default `loadScenario` from `src/scenario`. */
  load?: Loader;
  /** Which scenario files to list (path from the root, e.g. `scenarios/a.en.yaml`); default all. A SCORM package lists only its own. */
  include?: (file: string) => boolean;
}

/** Read every `*.yaml` / `*.yml` in `dir` and build its catalog entry. Never throws on bad files. */
export function buildCatalog(root: string, dir: string, load: Loader, include: (file: string) => boolean = () => true): CatalogEntry[] {
  const folder = resolve(root, dir);
  let names: string[];
  try {
    names = yamlFiles(folder).filter((n) => !isRubricFileName(n) && !isTranslationFileName(n));
  } catch {
    return [];
  }
  const files = names.map((name) => ({ name, file: relative(root, join(folder, name)).split(sep).join('/') })).filter(({ file }) => include(file));
  const entries = files.map(({ name, file }) => {
    const text = readText(join(folder, name));
    return catalogEntry(file, safeLoad(load, text, file), rawHeader(text));
  });
  return [...entries, ...translatedEntries(root, folder)].sort(compareEntries);
}

/** Translation files (`<id>.<lang>.tr.yaml`) become entries of their own: the source scenario in that language. */
function translatedEntries(root: string, folder: string): CatalogEntry[] {
  let names: string[];
  try {
    names = yamlFiles(folder).filter(isTranslationFileName);
  } catch {
    return [];
  }
  return names.map((name) => {
    const file = relative(root, join(folder, name)).split(sep).join('/');
    const text = readText(join(folder, name));
    const header = loadTranslation(text, file).translation;
    const sourceFile = header ? sourceFileOf(file, header.id, header.from) : file;
    const source = header && existsSync(resolve(root, sourceFile)) ? readText(resolve(root, sourceFile)) : null;
    const raw = rawHeader(text);
    return catalogEntry(file, loadTranslated(source, sourceFile, text, file), { id: raw.id, language: header?.to, title: raw.title });
  });
}

function yamlFiles(folder: string): string[] {
  return readdirSync(folder).filter((n) => /\.ya?ml$/i.test(n) && statSync(join(folder, n)).isFile());
}

/** The rubric files in `dir` that load without errors, by id (a broken one is left out: the game then uses the default). */
export function buildRubrics(root: string, dir: string): Record<string, Rubric> {
  const folder = resolve(root, dir);
  const rubrics: Record<string, Rubric> = {};
  let names: string[];
  try {
    names = yamlFiles(folder).filter(isRubricFileName).sort();
  } catch {
    return rubrics;
  }
  for (const name of names) {
    const file = relative(root, join(folder, name)).split(sep).join('/');
    const { rubric } = loadRubric(readText(join(folder, name)), file);
    if (rubric && !Object.hasOwn(rubrics, rubric.id)) rubrics[rubric.id] = rubric;
  }
  return rubrics;
}

/** The plugin itself. */
export function scenarioCatalog(options: ScenarioCatalogOptions = {}): Plugin {
  const dir = options.dir ?? 'scenarios';
  let root = process.cwd();
  let load = options.load;
  const isScenarioFile = (path: string) =>
    /\.ya?ml$/i.test(path) && resolve(path).startsWith(resolve(root, dir) + sep);
  return {
    name: 'calm-desk:scenario-catalog',
    configResolved(config) {
      root = config.root;
    },
    resolveId: {
      filter: { id: new RegExp(`^${CATALOG_MODULE_ID}$`) },
      handler(id) {
        return id === CATALOG_MODULE_ID ? RESOLVED_ID : undefined;
      },
    },
    load: {
      filter: { id: new RegExp(`^\0${CATALOG_MODULE_ID}$`) },
      async handler(id) {
        if (id !== RESOLVED_ID) return undefined;
        load ??= (await import('../scenario/index.ts')).loadScenario as Loader;
        const entries = buildCatalog(root, dir, load, options.include);
        for (const e of entries) this.addWatchFile(resolve(root, e.file));
        const rubrics = buildRubrics(root, dir);
        return `export default ${JSON.stringify(entries)};\nexport const rubrics = ${JSON.stringify(rubrics)};`;
      },
    },
    configureServer(server) {
      server.watcher.add(resolve(root, dir));
    },
    // Runs after Vite's own glob handling, so returning [] keeps the scenario glob's importers
    // (and the page) from reloading: the game takes the change through LIVE_EVENT instead.
    async hotUpdate({ type, file: path, modules }) {
      if (!isScenarioFile(path)) return undefined;
      const graph = this.environment.moduleGraph;
      const catalogModule = graph.getModuleById(RESOLVED_ID);
      if (catalogModule) graph.invalidateModule(catalogModule);
      for (const mod of modules) graph.invalidateModule(mod);
      if (this.environment.name !== 'client') return [];
      const name = path.replace(/^.*[\\/]/, '');
      // Rubrics and translations (`<id>.<lang>.tr.yaml`) are read at import by the scenes: reload the page for them.
      if (isRubricFileName(name) || isTranslationFileName(name)) {
        this.environment.hot.send({ type: 'full-reload' });
        return [];
      }
      load ??= (await import('../scenario/index.ts')).loadScenario as Loader;
      const file = relative(root, path).split(sep).join('/');
      const update: LiveScenarioUpdate = {
        entries: buildCatalog(root, dir, load, options.include),
        changed: { [file]: type === 'delete' ? null : readText(path) },
      };
      this.environment.hot.send({ type: 'custom', event: LIVE_EVENT, data: update });
      return [];
    },
  };
}

function compareEntries(a: CatalogEntry, b: CatalogEntry): number {
  return (
    (a.language ?? 'zz').localeCompare(b.language ?? 'zz') ||
    (a.difficulty ?? 9) - (b.difficulty ?? 9) ||
    a.title.localeCompare(b.title) ||
    a.file.localeCompare(b.file)
  );
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function safeLoad(load: Loader, text: string, file: string): ReturnType<Loader> {
  try {
    return load(text, file);
  } catch (error) {
    const message = `The loader failed on this file: ${String(error)}`;
    const at = { line: 1, column: 1 };
    return {
      scenario: null,
      diagnostics: [{ code: 'CD001', severity: 'error', message, file, range: { start: at, end: at } } as Diagnostic],
    };
  }
}

/** Best-effort title/id/language of a file the loader rejected, so its card stays recognisable. */
function rawHeader(text: string): RawHeader {
  try {
    // parseDocument keeps what it could read even when the YAML has errors further down.
    const doc = parseDocument(text);
    const pick = (key: string): unknown => {
      const value: unknown = doc.get(key);
      return typeof value === 'string' ? value : undefined;
    };
    return { id: pick('id'), title: pick('title'), language: pick('language') };
  } catch {
    return {};
  }
}
