/**
 * Compiler-style rendering of diagnostics, like tsc and rustc:
 *
 *     scenarios/x.yaml:12:7: error CD104: The customer's `mood` must be at most 100, but it is 150.
 *       hint: Moods run from 0 (calm) to 100 (furious).
 *        |
 *     12 |   mood: 150
 *        |         ^^^
 *
 * Pure: shared by the CLI (`calm-desk lint`) and the game's diagnostics card.
 */
import type { Diagnostic } from './diagnostics.ts';

export interface Style {
  bold(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export const ANSI: Style = { bold: wrap(1, 22), red: wrap(31, 39), yellow: wrap(33, 39), cyan: wrap(36, 39), dim: wrap(2, 22) };
const identity = (text: string): string => text;
export const PLAIN: Style = { bold: identity, red: identity, yellow: identity, cyan: identity, dim: identity };

/**
 * Control characters (ESC, BEL, ...), DEL, C1 controls and the bidirectional overrides a file could
 * use to retitle the terminal or hide text. Tabs and line breaks are handled where text is laid out.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Shows control characters visibly: ESC as `\x1b`, a right-to-left override as `\u202e`. */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

const splitLines = new WeakMap<readonly string[], readonly string[]>();

/**
 * The file's lines as the loader counts them: callers split on LF, but a lone CR (old-Mac line
 * ends) is a line break too.
 */
function loaderLines(lines: readonly string[]): readonly string[] {
  let split = splitLines.get(lines);
  if (!split) {
    split = lines.some((line) => /\r(?!$)/.test(line)) ? lines.flatMap((line) => line.split(/\r(?!$)/)) : lines;
    splitLines.set(lines, split);
  }
  return split;
}

/** The source line, with tabs shown as single spaces so the caret lines up with the column. */
function sourceLine(lines: readonly string[], line: number): string | undefined {
  const text = loaderLines(lines)[line - 1];
  return text === undefined ? undefined : text.replace(/\t/g, ' ').replace(/\r$/, '');
}

/** The excerpt under a diagnostic: the line with a gutter, and carets under the range. */
export function excerpt(diagnostic: Diagnostic, lines: readonly string[], style: Style): string[] {
  const { start, end } = diagnostic.range;
  const raw = sourceLine(lines, start.line);
  if (raw === undefined) return [];
  const gutter = String(start.line);
  const pad = ' '.repeat(gutter.length);
  const lastColumn = end.line === start.line ? end.column : raw.length + 1;
  // Columns count characters of the file; escaped control characters take more room on screen.
  const from = Math.min(Math.max(0, start.column - 1), raw.length);
  const to = Math.max(from + 1, Math.min(lastColumn, raw.length + 1) - 1);
  const before = escapeControls(raw.slice(0, from)).length;
  const width = Math.max(1, escapeControls(raw.slice(from, to)).length);
  const color = diagnostic.severity === 'error' ? style.red : style.yellow;
  const marker = ' '.repeat(before) + color('^'.repeat(width));
  return [
    `${pad} ${style.cyan('|')}`,
    `${style.cyan(gutter)} ${style.cyan('|')} ${escapeControls(raw)}`,
    `${pad} ${style.cyan('|')} ${marker}`,
  ];
}

/** One diagnostic: header, hint, excerpt. Text from the file is shown with controls escaped. */
export function formatDiagnostic(diagnostic: Diagnostic, lines: readonly string[], style: Style): string {
  const { line, column } = diagnostic.range.start;
  const severity = diagnostic.severity === 'error' ? style.red(style.bold('error')) : style.yellow(style.bold('warning'));
  const header = `${style.bold(`${escapeControls(diagnostic.file)}:${line}:${column}:`)} ${severity} ${style.bold(diagnostic.code)}: ${escapeControls(diagnostic.message)}`;
  const hint = diagnostic.hint ? [`  ${style.cyan('hint:')} ${escapeControls(diagnostic.hint)}`] : [];
  return [header, ...hint, ...excerpt(diagnostic, lines, style)].join('\n');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export interface Counts {
  files: number;
  errors: number;
  warnings: number;
}

export function countDiagnostics(files: number, diagnostics: readonly Diagnostic[]): Counts {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { files, errors, warnings: diagnostics.length - errors };
}

/** "2 files checked: 1 error, 0 warnings". */
export function formatSummary(counts: Counts, style: Style): string {
  const errors = plural(counts.errors, 'error');
  const warnings = plural(counts.warnings, 'warning');
  return `${plural(counts.files, 'file')} checked: ${counts.errors > 0 ? style.red(errors) : errors}, ${counts.warnings > 0 ? style.yellow(warnings) : warnings}`;
}
