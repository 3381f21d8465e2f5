/** The small arithmetic reports share, so every report rounds and divides the same way. */

/** part ÷ whole as a number 0..1, or null when there is nothing to divide by. */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** Rounded half away from zero to `decimals` places; null stays null. */
export function roundTo(value: number | null, decimals: number): number | null {
  if (value === null) return null;
  const factor = 10 ** decimals;
  return (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
}

export interface SeriesStats {
  /** Number of values (months), zero months included. */
  count: number;
  mean: number | null;
  /** Population standard deviation: the series is the whole range, not a sample of it. */
  stdDev: number | null;
  /** stdDev ÷ mean: month-to-month variation relative to the usual month; null when the mean is 0. */
  coefficientOfVariation: number | null;
}

/** Mean, population standard deviation and coefficient of variation of a series. */
export function seriesStats(values: readonly number[]): SeriesStats {
  const count = values.length;
  if (count === 0) return { count, mean: null, stdDev: null, coefficientOfVariation: null };
  const mean = values.reduce((sum, v) => sum + v, 0) / count;
  const stdDev = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / count);
  return { count, mean, stdDev, coefficientOfVariation: mean === 0 ? null : stdDev / mean };
}
