/**
 * Loading a rubric file: YAML text in, `{ rubric, diagnostics }` out, never throwing. Missing keys
 * come from the default rubric; every problem is a diagnostic with a CD5xx code (CD0xx for the
 * YAML itself) and the line:column of the offending key or value.
 *
 * @example
 * const { rubric, diagnostics } = loadRubric(text, 'scenarios/strict.rubric.yaml');
 * const score = scoreConversation(scenario, transcript, rubric ?? DEFAULT_RUBRIC);
 */
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { Document, Node, YAMLMap } from 'yaml';
import { compareDiagnostics, diagnostic, FILE_START, hasErrors } from '../scenario/diagnostics.ts';
import type { Diagnostic, DiagnosticCode } from '../scenario/diagnostics.ts';
import { keyText, SourceMap, type DataPath } from '../scenario/source-map.ts';
import { didYouMean } from '../scenario/suggest.ts';
import { BEHAVIOUR_TAGS, isGoodTag, LIMITS, TRUST_RUINERS } from '../scenario/vocabulary.ts';
import { DEFAULT_RUBRIC, ENDING_KEYS, maxDecisionGain, VIRTUES, type Rubric } from './rubric.ts';
import { RUBRIC_KEYS, rubricSchema, type RubricFile } from './rubricSchema.ts';

export interface RubricLoadResult {
  /** The complete rubric (defaults filled in); null when any diagnostic is an error. */
  rubric: Rubric | null;
  diagnostics: Diagnostic[];
}

/** True for file names the tools treat as rubrics: `rubric.yaml` and `<id>.rubric.yaml` (or `.yml`). */
export function isRubricFileName(path: string): boolean {
  const base = path.replace(/^.*[\\/]/, '');
  return /^(?:.+\.)?rubric\.ya?ml$/i.test(base);
}

/** The rubric id a file name promises: `rubric.yaml` → `default`, `strict.rubric.yaml` → `strict`. */
export function rubricIdOfFileName(path: string): string {
  const base = path.replace(/^.*[\\/]/, '');
  const match = /^(.+)\.rubric\.ya?ml$/i.exec(base);
  return match ? match[1]! : 'default';
}

/** Parses, checks and completes one rubric file. */
export function loadRubric(text: string, fileName: string): RubricLoadResult {
  try {
    const result = loadUnsafe(String(text), fileName);
    const diagnostics = [...result.diagnostics].sort(compareDiagnostics);
    return { rubric: hasErrors(diagnostics) ? null : result.rubric, diagnostics };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { rubric: null, diagnostics: [diagnostic('CD001', fileName, FILE_START, `The file could not be read as a rubric (${reason}).`)] };
  }
}

function fail(diagnostics: Diagnostic[]): RubricLoadResult {
  return { rubric: null, diagnostics };
}

function loadUnsafe(text: string, file: string): RubricLoadResult {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > LIMITS.fileBytes) {
    return fail([diagnostic('CD002', file, FILE_START, `The file is ${Math.round(bytes / 1024)} KB; rubric files are limited to ${LIMITS.fileBytes / 1024} KB.`)]);
  }
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  const map = new SourceMap(text, doc);
  const firstError = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0])[0];
  if (firstError) {
    const message = (firstError.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '').trim() || 'The YAML cannot be read here.';
    return fail([diagnostic('CD001', file, map.rangeOf(firstError.pos[0], firstError.pos[1]), message, 'Check the indentation and the colons on this line and the one above.')]);
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return fail([diagnostic('CD004', file, FILE_START, 'The file is empty.', 'Start from scenarios/rubric.yaml, or write only `id:` and the keys you change.')]);
  }
  if (!isMap(doc.contents)) {
    const kind = isSeq(doc.contents) ? 'a list' : 'a single value';
    return fail([diagnostic('CD005', file, map.rangeAt([]), `The file is ${kind}, but a rubric is a set of \`key: value\` lines (id, weights, caps, ...).`)]);
  }
  const duplicates = duplicateKeys(doc, map, file);
  if (duplicates.length > 0) return fail(duplicates);
  const data: unknown = doc.toJS({ maxAliasCount: LIMITS.aliasCount });
  const parsed = rubricSchema.safeParse(data);
  if (!parsed.success) return fail(parsed.error.issues.flatMap((issue) => issueDiagnostics(issue, data, map, file)));
  const rubric = completeRubric(parsed.data);
  return { rubric, diagnostics: [...semanticDiagnostics(rubric, parsed.data, map, file), ...fileNameDiagnostics(rubric, map, file)] };
}

/** The rubric a file describes: its keys over the default's (tables key by key; a tag's effects as a whole). */
export function completeRubric(file: RubricFile): Rubric {
  const d = DEFAULT_RUBRIC;
  const defined = <T extends object>(o: T | undefined): Partial<T> =>
    Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
  return {
    id: file.id,
    ...(file.title !== undefined ? { title: file.title } : {}),
    weights: { ...d.weights, ...defined(file.weights) },
    base: file.base ?? d.base,
    efficiencyBase: { ...d.efficiencyBase, ...defined(file.efficiencyBase) },
    tags: { ...d.tags, ...(defined(file.tags) as Partial<Rubric['tags']>) },
    penalties: { ...d.penalties, ...defined(file.penalties) },
    critical: [...(file.critical ?? d.critical)],
    caps: [...(file.caps ?? d.caps)],
    endings: { ...d.endings, ...defined(file.endings) },
    endingRating: file.endingRating ?? d.endingRating,
    moodRise: file.moodRise ?? d.moodRise,
    extraDecision: file.extraDecision ?? d.extraDecision,
    waits: { ...d.waits, ...defined(file.waits) },
    satisfactionCaps: [...(file.satisfactionCaps ?? d.satisfactionCaps)],
    verdicts: { ...d.verdicts, ...defined(file.verdicts) },
    naiveMax: file.naiveMax ?? d.naiveMax,
  };
}

function duplicateKeys(doc: Document.Parsed, map: SourceMap, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isSeq(node)) stack.push(...node.items);
    if (!isMap(node)) continue;
    const seen = new Set<string>();
    for (const pair of (node as YAMLMap).items) {
      stack.push(pair.value);
      const key = keyText(pair);
      if (!seen.has(key)) {
        seen.add(key);
        continue;
      }
      const keyNode = pair.key as Node | null;
      const range = keyNode?.range ? map.rangeOf(keyNode.range[0], keyNode.range[1]) : FILE_START;
      out.push(diagnostic('CD006', file, range, `\`${key}\` is written twice in the same block.`, 'Keep only one; otherwise the last one silently wins.'));
    }
  }
  return out;
}

type Issue = z.core.$ZodIssue;

/** Mappings whose keys are a vocabulary, with what the keys must be. */
function vocabularyOf(path: DataPath): { name: string; words: readonly string[] } | undefined {
  const [top, second] = path;
  if (path.length === 1 && top === 'weights') return { name: 'a virtue', words: VIRTUES };
  if (path.length === 2 && top === 'tags') return { name: 'a virtue', words: VIRTUES };
  if (path.length === 1 && top === 'tags') return { name: 'a behaviour tag', words: BEHAVIOUR_TAGS };
  if (path.length === 1 && top === 'penalties') return { name: 'a trust-ruiner', words: TRUST_RUINERS };
  if (path.length === 1 && (top === 'efficiencyBase' || top === 'endings')) return { name: 'an outcome', words: ENDING_KEYS };
  if (path.length === 2 && top === 'critical' && typeof second === 'number') return { name: 'a behaviour tag', words: BEHAVIOUR_TAGS };
  if (path.length === 2 && top === 'waits' && second === 'tag') return { name: 'a trust-ruiner', words: TRUST_RUINERS };
  return undefined;
}

const NESTED_KEYS: Record<string, readonly string[]> = {
  waits: ['grace', 'charsPerSecond', 'cost', 'ruinerFrom', 'tag'],
  verdicts: ['excellent', 'good', 'mixed'],
};

const place = (path: DataPath): string =>
  path.length === 0 ? 'the rubric' : `\`${path.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join('')}\``;

function issueDiagnostics(issue: Issue, data: unknown, map: SourceMap, file: string): Diagnostic[] {
  const path = issue.path.filter((step): step is string | number => typeof step !== 'symbol');
  const see = path.length > 0 ? `The default is in scenarios/rubric.yaml under \`${String(path[0])}\`; docs/scoring.md explains it.` : undefined;
  const add = (code: DiagnosticCode, at: DataPath, part: 'key' | 'value', message: string, hint: string | undefined = see): Diagnostic =>
    diagnostic(code, file, map.rangeAt(at, part), message, hint);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const vocabulary = vocabularyOf(path);
        if (vocabulary) {
          return add('CD503', [...path, key], 'key', `\`${key}\` is not ${vocabulary.name}.`, didYouMean(key, vocabulary.words) ?? `Use one of: ${vocabulary.words.join(', ')}.`);
        }
        const allowed = path.length === 0 ? RUBRIC_KEYS : (NESTED_KEYS[String(path[0])] ?? []);
        return add('CD501', [...path, key], 'key', `\`${key}\` is not a key of ${place(path)}.`, didYouMean(key, allowed) ?? `Allowed here: ${allowed.join(', ')}.`);
      });
    case 'invalid_value': {
      const vocabulary = vocabularyOf(path);
      const given = valueText(data, path);
      if (vocabulary) {
        return [add('CD503', path, 'value', `\`${given}\` is not ${vocabulary.name}.`, didYouMean(given, vocabulary.words) ?? `Use one of: ${vocabulary.words.join(', ')}.`)];
      }
      return [add('CD502', path, 'value', `${place(path)} has a value that is not allowed.`)];
    }
    case 'invalid_type': {
      if (path.length === 1 && path[0] === 'id' && !map.has(['id'])) {
        return [add('CD502', [], 'value', 'The rubric has no `id`.', 'Add `id: default` (in rubric.yaml) or the id scenarios name with `rubric:`.')];
      }
      return [add('CD502', path, 'value', `${place(path)} must be ${expectedText(issue.expected)}.`)];
    }
    case 'too_small':
    case 'too_big': {
      const bound = 'minimum' in issue ? issue.minimum : 'maximum' in issue ? issue.maximum : undefined;
      const isArray = issue.origin === 'array';
      const message = isArray
        ? `${place(path)} must have ${issue.code === 'too_small' ? 'at least' : 'at most'} ${String(bound)} entries.`
        : `${place(path)} must be ${issue.code === 'too_small' ? 'at least' : 'at most'} ${String(bound)}${issue.origin === 'string' ? ' characters long' : ''}.`;
      return [add('CD502', path, 'value', message)];
    }
    default:
      return [add('CD502', path, 'value', `${place(path)}: ${issue.message}.`)];
  }
}

function expectedText(expected: string): string {
  if (expected === 'number') return 'a number';
  if (expected === 'array') return 'a list, e.g. `[100, 79, 59]`';
  if (expected === 'object') return 'a set of `key: value` lines';
  if (expected === 'string') return 'a text';
  return `a ${expected}`;
}

function valueText(data: unknown, path: DataPath): string {
  let value: unknown = data;
  for (const step of path) value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[step] : undefined;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value) ?? '';
}

/** Checks across keys, on the completed rubric, pointing at the keys the file wrote (else its top). */
function semanticDiagnostics(rubric: Rubric, written: RubricFile, map: SourceMap, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (path: DataPath, part: 'key' | 'value' = 'key') => (map.has(path) ? map.rangeAt(path, part) : map.keyAt(['id']));
  const sum = VIRTUES.reduce((total, v) => total + rubric.weights[v], 0);
  if (Math.abs(sum - 1) > 0.001) {
    const written = VIRTUES.map((v) => `${v} ${rubric.weights[v]}`).join(' + ');
    out.push(diagnostic('CD504', file, at(['weights']), `The weights add up to ${round(sum)}, not 1 (${written}).`, 'Keys you leave out keep the default weight; write all four so they total 1.'));
  }
  for (const key of ['caps', 'satisfactionCaps'] as const) {
    const table = rubric[key];
    const rise = table.findIndex((value, i) => i > 0 && value > table[i - 1]!);
    if (rise > 0) {
      out.push(diagnostic('CD505', file, at([key, rise], 'value'), `\`${key}\` rises from ${table[rise - 1]} to ${table[rise]} at ${rise} trust-ruiner${rise === 1 ? '' : 's'}.`, 'Each entry is the ceiling for one more trust-ruiner: keep them the same or falling.'));
    }
  }
  const { excellent, good, mixed } = rubric.verdicts;
  if (!(excellent >= good && good >= mixed)) {
    out.push(diagnostic('CD505', file, at(['verdicts']), `The verdict bands are out of order (excellent ${excellent}, good ${good}, mixed ${mixed}).`, 'Write them so that excellent ≥ good ≥ mixed.'));
  }
  for (const tag of BEHAVIOUR_TAGS) {
    if (isGoodTag(tag)) continue;
    const effects = rubric.tags[tag];
    const paying = VIRTUES.find((v) => (effects[v] ?? 0) > 0);
    if (paying) {
      out.push(diagnostic('CD506', file, at(['tags', tag, paying], 'value'), `\`${tag}\` adds ${effects[paying]} to ${paying}: a trust-ruiner would earn points.`, 'Give trust-ruiners zero or negative effects.'));
    }
  }
  (written.critical ?? []).forEach((tag, i) => {
    if (isGoodTag(tag)) out.push(diagnostic('CD506', file, at(['critical', i], 'value'), `\`${tag}\` is a good behaviour; making it critical would fail the contact for doing it.`, `Critical tags are trust-ruiners or insult: ${[...TRUST_RUINERS, 'insult'].join(', ')}.`));
  });
  const gain = maxDecisionGain(rubric);
  if (rubric.extraDecision <= gain) {
    out.push(diagnostic('CD507', file, at(['extraDecision'], 'value'), `\`extraDecision\` is ${rubric.extraDecision}, but one decision can add up to ${round(gain)} weighted points.`, `Set it above ${round(gain)}.`));
  }
  for (const tag of TRUST_RUINERS) {
    if (rubric.critical.includes(tag) || rubric.penalties[tag] >= 10) continue;
    out.push(diagnostic('CD511', file, at(['penalties', tag], 'value'), `\`${tag}\` costs only ${rubric.penalties[tag]} points.`, 'Make every trust-ruiner cost at least 10, or make it critical.'));
  }
  return out;
}

function fileNameDiagnostics(rubric: Rubric, map: SourceMap, file: string): Diagnostic[] {
  if (!isRubricFileName(file)) return [];
  const expected = rubricIdOfFileName(file);
  if (expected === rubric.id) return [];
  const name = rubric.id === 'default' ? 'rubric.yaml' : `${rubric.id}.rubric.yaml`;
  return [diagnostic('CD510', file, map.rangeAt(['id'], 'value'), `This file holds the rubric \`${rubric.id}\`, but its name promises \`${expected}\`.`, `Rename the file to \`${name}\`, or set \`id: ${expected}\`.`)];
}

const round = (n: number): number => Math.round(n * 1000) / 1000;
