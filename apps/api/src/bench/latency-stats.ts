/** Latency figures of one measured run, in milliseconds, and its throughput. */
export interface LatencyStats {
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  /** Completed requests per second of the run. */
  perSecond: number;
}

/**
 * The p-th percentile (0 < p ≤ 100) of ascending `sorted` values, nearest-rank: the smallest
 * value with at least p % of the values at or below it. NaN for no values.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** The figures of a run: `latencies` in ms (any order), over `seconds` of wall-clock time. */
export function summarise(latencies: ArrayLike<number>, seconds: number): LatencyStats {
  const sorted = Float64Array.from(latencies).sort();
  let sum = 0;
  for (const value of sorted) sum += value;
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.length ? sorted[sorted.length - 1]! : Number.NaN),
    mean: round(sorted.length ? sum / sorted.length : Number.NaN),
    perSecond: round(seconds > 0 ? sorted.length / seconds : Number.NaN),
  };
}

/** API ÷ raw SQL at the same percentile: how much the framework adds around the statements. */
export function overhead(api: LatencyStats, raw: LatencyStats): number {
  return Math.round((api.p95 / raw.p95) * 100) / 100;
}
