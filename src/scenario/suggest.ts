/**
 * "Did you mean ...?" suggestions: the nearest candidate by edit distance, when it is near enough
 * to be a plausible typo.
 */

/** Levenshtein distance between two strings (case-sensitive). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidate nearest to `word`, or undefined when none is close (more than a third of the
 * word's letters differ, at least 2 edits allowed). Case differences count as half a typo.
 *
 * @example nearest('defensve', ['arrival', 'defensive']) // 'defensive'
 */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  const limit = typoLimit(word);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const distance = typoDistance(word, candidate, limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** True when `nearest(word, ...)` could pick `candidate`: it is near enough to be a typo of it. */
export function isNear(word: string, candidate: string): boolean {
  const limit = typoLimit(word);
  return candidate !== word && typoDistance(word, candidate, limit) <= limit;
}

function typoLimit(word: string): number {
  return Math.max(2, Math.floor(word.length / 3));
}

function typoDistance(word: string, candidate: string, limit: number): number {
  const lower = word.toLowerCase();
  const other = candidate.toLowerCase();
  // The edit distance is at least the difference in length: past the limit it cannot win, so
  // a long key (up to 1024 characters) is never compared letter by letter.
  const edits = other === lower ? 0.5 : Math.abs(other.length - lower.length) > limit ? Infinity : editDistance(lower, other);
  return Math.min(edits, sharesStem(word, candidate) ? limit : Infinity);
}

/** True when both words start alike for most of the shorter one (`empathetic` / `empathy`). */
function sharesStem(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let common = 0;
  while (common < x.length && common < y.length && x[common] === y[common]) common++;
  return common >= 4 && common >= 0.75 * Math.min(x.length, y.length);
}

/** `Did you mean \`x\`?` or undefined. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const match = nearest(word, candidates);
  return match === undefined ? undefined : `Did you mean \`${match}\`?`;
}
