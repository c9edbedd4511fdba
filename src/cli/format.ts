/**
 * Compiler-style rendering of diagnostics, like tsc and rustc:
 *
 *     scenarios/x.yaml:12:7: error CD104: The customer's `mood` must be at most 100, but it is 150.
 *       hint: Moods run from 0 (calm) to 100 (furious).
 *        |
 *     12 |   mood: 150
 *        |         ^^^
 */
import type { Diagnostic } from '../scenario/diagnostics.ts';

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

/** The source line, with tabs shown as single spaces so the caret lines up with the column. */
function sourceLine(lines: readonly string[], line: number): string | undefined {
  const text = lines[line - 1];
  return text === undefined ? undefined : text.replace(/\t/g, ' ').replace(/\r$/, '');
}

/** The excerpt under a diagnostic: the line with a gutter, and carets under the range. */
export function excerpt(diagnostic: Diagnostic, lines: readonly string[], style: Style): string[] {
  const { start, end } = diagnostic.range;
  const text = sourceLine(lines, start.line);
  if (text === undefined) return [];
  const gutter = String(start.line);
  const pad = ' '.repeat(gutter.length);
  const lastColumn = end.line === start.line ? end.column : text.length + 1;
  const width = Math.max(1, Math.min(lastColumn, text.length + 1) - start.column);
  const color = diagnostic.severity === 'error' ? style.red : style.yellow;
  const marker = ' '.repeat(Math.max(0, start.column - 1)) + color('^'.repeat(width));
  return [
    `${pad} ${style.cyan('|')}`,
    `${style.cyan(gutter)} ${style.cyan('|')} ${text}`,
    `${pad} ${style.cyan('|')} ${marker}`,
  ];
}

/** One diagnostic: header, hint, excerpt. */
export function formatDiagnostic(diagnostic: Diagnostic, lines: readonly string[], style: Style): string {
  const { line, column } = diagnostic.range.start;
  const severity = diagnostic.severity === 'error' ? style.red(style.bold('error')) : style.yellow(style.bold('warning'));
  const header = `${style.bold(`${diagnostic.file}:${line}:${column}:`)} ${severity} ${style.bold(diagnostic.code)}: ${diagnostic.message}`;
  const hint = diagnostic.hint ? [`  ${style.cyan('hint:')} ${diagnostic.hint}`] : [];
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
