/** Pure arithmetic of the bench: medians, ratios and target checks (no I/O, unit-tested). */

/** Median of the finite values; NaN when there is none (a missing measurement stays visible). */
export function median(values: readonly number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** ours / reference; NaN when the reference is zero or missing, so a ratio is never Infinity. */
export function ratio(ours: number, reference: number): number {
  if (!Number.isFinite(ours) || !Number.isFinite(reference) || reference <= 0) return Number.NaN;
  return ours / reference;
}

/** How a target compares a measured value with its limit. */
export type Comparison = 'atLeast' | 'atMost' | 'below';

export interface Target {
  comparison: Comparison;
  limit: number;
  /** Unit printed after the limit: 'x' for a ratio, ' ms', ' MB'. */
  unit: string;
}

/** true when the value meets the target; false when it misses it or was not measured (NaN). */
export function meets(value: number, target: Target): boolean {
  if (!Number.isFinite(value)) return false;
  switch (target.comparison) {
    case 'atLeast':
      return value >= target.limit;
    case 'atMost':
      return value <= target.limit;
    case 'below':
      return value < target.limit;
  }
}

/** The target as a reader sees it: `>= 2x`, `<= 0.5x`, `< 400 MB`. */
export function describeTarget(target: Target): string {
  const sign = target.comparison === 'atLeast' ? '>=' : target.comparison === 'atMost' ? '<=' : '<';
  return `${sign} ${target.limit}${target.unit}`;
}
