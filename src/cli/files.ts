/** Finding and reading scenario files for the CLI. */
import { lstat, open, readdir, readlink, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { constants } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { UsageError } from './command.ts';
import { LIMITS } from '../scenario/vocabulary.ts';

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

/** What a path that is neither a file nor a folder is, in words. */
function specialKind(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** Why `stat` failed on a path the user named or a folder holds, in words. */
async function statProblem(path: string, shown: string, error: unknown): Promise<string> {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return `\`${shown}\` is a symbolic link that loops back on itself.`;
  if (code === 'EACCES' || code === 'EPERM') return `\`${shown}\` cannot be opened: permission denied.`;
  if (code === 'ENAMETOOLONG') return `\`${shown}\`: the path is too long.`;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    const link = await lstat(path).catch(() => undefined);
    if (link?.isSymbolicLink()) {
      const target = await readlink(path).catch(() => '?');
      return `\`${shown}\` is a symbolic link to \`${target}\`, which does not exist.`;
    }
    return `\`${shown}\` does not exist.`;
  }
  return `\`${shown}\` cannot be opened (${code ?? 'unknown error'}).`;
}

interface Walk {
  cwd: string;
  found: FileTarget[];
  /** Real paths of the folders already searched (symbolic links can lead back to them). */
  visited: Set<string>;
}

async function walk(dir: string, state: Walk): Promise<void> {
  const real = await realpath(dir).catch(() => dir);
  if (state.visited.has(real)) return;
  state.visited.add(real);
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    const shown = displayPath(state.cwd, full);
    let info: Stats | undefined;
    if (entry.isSymbolicLink()) {
      // Follow links (to files and folders alike); a broken or looping link named like a
      // scenario is reported rather than skipped without a word.
      try {
        info = await stat(full);
      } catch (error) {
        if (isScenarioFile(entry.name)) state.found.push({ kind: 'missing', path: full, shown, reason: await statProblem(full, shown, error) });
        continue;
      }
    }
    const isDirectory = info ? info.isDirectory() : entry.isDirectory();
    const isFile = info ? info.isFile() : entry.isFile();
    if (isDirectory) {
      if (!SKIPPED_DIRS.has(entry.name)) await walk(full, state);
    } else if (isScenarioFile(entry.name)) {
      if (isFile) state.found.push({ kind: 'file', path: full, shown });
      else {
        const kind = specialKind(info ?? (await lstat(full)));
        state.found.push({ kind: 'missing', path: full, shown, reason: `\`${shown}\` is ${kind}, not a file: skipped.` });
      }
    }
  }
}

/**
 * Expands the paths given on the command line: files as they are, folders searched (recursively,
 * following symbolic links) for `*.yaml` / `*.yml`. Paths that cannot be read as files come back
 * as `missing`, with the reason in words, to be reported. An empty path is a usage error (it
 * would otherwise mean the working directory).
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
    if (given.trim() === '') throw new UsageError('an empty path was given (""); name a file or folder, e.g. `scenarios` (use `.` for the current folder).');
    const absolute = resolve(cwd, given);
    let info: Stats;
    try {
      info = await stat(absolute);
    } catch (error) {
      push({ kind: 'missing', path: absolute, shown: given, reason: await statProblem(absolute, given, error) });
      continue;
    }
    if (info.isDirectory()) {
      const state: Walk = { cwd, found: [], visited: new Set() };
      await walk(absolute, state);
      for (const target of state.found) push(target);
    } else if (info.isFile()) {
      push({ kind: 'file', path: absolute, shown: displayPath(cwd, absolute) });
    } else {
      push({ kind: 'missing', path: absolute, shown: given, reason: `\`${given}\` is ${specialKind(info)}, not a file.` });
    }
  }
  return targets;
}

/** Files larger than this are not read whole: the loader would refuse them anyway (CD002). */
const READ_LIMIT = 16 * 1024 * 1024;

/**
 * Reads a text file; a byte-order mark is dropped so columns match what editors show. Only regular
 * files are read (opened without blocking, so a named pipe cannot hang the command).
 */
export async function readText(path: string): Promise<{ ok: true; text: string } | { ok: false; reason: string }> {
  try {
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const info = await handle.stat();
      if (info.isDirectory()) return { ok: false, reason: 'it is a folder' };
      if (!info.isFile()) return { ok: false, reason: `it is ${specialKind(info)}, not a file` };
      if (info.size > READ_LIMIT) return { ok: false, reason: `it is ${Math.round(info.size / 1024 / 1024)} MB; scenario files are limited to ${LIMITS.fileBytes / 1024} KB` };
      const text = await handle.readFile('utf8');
      return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'the file does not exist'
      : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
      : code === 'EISDIR' ? 'it is a folder'
      : code === 'ELOOP' ? 'it is a symbolic link that loops back on itself'
      : 'it cannot be read';
    return { ok: false, reason };
  }
}
