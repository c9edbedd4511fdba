/**
 * Translations by stable id. A translation file (`<id>.<to>.tr.yaml`, beside `<id>.<from>.yaml`)
 * holds one entry per text of the source scenario, keyed by where the text lives: the scenario's
 * own texts under `about:` (`title`, `goals.0`, `brief.who`, ...) and each node's under
 * `nodes: <node id>:` (`says.0`, `says.0.action`, `replies.<reply id>.say`, `comment`, ...).
 * Lines are keyed by their position in `says` (lines have no ids); every entry keeps the source
 * text and a short hash of it, so a changed source line is caught as stale even when lines move.
 *
 * Pure: text in, values and diagnostics out. Never throws.
 *
 * @example
 * const result = loadTranslated(sourceText, 'scenarios/kettle.en.yaml', trText, 'scenarios/kettle.fi.tr.yaml');
 * result.scenario?.language; // 'fi'
 */
import { isMap, parse, parseDocument, stringify } from 'yaml';
import { compareDiagnostics, diagnostic, FILE_START, hasErrors } from './diagnostics.ts';
import type { Diagnostic, Position, Range } from './diagnostics.ts';
import { loadScenario, normalizeLineEnds } from './load.ts';
import type { Scenario } from './model.ts';
import { prescanDiagnostic } from './prescan-diagnostic.ts';
import { SourceMap } from './source-map.ts';
import { EXPRESSIONS, LANGUAGES, LIMITS, type Language } from './vocabulary.ts';

/** `kettle.fi.tr.yaml` → `fi`; other names → undefined. */
const TRANSLATION_NAME = /(?:^|[/\\])([^/\\]+)\.([a-z]{2})\.tr\.ya?ml$/i;

export function isTranslationFileName(name: string): boolean {
  return TRANSLATION_NAME.test(name);
}

/** The source file a translation file belongs to: `scenarios/kettle.fi.tr.yaml` + `en` → `scenarios/kettle.en.yaml`. */
export function sourceFileOf(translationFile: string, id: string, from: string): string {
  const folder = translationFile.replace(/[^/\\]*$/, '');
  return `${folder}${id}.${from}.yaml`;
}

/** A short, stable hash of a text (FNV-1a, 32 bits, 8 hex digits): enough to notice a changed source. */
export function textHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** One translatable text of a scenario: its section, entry key and the text itself. */
export interface SourceText {
  /** `about` for the scenario's own texts, else a node id. */
  section: string;
  /** The entry key inside the section, e.g. `says.0` or `replies.check.feedback`. */
  key: string;
  text: string;
  /** Where the text is in the scenario's raw data, e.g. `['nodes', 'hello', 'says', 0]`. */
  path: readonly (string | number)[];
  /** Puts a translated text in its place in the raw data. */
  set(data: Record<string, unknown>, text: string): void;
}

type Raw = Record<string, unknown>;
type Path = readonly (string | number)[];
const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const EXPRESSION_KEYS = new Set<string>(EXPRESSIONS);

const at = (data: Raw, ...path: Path): Raw | undefined => {
  let node: unknown = data;
  for (const step of path) node = isRecord(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[step] : undefined;
  return isRecord(node) || Array.isArray(node) ? (node as Raw) : undefined;
};

/** A text at `path`, when the value there is one. */
function field(out: SourceText[], section: string, key: string, path: Path, value: unknown): void {
  if (typeof value !== 'string') return;
  const parent = path.slice(0, -1);
  const name = path[path.length - 1]!;
  out.push({ section, key, text: value, path, set: (data, text) => void ((at(data, ...parent) as Record<string | number, unknown> | undefined)![name] = text) });
}

/** Texts of a customer line, whichever of its three forms it is written in. */
function lineTexts(out: SourceText[], section: string, key: string, path: Path, value: unknown): void {
  if (typeof value === 'string') {
    field(out, section, key, path, value);
  } else if (isRecord(value)) {
    const keys = Object.keys(value);
    if (typeof value.say === 'string') {
      field(out, section, key, [...path, 'say'], value.say);
      field(out, section, `${key}.action`, [...path, 'action'], value.action);
    } else if (keys.length === 1 && EXPRESSION_KEYS.has(keys[0]!)) {
      field(out, section, key, [...path, keys[0]!], value[keys[0]!]);
    }
  }
}

/** Lines of a `says:` list (a node's, or an interruption rule's). */
function saysTexts(out: SourceText[], section: string, prefix: string, path: Path, says: unknown): void {
  if (!Array.isArray(says)) return;
  says.forEach((line, i) => lineTexts(out, section, `${prefix}${i}`, [...path, i], line));
}

/** An `interrupted:` value: one line, or a rule with `says` and `feedback`. */
function interruptedTexts(out: SourceText[], section: string, prefix: string, path: Path, value: unknown): void {
  if (isRecord(value) && Array.isArray(value.says)) {
    saysTexts(out, section, `${prefix}says.`, [...path, 'says'], value.says);
    field(out, section, `${prefix}feedback`, [...path, 'feedback'], value.feedback);
  } else {
    lineTexts(out, section, `${prefix}says.0`, path, value);
  }
}

function silenceTexts(out: SourceText[], section: string, prefix: string, path: Path, value: unknown): void {
  if (!isRecord(value)) return;
  lineTexts(out, section, `${prefix}say`, [...path, 'say'], value.say);
  field(out, section, `${prefix}feedback`, [...path, 'feedback'], value.feedback);
}

/**
 * Every translatable text of a scenario's raw data, in file order. Ids, tags, numbers,
 * conditions, faces and voice files are not texts: they stay as the source has them.
 */
export function sourceTexts(data: unknown): SourceText[] {
  const out: SourceText[] = [];
  if (!isRecord(data)) return out;
  const about = 'about';
  field(out, about, 'title', ['title'], data.title);
  field(out, about, 'summary', ['summary'], data.summary);
  if (Array.isArray(data.goals)) data.goals.forEach((goal, i) => field(out, about, `goals.${i}`, ['goals', i], goal));
  field(out, about, 'facilitator', ['facilitator'], data.facilitator);
  if (isRecord(data.brief)) for (const k of ['who', 'needs', 'expects', 'background']) field(out, about, `brief.${k}`, ['brief', k], data.brief[k]);
  if (isRecord(data.customer)) field(out, about, 'customer.name', ['customer', 'name'], data.customer.name);
  if (data.silence !== undefined) silenceTexts(out, about, 'silence.', ['silence'], data.silence);
  if (data.interrupted !== undefined) interruptedTexts(out, about, 'interrupted.', ['interrupted'], data.interrupted);
  if (data.walksOut !== undefined) lineTexts(out, about, 'walksOut', ['walksOut'], data.walksOut);
  if (!isRecord(data.nodes)) return out;
  for (const [id, node] of Object.entries(data.nodes)) {
    if (!isRecord(node)) continue;
    const path = ['nodes', id];
    saysTexts(out, id, 'says.', [...path, 'says'], node.says);
    if (Array.isArray(node.replies)) {
      node.replies.forEach((reply, i) => {
        if (!isRecord(reply) || typeof reply.id !== 'string') return;
        const owner = [...path, 'replies', i];
        const prefix = `replies.${reply.id}.`;
        field(out, id, `${prefix}say`, [...owner, 'say'], reply.say);
        field(out, id, `${prefix}action`, [...owner, 'action'], reply.action);
        field(out, id, `${prefix}feedback`, [...owner, 'feedback'], reply.feedback);
        if (isRecord(reply.better)) field(out, id, `${prefix}better`, [...owner, 'better', 'why'], reply.better.why);
      });
    }
    if (node.silence !== undefined) silenceTexts(out, id, 'silence.', [...path, 'silence'], node.silence);
    if (node.interrupted !== undefined) interruptedTexts(out, id, 'interrupted.', [...path, 'interrupted'], node.interrupted);
    if (node.comment !== undefined) lineTexts(out, id, 'comment', [...path, 'comment'], node.comment);
    field(out, id, 'facilitator', [...path, 'facilitator'], node.facilitator);
  }
  return out;
}

/** One entry of a translation file. */
export interface TranslationEntry {
  source: string;
  hash: string;
  /** The translated text; empty when not translated yet. */
  text: string;
}

export interface Translation {
  /** The scenario id. */
  id: string;
  from: Language;
  to: Language;
  /** Entries by section (`about` or a node id), then by entry key. */
  sections: Record<string, Record<string, TranslationEntry>>;
}

/**
 * Writes a translation file for `data` (the source scenario's raw YAML data) into `to`. Entries
 * of `previous` keep their translation (a stale one is thereby accepted: its `source` and `hash`
 * are brought up to date); new texts start empty; entries the source no longer has are dropped.
 */
export function extractTranslation(data: unknown, source: { id: string; language: Language; fileName: string }, to: Language, previous?: Translation | null): string {
  const sections: Record<string, Record<string, TranslationEntry>> = {};
  for (const entry of sourceTexts(data)) {
    const kept = previous?.sections[entry.section]?.[entry.key];
    const hash = textHash(entry.text);
    const text = kept ? kept.text : '';
    (sections[entry.section] ??= {})[entry.key] = { source: entry.text, hash, text };
  }
  const { about, ...nodes } = sections;
  const file = { translation: '1.0', id: source.id, from: source.language, to, about: about ?? {}, nodes };
  const header = [
    `# Translation of ${source.fileName.replace(/^.*[/\\]/, '')} into ${to}: write each text under \`text:\`.`,
    '# `source` is the text being translated; `hash` lets `calm-desk lint` notice when it changes.',
    '# Keys are stable ids: `says.0` is the first line the customer says on that node, `replies.<id>.say` a reply.',
    '# See docs/translations.md.',
  ].join('\n');
  return `${header}\n${stringify(file, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' })}`;
}

export interface TranslationLoad {
  translation: Translation | null;
  diagnostics: Diagnostic[];
  /** Where things are in the translation file (for the checks against the source). */
  map: SourceMap | null;
}

const TOP_KEYS = new Set(['translation', 'id', 'from', 'to', 'about', 'nodes']);

/** Parses a translation file and checks its shape (CD001 for YAML errors, CD601 for the shape). */
export function loadTranslation(text: string, fileName: string): TranslationLoad {
  try {
    return loadTranslationUnsafe(normalizeLineEnds(String(text)), fileName);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { translation: null, diagnostics: [diagnostic('CD601', fileName, FILE_START, `The file could not be read as a translation (${reason}).`)], map: null };
  }
}

function loadTranslationUnsafe(text: string, file: string): TranslationLoad {
  // The same guards as for scenarios: nothing too large or too complex reaches the YAML library.
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > LIMITS.fileBytes) {
    return { translation: null, diagnostics: [diagnostic('CD002', file, FILE_START, `The file is ${Math.round(bytes / 1024)} KB; translation files are limited to ${LIMITS.fileBytes / 1024} KB.`)], map: null };
  }
  const tooComplex = prescanDiagnostic(text, file);
  if (tooComplex) return { translation: null, diagnostics: [tooComplex], map: null };
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const map = new SourceMap(text, doc);
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    return { translation: null, diagnostics: [diagnostic('CD001', file, map.rangeOf(first.pos[0], first.pos[1]), `The YAML cannot be read here: ${first.message.split('\n')[0]}`, 'Check the indentation and the quotes on this line and the one above.')], map };
  }
  const data: unknown = isMap(doc.contents) ? doc.toJS({ maxAliasCount: 50 }) : null;
  const problems: Diagnostic[] = [];
  const bad = (path: (string | number)[], message: string, hint?: string, part: 'key' | 'value' = 'value') =>
    problems.push(diagnostic('CD601', file, part === 'key' ? map.keyAt(path) : map.rangeAt(path), message, hint));
  if (!isRecord(data)) {
    bad([], 'A translation file is a set of `key: value` lines: `translation`, `id`, `from`, `to`, `about` and `nodes`.', 'Make one with `npx calm-desk i18n extract <scenario file> --to fi`.');
    return { translation: null, diagnostics: problems, map };
  }
  for (const key of Object.keys(data)) if (!TOP_KEYS.has(key)) bad([key], `\`${key}\` is not part of a translation file.`, 'The keys are `translation`, `id`, `from`, `to`, `about` and `nodes`.', 'key');
  const language = (key: 'from' | 'to'): Language | null => {
    const value = data[key];
    if (typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)) return value as Language;
    bad(value === undefined ? [] : [key], value === undefined ? `The translation does not say \`${key}\`: which language it translates ${key}.` : `\`${key}: ${String(value)}\` is not a language of the game.`, `Write one of: ${LANGUAGES.join(', ')}.`);
    return null;
  };
  if (typeof data.id !== 'string' || data.id.trim() === '') bad(data.id === undefined ? [] : ['id'], 'The translation does not name the scenario it translates (`id`).', 'Write the scenario id, e.g. `id: kettle-returned-twice`.');
  const from = language('from');
  const to = language('to');
  if (from && to && from === to) bad(['to'], `The translation goes from \`${from}\` to the same language.`, 'Set `to:` to the language of the translated texts.');
  const sections: Translation['sections'] = {};
  const readSection = (path: string[], section: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    if (!isRecord(value)) {
      bad(path, 'This should be a block of entries (`says.0:`, `replies.<id>.say:`, ...).');
      return;
    }
    const entries: Record<string, TranslationEntry> = {};
    for (const [key, entry] of Object.entries(value)) {
      const where = [...path, key];
      if (!isRecord(entry) || typeof entry.source !== 'string' || typeof entry.hash !== 'string' || (entry.text !== undefined && entry.text !== null && typeof entry.text !== 'string')) {
        bad(where, `The entry \`${key}\` should have \`source\`, \`hash\` and \`text\`, each a text.`, 'Copy the entry again from a fresh `calm-desk i18n extract`, then write the translation under `text:`.');
        continue;
      }
      for (const extra of Object.keys(entry)) if (!['source', 'hash', 'text'].includes(extra)) bad([...where, extra], `\`${extra}\` is not part of a translation entry.`, 'An entry has `source`, `hash` and `text`.', 'key');
      entries[key] = { source: entry.source, hash: entry.hash, text: typeof entry.text === 'string' ? entry.text : '' };
    }
    sections[section] = entries;
  };
  readSection(['about'], 'about', data.about);
  if (data.nodes !== undefined && data.nodes !== null && !isRecord(data.nodes)) bad(['nodes'], '`nodes` should be a block with one entry per node id.');
  else if (isRecord(data.nodes)) for (const [id, value] of Object.entries(data.nodes)) readSection(['nodes', id], id, value);
  if (hasErrors(problems) || !from || !to || typeof data.id !== 'string') return { translation: null, diagnostics: problems, map };
  return { translation: { id: data.id.trim(), from, to, sections }, diagnostics: problems, map };
}

/** Where an entry of section/key is in the translation file (the entry's key), else its section, else the file start. */
function entryRange(map: SourceMap | null, section: string, key?: string): Range {
  if (!map) return FILE_START;
  const sectionPath = section === 'about' ? ['about'] : ['nodes', section];
  if (key !== undefined && map.has([...sectionPath, key])) return map.keyAt([...sectionPath, key]);
  if (map.has(sectionPath)) return map.keyAt(sectionPath);
  if (section !== 'about' && map.has(['nodes'])) return map.keyAt(['nodes']);
  return FILE_START;
}

const label = (section: string, key: string): string => (section === 'about' ? `\`${key}\`` : `\`${key}\` of node \`${section}\``);

/**
 * CD603 untranslated (missing or empty), CD604 out of date (source changed since translated),
 * CD605 orphaned (the source has no such text any more).
 */
export function checkTranslation(translation: Translation, map: SourceMap | null, data: unknown, file: string, sourceFile: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const texts = sourceTexts(data);
  const wanted = new Set(texts.map((t) => `${t.section}\u0000${t.key}`));
  for (const t of texts) {
    const entry = translation.sections[t.section]?.[t.key];
    const where = entryRange(map, t.section, t.key);
    if (!entry || entry.text.trim() === '') {
      out.push(diagnostic('CD603', file, where, `${label(t.section, t.key)} is not translated yet: the game shows it in the source language.`, `Translate "${shortText(t.text)}"${entry ? ' under `text:`' : ` (run \`calm-desk i18n extract ${sourceFile} --to ${translation.to} -o ${file}\` to add the entry)`}.`));
    } else if (entry.hash !== textHash(t.text)) {
      out.push(diagnostic('CD604', file, where, `${label(t.section, t.key)} changed in ${sourceFile.replace(/^.*[/\\]/, '')} since it was translated: it now reads "${shortText(t.text)}".`, 'Check the translation against the new source, then run `calm-desk i18n extract` again with `-o` on this file: it keeps every translation and updates `source` and `hash`.'));
    }
  }
  for (const [section, entries] of Object.entries(translation.sections)) {
    for (const key of Object.keys(entries)) {
      if (wanted.has(`${section}\u0000${key}`)) continue;
      const what = section !== 'about' && !texts.some((t) => t.section === section) ? `node \`${section}\`` : label(section, key);
      out.push(diagnostic('CD605', file, entryRange(map, section, key), `${what} is no longer in ${sourceFile.replace(/^.*[/\\]/, '')}: this translation is never shown.`, 'Delete the entry, or re-run `calm-desk i18n extract ... -o` on this file, which drops it.'));
    }
  }
  return out.sort(compareDiagnostics);
}

function shortText(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > 60 ? `${clean.slice(0, 57)}…` : clean;
}

/** What the game needs to know when some texts fell back to the source language. */
export interface Untranslated {
  count: number;
  language: Language;
}

/**
 * The scenario's raw data with the translated texts in place and `language` set to the
 * translation's; untranslated (and stale-but-translated) texts: stale ones keep their
 * translation, missing ones keep the source text and are counted.
 */
export function applyTranslation(data: unknown, translation: Translation): { data: unknown; untranslated: number } {
  const copy = structuredClone(data) as Raw;
  let untranslated = 0;
  for (const t of sourceTexts(data)) {
    const entry = translation.sections[t.section]?.[t.key];
    if (entry && entry.text.trim() !== '') t.set(copy, entry.text);
    else untranslated++;
  }
  copy.language = translation.to;
  return { data: copy, untranslated };
}

export interface TranslatedLoad {
  scenario: Scenario | null;
  /** Diagnostics of the translation file (and, when the source has errors, of the source). */
  diagnostics: Diagnostic[];
}

/**
 * Loads a scenario in its translation: the source is checked as usual, the translation is
 * checked against it, and the translated scenario is loaded. The scenario carries
 * `untranslated` when some texts fell back to the source language.
 */
export function loadTranslated(sourceText: string | null, sourceFile: string, translationText: string, translationFile: string): TranslatedLoad {
  const tr = loadTranslation(translationText, translationFile);
  if (!tr.translation) return { scenario: null, diagnostics: tr.diagnostics };
  if (sourceText === null) {
    return { scenario: null, diagnostics: [...tr.diagnostics, diagnostic('CD602', translationFile, tr.map?.rangeAt(['id']) ?? FILE_START, `The scenario this file translates, ${sourceFile}, cannot be found.`, `Put the translation beside \`${tr.translation.id}.${tr.translation.from}.yaml\`, or fix \`id\` and \`from\` to name it.`)] };
  }
  const source = loadScenario(sourceText, sourceFile);
  if (!source.scenario) {
    const count = source.diagnostics.filter((d) => d.severity === 'error').length;
    return { scenario: null, diagnostics: [...tr.diagnostics, diagnostic('CD602', translationFile, tr.map?.rangeAt(['id']) ?? FILE_START, `The scenario this file translates, ${sourceFile}, has ${count} error${count === 1 ? '' : 's'}.`, `Run \`calm-desk lint ${sourceFile}\` and fix it first.`)] };
  }
  if (source.scenario.id !== tr.translation.id || source.scenario.language !== tr.translation.from) {
    return { scenario: null, diagnostics: [...tr.diagnostics, diagnostic('CD602', translationFile, tr.map?.rangeAt(['id']) ?? FILE_START, `${sourceFile} is \`${source.scenario.id}\` in \`${source.scenario.language}\`, not \`${tr.translation.id}\` in \`${tr.translation.from}\`.`, 'Fix `id` and `from` to match the scenario being translated.')] };
  }
  const data: unknown = parse(normalizeLineEnds(sourceText), { maxAliasCount: 50 });
  const checks = checkTranslation(tr.translation, tr.map, data, translationFile, sourceFile);
  const applied = applyTranslation(data, tr.translation);
  const translatedText = stringify(applied.data, { lineWidth: 0, aliasDuplicateObjects: false });
  const translated = loadScenario(translatedText, translationFile);
  const diagnostics = [...tr.diagnostics, ...checks];
  if (!translated.scenario) {
    // A translated text broke a limit (too long, empty): report it on the entry it came from where possible.
    const place = entryOfTranslated(translatedText, applied.data, tr.translation, tr.map);
    for (const d of translated.diagnostics.filter((x) => x.severity === 'error')) diagnostics.push({ ...d, code: 'CD601', severity: 'error', range: place(d.range), message: `The translated scenario does not load: ${d.message}` });
    return { scenario: null, diagnostics: diagnostics.sort(compareDiagnostics) };
  }
  const scenario: Scenario = applied.untranslated > 0 ? { ...translated.scenario, untranslated: { count: applied.untranslated, language: tr.translation.from } } : translated.scenario;
  return { scenario, diagnostics: diagnostics.sort(compareDiagnostics) };
}

const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.column <= b.column);

/**
 * Maps a range in the translated scenario (as loaded from `translatedText`) back to the
 * translation file: the `text:` of the entry whose translated text it falls in, else the file start.
 */
function entryOfTranslated(translatedText: string, data: unknown, translation: Translation, map: SourceMap | null): (range: Range) => Range {
  const translatedMap = new SourceMap(translatedText, parseDocument(translatedText, { prettyErrors: false, uniqueKeys: false }));
  const placed = sourceTexts(data)
    .filter((t) => translation.sections[t.section]?.[t.key] !== undefined)
    .map((t) => ({ t, key: translatedMap.keyAt(t.path), value: translatedMap.rangeAt(t.path, 'value') }));
  return (range) => {
    const hit = placed.find(({ key, value }) => [key, value].some((r) => before(r.start, range.start) && before(range.start, r.end)));
    if (!hit || !map) return FILE_START;
    const sectionPath = hit.t.section === 'about' ? ['about'] : ['nodes', hit.t.section];
    const textPath = [...sectionPath, hit.t.key, 'text'];
    return map.has(textPath) ? map.rangeAt(textPath, 'value') : entryRange(map, hit.t.section, hit.t.key);
  };
}

/**
 * Loads a scenario file, or a translation file from the source beside it (`read` gives a file's
 * text by the same kind of path, or null): for code that reads a folder of bundled files.
 */
export function loadScenarioOrTranslation(text: string, file: string, read: (path: string) => string | null): TranslatedLoad {
  if (!isTranslationFileName(file)) return loadScenario(text, file);
  const header = loadTranslation(text, file).translation;
  const sourceFile = header ? sourceFileOf(file, header.id, header.from) : file;
  return loadTranslated(header ? read(sourceFile) : null, sourceFile, text, file);
}
