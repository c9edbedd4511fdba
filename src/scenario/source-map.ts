/**
 * Maps a path into the parsed data (e.g. `['nodes', 'arrival', 'replies', 1, 'next']`) back to
 * where it was written in the YAML text, so every diagnostic can point at the key or value.
 */
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import type { Position, Range } from './diagnostics.ts';

export type DataPath = readonly (string | number)[];

/** Which part of a `key: value` pair to point at. */
export type PathPart = 'key' | 'value';

interface Located {
  key?: Node;
  value?: Node;
}

export class SourceMap {
  /**
   * Offsets where each line starts, computed from the text itself: the parser's own line counter
   * misses the line breaks inside an unterminated quoted string.
   */
  private readonly lineStarts: number[];
  /** Per mapping: key text → its last pair (built once per mapping, so lookups stay O(1)). */
  private readonly keyIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

  constructor(
    private readonly text: string,
    private readonly doc?: Document.Parsed,
  ) {
    this.lineStarts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  /** 1-based position of a character offset, clamped inside the file. */
  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(Math.trunc(offset) || 0, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.lineStarts[middle]! <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: clamped - this.lineStarts[low]! + 1 };
  }

  /** Range of two character offsets, never empty or inverted. */
  rangeOf(start: number, end: number): Range {
    const from = this.position(start);
    const to = this.position(Math.max(start, end));
    return { start: from, end: to };
  }

  /**
   * Range of the YAML written at `path`. `part` picks the key or the value of the last step;
   * when the path goes deeper than the file does (a missing key), the deepest existing ancestor
   * is used: its key when it has one.
   */
  rangeAt(path: DataPath, part: PathPart = 'value'): Range {
    const located = this.locate(path);
    const node = part === 'key' ? (located.key ?? located.value) : (located.value ?? located.key);
    return this.nodeRange(node);
  }

  /** Range of the key at `path` (falls back to the value, then the nearest ancestor). */
  keyAt(path: DataPath): Range {
    return this.rangeAt(path, 'key');
  }

  /** The text of the key at `path` exactly as written (e.g. `.nan` for a key that reads as NaN), if it exists. */
  keySource(path: DataPath): string | undefined {
    const { found, complete } = this.walk(path);
    const range = complete ? found.key?.range : undefined;
    return range ? this.text.slice(range[0], range[1]).trim() : undefined;
  }

  /** True when the exact path exists in the file. */
  has(path: DataPath): boolean {
    return this.walk(path).complete;
  }

  /** The keys written in the mapping at `path`, in file order (empty when not a mapping). */
  keysAt(path: DataPath): string[] {
    const { found } = this.walk(path);
    const node = this.deref(found.value);
    if (!isMap(node)) return [];
    return node.items.map((pair) => keyText(pair));
  }

  /**
   * Character offset where the text of the scalar value at `path` begins (after an opening quote),
   * or undefined when there is no scalar there. Used to point inside a `when:` condition.
   */
  textStart(path: DataPath): number | undefined {
    const { found, complete } = this.walk(path);
    const node = this.deref(found.value);
    if (!complete || !isScalar(node) || !node.range) return undefined;
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
      const header = this.text.indexOf('\n', node.range[0]);
      if (header < 0) return node.range[0];
      const firstText = /[^\s]/.exec(this.text.slice(header + 1, node.range[1]));
      return header + 1 + (firstText?.index ?? 0);
    }
    return node.range[0] + (quoted ? 1 : 0);
  }

  /** End offset of the value at `path` (for clamping). */
  valueEnd(path: DataPath): number | undefined {
    const { found, complete } = this.walk(path);
    return complete ? found.value?.range?.[1] : undefined;
  }

  private nodeRange(node: Node | undefined): Range {
    if (node?.range) return this.rangeOf(node.range[0], node.range[1]);
    return this.rangeOf(0, 0);
  }

  private locate(path: DataPath): Located {
    const { found, parent } = this.walk(path);
    if (found.key || found.value) return found;
    return parent;
  }

  /** Walks the path; returns the deepest node reached and its parent. */
  private walk(path: DataPath): { found: Located; parent: Located; complete: boolean } {
    let current: Located = { value: this.doc?.contents ?? undefined };
    let parent: Located = current;
    for (const step of path) {
      const next = this.child(current.value, step);
      if (!next) return { found: current, parent, complete: false };
      parent = current;
      current = next;
    }
    return { found: current, parent, complete: true };
  }

  private child(node: Node | undefined, step: string | number): Located | undefined {
    const target = this.deref(node);
    if (isMap(target)) {
      const pair = this.pairOf(target, String(step));
      if (!pair) return undefined;
      return { key: asNode(pair.key), value: asNode(pair.value) ?? asNode(pair.key) };
    }
    if (isSeq(target) && typeof step === 'number') {
      const item = asNode(target.items[step]);
      return item ? { value: item } : undefined;
    }
    return undefined;
  }

  /** The pair with this key; the last matching key wins, as it does when the YAML is turned into data. */
  private pairOf(target: YAMLMap, key: string): Pair | undefined {
    let index = this.keyIndex.get(target);
    if (!index) {
      index = new Map();
      for (const item of target.items) index.set(keyText(item), item);
      this.keyIndex.set(target, index);
    }
    return index.get(key);
  }

  private deref(node: Node | undefined): Node | undefined {
    let current = node;
    for (let hops = 0; current && isAlias(current) && hops < 20; hops++) {
      current = this.doc ? (current.resolve(this.doc) as Node | undefined) : undefined;
    }
    return current;
  }
}

function asNode(value: unknown): Node | undefined {
  if (value && typeof value === 'object' && 'range' in value) return value as Node;
  return undefined;
}

/** The text of a mapping key, as it appears in the data. */
export function keyText(pair: Pair): string {
  const key: unknown = pair.key;
  if (isScalar(key)) return String(key.value);
  if (isPair(key)) return keyText(key);
  return String(key);
}
