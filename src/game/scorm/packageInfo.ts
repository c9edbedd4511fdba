/**
 * The SCORM package this build is, as `npm run build:scorm` described it (see
 * `src/build/scormPackage.ts`), or null in an ordinary build.
 */
import type { ScormPackageInfo } from '../../build/scormPackage.ts';

declare global {
  interface ImportMetaEnv {
    /** JSON of `ScormPackageInfo`, set only in a SCORM package build. */
    readonly VITE_SCORM_PACKAGE?: string;
  }
}

/** The package scope, or null when this is not a package build (or the value is unreadable). */
export function scormPackageInfo(raw: string | undefined = import.meta.env.VITE_SCORM_PACKAGE): ScormPackageInfo | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<ScormPackageInfo>;
    if (typeof value.title !== 'string' || !Array.isArray(value.scenarioIds) || typeof value.masteryScore !== 'number') return null;
    return { title: value.title, scenarioIds: value.scenarioIds.filter((s): s is string => typeof s === 'string'), masteryScore: value.masteryScore };
  } catch {
    return null;
  }
}
