/**
 * Checks across files: two files claiming the same scenario and language (also a scenario file
 * and a translation file, `<id>.<language>.yaml` beside `<id>.<language>.tr.yaml`), translations
 * whose node or reply ids drifted apart, and bundled files not named `<id>.<language>.yaml`.
 */
import { parseDocument } from 'yaml';
import { diagnostic, FILE_START } from './diagnostics.ts';
import type { Diagnostic, Range } from './diagnostics.ts';
import type { LoadResult } from './load.ts';
import type { Scenario } from './model.ts';
import { SourceMap } from './source-map.ts';
import type { DataPath } from './source-map.ts';

export interface LibraryFile {
  fileName: string;
  result: LoadResult;
  /** The file's text: when given, diagnostics point at the right line. */
  text?: string;
}

interface Loaded {
  fileName: string;
  scenario: Scenario;
  locate: (path: DataPath, part?: 'key' | 'value') => Range;
}

function locator(text: string | undefined): Loaded['locate'] {
  if (text === undefined) return () => FILE_START;
  let map: SourceMap | undefined;
  return (path, part = 'key') => {
    if (!map) {
      map = new SourceMap(text, parseDocument(text, { prettyErrors: false, uniqueKeys: false }));
    }
    return map.rangeAt(path, part);
  };
}

/**
 * Library-level diagnostics for a set of loaded files (files that failed to load are skipped).
 * `translated` are the scenarios loaded from translation files (`<id>.<language>.tr.yaml`, with
 * the translation file's text): checked only for clashes with a scenario file or each other.
 */
export function checkLibrary(files: readonly LibraryFile[], translated: readonly LibraryFile[] = []): Diagnostic[] {
  const loaded = loadedOf(files);
  return [...duplicates(loaded), ...translations(loaded), ...fileNames(loaded), ...clashes(loaded, loadedOf(translated))];
}

function loadedOf(files: readonly LibraryFile[]): Loaded[] {
  return files
    .filter((file) => file.result.scenario !== null)
    .map((file) => ({ fileName: file.fileName, scenario: file.result.scenario!, locate: locator(file.text) }));
}

const baseName = (file: string): string => file.replace(/^.*[/\\]/, '');

/**
 * A translation file that gives a scenario in a language another file already has: the game
 * would list both (two cards, one scenario id), so the trainer keeps one. Reported on the
 * translation file, at its `to:`.
 */
function clashes(files: Loaded[], translated: Loaded[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const first = new Map<string, Loaded>();
  const keyOf = (file: Loaded) => `${file.scenario.id}\u0000${file.scenario.language}`;
  for (const file of files) if (!first.has(keyOf(file))) first.set(keyOf(file), file);
  for (const file of translated) {
    const key = keyOf(file);
    const other = first.get(key);
    if (!other) {
      first.set(key, file);
      continue;
    }
    const mine = baseName(file.fileName);
    const theirs = baseName(other.fileName);
    out.push(
      diagnostic(
        'CD401',
        file.fileName,
        file.locate(['to'], 'value'),
        `Scenario \`${file.scenario.id}\` in language \`${file.scenario.language}\` is already given by ${other.fileName}, and this file translates it again: the game would list both.`,
        `Keep one: delete ${theirs} to play this translation, or delete ${mine} to keep ${theirs}.`,
      ),
    );
  }
  return out;
}

function duplicates(files: Loaded[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const first = new Map<string, Loaded>();
  for (const file of files) {
    const key = `${file.scenario.id}\u0000${file.scenario.language}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, file);
      continue;
    }
    out.push(diagnostic('CD401', file.fileName, file.locate(['id'], 'value'), `Scenario \`${file.scenario.id}\` in language \`${file.scenario.language}\` is also defined in ${earlier.fileName}.`, 'Give one of them another `id`, or delete the copy.'));
  }
  return out;
}

function translations(files: Loaded[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const reference = new Map<string, Loaded>();
  for (const file of files) {
    const ref = reference.get(file.scenario.id);
    if (!ref) reference.set(file.scenario.id, file);
    else if (ref.scenario.language !== file.scenario.language) out.push(...comparePair(ref, file));
  }
  return out;
}

function list(ids: readonly string[]): string {
  return ids.map((id) => `\`${id}\``).join(', ');
}

/** Differences between a reference file and its translation, reported in the translation. */
function comparePair(ref: Loaded, other: Loaded): Diagnostic[] {
  const out: Diagnostic[] = [];
  const refNodes = ref.scenario.nodeOrder;
  const otherNodes = other.scenario.nodeOrder;
  const missing = refNodes.filter((id) => !otherNodes.includes(id));
  const extra = otherNodes.filter((id) => !refNodes.includes(id));
  const lang = `${other.scenario.language} translation`;
  if (missing.length > 0) {
    out.push(diagnostic('CD402', other.fileName, other.locate(['nodes']), `The ${lang} lacks node${missing.length > 1 ? 's' : ''} ${list(missing)}, which ${ref.fileName} has.`, 'Translations keep every node id; copy the missing nodes and translate their texts.'));
  }
  for (const id of extra) {
    out.push(diagnostic('CD402', other.fileName, other.locate(['nodes', id]), `Node \`${id}\` is not in ${ref.fileName}.`, 'Translations keep the same node ids: rename it to match, or add it to both files.'));
  }
  for (const id of otherNodes.filter((nodeId) => refNodes.includes(nodeId))) {
    const refReplies = ref.scenario.nodes[id]!.replies.map((reply) => reply.id);
    const otherReplies = other.scenario.nodes[id]!.replies.map((reply) => reply.id);
    const lacking = refReplies.filter((reply) => !otherReplies.includes(reply));
    const added = otherReplies.filter((reply) => !refReplies.includes(reply));
    if (lacking.length === 0 && added.length === 0) continue;
    const parts = [
      lacking.length > 0 ? `lacks ${list(lacking)}` : '',
      added.length > 0 ? `has ${list(added)}, which ${ref.fileName} does not` : '',
    ].filter(Boolean);
    out.push(diagnostic('CD402', other.fileName, other.locate(['nodes', id]), `The replies of node \`${id}\` differ from ${ref.fileName}: this file ${parts.join(' and ')}.`, 'Translations keep the same reply ids on every node: only the texts change.'));
  }
  return out;
}

function fileNames(files: Loaded[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of files) {
    const parts = file.fileName.split(/[\\/]/);
    const base = parts[parts.length - 1] ?? '';
    if (parts[parts.length - 2] !== 'scenarios') continue;
    const expected = `${file.scenario.id}.${file.scenario.language}`;
    if (base === `${expected}.yaml` || base === `${expected}.yml`) continue;
    out.push(diagnostic('CD403', file.fileName, file.locate(['id'], 'value'), `Bundled scenario files are named after their id and language: this one should be \`${expected}.yaml\`.`, `Rename the file to \`${expected}.yaml\`.`));
  }
  return out;
}
