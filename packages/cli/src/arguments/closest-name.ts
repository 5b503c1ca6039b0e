/**
 * Edits between two words: insertions, deletions, substitutions, and swaps of two neighbours (the optimal string
 * alignment distance), so `lsit` is one edit from `list`.
 */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The candidate a mistyped word most likely meant: the nearest within two edits (one for words of three letters or
 * fewer), or the only candidate it begins; `undefined` when none is close, so no wild guess is offered.
 */
export function closestName(word: string, candidates: readonly string[]): string | undefined {
  const typed = word.toLowerCase();
  const limit = typed.length <= 3 ? 1 : 2;
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const distance = editDistance(typed, name.toLowerCase());
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { name, distance };
  }
  if (best !== undefined) return best.name;
  const extended = candidates.filter((name) => typed.length >= 3 && name.toLowerCase().startsWith(typed));
  return extended.length === 1 ? extended[0] : undefined;
}

/** `; did you mean X?` to end a message with, or nothing when no candidate is close. */
export function didYouMean(
  word: string,
  candidates: readonly string[],
  format: (name: string) => string = (name) => name,
): string {
  const guess = closestName(word, candidates);
  return guess === undefined ? "" : `; did you mean ${format(guess)}?`;
}
