/**
 * Vite plugin for SCORM package builds. In a package build it tells the game the package's scope
 * (scenario ids, mastery score, title) as `import.meta.env.VITE_SCORM_PACKAGE` (JSON; absent in
 * an ordinary build, where the game never looks for an LMS). It also bundles only the package's own scenario
 * files: the catalog lists them (`scenarioCatalog({ include })`) and the glob that bundles
 * scenario text in `src/game/scenarios.ts` is narrowed to them, so other scenarios' content is
 * not in the zip.
 *
 * `npm run build:scorm` sets the environment variable `CALM_DESK_SCORM` (JSON) for `vite build`:
 *
 * ```ts
 * // vite.config.ts
 * const scorm = scormBuildFromEnv(process.env);
 * plugins: [scenarioCatalog({ include: scormIncludes(scorm) }), scormPackage(scorm)]
 * ```
 */
import type { Plugin } from 'vite';

export const SCORM_ENV = 'CALM_DESK_SCORM';
/** The `import.meta.env` key the game reads (see `src/game/scorm/packageInfo.ts`). */
export const SCORM_INFO_KEY = 'VITE_SCORM_PACKAGE';

/** The glob in `src/game/scenarios.ts` that bundles scenario text. */
export const SCENARIO_GLOB = "'/scenarios/*.{yaml,yml}'";

/** What the game knows about the package it runs in. */
export interface ScormPackageInfo {
  /** Course title (the manifest's organization title). */
  title: string;
  /** Scenario ids in the package, in course order. */
  scenarioIds: string[];
  /** Pass mark 0..100 (`adlcp:masteryscore`). */
  masteryScore: number;
}

/** A package build: the info plus the scenario files (paths from the root) it bundles. */
export interface ScormBuild extends ScormPackageInfo {
  files: string[];
}

/** The package build described by `CALM_DESK_SCORM`, or null for an ordinary build. Throws on a malformed value. */
export function scormBuildFromEnv(env: Record<string, string | undefined>): ScormBuild | null {
  const raw = env[SCORM_ENV];
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new Error(`${SCORM_ENV} is not JSON; run \`npm run build:scorm\` rather than setting it by hand.`);
  }
  const v = value as Partial<ScormBuild>;
  const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
  if (typeof v.title !== 'string' || !strings(v.scenarioIds) || !strings(v.files) || typeof v.masteryScore !== 'number' || v.files.length === 0) {
    throw new Error(`${SCORM_ENV} needs title, scenarioIds, files (at least one) and masteryScore; run \`npm run build:scorm\`.`);
  }
  return { title: v.title, scenarioIds: v.scenarioIds, files: v.files, masteryScore: v.masteryScore };
}

/** The catalog filter of a package build (undefined: every scenario). */
export function scormIncludes(build: ScormBuild | null): ((file: string) => boolean) | undefined {
  if (!build) return undefined;
  const files = new Set(build.files);
  return (file) => files.has(file);
}

/** The plugin (see the module comment). */
export function scormPackage(build: ScormBuild | null): Plugin {
  const info: ScormPackageInfo | null = build ? { title: build.title, scenarioIds: build.scenarioIds, masteryScore: build.masteryScore } : null;
  return {
    name: 'calm-desk:scorm-package',
    enforce: 'pre',
    config() {
      return info ? { define: { [`import.meta.env.${SCORM_INFO_KEY}`]: JSON.stringify(JSON.stringify(info)) } } : undefined;
    },
    transform(code, id) {
      if (!build || !id.replaceAll('\\', '/').endsWith('/src/game/scenarios.ts')) return undefined;
      if (!code.includes(SCENARIO_GLOB)) {
        throw new Error(`src/game/scenarios.ts no longer has the glob ${SCENARIO_GLOB}; update src/build/scormPackage.ts.`);
      }
      return code.replace(SCENARIO_GLOB, JSON.stringify(build.files.map((f) => `/${f}`)));
    },
  };
}
