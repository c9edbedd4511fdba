/**
 * Line-level mutations of a scenario file, shared by the fuzzer (`fuzz.ts`, `npm run fuzz`) and
 * the loader's property tests (`tests/scenario/fuzz.test.ts`). Each caller draws its own
 * mutations (its own fast-check arbitrary, so its seeds replay as before) and applies them here.
 */

export type Mutation =
  | { kind: 'delete' | 'duplicate'; line: number }
  | { kind: 'swap'; line: number; other: number }
  | { kind: 'char'; line: number; column: number; text: string }
  | { kind: 'indent'; line: number; delta: number };

/**
 * How a drawn line number picks a line: `wrap` takes it modulo the line count (for seeds of any
 * length), `clamp` caps it at the last line (for draws already bounded by one file's length).
 */
export type LinePick = 'wrap' | 'clamp';

/** One mutation applied to a copy of `lines`. */
export function mutate(lines: readonly string[], m: Mutation, pick: LinePick = 'wrap'): string[] {
  const out = [...lines];
  if (out.length === 0) return out;
  const index = (line: number) => (pick === 'wrap' ? line % out.length : Math.min(line, out.length - 1));
  const at = index(m.line);
  switch (m.kind) {
    case 'delete':
      out.splice(at, 1);
      break;
    case 'duplicate':
      out.splice(at, 0, out[at]!);
      break;
    case 'swap': {
      const other = index(m.other);
      [out[at], out[other]] = [out[other]!, out[at]!];
      break;
    }
    case 'char': {
      const line = out[at]!;
      const column = Math.min(m.column, line.length);
      out[at] = line.slice(0, column) + m.text + line.slice(column + 1);
      break;
    }
    case 'indent':
      out[at] = m.delta >= 0 ? ' '.repeat(m.delta) + out[at]! : out[at]!.replace(new RegExp(`^ {0,${-m.delta}}`), '');
      break;
  }
  return out;
}

/** The mutations applied in order. */
export function mutateAll(lines: readonly string[], mutations: readonly Mutation[], pick: LinePick = 'wrap'): string[] {
  return mutations.reduce<string[]>((current, m) => mutate(current, m, pick), [...lines]);
}
