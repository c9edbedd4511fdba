/**
 * Loading a scenario file: YAML text in, `{ scenario, diagnostics }` out. Never throws. The
 * scenario is null whenever any diagnostic is an error; warnings alone still give a scenario.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Alias, Document, Node, YAMLError, YAMLMap } from 'yaml';
import { compareDiagnostics, diagnostic, FILE_START, hasErrors, MAX_DIAGNOSTICS, Omitted, thousands } from './diagnostics.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { Scenario } from './model.ts';
import { normalizeScenario } from './normalize.ts';
import { z } from 'zod';
import { scenarioSchema, variableValueSchema } from './schema.ts';
import type { RawScenario } from './schema.ts';
import { schemaDiagnostics } from './schema-issues.ts';
import { prescanDiagnostic } from './prescan-diagnostic.ts';
import { keyText, SourceMap } from './source-map.ts';
import { semanticDiagnostics } from './validate.ts';
import { LIMITS } from './vocabulary.ts';

export interface LoadResult {
  scenario: Scenario | null;
  diagnostics: Diagnostic[];
}

/**
 * Parses, validates and normalizes one scenario file.
 *
 * @example
 * const { scenario, diagnostics } = loadScenario(text, 'scenarios/kettle.en.yaml');
 * if (!scenario) for (const d of diagnostics) console.log(d.range.start.line, d.message);
 */
export function loadScenario(text: string, fileName: string): LoadResult {
  try {
    const omitted = new Omitted();
    return finish(loadUnsafe(String(text), fileName, omitted), omitted);
  } catch (error) {
    // The steps below are written not to throw; this is the last line of defence.
    const reason = error instanceof Error ? error.message : String(error);
    const message = `The file could not be read as a scenario (${reason}).`;
    return { scenario: null, diagnostics: [diagnostic('CD001', fileName, FILE_START, message)] };
  }
}

export { MAX_DIAGNOSTICS, Omitted } from './diagnostics.ts';

function finish(result: LoadResult, omitted: Omitted): LoadResult {
  const sorted = [...result.diagnostics].sort(compareDiagnostics);
  const scenario = hasErrors(sorted) || omitted.errors > 0 ? null : result.scenario;
  return { scenario, diagnostics: capDiagnostics(sorted, MAX_DIAGNOSTICS, omitted) };
}

/** The first `MAX_DIAGNOSTICS` (already sorted), then one CD009 counting the rest (and those only counted). */
export function capDiagnostics(sorted: readonly Diagnostic[], max = MAX_DIAGNOSTICS, omitted?: { errors: number; warnings: number }): Diagnostic[] {
  if (sorted.length <= max) return [...sorted];
  const rest = sorted.slice(max);
  const errors = rest.filter((d) => d.severity === 'error').length + (omitted?.errors ?? 0);
  const warnings = rest.length - rest.filter((d) => d.severity === 'error').length + (omitted?.warnings ?? 0);
  const total = errors + warnings;
  const parts = [errors > 0 ? count(errors, 'error') : '', warnings > 0 ? count(warnings, 'warning') : ''].filter(Boolean).join(' and ');
  const first = rest[0]!;
  const message = `${thousands(total)} more ${total === 1 ? 'problem is' : 'problems are'} not listed (${parts}), from this line on.`;
  return [...sorted.slice(0, max), diagnostic('CD009', first.file, first.range, message, `Only the first ${max} problems of a file are listed. Fix these and check again.`)];
}

function count(n: number, word: string): string {
  return `${thousands(n)} ${word}${n === 1 ? '' : 's'}`;
}


function fail(diagnostics: Diagnostic[]): LoadResult {
  return { scenario: null, diagnostics };
}

function loadUnsafe(text: string, file: string, omitted: Omitted): LoadResult {
  if (text.length > LIMITS.fileBytes || new TextEncoder().encode(text).length > LIMITS.fileBytes) {
    const size = Math.round(new TextEncoder().encode(text).length / 1024);
    return fail([diagnostic('CD002', file, FILE_START, `The file is ${size} KB; scenario files are limited to ${LIMITS.fileBytes / 1024} KB.`, 'Split the conversation into several scenarios.')]);
  }
  // Old-Mac files end lines with a lone CR, which YAML does not count as a line break: read it
  // as one (same length, so every offset and position stays right).
  text = normalizeLineEnds(text);
  const tooComplex = prescanDiagnostic(text, file);
  if (tooComplex) return fail([tooComplex]);
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  const map = new SourceMap(text, doc);
  // After the first syntax error the parser's later complaints are mostly echoes of it.
  const firstError = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0])[0];
  const yamlProblems = [
    ...(firstError ? [yamlDiagnostic(firstError, doc, map, file, 'CD001', text)] : []),
    ...doc.warnings.map((w) => yamlDiagnostic(w, doc, map, file, 'CD007')),
  ];
  if (doc.errors.length > 0) return fail(yamlProblems);
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return fail([...yamlProblems, diagnostic('CD004', file, FILE_START, 'The file is empty.', 'Start from the example in docs/scenario-format.md.')]);
  }
  if (!isMap(doc.contents)) {
    const range = map.rangeAt([]);
    const kind = isSeq(doc.contents) ? 'a list' : 'a single value';
    return fail([...yamlProblems, diagnostic('CD005', file, range, `The file is ${kind}, but a scenario is a set of \`key: value\` lines (id, title, nodes, ...).`)]);
  }
  const { maps, aliases } = collectNodes(doc);
  const structural = [...yamlProblems, ...complexKeys(doc, maps, map, file), ...duplicateKeys(doc, maps, map, file, omitted), ...aliasCap(doc, aliases, map, file)];
  if (hasErrors(structural)) return fail(structural);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: LIMITS.aliasCount });
  } catch (error) {
    // yaml's own guard against aliases of aliases; the expansion check above should come first.
    if (!(error instanceof ReferenceError)) throw error;
    return fail([...structural, aliasBomb(doc, aliases, map, file)]);
  }
  return validateData(data, map, file, structural, omitted);
}

/** Lone CRs (not part of CRLF) become LF. */
export function normalizeLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

function validateData(data: unknown, map: SourceMap, file: string, earlier: Diagnostic[], omitted: Omitted): LoadResult {
  const diagnostics = [...earlier, ...reservedKeys(data, map, file), ...nodeCap(data, map, file)];
  if (hasErrors(diagnostics)) return fail(diagnostics);
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    diagnostics.push(...schemaDiagnostics(parsed.error.issues, data, map, file, omitted));
    return fail(diagnostics);
  }
  const protoIssues = keepProtoNames(data, parsed.data);
  if (protoIssues.length > 0) {
    diagnostics.push(...schemaDiagnostics(protoIssues, data, map, file));
    return fail(diagnostics);
  }
  diagnostics.push(...semanticDiagnostics(parsed.data, map, file));
  if (hasErrors(diagnostics)) return fail(diagnostics);
  return { scenario: normalizeScenario(parsed.data), diagnostics };
}

const YAML_MESSAGES: Partial<Record<YAMLError['code'], { message: string; hint?: string }>> = {
  BAD_INDENT: { message: 'The indentation here does not line up.', hint: 'Keys of the same block start in the same column; use spaces, not tabs.' },
  TAB_AS_INDENT: { message: 'A tab is used for indentation.', hint: 'YAML only allows spaces for indentation.' },
  MISSING_CHAR: { message: 'A closing character is missing here.', hint: 'Check that every quote, `[` and `{` is closed.' },
  MULTILINE_IMPLICIT_KEY: { message: 'A key runs over more than one line.', hint: 'Check the line above for an unclosed quote or a missing colon.' },
  BLOCK_AS_IMPLICIT_KEY: { message: 'A block cannot be used as a key.', hint: 'Check the indentation and the colons on this and the previous line.' },
  MULTIPLE_DOCS: { message: 'The file holds more than one YAML document (`---`).', hint: 'Put one scenario in each file.' },
  BAD_DQ_ESCAPE: { message: 'A backslash in double quotes starts an unknown escape.', hint: 'Write `\\\\` for a backslash, or use single quotes.' },
  UNEXPECTED_TOKEN: { message: 'Unexpected text here.', hint: 'Check for a stray character, a missing colon or a wrong indentation (a list item `- ` and a `key:` cannot be mixed in one block).' },
  BAD_PROP_ORDER: { message: 'An anchor or tag is in the wrong place.', hint: 'Write `&anchor` right after the colon, before the value.' },
  MULTIPLE_ANCHORS: { message: 'A value has two anchors.', hint: 'Keep one `&anchor`.' },
  MULTIPLE_TAGS: { message: 'A value has two tags.', hint: 'Scenario files do not need `!tags`; remove them.' },
  TAG_RESOLVE_FAILED: { message: 'This YAML tag is unknown and is ignored.', hint: 'Scenario files do not need `!tags`; remove it.' },
  BLOCK_IN_FLOW: { message: 'A block value is inside `[ ]` or `{ }`.', hint: 'Inside brackets, write values on one line separated by commas.' },
  ALIAS_PROPS: { message: 'An alias cannot have an anchor or tag.', hint: 'Remove the `&anchor` or `!tag` before the `*alias`.' },
  BAD_ALIAS: { message: 'This alias or anchor is not valid.', hint: 'Aliases (`*name`) must refer to an anchor (`&name`) written earlier in the file.' },
  BAD_SCALAR_START: { message: 'A plain value cannot start with this character.', hint: 'Put the text in quotes.' },
  KEY_OVER_1024_CHARS: { message: 'A key is longer than 1024 characters.', hint: 'Check for a missing line break.' },
  RESOURCE_EXHAUSTION: { message: 'The file is nested too deeply to read.', hint: 'Scenario files are only a few levels deep; check the brackets.' },
};

function yamlDiagnostic(error: YAMLError, doc: Document.Parsed, map: SourceMap, file: string, code: 'CD001' | 'CD007', text = ''): Diagnostic {
  const opening = error.code === 'MISSING_CHAR' ? unclosedQuote(doc, error.pos[0]) : undefined;
  if (opening !== undefined) {
    return diagnostic(code, file, map.rangeOf(opening, opening + 1), 'This quote is never closed.', 'Add the closing quote at the end of the text (inside double quotes, write \\" for a quote).');
  }
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY') {
    const stray = strayKeyOnLine(text, error.pos[0]);
    if (stray) {
      return diagnostic(
        code,
        file,
        map.rangeOf(stray.start, stray.end),
        `\`${stray.key}:\` starts a second key on a line that already has one: a key must start its own line.`,
        `Put \`${stray.key}:\` on a line of its own, or put the text in quotes if the colon belongs to it ("${stray.before.trim()} ${stray.key}: ...").`,
      );
    }
  }
  const known = YAML_MESSAGES[error.code];
  const message = known?.message ?? (firstLine(error.message) || 'The YAML cannot be read here.');
  return diagnostic(code, file, map.rangeOf(error.pos[0], error.pos[1]), message, known?.hint);
}

/**
 * `say: I'm sorry. next: done` reads as a key whose value is a block: the real mistake is the
 * `next:` later on the line. Finds the last `word:` (colon then space or line end) after `offset`
 * on the same line, with the text before it.
 */
function strayKeyOnLine(text: string, offset: number): { key: string; start: number; end: number; before: string } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEndAt = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEndAt === -1 ? text.length : lineEndAt);
  const firstColon = /^\s*(?:-\s+)?[^\s:#][^:#]*?:(?:\s|$)/.exec(line);
  const from = Math.max(offset - lineStart, firstColon ? firstColon[0].length : 0);
  const pattern = /([A-Za-z_][A-Za-z0-9_-]*):(?=\s|$)/g;
  pattern.lastIndex = from;
  let found: RegExpExecArray | null = null;
  for (let match = pattern.exec(line); match; match = pattern.exec(line)) found = match;
  if (!found) return undefined;
  const start = lineStart + found.index;
  return { key: found[1]!, start, end: start + found[1]!.length + 1, before: line.slice(from, found.index) };
}

/** Offset of the opening quote of the quoted text that runs up to `offset`, if there is one. */
function unclosedQuote(doc: Document.Parsed, offset: number): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      if (quoted && node.range && node.range[0] <= offset && offset <= node.range[2]) found = node.range[0];
    },
  });
  return found;
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '').trim();
}

/** Every collection and alias node in the document, in file order (one cheap pass). */
function collectNodes(doc: Document.Parsed): { maps: YAMLMap[]; aliases: Alias[] } {
  const maps: YAMLMap[] = [];
  const aliases: Alias[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) aliases.push(node);
    else if (isMap(node)) {
      maps.push(node);
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]!.value, node.items[i]!.key);
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    } else if (isPair(node)) stack.push(node.value, node.key);
  }
  return { maps, aliases };
}

/**
 * Keys written as a list or a block (`? [a, b]`, `? {a: 1}`, or an alias of one). Scenario keys are
 * single words; turned into data such a key would become "[object Object]"-like text, and yaml
 * would print a warning of its own.
 */
function complexKeys(doc: Document.Parsed, maps: readonly YAMLMap[], map: SourceMap, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const node of maps) {
    for (const pair of node.items) {
      let key: unknown = pair.key;
      if (isAlias(key)) key = key.resolve(doc);
      if (!isMap(key) && !isSeq(key)) continue;
      const keyNode = pair.key as Node;
      const range = keyNode.range ? map.rangeOf(keyNode.range[0], keyNode.range[1]) : FILE_START;
      const kind = isSeq(key) ? 'a list' : 'a block of `key: value` lines';
      out.push(diagnostic('CD101', file, range, `This key is ${kind}; keys in a scenario are single words, such as \`title\` or a node id.`, 'Write the key as plain text before the colon (a `? ` line starts a complex key: remove it).'));
    }
  }
  return out;
}

/** Duplicate keys in any mapping; two nodes with one id get their own code. */
function duplicateKeys(doc: Document.Parsed, maps: readonly YAMLMap[], map: SourceMap, file: string, omitted: Omitted): Diagnostic[] {
  const out: Diagnostic[] = [];
  const nodesMap = isMap(doc.contents) ? doc.contents.items.find((pair) => keyText(pair) === 'nodes')?.value : undefined;
  for (const node of maps) {
    {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = keyText(pair);
        if (!seen.has(key)) {
          seen.add(key);
          continue;
        }
        // Maps come in file order, and their keys too: past the cap, count without building.
        if (Omitted.full(out.length)) {
          omitted.count('error');
          continue;
        }
        const keyNode = pair.key as Node | null;
        const range = keyNode?.range ? map.rangeOf(keyNode.range[0], keyNode.range[1]) : FILE_START;
        if (node === nodesMap) {
          out.push(diagnostic('CD204', file, range, `There are two nodes with the id \`${key}\`.`, 'Rename one of them, and the links that should go to it.'));
        } else {
          out.push(diagnostic('CD006', file, range, `\`${key}\` is written twice in the same block.`, 'Keep only one; otherwise the last one silently wins.'));
        }
      }
    }
  }
  return out;
}

/**
 * Aliases (`*name`) must name an earlier anchor, and are capped so a tiny file cannot expand into
 * a huge one.
 */
function aliasCap(doc: Document.Parsed, aliases: readonly Alias[], map: SourceMap, file: string): Diagnostic[] {
  const count = aliases.length;
  const firstOver: Node | undefined = aliases[LIMITS.aliasCount];
  for (const node of aliases) {
    if (node.resolve(doc) === undefined && node.range) {
      const message = `The alias \`*${node.source}\` refers to an anchor \`&${node.source}\` that is not defined before it.`;
      return [diagnostic('CD001', file, map.rangeOf(node.range[0], node.range[1]), message, 'Define the anchor earlier in the file, or write the value out.')];
    }
  }
  if (count <= LIMITS.aliasCount) return [];
  const range = firstOver?.range ? map.rangeOf(firstOver.range[0], firstOver.range[1]) : FILE_START;
  return [diagnostic('CD003', file, range, `The file uses ${count} aliases (\`*name\`); at most ${LIMITS.aliasCount} are allowed.`, 'Write the text out instead of reusing it through aliases.')];
}

/**
 * `__proto__` as a node id: reported where it is written (CD109). Variable names (`variables`,
 * `set`, `add`) are data: `__proto__` is a name like any other there (see `keepProtoNames`). In
 * other blocks it is an unknown key like any other (CD101).
 */
function reservedKeys(data: unknown, map: SourceMap, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]]);
    for (const [key, child] of entries) {
      if (key === '__proto__' && isRecordPath(path)) {
        out.push(diagnostic('CD109', file, map.keyAt([...path, key]), '`__proto__` cannot be a node id: it is reserved.', 'Choose another name, e.g. `proto`.'));
      } else if (child !== null && typeof child === 'object') stack.push({ value: child, path: [...path, key] });
    }
  }
  return out;
}

/** The block whose keys are node ids. */
function isRecordPath(path: readonly (string | number)[]): boolean {
  return path.length === 1 && path[0] === 'nodes';
}

const ownRecord = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/**
 * zod leaves an own `__proto__` key out of a record's output (so it cannot replace a prototype).
 * For the blocks whose keys are variable names, the name is data: its value is checked here with
 * the same schema and copied back as an own property, so `__proto__` is declared, set, added and
 * checked (CD214, CD215) like any other name.
 */
function keepProtoNames(raw: unknown, parsed: RawScenario): z.core.$ZodIssue[] {
  const issues: z.core.$ZodIssue[] = [];
  const keep = (from: unknown, to: Record<string, unknown> | undefined, schema: z.ZodType, path: (string | number)[]): void => {
    const source = ownRecord(from);
    if (!source || !to || !Object.hasOwn(source, '__proto__')) return;
    const result = schema.safeParse(source['__proto__']);
    if (result.success) Object.defineProperty(to, '__proto__', { value: result.data, enumerable: true, configurable: true, writable: true });
    else issues.push(...result.error.issues.map((issue) => ({ ...issue, path: [...path, '__proto__', ...issue.path] })));
  };
  const top = ownRecord(raw);
  keep(top?.['variables'], parsed.variables, variableValueSchema, ['variables']);
  const nodes = ownRecord(top?.['nodes']);
  for (const [id, node] of Object.entries(parsed.nodes)) {
    const rawReplies = ownRecord(nodes?.[id])?.['replies'];
    (node.replies ?? []).forEach((reply, index) => {
      const rawReply = Array.isArray(rawReplies) ? rawReplies[index] : undefined;
      keep(ownRecord(rawReply)?.['set'], reply.set, variableValueSchema, ['nodes', id, 'replies', index, 'set']);
      keep(ownRecord(rawReply)?.['add'], reply.add, z.number(), ['nodes', id, 'replies', index, 'add']);
    });
  }
  return issues;
}

/** Where an alias bomb is: the first alias of an anchor that itself holds aliases. */
function aliasBomb(doc: Document.Parsed, aliases: readonly Alias[], map: SourceMap, file: string): Diagnostic {
  const nested = aliases.find((alias) => {
    const target = alias.resolve(doc);
    let found = false;
    if (target && (isMap(target) || isSeq(target))) {
      visit(target, {
        Alias() {
          found = true;
          return visit.BREAK;
        },
      });
    }
    return found;
  }) ?? aliases[0];
  const range = nested?.range ? map.rangeOf(nested.range[0], nested.range[1]) : FILE_START;
  return diagnostic('CD003', file, range, `The alias \`*${nested?.source ?? ''}\` repeats a block that itself repeats other blocks through aliases: the file would grow too large when read.`, 'Write the text out instead of nesting aliases.');
}

/** Caps the number of nodes. */
function nodeCap(data: unknown, map: SourceMap, file: string): Diagnostic[] {
  const nodes = data && typeof data === 'object' ? (data as Record<string, unknown>).nodes : undefined;
  if (!nodes || typeof nodes !== 'object' || Array.isArray(nodes)) return [];
  const count = Object.keys(nodes).length;
  if (count <= LIMITS.nodes) return [];
  return [diagnostic('CD110', file, map.keyAt(['nodes']), `The scenario has ${count} nodes; at most ${LIMITS.nodes} are allowed.`, 'Split it into several scenarios.')];
}
