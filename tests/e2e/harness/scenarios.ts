/**
 * The bundled scenarios as the tests see them: read straight from `scenarios/*.yaml`, so a test
 * that expects a title on screen checks it against what the trainer wrote.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const SCENARIO_DIR = fileURLToPath(new URL('../../../scenarios', import.meta.url));

/** The few fields of a bundled scenario file the browser tests need. */
export interface BundledScenario {
  file: string;
  id: string;
  title: string;
  language: string;
  /** The raw parsed file, for tests that walk its nodes. */
  raw: Record<string, unknown>;
}

/** Every `scenarios/*.yaml` file, parsed, sorted by file name. */
export function bundledScenarios(): BundledScenario[] {
  return readdirSync(SCENARIO_DIR)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((file) => {
      const raw = parse(readFileSync(join(SCENARIO_DIR, file), 'utf8')) as Record<string, unknown>;
      return { file, id: String(raw.id), title: String(raw.title), language: String(raw.language), raw };
    });
}
