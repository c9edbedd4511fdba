/**
 * Hand-made hostile and careless scenario files (issue 12): each is a function of a valid scenario
 * (`base`) and starts with a comment line. Used by the message corpus test and `npm run fuzz`.
 */

const swap = (from: RegExp | string, to: string) => (base: string): string => {
  const out = base.replace(from, to);
  if (out === base) throw new Error(`corpus: ${String(from)} not found in the base scenario`);
  return out;
};
const add = (text: string) => (base: string): string => `${base.trimEnd()}\n${text}\n`;
const afterFirst = (needle: string, text: string) => swap(needle, `${needle}\n${text}`);
const raw = (text: string) => (): string => `# corpus\n${text}`;

function aliasBomb(levels: number, width: number): string {
  const refs = (i: number) => Array.from({ length: width }, () => `*a${i}`).join(', ');
  let text = `a0: &a0 [${Array.from({ length: width }, () => 'lol').join(', ')}]\n`;
  for (let i = 1; i < levels; i++) text += `a${i}: &a${i} [${refs(i - 1)}]\n`;
  return text;
}

export const CORPUS: Record<string, (base: string) => string> = {
  'missing language': swap(/^language: .*\n/m, ''),
  'missing portrait': swap(/^ {2}portrait: .*\n/m, ''),
  'missing title and id': (base) => swap(/^id: .*\n/m, '')(swap(/^title: .*\n/m, '')(base)),
  'mood .nan': swap(/^ {2}mood: \d+/m, '  mood: .nan'),
  'mood .inf': swap(/^ {2}mood: \d+/m, '  mood: .inf'),
  'mood -.inf': swap(/^ {2}mood: \d+/m, '  mood: -.inf'),
  'huge whole number': swap(/^ {2}mood: \d+/m, '  mood: 99999999999999999999'),
  'number too large to hold': swap(/^difficulty: .*/m, 'difficulty: 1e400'),
  'negative huge number': swap(/^difficulty: .*/m, 'difficulty: -99999999999999999999'),
  'alias bomb under the alias cap': raw(aliasBomb(6, 8)),
  'alias bomb inside a scenario': add(`goals2: &g [${Array.from({ length: 9 }, () => '*x').join(', ')}]\nx: &x [a, b, c]\n`),
  'undefined alias': add('extra: *nowhere'),
  'complex key (list)': add('? [a, b]\n: 1'),
  'complex key (map)': add('? {a: 1}\n: 1'),
  'complex key through an alias': add('seq: &s [1, 2]\n*s : 3'),
  '__proto__ in set': swap(/(\n\s+)mood: -10\n/, '$1mood: -10$1set: {__proto__: true}\n'),
  '__proto__ in add': swap(/(\n\s+)mood: -10\n/, '$1mood: -10$1add: {__proto__: 1}\n'),
  '__proto__ variable': afterFirst('variables:', '  __proto__: false'),
  '__proto__ node': afterFirst('nodes:', '  __proto__:\n    says: [hi]\n    end: resolved'),
  '__proto__ top-level key': add('__proto__: {polluted: true}'),
  'constructor as a variable in a condition': swap('when: askedReceipt and offers >= 1', 'when: constructor and offers >= 1'),
  'toString as a set target': swap(/(\n\s+)mood: -10\n/, '$1mood: -10$1set: {toString: true}\n'),
  'title is a list': swap(/^title: .*/m, 'title: [a, b]'),
  'title is empty': swap(/^title: .*/m, 'title:'),
  'title is null': swap(/^title: .*/m, 'title: ~'),
  'title is a number': swap(/^title: .*/m, 'title: 404'),
  'says is a number': swap(/says:\n( +- .*\n)+/, 'says: 5\n'),
  'replies is a map': swap(/replies:\n/, 'replies: {a: 1}\nold_replies:\n'),
  'next is a number': swap('next: calmer', 'next: 5'),
  'id with capitals': swap(/^id: .*/m, 'id: Kettle Returned'),
  'minutes is a list': (base) => (/^minutes: /m.test(base) ? base.replace(/^minutes: .*/m, 'minutes: [1]') : add('minutes: [1]')(base)),
  'unclosed quote': swap(/^title: .*/m, 'title: "The kettle'),
  'tab indentation': swap(/^ {2}name: /m, '\tname: '),
  'two documents': add('---\nid: second'),
  'unknown YAML directive': (base) => `# corpus\n%FOO bar\n---\n${base}`,
  'custom tag': swap(/^title: /m, 'title: !shout '),
  'merge key': add('defaults: &d {a: 1}\nother:\n  <<: *d'),
  'duplicate key': add('title: Again'),
  'key over 1024 characters': add(`${'k'.repeat(1100)}: 1`),
  'control characters': add('note: "\\x1b]0;title\\x07"\nbell\u0007: 1'),
  'bidi override': add('name\u202e: 1'),
  'BOM in the middle': add('\uFEFFextra: 1'),
  'NUL byte': add('nul: "a\u0000b"'),
  'CR-only with an error': (base) => base.replace('next: calmer', 'next: calmr').replace(/\n/g, '\r'),
  'lone CR inside a quoted text': swap(/^title: .*/m, 'title: "one\rtwo'),
  'deep flow nesting': raw(`a: ${'['.repeat(5000)}${']'.repeat(5000)}`),
  'deep block nesting': raw(Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')),
  'list at the root': raw('- a\n- b\n'),
  'scalar at the root': raw('just text\n'),
  'only a comment': raw(''),
  'empty flow map': raw('{}\n'),
  'null keys': add(': 1\n? \n: 2'),
  'numeric and boolean keys': add('1: a\ntrue: b\nnull: c'),
  'node ids that shadow Object methods': afterFirst('nodes:', '  constructor:\n    says: [hi]\n    end: resolved\n    satisfaction: 3\n    comment: ok'),
  'unknown keys everywhere': (base) => base.replace(/^( +)(say|next|feedback): /gm, '$1$2x: '),
  'walksOutAt below mood': swap(/walksOutAt: \d+/, 'walksOutAt: 1'),
  'condition with garbage': swap('when: askedReceipt and offers >= 1', 'when: ((( and >= ==='),
  'keys that read as numbers (.nan, .inf)': add('.nan: 1\n.inf: 2\n-.inf: 3'),
  'reply say written as a customer line': swap(
    "say: That sounds really frustrating. Let's get it sorted today.",
    "say: { say: That sounds really frustrating. Let's get it sorted today., as: calm }",
  ),
  'reply keys indented under say': swap(
    /(\n( +)say: That sounds really frustrating\. Let's get it sorted today\.)\n/,
    "\n$2say:\n$2  say: That sounds really frustrating.\n$2  tags: [empathy]\n",
  ),
};
