/**
 * Helpers to talk about a place in a scenario the way a trainer would: "reply `dropped` on node
 * `arrival`" rather than `nodes.arrival.replies[1]`.
 */
import type { DataPath } from './source-map.ts';

/** The value at `path` inside plain parsed data, or undefined. */
export function valueAt(data: unknown, path: DataPath): unknown {
  let current: unknown = data;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, step)) return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

function replyName(data: unknown, path: DataPath): string {
  const id = valueAt(data, [...path, 'id']);
  const index = Number(path[path.length - 1]);
  return typeof id === 'string' && id !== '' ? `reply \`${id}\`` : `reply ${index + 1}`;
}

/**
 * Describes the object at `path` ("node `arrival`", "reply `dropped` on node `arrival`",
 * "the customer", "the scenario").
 */
export function describePlace(data: unknown, path: DataPath): string {
  const [first, second, third, fourth] = path;
  if (path.length === 0) return 'the scenario';
  if (first === 'customer') return 'the customer';
  if (first === 'brief') return 'the brief';
  if (first === 'variables') return '`variables`';
  if (first === 'interrupted') return 'the scenario\'s `interrupted` rule';
  if (first === 'goals') return `goal ${Number(second) + 1}`;
  if (first !== 'nodes' || second === undefined) return `\`${String(first)}\``;
  const node = `node \`${String(second)}\``;
  if (third === undefined) return node;
  if (fourth === undefined) {
    if (third === 'silence') return `the silence rule of ${node}`;
    return `\`${String(third)}\` of ${node}`;
  }
  if (third === 'replies') return `${replyName(data, path.slice(0, 4))} on ${node}`;
  if (third === 'branches') return `branch ${Number(fourth) + 1} of ${node}`;
  if (third === 'says') return `line ${Number(fourth) + 1} of ${node}`;
  if (third === 'silence') return `the silence rule of ${node}`;
  return node;
}

/** "`mood` of the customer", "`next` of reply `x` on node `y`", "`title`". */
export function describeKey(data: unknown, path: DataPath): string {
  const key = path[path.length - 1];
  const parent = path.slice(0, -1);
  if (typeof key === 'number') return describePlace(data, path);
  if (parent.length === 0) return `\`${key}\``;
  if (parent[0] === 'variables' && parent.length === 1) return `variable \`${key}\``;
  if (parent[0] === 'nodes' && parent.length === 1) return `node \`${key}\``;
  return `\`${String(key)}\` of ${describePlace(data, parent)}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What kind of value the trainer wrote, in words. */
export function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '`.nan` (not a number)';
    if (!Number.isFinite(value)) return value > 0 ? 'infinite (`.inf`, or a number too large to hold)' : 'minus infinity (`-.inf`)';
    return Number.isInteger(value) ? 'a whole number' : 'a number';
  }
  if (typeof value === 'boolean') return value ? '`true`' : '`false`';
  if (typeof value === 'object') return 'a set of `key: value` lines';
  return 'something else';
}

/** The names zod uses for types, in words. */
export function expectedName(expected: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: '`true` or `false`',
    array: 'a list (lines starting with `- `)',
    object: 'a set of `key: value` lines',
    record: 'a set of `key: value` lines',
  };
  return names[expected] ?? expected;
}
