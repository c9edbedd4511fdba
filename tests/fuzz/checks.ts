/**
 * What every loader result must satisfy, whatever the input (issue 12, item 10): positions inside
 * the file, messages in plain words (no `undefined`, `NaN`, zod or yaml library phrases), and no
 * fallback to 1:1 when the problem is somewhere else. Shared by the corpus test and `npm run fuzz`.
 */
import type { Diagnostic } from '../../src/scenario/diagnostics.ts';
import { normalizeLineEnds } from '../../src/scenario/load.ts';

/** Phrases that only a library would write: a trainer cannot act on them. */
export const LIBRARY_PHRASES: readonly RegExp[] = [
  /\bundefined\b/,
  /\bNaN\b/,
  /\[object \w+\]/,
  /Too (big|small): expected/i,
  /expected \w+ to be/i,
  /Invalid (input|option|type|key|element|union|string|number)\b/,
  /\bexpected [a-z]+, received\b/i,
  /Excessive alias count/i,
  /resource exhaustion/i,
  /Keys with collection values/i,
  /Unexpected (end of JSON|token .* in JSON)/i,
  /\bat line \d+, column \d+/,
  /Implicit (map )?keys/i,
  /Nested mappings are not allowed/i,
  /Map keys must be unique/i,
  /Unresolved alias/i,
  /Alias resolution is disabled/i,
  /\bZod\w*/,
  /\bYAML(Parse|Semantic|Warning)?Error\b/,
  /Maximum call stack/i,
  /is not a function|Cannot read propert/i,
];

/** Codes that describe the whole file, for which 1:1 is the right place. */
const WHOLE_FILE = new Set(['CD002', 'CD004', 'CD008']);

/** The file's lines as the loader counts them. */
export function loaderLines(text: string): string[] {
  return normalizeLineEnds(text).split('\n');
}

/** Problems with one diagnostic, in words (empty when it is fine). */
export function diagnosticProblems(d: Diagnostic, text: string, lines: readonly string[] = loaderLines(text)): string[] {
  const problems: string[] = [];
  if (!/^CD\d{3}$/.test(d.code)) problems.push(`bad code ${d.code}`);
  if (d.severity !== 'error' && d.severity !== 'warning') problems.push(`bad severity ${String(d.severity)}`);
  for (const part of [d.message, d.hint ?? '']) {
    for (const phrase of LIBRARY_PHRASES) if (phrase.test(part)) problems.push(`message matches ${phrase}: ${part}`);
  }
  if (d.message.trim().length < 10) problems.push(`message too short: ${d.message}`);
  for (const point of [d.range.start, d.range.end]) {
    const ok =
      Number.isInteger(point.line) && Number.isInteger(point.column) && point.line >= 1 && point.line <= lines.length && point.column >= 1 && point.column <= lines[point.line - 1]!.length + 1;
    if (!ok) problems.push(`position ${point.line}:${point.column} is outside the file (${lines.length} lines)`);
  }
  const { start, end } = d.range;
  if (end.line < start.line || (end.line === start.line && end.column < start.column)) problems.push('range ends before it starts');
  // 1:1 on a comment line cannot be where a problem is (every corpus and fuzz input may start with one).
  if (start.line === 1 && start.column === 1 && !WHOLE_FILE.has(d.code) && /^(#|\s*$)/.test(lines[0] ?? '')) {
    problems.push(`${d.code} at 1:1, on a comment or blank line: ${d.message}`);
  }
  return problems;
}
