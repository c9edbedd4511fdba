/**
 * A build of the game whose scenario list is a folder of test scenarios instead of `scenarios/`,
 * for browser tests that need a small scenario written for the test (an interruption that
 * branches, a node written without early replies or a silence rule...). The game's code is not
 * changed: the build points the scenario catalog at the folder and rewrites the one glob that
 * bundles scenario files. Built once per test run into `node_modules/.cache`, then served like
 * `dist/`.
 *
 * ```ts
 * const game = await serveFixtureGame('tests/fixtures/e2e');
 * await browser.open({ path: game.url }); // absolute URL: the fixture build, not dist/
 * ```
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build, type Plugin } from 'vite';
import config from '../../../vite.config.ts';
import { scenarioCatalog } from '../../../src/build/scenarioCatalog.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** The glob in `src/game/scenarios.ts` that bundles the scenario files. */
const SCENARIO_GLOB = "'/scenarios/*.{yaml,yml}'";

/** Rewrites the bundled-scenario glob to `dir` (before Vite expands globs). */
function scenarioFolder(dir: string): Plugin {
  return {
    name: 'calm-desk-e2e:scenario-folder',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith('/src/game/scenarios.ts')) return undefined;
      if (!code.includes(SCENARIO_GLOB)) throw new Error(`src/game/scenarios.ts no longer has the glob ${SCENARIO_GLOB}; update tests/e2e/harness/fixtureBuild.ts`);
      return code.replace(SCENARIO_GLOB, `'/${dir}/*.{yaml,yml}'`);
    },
  };
}

const builds = new Map<string, Promise<string>>();

/** Builds the game with `dir` (relative to the repository) as its scenario folder; returns the output folder. */
export function buildFixtureGame(dir: string): Promise<string> {
  let pending = builds.get(dir);
  if (!pending) {
    const outDir = join(ROOT, 'node_modules', '.cache', 'calm-desk-e2e', dir.replace(/[^\w-]+/g, '_'));
    pending = build({
      ...config,
      configFile: false,
      root: ROOT,
      logLevel: 'warn',
      plugins: [scenarioFolder(dir), scenarioCatalog({ dir })],
      build: { ...config.build, outDir, emptyOutDir: true },
    }).then(() => outDir);
    builds.set(dir, pending);
  }
  return pending;
}

/** Builds (once) and serves the fixture game; close the server when done. */
export async function serveFixtureGame(dir: string): Promise<StaticServer> {
  return serveStatic(await buildFixtureGame(dir));
}
