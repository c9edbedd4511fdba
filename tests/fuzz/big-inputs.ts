/**
 * Large hostile scenario files just under the size cap, each shaped to stress one part of the
 * loader (many keys, many duplicates, many list items, deep nesting, one huge text, ...). Shared
 * by the loader's speed test and `npm run fuzz`.
 */
import { prescan } from '../../src/scenario/prescan.ts';
import { LIMITS } from '../../src/scenario/vocabulary.ts';

const CAP = LIMITS.fileBytes;

/** Repeats `line(i)` until the next line would pass `bytes`. */
function fill(head: string, line: (i: number) => string, bytes = CAP - 64): string {
  const parts = [head];
  let size = head.length;
  for (let i = 0; ; i++) {
    const next = line(i);
    if (size + next.length > bytes) break;
    parts.push(next);
    size += next.length;
  }
  return parts.join('');
}

const NODE = (id: string): string => `  ${id}:\n    says:\n      - angry: Hello.\n    replies:\n      - id: a\n        say: Hi.\n        next: end\n`;

export const BIG_INPUTS: Record<string, () => string> = {
  'top-level unknown keys': () => fill('', (i) => `k${i}: 1\n`),
  'duplicate keys': () => fill('', () => 'title: 1\n'),
  'unknown keys inside a node': () => fill('id: x\nstart: a\nnodes:\n  a:\n', (i) => `    k${i}: 1\n`),
  'unknown keys in many nodes': () => fill('id: x\nstart: n0\nnodes:\n', (i) => `  n${Math.floor(i / 50)}:\n    k${i}: 1\n`.slice(i % 50 === 0 ? 0 : `  n${Math.floor(i / 50)}:\n`.length)),
  'unknown keys in many nodes, each a list': () => fill('id: x\nstart: n0\nnodes:\n', (i) => `  n${Math.floor(i / 50)}:\n    k${i}: [1, 2]\n`.slice(i % 50 === 0 ? 0 : `  n${Math.floor(i / 50)}:\n`.length)),
  'many goals of the wrong type': () => fill('id: x\ngoals:\n', () => '  - {}\n'),
  'many customer lines': () => fill('id: x\nstart: a\nnodes:\n  a:\n    says:\n', (i) => `      - ${i % 2 ? 'angrey' : 'angry'}: ${i}\n`),
  'many replies': () => fill('id: x\nstart: a\nnodes:\n  a:\n    replies:\n', (i) => `      - id: r${i}\n        next: b${i}\n`),
  'many nodes': () => fill('id: x\nstart: n0\nnodes:\n', (i) => NODE(`n${i}`)),
  'many variables': () => fill('id: x\nvariables:\n', (i) => `  v${i}: ${i % 2 ? 'true' : '1'}\n`),
  'flow list of numbers': () => fill('id: x\ngoals: [', (i) => `${i},`) + ']\n',
  'deep nesting (block)': () => fill('', (i) => `${' '.repeat(Math.min(i, 2000))}a${i}:\n`),
  'deep nesting (flow)': () => '['.repeat(CAP / 2 - 64) + ']'.repeat(CAP / 2 - 64),
  'one huge text': () => `id: x\ntitle: "${'a'.repeat(CAP - 100)}"\n`,
  'one huge key': () => `${'k'.repeat(CAP - 100)}: 1\n`,
  'many anchors': () => fill('', (i) => `k${i}: &a${i} 1\n`),
  'many comments': () => fill('id: x\n', () => '# note\n'),
  'many conditions': () => fill('id: x\nstart: a\nnodes:\n  a:\n    branches:\n', (i) => `      - when: a${i} and not b${i} or (c${i} >= ${i})\n        next: a\n`),
  'blank lines': () => '\n'.repeat(CAP - 10),
  'control characters': () => fill('', (i) => `k${i}: "\\x1b]0;title\\x07 \u0007\u001b[2J"\n`),
  // Shapes the YAML library reads in quadratic time or with deep recursion (issue 12: each took
  // seconds, or crashed Node, before the pre-scan).
  'many anchors on one value': () => `x: ${fill('', () => '&a ', CAP - 16)}1\n`,
  'many tags on one value': () => `x: ${fill('', () => '!t ', CAP - 16)}1\n`,
  'many aliases on one line': () => `a: &a 1\nx: ${fill('', () => '*a ', CAP - 24)}\n`,
  'many dashes on one line': () => `${fill('', () => '- ', CAP - 16)}a\n`,
  'many keys on one line': () => `x: ${fill('', () => 'a: ', CAP - 16)}\n`,
};

/**
 * The part of `text` before the first place it passes a pre-scan limit (all of it when it passes
 * none): the largest file of that shape the loader reads in full.
 */
export function underLimits(text: string): string {
  const { over } = prescan(text);
  return over ? text.slice(0, over.start) : text;
}
