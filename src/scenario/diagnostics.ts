/**
 * Diagnostics: author mistakes as values. Every problem the loader finds in a scenario file is a
 * `Diagnostic` with a stable code from `DIAGNOSTIC_CODES`, a severity, a message a trainer can act
 * on, and the 1-based line:column range of the offending YAML. The same table feeds the docs and
 * the CLI, so a code never changes meaning.
 */

import { PRESCAN_LIMITS } from './prescan.ts';
import { LIMITS } from './vocabulary.ts';

export type Severity = 'error' | 'warning';

/** 6000 → "6,000" (toLocaleString varies with the locale). */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** A 1-based position in a file. */
export interface Position {
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Diagnostic {
  /** Stable code, e.g. `CD202`. */
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  file: string;
  range: Range;
  hint?: string;
}

export interface DiagnosticInfo {
  severity: Severity;
  /** A few words: what went wrong. */
  title: string;
  /** What it means and how to fix it, for the docs and `--help`. */
  description: string;
}

/**
 * The one table of diagnostic codes. CD0xx: the file and its YAML; CD1xx: the shape (keys, types,
 * values); CD2xx: the conversation as a whole (links, reachability, conditions); CD3xx: quality
 * warnings a trainer should fix before a session; CD4xx: several files checked together; CD5xx:
 * scoring rubrics (`rubric.yaml`, `<id>.rubric.yaml`) and the scenarios that name them; CD6xx:
 * translation files (`<id>.<language>.tr.yaml`, see `translation.ts`).
 */
export const DIAGNOSTIC_CODES = {
  CD001: {
    severity: 'error',
    title: 'YAML syntax error',
    description:
      'The file is not valid YAML, so nothing else can be checked. Usually an indentation that does not line up, a missing colon, or a quote that is never closed. Fix the line shown (or the line just above it).',
  },
  CD002: {
    severity: 'error',
    title: 'File too large',
    description: `Scenario files are capped at ${LIMITS.fileBytes / 1024} KB. Split a very long conversation into several scenarios.`,
  },
  CD003: {
    severity: 'error',
    title: 'Too many aliases',
    description:
      'The file reuses YAML anchors (`&name` / `*name`) more than 50 times. Write the text out instead of reusing it through aliases.',
  },
  CD004: {
    severity: 'error',
    title: 'Empty file',
    description: 'The file has no content. Start from the example in this document.',
  },
  CD005: {
    severity: 'error',
    title: 'Not a scenario mapping',
    description:
      'The top of the file must be a set of `key: value` lines (id, title, nodes, ...), not a list or a single value.',
  },
  CD006: {
    severity: 'error',
    title: 'Duplicate key',
    description: 'The same key appears twice in one block; the second one would silently win. Keep one of them.',
  },
  CD007: {
    severity: 'warning',
    title: 'Unusual YAML',
    description:
      'The YAML is valid but uses a feature the game does not need (such as a custom `!tag`). Remove it to be safe.',
  },
  CD008: {
    severity: 'error',
    title: 'File cannot be read',
    description: 'The file does not exist or cannot be opened. Check the path and the spelling of the file name.',
  },
  CD009: {
    severity: 'warning',
    title: 'More problems not listed',
    description:
      'A file with very many problems lists only the first 100 (by position) and then says how many more there are, so one broken file cannot flood the output or slow the game. Fix the ones listed and check again.',
  },
  CD010: {
    severity: 'error',
    title: 'Too long or too complex to check',
    description: `The file passes a limit far above what the bundled scenarios use, so it is not read (reading it could keep the game busy for seconds): more than ${thousands(PRESCAN_LIMITS.lines)} lines, more than ${thousands(PRESCAN_LIMITS.pieces)} lines and values inside brackets (\`[ ]\`, \`{ }\`) together, brackets nested more than ${PRESCAN_LIMITS.flowDepth} deep, more than ${PRESCAN_LIMITS.yamlProps} YAML anchors, aliases and tags (\`&name\`, \`*name\`, \`!tag\`), or more than ${PRESCAN_LIMITS.markersPerLine} list dashes, \`?\` marks and keys on one line. The position shows where the limit is passed. Split the conversation into several scenarios.`,
  },
  CD101: {
    severity: 'error',
    title: 'Unknown key',
    description:
      'This key is not part of the scenario format. Often a typo: the hint names the closest key that is allowed here.',
  },
  CD102: {
    severity: 'error',
    title: 'Missing required key',
    description: 'A key that must be present is missing, for example a reply without `next`. Add it.',
  },
  CD103: {
    severity: 'error',
    title: 'Wrong kind of value',
    description:
      'The value has the wrong type: for example text where a number is expected, or a single value where a list is expected.',
  },
  CD104: {
    severity: 'error',
    title: 'Number out of range',
    description:
      'A number is too small, too large or not a whole number, for example a mood of 150 (moods run from 0 to 100) or a satisfaction of 0 (1 to 5).',
  },
  CD105: {
    severity: 'error',
    title: 'Unknown value',
    description:
      'The value must come from a fixed list (tags, expressions, portraits, settings, outcomes, languages). The hint suggests the closest allowed value.',
  },
  CD106: {
    severity: 'error',
    title: 'Empty text',
    description: 'A text is empty or only spaces. Write the text, or remove the key if it is optional.',
  },
  CD107: {
    severity: 'error',
    title: 'Text too long',
    description:
      'A text is longer than its limit: 400 characters for most texts (lines, replies, feedback, the card `summary`), 2000 for facilitator notes and `brief.background`, 200 for a stage direction (`action`). The hint says where the rest can go: a customer line splits into several lines, an over-long summary moves its story to `brief.background`.',
  },
  CD108: {
    severity: 'error',
    title: 'Too many replies',
    description:
      'A node offers more than 4 replies. The trainee picks with the keys 1 to 4, so keep the best four or split the moment into two nodes.',
  },
  CD109: {
    severity: 'error',
    title: 'Badly formed id or name',
    description:
      'Ids use lower-case letters, digits, `-` and `_` (at most 40 characters); variable names use letters, digits and `_` and do not start with a digit. `__proto__` cannot be a node id. Any well-formed variable name works, `constructor` and `__proto__` included.',
  },
  CD110: {
    severity: 'error',
    title: 'Too many nodes',
    description: 'A scenario has at most 200 nodes. Split it into several scenarios.',
  },
  CD111: {
    severity: 'error',
    title: 'Wrong number of entries',
    description:
      'A list is empty where at least one entry is needed (for example `says` or `goals`), or has more entries than allowed (8 lines per node, 6 goals, 8 tags).',
  },
  CD112: {
    severity: 'error',
    title: 'Malformed customer line',
    description:
      'A customer line is plain text, `- angry: text` (one expression and its text), or `{ say: text, as: angry }`. This one is none of these.',
  },
  CD201: {
    severity: 'error',
    title: 'Start node missing',
    description: '`start` names a node that does not exist. Point it at the first node of the conversation.',
  },
  CD202: {
    severity: 'error',
    title: 'Link to a missing node',
    description:
      'A reply, branch or silence rule goes to a node id that does not exist. Usually a typo: the hint names the closest existing id.',
  },
  CD203: {
    severity: 'error',
    title: 'Duplicate reply id',
    description:
      'Two replies on the same node share an id. Records and translations key on reply ids, so each must be unique within its node.',
  },
  CD204: {
    severity: 'error',
    title: 'Duplicate node id',
    description: 'Two nodes have the same id. Rename one of them (and the links to it).',
  },
  CD205: {
    severity: 'error',
    title: '`better` names a missing reply',
    description:
      '`better` must name another reply on the same node, the one the debrief should recommend instead.',
  },
  CD206: {
    severity: 'warning',
    title: 'Unreachable node',
    description:
      'No path from the start leads to this node, so no trainee will ever see it. Link to it, or delete it.',
  },
  CD207: {
    severity: 'error',
    title: 'Dead end',
    description:
      'The node has no replies, no branches, no silence rule and no `end`: the conversation would get stuck here. Add replies, or make it an ending.',
  },
  CD208: {
    severity: 'error',
    title: 'Node does too many things',
    description: 'A node has either `replies`, or `branches`, or `end` — never more than one of them.',
  },
  CD209: {
    severity: 'error',
    title: 'Incomplete ending',
    description: 'An ending (`end:`) needs `satisfaction` (1 to 5) and the customer\'s closing `comment`.',
  },
  CD210: {
    severity: 'error',
    title: 'Ending keys on a non-ending node',
    description: '`satisfaction` and `comment` belong to endings only. Add `end:` or remove them.',
  },
  CD211: {
    severity: 'error',
    title: 'Loop with no way out',
    description:
      'These nodes only lead to each other: once there, the conversation can never reach an ending. Give one of them a way out.',
  },
  CD212: {
    severity: 'error',
    title: 'No reachable ending',
    description: 'No path from the start reaches an ending. Add an `end:` node and link to it.',
  },
  CD213: {
    severity: 'error',
    title: 'Condition syntax error',
    description:
      'A `when:` condition cannot be read. Conditions use variable names, numbers, true/false, `not`, `and`, `or`, parentheses and comparisons (== != < <= > >=).',
  },
  CD214: {
    severity: 'error',
    title: 'Undefined variable',
    description:
      'A condition, `set` or `add` uses a variable that is not declared under `variables:`. Declare it with its starting value, or fix the spelling.',
  },
  CD215: {
    severity: 'error',
    title: 'Type mismatch',
    description:
      'A variable is used as the wrong kind: `add` on a true/false variable, `set` with a number on a true/false variable (or the reverse).',
  },
  CD216: {
    severity: 'error',
    title: 'Customer already walking out',
    description:
      '`walksOutAt` must be above the starting `mood`, or the customer leaves before the trainee says a word.',
  },
  CD217: {
    severity: 'error',
    title: 'Silence rule that never applies',
    description:
      'A `silence` rule applies while the trainee is deciding. On an ending, or on a node that moves on by itself through `branches`, nobody is deciding, so the rule would never run. Move it to a node with replies (or to a node of its own).',
  },
  CD218: {
    severity: 'error',
    title: 'Silence cannot be an insult',
    description:
      'Saying nothing cannot be `insult` or `tyranny` (raising your voice). Use `indifference` or `arrogance` for a silence that ignores or keeps the customer waiting.',
  },
  CD219: {
    severity: 'error',
    title: 'Branch loop',
    description:
      'These nodes only branch to each other: the loop has no decision and no ending on it, so once play enters it the customer would talk forever (the game stops such a loop as an unresolved ending). Give one of the branches a way out to a node with replies or to an ending.',
  },
  CD220: {
    severity: 'error',
    title: 'More than one preferred reply',
    description:
      '`preferred: true` marks the one reply the trainer wants taught on a node; the debrief and `analyze` recommend it. Two on one node cannot both be the one: keep it on the reply you want taught.',
  },
  CD301: {
    severity: 'warning',
    title: 'Reply without feedback',
    description: 'The debrief has nothing to say about this reply. Add `feedback:` explaining why it helps or hurts.',
  },
  CD302: {
    severity: 'warning',
    title: 'All replies are conditional',
    description:
      'Every reply on this node has a `when:` condition and there is no silence rule: if no condition holds, the trainee has nothing to choose. Give one reply no condition.',
  },
  CD303: {
    severity: 'warning',
    title: 'Waiting through venting is punished',
    description:
      'The customer is venting here, so letting them finish is the patient thing to do, but this node\'s own `silence:` rule tags waiting as a trust-ruiner or makes the customer angrier. Without an own rule the first silence on a venting node counts as patience (listening, composure); write a rule only to reward waiting differently.',
  },
  CD304: {
    severity: 'warning',
    title: 'No pre-brief',
    description: 'The scenario has no `brief:` (who the customer is, what they need, what they expect). Trainees read it before they start.',
  },
  CD305: {
    severity: 'warning',
    title: 'Trust-ruining reply without `better`',
    description:
      'A reply tagged with a trust-ruining behaviour (or `insult`) should name a `better` reply, so the debrief can show the trainee what to say instead.',
  },
  CD306: {
    severity: 'warning',
    title: 'Mixed tags',
    description:
      'A reply is tagged both with a good behaviour and a trust-ruining one. That is rarely intended and confuses the score; pick the one that dominates.',
  },
  CD307: {
    severity: 'warning',
    title: 'Unused variable',
    description: 'A variable is declared but no condition ever tests it. Use it in a `when:` or remove it.',
  },
  CD308: {
    severity: 'warning',
    title: 'A naive player scores well',
    description:
      'Played without reading (always the longest, the shortest or the first reply, random replies, always interrupting, always waiting, the best words while interrupting, or polite replies that do nothing), the scenario scores above the rubric\'s `naiveMax` (default 50; polite-but-useless gets 10 more) on average. Make the wrong replies tempting and vary where the good one sits; `calm-desk analyze <file>` shows every policy\'s score and the `play` arguments that repeat it.',
  },
  CD309: {
    severity: 'warning',
    title: 'Good reply scored as rushing a venting customer',
    description:
      'On a `venting: true` node a reply that neither acknowledges feelings (`empathy`) nor listens (`listening`) is scored as rushing to a fix: the engine adds `impatience` (reason rushed-venting). This reply carries good tags only, so its author probably did not mean that. Add `empathy` or `listening` if the reply does acknowledge the customer, or accept that it rushes her.',
  },
  CD401: {
    severity: 'error',
    title: 'Duplicate scenario',
    description:
      'Two files have the same scenario `id` and `language`. The game can only list one of them: change the id of one, or delete the copy.',
  },
  CD402: {
    severity: 'error',
    title: 'Translations out of step',
    description:
      'Two files share a scenario `id` in different languages, so they are translations of each other, but their node ids or reply ids differ. Translations must keep every node id and reply id identical: only the texts change.',
  },
  CD403: {
    severity: 'warning',
    title: 'File name does not match',
    description:
      'Bundled scenarios are named `<id>.<language>.yaml`, e.g. `kettle-returned-twice.en.yaml`. Rename the file to match its `id` and `language`.',
  },
  CD501: {
    severity: 'error',
    title: 'Unknown rubric key',
    description:
      'This key is not part of the rubric format (see docs/scoring.md). Often a typo: the hint names the closest allowed key.',
  },
  CD502: {
    severity: 'error',
    title: 'Wrong rubric value',
    description:
      'A rubric value has the wrong type or is out of range: for example a weight above 1, a negative penalty, a cap above 100 or a star cap above 5, or a missing `id`.',
  },
  CD503: {
    severity: 'error',
    title: 'Unknown tag, virtue or outcome in a rubric',
    description:
      'Rubric tables are keyed by the fixed vocabularies: behaviour tags (`tags`, `critical`, `penalties`, `waits.tag`), virtues (friendliness, expertise, composure, efficiency) and outcomes (resolved, escalated, unresolved, walked-out, incomplete). The hint suggests the closest one.',
  },
  CD504: {
    severity: 'error',
    title: 'Weights do not add up to 1',
    description:
      'The four virtue weights share the overall score between them, so they must add up to 1 (for example 0.35, 0.25, 0.25, 0.15).',
  },
  CD505: {
    severity: 'error',
    title: 'A rubric table goes the wrong way',
    description:
      '`caps` and `satisfactionCaps` may never rise with more trust-ruiners, and the verdict bands must run `excellent` ≥ `good` ≥ `mixed`. Otherwise a worse conversation could be told it was better.',
  },
  CD506: {
    severity: 'error',
    title: 'Trust-ruiner and good behaviour mixed up',
    description:
      'A trust-ruiner (or `insult`) may not add points to a virtue, and a good behaviour may not be `critical` (auto-fail). Either would reward the behaviour the game trains against, or fail the one it teaches.',
  },
  CD507: {
    severity: 'warning',
    title: 'Extra decisions can pay',
    description:
      '`extraDecision` is not above the most one decision can add to the weighted virtues, so a longer path that collects more good tags could outscore the shortest good one. Raise `extraDecision` or lower the tag effects.',
  },
  CD508: {
    severity: 'error',
    title: 'Unknown rubric',
    description:
      'The scenario names a `rubric` that no rubric file provides (`rubric.yaml` is `default`, `<id>.rubric.yaml` the others). The game would score it with the default rubric. Fix the id or add the rubric file beside the scenarios.',
  },
  CD509: {
    severity: 'error',
    title: 'Duplicate rubric id',
    description: 'Two rubric files have the same `id`; a scenario naming it would get one of them at random. Rename one.',
  },
  CD510: {
    severity: 'warning',
    title: 'Rubric file name does not match its id',
    description:
      'Rubric files are named after their id: `rubric.yaml` holds `id: default`, `<id>.rubric.yaml` holds every other rubric. Rename the file or change the id.',
  },
  CD511: {
    severity: 'warning',
    title: 'A trust-ruiner costs too little',
    description:
      'A trust-ruiner that is not critical should cost at least 10 points off the overall score (`penalties`), so one slip is always visible in the score.',
  },
  CD601: {
    severity: 'error',
    title: 'Not a translation file',
    description:
      'A translation file (`<id>.<language>.tr.yaml`) has `translation`, `id`, `from`, `to`, `about` and `nodes`, and every entry has `source`, `hash` and `text`. Something here is missing or in the wrong form, or a translated text breaks a limit of the scenario format (empty, or too long). Make a fresh file with `npx calm-desk i18n extract` and copy your translations into it.',
  },
  CD602: {
    severity: 'error',
    title: 'Translated scenario not found',
    description:
      'A translation file translates the scenario named by its `id` and `from`, which must sit beside it as `<id>.<from>.yaml` and load without errors. Fix `id` or `from`, move the file beside its scenario, or fix the scenario first.',
  },
  CD603: {
    severity: 'warning',
    title: 'Text not translated yet',
    description:
      'A text of the scenario has no translation (its entry is missing or its `text` is empty). The game shows it in the source language and the debrief says that some texts were not translated. Write the translation under `text:`; run `calm-desk i18n extract <scenario> --to <language> -o <translation file>` to add missing entries.',
  },
  CD604: {
    severity: 'warning',
    title: 'Translation out of date',
    description:
      'The source text changed after it was translated (its `hash` no longer matches). The game still shows the old translation. Compare the translation with the new source, correct it, then run `calm-desk i18n extract ... -o <translation file>`, which keeps your translations and updates `source` and `hash`.',
  },
  CD605: {
    severity: 'warning',
    title: 'Orphaned translation',
    description:
      'The translation has an entry for a text, reply or node that the scenario no longer has (it was removed or renamed), so it is never shown. Delete the entry, or re-run `calm-desk i18n extract ... -o <translation file>`, which drops it.',
  },
} as const satisfies Record<string, DiagnosticInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** All codes, in order. */
export const ALL_DIAGNOSTIC_CODES = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];

/** Builds a diagnostic whose severity comes from the code table. */
export function diagnostic(
  code: DiagnosticCode,
  file: string,
  range: Range,
  message: string,
  hint?: string,
): Diagnostic {
  const d: Diagnostic = { code, severity: DIAGNOSTIC_CODES[code].severity, message, file, range };
  if (hint !== undefined) d.hint = hint;
  return d;
}

/** Orders diagnostics by position, then code: the order the CLI prints them in. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file === b.file ? 0 : a.file.localeCompare(b.file)) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    a.code.localeCompare(b.code)
  );
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Range covering the very start of a file (for problems that belong to the file as a whole). */
export const FILE_START: Range = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

/** At most this many diagnostics are listed per file; a CD009 line says how many more there are. */
export const MAX_DIAGNOSTICS = 100;

/**
 * Diagnostics that are counted but never built. A check that finds its problems in file order
 * (every unknown key of a block, every repeated key) builds the first `MAX_DIAGNOSTICS + 1` in
 * full and only counts the rest: those can never be among the listed ones, nor the first of the
 * unlisted (where the CD009 line points), because more than `MAX_DIAGNOSTICS` of its own come
 * before them. So the message, hint, position and "did you mean" work for them is never done.
 */
export class Omitted {
  errors = 0;
  warnings = 0;

  /** True when a check has already built as many diagnostics as can be listed, plus one. */
  static full(built: number): boolean {
    return built > MAX_DIAGNOSTICS;
  }

  count(severity: Diagnostic['severity']): void {
    if (severity === 'error') this.errors++;
    else this.warnings++;
  }
}

