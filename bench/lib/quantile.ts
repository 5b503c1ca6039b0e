// Percentiles of timed samples, and of ratios between them.

/**
 * The `q` quantile (0 to 1) of ascending `sorted` samples, interpolated linearly between the two nearest ranks (the
 * R-7 method, as spreadsheets and NumPy compute it).
 */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError("quantile: no samples");
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const lower = sorted[below]!;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)]!;
  return lower + (upper - lower) * (position - below);
}
