/** Finding and reading scenario files for the CLI. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';

/** A path as the user should see it: relative to the working directory when inside it. */
export function displayPath(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? absolute : rel.split('\\').join('/');
}

export type FileTarget = { kind: 'file'; path: string; shown: string } | { kind: 'missing'; path: string; shown: string; reason: string };

const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage']);

function isScenarioFile(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

async function walk(dir: string, found: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) await walk(full, found);
    else if (entry.isFile() && isScenarioFile(entry.name)) found.push(full);
  }
}

/**
 * Expands the paths given on the command line: files as they are, folders searched (recursively)
 * for `*.yaml` / `*.yml`. Paths that do not exist come back as `missing`, to be reported.
 */
export async function collectFiles(cwd: string, paths: readonly string[]): Promise<FileTarget[]> {
  const targets: FileTarget[] = [];
  const seen = new Set<string>();
  const push = (target: FileTarget): void => {
    if (seen.has(target.path)) return;
    seen.add(target.path);
    targets.push(target);
  };
  for (const given of paths) {
    const absolute = resolve(cwd, given);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) {
      push({ kind: 'missing', path: absolute, shown: given, reason: `\`${given}\` does not exist.` });
    } else if (info.isDirectory()) {
      const found: string[] = [];
      await walk(absolute, found);
      for (const file of found) push({ kind: 'file', path: file, shown: displayPath(cwd, file) });
    } else {
      push({ kind: 'file', path: absolute, shown: displayPath(cwd, absolute) });
    }
  }
  return targets;
}

/** Reads a text file; a byte-order mark is dropped so columns match what editors show. */
export async function readText(path: string): Promise<{ ok: true; text: string } | { ok: false; reason: string }> {
  try {
    const text = await readFile(path, 'utf8');
    return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'the file does not exist' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : 'it cannot be read';
    return { ok: false, reason };
  }
}
