/**
 * Turns zod's validation issues into trainer-facing diagnostics with positions. Customer lines
 * (three accepted shapes) are re-checked by hand so the message fits the shape the trainer meant.
 */
import type { z } from 'zod';
import { diagnostic, MAX_DIAGNOSTICS } from './diagnostics.ts';
import type { Omitted } from './diagnostics.ts';
import type { Diagnostic, DiagnosticCode, Position, Range } from './diagnostics.ts';
import { capitalize, describeKey, describePlace, expectedName, kindOf, valueAt } from './paths.ts';
import { betterObjectSchema, betterSchema, interruptedSchema, interruptionRouteSchema, minutesSchema, scenarioSchema } from './schema.ts';
import type { DataPath, SourceMap } from './source-map.ts';
import { didYouMean, isNear, nearest } from './suggest.ts';
import { EXPRESSIONS, LIMITS } from './vocabulary.ts';

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

interface Context {
  file: string;
  data: unknown;
  map: SourceMap;
  out: Diagnostic[];
  /** Paths with a size issue of the scenario's own (not zod's safe-integer bound). */
  sized: Set<string>;
  /** Where diagnostics past the cap are counted instead of built. */
  omitted?: Omitted;
  /** Per unknown-keys issue: how many of its keys (in file order) are built; the rest are counted. */
  builtKeys?: Map<Issue, number>;
}

/** Diagnostics for everything zod rejected. */
export function schemaDiagnostics(issues: readonly Issue[], data: unknown, map: SourceMap, file: string, omitted?: Omitted): Diagnostic[] {
  const sized = new Set(
    issues
      .filter((issue) => (issue.code === 'too_big' || issue.code === 'too_small') && Math.abs(Number(issue.code === 'too_big' ? issue.maximum : issue.minimum)) < Number.MAX_SAFE_INTEGER)
      .map((issue) => JSON.stringify(issue.path)),
  );
  const ctx: Context = { file, data, map, out: [], sized, omitted };
  const linePaths = new Map<string, DataPath>();
  const unionPaths = new Map<string, DataPath>();
  // A value of the wrong type also fails its length checks: report the type only.
  const wrongType = new Set(issues.filter((issue) => issue.code === 'invalid_type').map((issue) => JSON.stringify(issue.path)));
  const typos = typoFixes(issues, map);
  // Where each issue goes: its own diagnostics, its customer line's, or its two-way key's.
  const routes = issues.map((issue): { skip: true } | { union?: DataPath; line?: DataPath; skip?: false } => {
    if (issue.code !== 'invalid_type' && wrongType.has(JSON.stringify(issue.path))) return { skip: true };
    if (issue.code === 'invalid_type' && typos.has(JSON.stringify(issue.path))) return { skip: true };
    const union = enclosingUnionPath(issue.path);
    if (union) return { union };
    return { line: enclosingLinePath(issue.path) };
  });
  if (omitted) {
    const own = issues.filter((issue, index): issue is z.core.$ZodIssueUnrecognizedKeys => {
      const route = routes[index]!;
      return issue.code === 'unrecognized_keys' && !route.skip && !route.union && !route.line;
    });
    ctx.builtKeys = builtUnknownKeys(map, own);
  }
  issues.forEach((issue, index) => {
    const route = routes[index]!;
    if (route.skip) return;
    if (route.union) unionPaths.set(JSON.stringify(route.union), route.union);
    else if (route.line) linePaths.set(JSON.stringify(route.line), route.line);
    else issueDiagnostics(ctx, issue, issue.path);
  });
  for (const path of linePaths.values()) checkLine(ctx, path);
  for (const path of unionPaths.values()) checkUnion(ctx, path);
  return dedupe(ctx.out);
}

/**
 * Paths of missing keys that an unknown key next to them is a typo of (`sumary` for `summary`):
 * the unknown-key diagnostic already says what to do, a second one would only repeat it.
 */
function typoFixes(issues: readonly Issue[], map: SourceMap): Set<string> {
  const fixes = new Set<string>();
  // A fix only matters for a key whose type issue it hides (a missing key): per block, those keys.
  const missing = new Map<string, string[]>();
  for (const issue of issues) {
    if (issue.code !== 'invalid_type' || issue.path.length === 0 || issue.path.some((step) => typeof step === 'symbol')) continue;
    const parent = JSON.stringify(issue.path.slice(0, -1));
    missing.set(parent, [...(missing.get(parent) ?? []), String(issue.path[issue.path.length - 1])]);
  }
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const parent = issue.path.filter((step): step is string | number => typeof step !== 'symbol');
    const candidates = missing.get(JSON.stringify(parent));
    if (!candidates) continue;
    const allowed = allowedKeys(parent);
    // Like the suggestions themselves, only the first keys of a block count as typos.
    for (const key of keysInFileOrder(map, issue).slice(0, Math.min(SUGGESTED_KEYS, MAX_BUILT_PER_BLOCK))) {
      // The nearest allowed key can only be a missing one when some missing key is near enough.
      if (!candidates.some((candidate) => isNear(key, candidate))) continue;
      const meant = nearest(key, allowed);
      if (meant !== undefined) fixes.add(JSON.stringify([...parent, meant]));
    }
  }
  return fixes;
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.code}|${d.range.start.line}:${d.range.start.column}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function add(ctx: Context, code: DiagnosticCode, range: Range, message: string, hint?: string): void {
  ctx.out.push(diagnostic(code, ctx.file, range, message, hint));
}

// ---------------------------------------------------------------------------------------------
// Walking the schema: which schema applies at a path, and which keys it allows.

function def(schema: AnySchema): Record<string, unknown> & { type: string } {
  return schema._zod.def as unknown as Record<string, unknown> & { type: string };
}

function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (let i = 0; i < 10; i++) {
    const d = def(current);
    if ((d.type === 'optional' || d.type === 'default' || d.type === 'nullable') && d.innerType) {
      current = d.innerType as AnySchema;
    } else if (d.type === 'pipe' && d.in) {
      current = d.in as AnySchema;
    } else break;
  }
  return current;
}

/** The schema that validates the value at `path`, or undefined when the path leaves the schema. */
export function schemaAt(path: DataPath): AnySchema | undefined {
  let current: AnySchema | undefined = scenarioSchema;
  for (const step of path) {
    if (!current) return undefined;
    const d = def(unwrap(current));
    current = d.type === 'union' ? unionOptionFor(d.options as AnySchema[], step) : stepInto(d, step);
  }
  return current ? unwrap(current) : undefined;
}

/** The option of a union that a step can go into: an object with that key, or a list for an index. */
function unionOptionFor(options: readonly AnySchema[], step: string | number): AnySchema | undefined {
  for (const option of options) {
    const d = def(unwrap(option));
    if (typeof step === 'string' && d.type === 'object' && Object.hasOwn(d.shape as object, step)) return (d.shape as Record<string, AnySchema>)[step];
    if (typeof step === 'number' && d.type === 'array') return d.element as AnySchema;
  }
  return undefined;
}

function stepInto(d: Record<string, unknown> & { type: string }, step: string | number): AnySchema | undefined {
  if (d.type === 'object') return (d.shape as Record<string, AnySchema>)[String(step)];
  if (d.type === 'record') return d.valueType as AnySchema;
  if (d.type === 'array') return d.element as AnySchema;
  return undefined;
}

/** Keys an object (or the object option of a union, e.g. `interrupted`'s routing form) allows. */
function allowedKeys(path: DataPath): string[] {
  const schema = schemaAt(path);
  if (!schema) return [];
  const d = def(schema);
  if (d.type === 'object') return Object.keys(d.shape as Record<string, unknown>);
  if (d.type !== 'union') return [];
  const object = (d.options as AnySchema[]).map((option) => def(unwrap(option))).find((option) => option.type === 'object');
  return object ? Object.keys(object.shape as Record<string, unknown>) : [];
}

// ---------------------------------------------------------------------------------------------
// Format 1.1's two-way keys: `interrupted` (a line or a routing object), `better` (an id or
// `{ reply, why }`) and `minutes` (a number or a range). zod reports a failed union as one
// issue; here the shape the trainer wrote picks the option, and its own issues are reported.

const TWO_WAY = new Set<AnySchema>([interruptedSchema, betterSchema, minutesSchema]);
const ROUTE_KEYS = ['says', 'mood', 'next', 'reply', 'feedback'];

function enclosingUnionPath(path: readonly PropertyKey[]): DataPath | undefined {
  const clean = path.filter((step): step is string | number => typeof step !== 'symbol');
  for (let length = 1; length <= clean.length; length++) {
    const prefix = clean.slice(0, length);
    const schema = schemaAt(prefix);
    if (schema && TWO_WAY.has(schema)) return prefix;
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkUnion(ctx: Context, path: DataPath): void {
  const schema = schemaAt(path);
  const value = valueAt(ctx.data, path);
  const subject = capitalize(describeKey(ctx.data, path));
  if (schema === interruptedSchema) {
    if (isObject(value) && Object.keys(value).some((key) => ROUTE_KEYS.includes(key))) return reissue(ctx, path, interruptionRouteSchema, value);
    return checkLine(ctx, path);
  }
  if (schema === betterSchema) {
    if (typeof value === 'string') return badId(ctx, path, 'value');
    if (isObject(value)) return reissue(ctx, path, betterObjectSchema, value);
    add(ctx, 'CD103', ctx.map.rangeAt(path), `${subject} should be the id of a reply on this node, or \`{ reply: id, why: text }\`, but it is ${kindOf(value)}.`, 'e.g. `better: acknowledge`, or `better: { reply: acknowledge, why: "Naming her frustration first would have…" }`.');
    return;
  }
  if (typeof value === 'number') {
    const bound = value < 1 ? 'at least 1' : 'at most 60';
    add(ctx, 'CD104', ctx.map.rangeAt(path), `${subject} must be ${bound}, but it is ${value}.`, 'Minutes run from 1 to 60; a range is written "5-8".');
    return;
  }
  add(ctx, 'CD103', ctx.map.rangeAt(path), `${subject} should be a number of minutes or a range such as "5-8", but it is ${typeof value === 'string' ? `\`${value}\`` : kindOf(value)}.`, 'Write `minutes: 6`, or a range in quotes: `minutes: "5-8"`.');
}

/** Validates `value` against one option of a two-way key and reports its issues at their places. */
function reissue(ctx: Context, path: DataPath, schema: AnySchema, value: unknown): void {
  const result = (schema as z.ZodType).safeParse(value);
  if (result.success) return;
  const lines = new Map<string, DataPath>();
  for (const issue of result.error.issues) {
    const full = [...path, ...issue.path.filter((step): step is string | number => typeof step !== 'symbol')];
    const line = enclosingLinePath(full);
    if (line && line.length > path.length) lines.set(JSON.stringify(line), line);
    else issueDiagnostics(ctx, { ...issue, path: full } as Issue, full);
  }
  for (const line of lines.values()) checkLine(ctx, line);
}

/** What a union at `path` accepts, in words ("a number or `true` or `false`"). */
function unionNames(path: DataPath): string {
  const schema = schemaAt(path);
  const options = schema && def(schema).type === 'union' ? (def(schema).options as AnySchema[]) : [];
  const names = [...new Set(options.map((option) => {
    const d = def(unwrap(option));
    if (d.type === 'string') return 'text';
    if (d.type === 'literal') return (d.values as unknown[]).map((v) => `\`${String(v)}\``).join(' or ');
    return expectedName(d.type);
  }))];
  return names.length > 0 ? names.join(' or ') : 'a number or `true`/`false`';
}

/** A customer line is the one union whose options include an object with `say`. */
function isLineSchema(schema: AnySchema | undefined): boolean {
  if (!schema) return false;
  const d = def(schema);
  if (d.type !== 'union') return false;
  return (d.options as AnySchema[]).some((option) => {
    const inner = def(unwrap(option));
    return inner.type === 'object' && Object.hasOwn(inner.shape as object, 'say');
  });
}

const ID_KEYS = new Set(['id', 'next', 'better', 'start']);

function enclosingLinePath(path: readonly PropertyKey[]): DataPath | undefined {
  const clean = path.filter((step): step is string | number => typeof step !== 'symbol');
  for (let length = 1; length <= clean.length; length++) {
    const prefix = clean.slice(0, length);
    if (isLineSchema(schemaAt(prefix))) return prefix;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// One zod issue → diagnostics.

function issueDiagnostics(ctx: Context, issue: Issue, rawPath: readonly PropertyKey[]): void {
  const path = rawPath.filter((step): step is string | number => typeof step !== 'symbol');
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(path);
      // Only the first keys (by position) get a suggestion. Past the cap the keys of a block are
      // only counted: each would be one CD101 (error), later in the file than the ones built.
      const keys = keysInFileOrder(ctx.map, issue);
      const built = ctx.omitted ? Math.min(keys.length, MAX_BUILT_PER_BLOCK, ctx.builtKeys?.get(issue) ?? Infinity) : keys.length;
      for (let index = 0; index < built; index++) unknownKey(ctx, path, keys[index]!, allowed, index < SUGGESTED_KEYS);
      for (let index = built; index < keys.length; index++) ctx.omitted!.count('error');
      return;
    }
    case 'invalid_type':
      return invalidType(ctx, path, issue.expected);
    case 'too_small':
    case 'too_big':
      return sizeIssue(ctx, path, issue);
    case 'invalid_value':
      return badEnum(ctx, path, issue.values.map(String));
    case 'invalid_format':
      return badId(ctx, path, 'value');
    case 'invalid_key':
      return badId(ctx, path, 'key');
    case 'invalid_union': {
      const expected = unionNames(path);
      if (valueAt(ctx.data, path) === undefined && !ctx.map.has(path)) return missingKey(ctx, path, expected);
      return add(ctx, 'CD103', ctx.map.rangeAt(path), `${capitalize(describeKey(ctx.data, path))} should be ${expected}, but it is ${kindOf(valueAt(ctx.data, path))}.`);
    }
    default:
      return add(ctx, 'CD103', ctx.map.rangeAt(path), `${capitalize(describeKey(ctx.data, path))}: ${issue.message}`);
  }
}

/** Unknown keys of one block beyond this many are reported without a "did you mean". */
const SUGGESTED_KEYS = 200;

/**
 * Unknown keys of one block beyond this many are counted, not built (see `Omitted`): one more
 * than the loader lists, so the first unlisted one still has its position.
 */
const MAX_BUILT_PER_BLOCK = MAX_DIAGNOSTICS + 1;

const sortedKeys = new WeakMap<object, string[]>();
/** Issues with keys merged in from elsewhere (`<<`): their file order is not the block's own. */
const mergedKeys = new WeakSet<object>();

/**
 * The same bound across blocks: every unknown key is one CD101 at its own key, so once more than
 * `MAX_DIAGNOSTICS` keys at distinct places come before a key, its diagnostic can be neither listed
 * nor the first unlisted one. Per issue, how many of its first keys are at or before the place of
 * the `MAX_BUILT_PER_BLOCK`th distinct one; the rest are only counted. Empty (no bound) when a
 * block has merged keys, whose order is not their place in the file.
 */
function builtUnknownKeys(map: SourceMap, issues: readonly z.core.$ZodIssueUnrecognizedKeys[]): Map<Issue, number> {
  const blocks: { issue: Issue; path: DataPath; keys: string[]; positions: Position[]; taken: number }[] = [];
  let total = 0;
  for (const issue of issues) {
    const keys = keysInFileOrder(map, issue);
    if (mergedKeys.has(issue)) return new Map();
    const path = issue.path.filter((step): step is string | number => typeof step !== 'symbol');
    blocks.push({ issue, path, keys: keys.slice(0, MAX_BUILT_PER_BLOCK), positions: [], taken: 0 });
    total += keys.length;
  }
  if (total <= MAX_BUILT_PER_BLOCK) return new Map();
  // Merge the blocks' keys (each in file order) by place, computing the places as they are reached.
  const place = (block: (typeof blocks)[number]): Position => (block.positions[block.taken] ??= map.keyAt([...block.path, block.keys[block.taken]!]).start);
  let distinct = 0;
  let last: Position | undefined;
  for (;;) {
    let next: (typeof blocks)[number] | undefined;
    for (const block of blocks) {
      if (block.taken < block.keys.length && (!next || comparePositions(place(block), place(next)) < 0)) next = block;
    }
    if (!next) return new Map();
    const at = place(next);
    const same = last !== undefined && comparePositions(at, last) === 0;
    if (distinct >= MAX_BUILT_PER_BLOCK && !same) break;
    if (!same) distinct++;
    last = at;
    next.taken++;
  }
  return new Map(blocks.map((block) => [block.issue, block.taken]));
}

/**
 * The unknown keys of an issue in file order (integer-like keys come first in data order): read
 * off the mapping's own key order in one pass (a repeated key counts where it is written last,
 * as in the data); keys not written there (merged in with `<<`) follow, ordered by position.
 */
function keysInFileOrder(map: SourceMap, issue: z.core.$ZodIssueUnrecognizedKeys): string[] {
  const known = sortedKeys.get(issue);
  if (known) return known;
  const path = issue.path.filter((step): step is string | number => typeof step !== 'symbol');
  const wanted = new Set(issue.keys);
  const written = map.keysAt(path);
  const placed = new Set<string>();
  const keys: string[] = [];
  for (let i = written.length - 1; i >= 0; i--) {
    const key = written[i]!;
    if (wanted.has(key) && !placed.has(key)) {
      placed.add(key);
      keys.push(key);
    }
  }
  keys.reverse();
  const rest = issue.keys.filter((key) => !placed.has(key));
  if (rest.length > 0) {
    const at = new Map(rest.map((key) => [key, map.keyAt([...path, key]).start]));
    keys.push(...rest.sort((a, b) => comparePositions(at.get(a)!, at.get(b)!)));
    mergedKeys.add(issue);
  }
  sortedKeys.set(issue, keys);
  return keys;
}

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.column - b.column;
}

function unknownKey(ctx: Context, path: DataPath, key: string, allowed: readonly string[], suggest = true): void {
  if (commaSplit(ctx, path, key)) return;
  const place = describePlace(ctx.data, path);
  const suggestion = suggest ? didYouMean(key, allowed) : undefined;
  const hint = suggestion ?? (allowed.length > 0 ? `Keys allowed here: ${allowed.join(', ')}.` : undefined);
  // A key such as `.nan` or `.inf` reads as a number: show it as the trainer wrote it.
  const written = /^-?(NaN|Infinity)$/.test(key) ? (ctx.map.keySource([...path, key]) ?? key) : key;
  add(ctx, 'CD101', ctx.map.keyAt([...path, key]), `\`${written}\` is not a key that ${place} can have.`, hint);
}

/**
 * `{ say: Sorry, but I wasn't done, as: angry }`: in the `{ }` form a comma ends the value, so
 * "but I wasn't done" became a key with no value. Says so, and how to quote it.
 */
function commaSplit(ctx: Context, path: DataPath, key: string): boolean {
  const block = valueAt(ctx.data, path);
  if (!block || typeof block !== 'object' || Array.isArray(block)) return false;
  const record = block as Record<string, unknown>;
  if (record[key] !== null || !/\s|'|,/.test(key)) return false;
  const keys = Object.keys(record);
  const previous = keys[keys.indexOf(key) - 1];
  const text = previous === undefined ? undefined : record[previous];
  if (previous === undefined || typeof text !== 'string') return false;
  const whole = `${text}, ${key}`.replace(/"/g, '\\"');
  add(
    ctx,
    'CD101',
    ctx.map.keyAt([...path, key]),
    `The comma after \`${text}\` split the text of \`${previous}\`: \`${key}\` became a key of its own.`,
    `Inside \`{ }\` a comma separates keys, so quote a text that has one: \`${previous}: "${whole}"\`.`,
  );
  return true;
}

function invalidType(ctx: Context, path: DataPath, expected: string): void {
  const value = valueAt(ctx.data, path);
  const key = path[path.length - 1];
  if (value === undefined && typeof key === 'string' && !ctx.map.has(path)) {
    const what = ID_KEYS.has(key) ? (key === 'id' ? 'a unique id' : 'the id of a node') : expectedName(expected);
    return missingKey(ctx, path, what);
  }
  if (expected === 'int' && typeof value === 'number') {
    add(ctx, 'CD104', ctx.map.rangeAt(path), `${capitalize(describeKey(ctx.data, path))} must be a whole number, not ${value}.`, rangeHint(path) ?? `Use a whole number, e.g. ${Math.round(value)}.`);
    return;
  }
  const message = `${capitalize(describeKey(ctx.data, path))} should be ${expectedName(expected)}, but it is ${kindOf(value)}.`;
  const hint = typeof value === 'number' && expected === 'string' ? 'Put the text in quotes, e.g. "404".' : nestedReplyHint(path, value);
  add(ctx, 'CD103', ctx.map.rangeAt(path), message, hint);
}

/** Keys of a customer line that a reply does not have: a reply is what the trainee says, as text. */
const LINE_ONLY_KEYS = ['as', 'voice', 'action'];

/**
 * A reply's `say` written as a block: `say: { say: text, as: calm }` (the customer-line form) or
 * the reply's own keys indented under `say:`. Names the likely mistake and the fix.
 */
function nestedReplyHint(path: DataPath, value: unknown): string | undefined {
  if (path.length < 2 || path[path.length - 1] !== 'say' || path[path.length - 3] !== 'replies' || !isObject(value)) return undefined;
  const keys = Object.keys(value);
  const said = typeof value.say === 'string' && value.say.trim() !== '' ? value.say.trim() : undefined;
  // Quoted when the text would not read back as plain text (a colon, a comment, a leading mark).
  const text = said === undefined ? 'what the trainee says' : /: |\s#|^[-?:,[\]{}#&*!|>'"%@`]/.test(said) ? JSON.stringify(said) : said;
  const lineKeys = keys.filter((key) => LINE_ONLY_KEYS.includes(key));
  if (lineKeys.length > 0) {
    const named = lineKeys.map((key) => `\`${key}\``).join(' and ');
    return `A reply's \`say\` is plain text, and ${named} belong${lineKeys.length === 1 ? 's' : ''} to the customer's lines, not to a reply: write \`say: ${text}\` and remove ${named}.`;
  }
  const replyKeys = keys.filter((key) => key !== 'say' && allowedKeys(path.slice(0, -1)).includes(key));
  if (keys.includes('say') || replyKeys.length > 0) {
    const moved = replyKeys.length > 0 ? ` and move ${replyKeys.map((key) => `\`${key}\``).join(', ')} out to the reply's own level, lined up with \`say:\`` : '';
    return `The reply's keys are indented under \`say:\`: write \`say: ${text}\` on one line${moved}.`;
  }
  return undefined;
}

/** CD102 for a key that is not written at all, pointing at the block that should hold it. */
function missingKey(ctx: Context, path: DataPath, what: string): void {
  const key = String(path[path.length - 1]);
  const parent = path.slice(0, -1);
  const place = capitalize(describePlace(ctx.data, parent));
  const range = parent.length === 0 ? ctx.map.keyAt([ctx.map.keysAt([])[0] ?? '']) : ctx.map.keyAt(parent);
  add(ctx, 'CD102', range, `${place} is missing \`${key}\`.`, `Add \`${key}:\` with ${what}.`);
}

function sizeIssue(ctx: Context, path: DataPath, issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): void {
  const subject = capitalize(describeKey(ctx.data, path));
  const value = valueAt(ctx.data, path);
  const range = ctx.map.rangeAt(path);
  const small = issue.code === 'too_small';
  const limit = small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum;
  if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
    if (Math.abs(Number(limit)) >= Number.MAX_SAFE_INTEGER) {
      // zod's own bound for whole numbers: the scenario's range check says it in the trainer's terms.
      if (ctx.sized.has(JSON.stringify(path))) return;
      add(ctx, 'CD104', range, `${subject} is far too ${small ? 'small' : 'large'} a number (${String(value)}).`, rangeHint(path) ?? 'Use a small whole number.');
      return;
    }
    const bound = small ? `at least ${String(limit)}` : `at most ${String(limit)}`;
    add(ctx, 'CD104', range, `${subject} must be ${bound}, but it is ${String(value)}.`, rangeHint(path));
    return;
  }
  if (issue.origin === 'string') {
    if (ID_KEYS.has(String(path[path.length - 1]))) return badId(ctx, path, 'value');
    if (small) add(ctx, 'CD106', range, `${subject} is empty.`, 'Write the text, or remove the key if it is optional.');
    else {
      const length = typeof value === 'string' ? value.trim().length : 0;
      add(ctx, 'CD107', range, `${subject} is ${length} characters long; the limit is ${String(limit)}.`, tooLongHint(path, Number(limit)));
    }
    return;
  }
  if (issue.origin === 'array') {
    const count = Array.isArray(value) ? value.length : 0;
    if (!small && path[path.length - 1] === 'replies') {
      add(ctx, 'CD108', ctx.map.keyAt(path), `${capitalize(describePlace(ctx.data, path.slice(0, -1)))} has ${count} replies; at most ${LIMITS.repliesPerNode} are allowed.`, 'The trainee chooses with the keys 1 to 4: keep the best four, or split the moment into two nodes.');
      return;
    }
    const message = small
      ? `${subject} needs at least ${String(limit)} ${Number(limit) === 1 ? 'entry' : 'entries'}.`
      : `${subject} has ${count} entries; at most ${String(limit)} are allowed.`;
    const hint = small ? 'Write each entry on its own line, starting with `- `.' : 'Remove some, or split them over several nodes.';
    add(ctx, 'CD111', ctx.map.keyAt(path), message, hint);
    return;
  }
  add(ctx, 'CD103', range, `${subject}: ${issue.message}`);
}

/** Where the rest of a too-long text can go, by what the text is. */
function tooLongHint(path: DataPath, limit: number): string {
  const key = String(path[path.length - 1]);
  const parent = path[path.length - 2];
  if (path.length === 1 && key === 'summary') {
    return `The summary is the scenario card (at most ${limit} characters): keep the situation in a sentence or two here and move the rest of the story to \`brief.background\` (up to ${LIMITS.longTextChars} characters), shown on the briefing screen.`;
  }
  if (path[0] === 'brief' && key !== 'background') {
    return `Keep \`${key}\` to the point (at most ${limit} characters) and tell the longer story in \`brief.background\` (up to ${LIMITS.longTextChars} characters).`;
  }
  if (key === 'background' || key === 'facilitator') return `The limit here is ${limit} characters: keep the notes a facilitator needs in the session, and leave the rest to your own material.`;
  if (key === 'action') return `A stage direction is a few words (at most ${limit} characters), e.g. \`slams the folder on the desk\`.`;
  if (parent === 'goals') return 'One learning objective per goal: split it into two goals (up to 6).';
  if (key === 'say' && path.includes('replies')) return `A reply is read on a button (at most ${limit} characters): keep what the trainee says and move the explanation to \`feedback\`.`;
  if (key === 'feedback') return `Keep the debrief's point (at most ${limit} characters); the longer explanation can go in the node's \`facilitator\` note (up to ${LIMITS.longTextChars}).`;
  return `Shorten it to at most ${limit} characters.`;
}

function rangeHint(path: DataPath): string | undefined {
  const key = path[path.length - 1];
  if (key === 'mood' && path[0] === 'customer') return 'Moods run from 0 (calm) to 100 (furious).';
  if (key === 'mood') return 'A mood change runs from -100 to +100: negative calms the customer down.';
  if (key === 'satisfaction') return 'Satisfaction runs from 1 (very unhappy) to 5 (delighted).';
  if (key === 'difficulty') return 'Difficulty runs from 1 (gentle) to 5 (hard).';
  if (key === 'after') return 'Silence is measured in seconds, from 2 to 120.';
  return undefined;
}

/** The vocabulary name for an enum found at `path`, for messages. */
function vocabularyName(path: DataPath): string {
  const key = path[path.length - 1];
  const parentKey = path[path.length - 2];
  if (parentKey === 'tags') return 'behaviour tag';
  const names: Record<string, string> = {
    portrait: 'portrait',
    language: 'language',
    setting: 'setting',
    end: 'ending outcome',
    as: 'expression',
  };
  return names[String(key)] ?? 'value';
}

function badEnum(ctx: Context, path: DataPath, allowed: readonly string[]): void {
  const value = valueAt(ctx.data, path);
  if (value === undefined && !ctx.map.has(path)) return missingKey(ctx, path, `one of: ${allowed.join(', ')}`);
  const written = typeof value === 'string' ? value : JSON.stringify(value);
  const name = vocabularyName(path);
  const suggestion = typeof value === 'string' ? didYouMean(value, allowed) : undefined;
  const hint = suggestion ?? `Use one of: ${allowed.join(', ')}.`;
  add(ctx, 'CD105', ctx.map.rangeAt(path), `\`${String(written)}\` is not a known ${name} (in ${describePlace(ctx.data, path.slice(0, -1))}).`, hint);
}

function badId(ctx: Context, path: DataPath, part: 'key' | 'value'): void {
  const parentKey = path[path.length - 2];
  const isVariable = parentKey === 'variables' || parentKey === 'set' || parentKey === 'add';
  const written = part === 'key' ? String(path[path.length - 1]) : String(valueAt(ctx.data, path));
  if (isVariable) {
    add(ctx, 'CD109', ctx.map.rangeAt(path, part), `\`${written}\` is not a valid variable name.`, 'Variable names use letters, digits and _, and start with a letter, e.g. `askedReceipt`.');
    return;
  }
  const suggestion = written.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^[-_]+|[-_]+$/g, '').slice(0, LIMITS.idChars);
  const hint = suggestion !== '' && suggestion !== written ? `Ids use lower-case letters, digits, - and _ (at most ${LIMITS.idChars} characters), e.g. \`${suggestion}\`.` : `Ids use lower-case letters, digits, - and _ (at most ${LIMITS.idChars} characters).`;
  add(ctx, 'CD109', ctx.map.rangeAt(path, part), `\`${written}\` is not a valid id (${describeKey(ctx.data, path)}).`, hint);
}

// ---------------------------------------------------------------------------------------------
// Customer lines: plain text, `- angry: text`, or `{ say, as, voice }`.

const LONG_LINE_KEYS = ['say', 'as', 'voice', 'action'];

function checkText(ctx: Context, path: DataPath, value: unknown, subject: string): void {
  const range = ctx.map.rangeAt(path);
  if (typeof value !== 'string') {
    add(ctx, 'CD103', range, `${subject} should be text, but it is ${kindOf(value)}.`, typeof value === 'number' ? 'Put the text in quotes, e.g. "404".' : undefined);
  } else if (value.trim() === '') {
    add(ctx, 'CD106', range, `${subject} is empty.`, 'Write what the customer says.');
  } else if (value.trim().length > LIMITS.textChars) {
    add(ctx, 'CD107', range, `${subject} is ${value.trim().length} characters long; the limit is ${LIMITS.textChars}.`, 'A customer line is one caption: split it into several lines (up to 8 per node).');
  }
}

function checkLine(ctx: Context, path: DataPath): void {
  const value = valueAt(ctx.data, path);
  const subject = capitalize(describeKey(ctx.data, path));
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value == null) {
    if (value == null || typeof value !== 'string') {
      add(ctx, 'CD112', ctx.map.rangeAt(path), `${subject} should be what the customer says, but it is ${kindOf(value)}.`, 'Write `- angry: text`, plain text, or `{ say: text, as: angry }`.');
      return;
    }
    return checkText(ctx, path, value, subject);
  }
  if (Array.isArray(value) || typeof value !== 'object') {
    add(ctx, 'CD112', ctx.map.rangeAt(path), `${subject} should be what the customer says, but it is ${kindOf(value)}.`, 'Write `- angry: text`, plain text, or `{ say: text, as: angry }`.');
    return;
  }
  const keys = Object.keys(value);
  if (keys.some((key) => LONG_LINE_KEYS.includes(key))) return checkLongLine(ctx, path, value as Record<string, unknown>, subject);
  if (keys.length !== 1) {
    add(ctx, 'CD112', ctx.map.rangeAt(path), `${subject} has ${keys.length} keys; a short-form line has exactly one: the expression.`, 'Write one line per expression, e.g. `- angry: text`, or use `{ say: text, as: angry }`.');
    return;
  }
  const expression = keys[0]!;
  if (!(EXPRESSIONS as readonly string[]).includes(expression)) {
    const hint = didYouMean(expression, EXPRESSIONS) ?? `Expressions: ${EXPRESSIONS.join(', ')}.`;
    add(ctx, 'CD105', ctx.map.keyAt([...path, expression]), `\`${expression}\` is not a known expression (${describeKey(ctx.data, path)}).`, hint);
    return;
  }
  checkText(ctx, [...path, expression], (value as Record<string, unknown>)[expression], subject);
}

function checkLongLine(ctx: Context, path: DataPath, value: Record<string, unknown>, subject: string): void {
  for (const key of Object.keys(value)) {
    if (!LONG_LINE_KEYS.includes(key)) unknownKey(ctx, path, key, LONG_LINE_KEYS);
  }
  if (!Object.hasOwn(value, 'say')) {
    add(ctx, 'CD102', ctx.map.rangeAt(path), `${subject} is missing \`say\`.`, 'Add `say:` with what the customer says.');
  } else checkText(ctx, [...path, 'say'], value.say, subject);
  if (Object.hasOwn(value, 'as')) {
    const as = value.as;
    if (typeof as !== 'string' || !(EXPRESSIONS as readonly string[]).includes(as)) badEnum(ctx, [...path, 'as'], EXPRESSIONS);
  }
  if (Object.hasOwn(value, 'voice')) {
    const voice = value.voice;
    if (typeof voice !== 'string' || voice.trim() === '' || voice.length > 200) {
      add(ctx, 'CD103', ctx.map.rangeAt([...path, 'voice']), `The \`voice\` of ${describeKey(ctx.data, path).toLowerCase()} should be a sound file name, e.g. \`marja-01.mp3\`.`);
    }
  }
}
