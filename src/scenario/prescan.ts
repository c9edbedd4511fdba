/**
 * A cheap look at the raw text before the YAML library reads it (one pass over the characters,
 * about a millisecond for 160 KB). The library spends 1–2 µs on every piece of YAML it reads, and
 * a few shapes cost it far more (many anchors or tags on one value, thousands of `- ` on one
 * line, brackets nested thousands deep), so a file of the allowed size could keep it busy for
 * seconds. This scan counts what drives that work and stops at the first place where a file
 * passes a limit far above what the bundled scenarios use (see `PRESCAN_LIMITS`), so the loader can refuse
 * such a file at once with a precise line and column (CD010).
 *
 * The scan follows YAML closely enough to skip quoted text, block text (`|`, `>`), comments and
 * plain text that runs on over several lines, so prose such as `[sighs]` or `I'm` is not taken
 * for brackets or quotes. Where it is unsure, it counts (it may overcount a hostile file, never a
 * bundled scenario: tests run it over every scenario and fixture).
 */

/** Limits of the scan; each sits far above what the bundled scenarios use (see docs/performance.md). */
export const PRESCAN_LIMITS = {
  /** 4× the longest bundled scenario (1,010 lines), and more than a file of the size cap written like them (about 3,400). */
  lines: 4000,
  /**
   * Lines and values inside brackets (`[a, b]`, `{ say: x, as: y }`) together: each costs the YAML
   * library about as much. The bundled scenarios have at most 1,233; a 198-node scenario written
   * with each reply in braces on one line (the analyzer's largest test files) has up to 8,400.
   */
  pieces: 10000,
  /** Brackets inside brackets; scenarios use one level, at most two. */
  flowDepth: 10,
  /** YAML anchors, aliases and tags (`&name`, `*name`, `!tag`) in the whole file; aliases alone are capped at 50 (CD003). */
  yamlProps: 200,
  /** List dashes, `?` marks and `key:` colons on one line (outside brackets); a real line has one or two. */
  markersPerLine: 8,
} as const;

export type PrescanLimit = keyof typeof PRESCAN_LIMITS;

/** What the scan counted (each the total for the file, or the most on one line / at one place). */
export interface PrescanCounts {
  lines: number;
  /** Values inside brackets (not a limit of its own: it counts towards `pieces`). */
  flowItems: number;
  pieces: number;
  flowDepth: number;
  yamlProps: number;
  markersPerLine: number;
}

export interface PrescanResult {
  counts: PrescanCounts;
  /** The first limit passed: which, and the character offsets of the piece that passed it. */
  over?: { limit: PrescanLimit; start: number; end: number };
}

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const QUESTION = 63;
const DQUOTE = 34;
const SQUOTE = 39;
const BACKSLASH = 92;
const PIPE = 124;
const GREATER = 62;
const AMP = 38;
const STAR = 42;
const BANG = 33;
const COMMA = 44;
const OPEN_SQ = 91;
const CLOSE_SQ = 93;
const OPEN_CURLY = 123;
const CLOSE_CURLY = 125;

/** Characters that may end plain text, outside and inside brackets. */
const PLAIN_END = /[:#\n]/g;
const PLAIN_END_IN_FLOW = /[:#\n,[\]{}]/g;

const isFlowChar = (c: number): boolean => c === COMMA || c === OPEN_SQ || c === CLOSE_SQ || c === OPEN_CURLY || c === CLOSE_CURLY;
const isBlank = (c: number): boolean => c === SPACE || c === TAB || c === CR;

/**
 * Scans `text` (line ends already LF or CRLF) and stops at the first limit passed. Pass
 * `limits` of `Infinity` to count a whole file.
 *
 * @example
 * const { over } = prescan(text);
 * if (over) console.log(over.limit, over.start); // 'lines', the offset where line 4,001 starts
 */
export function prescan(text: string, limits: Record<PrescanLimit, number> = PRESCAN_LIMITS): PrescanResult {
  const n = text.length;
  const counts: PrescanCounts = { lines: 1, flowItems: 0, pieces: 1, flowDepth: 0, yamlProps: 0, markersPerLine: 0 };
  let over: PrescanResult['over'];
  let i = 0;
  let lineStart = 0;
  let depth = 0;
  /** A block plain value may run on over lines indented more than this (-1: none). */
  let plainParent = -1;
  /** Inside block text (`|`, `>`): its parent's column, and its lines' indentation once known. */
  let blockParent = -1;
  let blockIndent = -1;

  const pass = (limit: PrescanLimit, value: number, start: number, end: number): boolean => {
    if (value > counts[limit]) counts[limit] = value;
    if (value <= limits[limit] || over) return false;
    over = { limit, start, end };
    return true;
  };
  /** Called at every LF; false once the line limit is passed. */
  const newLine = (at: number): boolean => {
    lineStart = at + 1;
    // A final line break does not start a line of its own.
    if (lineStart >= n) return true;
    counts.lines++;
    let end = text.indexOf('\n', lineStart);
    if (end < 0) end = n;
    return !pass('lines', counts.lines, lineStart, end) && !pass('pieces', counts.lines + counts.flowItems, lineStart, end);
  };
  /** Skips quoted text starting at `k` (the quote); returns the offset after it, or -1 when a limit is passed. */
  const skipQuoted = (k: number, quote: number): number => {
    for (let j = k + 1; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === LF) {
        if (!newLine(j)) return -1;
      } else if (quote === DQUOTE && c === BACKSLASH) {
        if (text.charCodeAt(j + 1) === LF) continue;
        j++;
      } else if (c === quote) {
        if (quote === SQUOTE && text.charCodeAt(j + 1) === SQUOTE) j++;
        else return j + 1;
      }
    }
    return n;
  };

  while (i < n) {
    // At the start of a line.
    let indent = 0;
    while (text.charCodeAt(i + indent) === SPACE) indent++;
    const first = i + indent;
    let rest = first;
    while (rest < n && isBlank(text.charCodeAt(rest))) rest++;
    const blankLine = rest >= n || text.charCodeAt(rest) === LF;
    if (depth === 0 && blockParent >= 0) {
      const inside = blankLine || (blockIndent < 0 ? indent > blockParent : indent >= blockIndent);
      if (inside) {
        if (!blankLine && blockIndent < 0) blockIndent = indent;
        const end = text.indexOf('\n', i);
        if (end < 0 || !newLine(end)) break;
        i = end + 1;
        continue;
      }
      blockParent = -1;
      blockIndent = -1;
    }
    if (blankLine) {
      if (rest >= n || !newLine(rest)) break;
      i = rest + 1;
      continue;
    }
    let plain = depth === 0 && plainParent >= 0 && indent > plainParent;
    if (!plain) plainParent = -1;
    /** Column of the key, dash or `?` that owns the value being read on this line. */
    let owner = indent;
    let tokenColumn = indent;
    let markers = 0;
    let plainOwner = plain ? plainParent : -1;
    let endsInPlain = plain;
    let k = first;
    while (k < n && !over) {
      const c = text.charCodeAt(k);
      if (c === LF) break;
      if (isBlank(c)) {
        k++;
        continue;
      }
      if (c === HASH && (k === lineStart || isBlank(text.charCodeAt(k - 1)))) {
        // A comment ends the line, and ends any plain text running on over lines.
        plain = false;
        endsInPlain = false;
        plainOwner = -1;
        const end = text.indexOf('\n', k);
        k = end < 0 ? n : end;
        break;
      }
      const next = text.charCodeAt(k + 1);
      const separated = k + 1 >= n || next === SPACE || next === TAB || next === LF || next === CR;
      if (plain) {
        if (c === COLON && (separated || (depth > 0 && isFlowChar(next)))) {
          plain = false;
          endsInPlain = false;
          if (depth === 0) {
            owner = tokenColumn;
            pass('markersPerLine', ++markers, k, k + 1);
          }
          k++;
          continue;
        }
        if (!(depth > 0 && isFlowChar(c))) {
          // Skip ahead to the next character that could end the plain text (a native search).
          const stopAt = depth > 0 ? PLAIN_END_IN_FLOW : PLAIN_END;
          stopAt.lastIndex = k + 1;
          k = stopAt.exec(text)?.index ?? n;
          continue;
        }
        plain = false;
      }
      // A new piece of YAML starts at k.
      const column = k - lineStart;
      endsInPlain = false;
      if (c === DQUOTE || c === SQUOTE) {
        tokenColumn = column;
        const after = skipQuoted(k, c);
        if (after < 0) break;
        k = after;
        continue;
      }
      if (c === OPEN_SQ || c === OPEN_CURLY) {
        depth++;
        if (!pass('flowDepth', depth, k, k + 1)) pass('pieces', counts.lines + ++counts.flowItems, k, k + 1);
        k++;
      } else if (c === CLOSE_SQ || c === CLOSE_CURLY) {
        if (depth > 0) depth--;
        k++;
      } else if (c === COMMA && depth > 0) {
        pass('pieces', counts.lines + ++counts.flowItems, k, k + 1);
        k++;
      } else if (c === AMP || c === STAR || c === BANG) {
        let end = k + 1;
        while (end < n) {
          const d = text.charCodeAt(end);
          if (d === SPACE || d === TAB || d === LF || d === CR || isFlowChar(d)) break;
          end++;
        }
        pass('yamlProps', ++counts.yamlProps, k, end);
        k = end;
      } else if ((c === DASH || c === QUESTION || c === COLON) && (separated || (c === COLON && depth > 0 && isFlowChar(next)))) {
        if (depth === 0) {
          if (c === COLON) owner = tokenColumn;
          else owner = column;
          pass('markersPerLine', ++markers, k, k + 1);
        }
        k++;
      } else if ((c === PIPE || c === GREATER) && depth === 0) {
        // Block text: its lines are text, whatever they hold. The header may give the indentation.
        const end = text.indexOf('\n', k);
        const header = text.slice(k + 1, end < 0 ? n : end);
        const digit = /^[+-]?([1-9])/.exec(header);
        blockParent = owner;
        blockIndent = digit ? owner + Number(digit[1]) : -1;
        k = end < 0 ? n : end;
        break;
      } else {
        // Plain text: runs to the end of the line (or, in brackets, to the next bracket or comma).
        plain = true;
        endsInPlain = true;
        tokenColumn = column;
        if (depth === 0) plainOwner = markers > 0 ? owner : Math.max(indent - 1, -1);
        k++;
      }
    }
    if (over) break;
    if (depth === 0) plainParent = endsInPlain && plain ? plainOwner : -1;
    if (k >= n || !newLine(k)) break;
    i = k + 1;
  }
  return over ? { counts, over } : { counts };
}
