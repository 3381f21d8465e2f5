/** Where an asset stands in its replacement cycle on a given day. */
export interface AssetLifecycle {
  /** Purchase date plus the lifecycle years ('YYYY-MM-DD'); null without a purchase date. */
  replacementDue: string | null;
  /** Whole months since purchase (0 before the purchase date). */
  ageMonths: number | null;
  /** Whole months until the replacement date; negative once it has passed. */
  monthsToReplacement: number | null;
  /** The replacement date is today or past. */
  replacementOverdue: boolean | null;
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const parse = (date: string): Ymd => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { y, m, d };
};
const format = ({ y, m, d }: Ymd): string =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The same day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const { y, m, d } = parse(date);
  return format({ y: y + years, m, d: Math.min(d, daysInMonth(y + years, m)) });
}

/**
 * Whole months from one day to another (negative when `to` is earlier). A month is complete on
 * the same day of the month, or on the month's last day when it is shorter (31 Jan → 28 Feb is 1).
 */
export function wholeMonthsBetween(from: string, to: string): number {
  if (to < from) return 0 - wholeMonthsBetween(to, from); // 0 - 0 is 0, not -0
  const a = parse(from);
  const b = parse(to);
  const months = (b.y - a.y) * 12 + (b.m - a.m);
  return b.d < Math.min(a.d, daysInMonth(b.y, b.m)) ? months - 1 : months;
}

/** ISO dates compare correctly as strings. */
export function assetLifecycle(purchaseDate: string | null, lifecycleYears: number, today: string): AssetLifecycle {
  if (purchaseDate === null)
    return { replacementDue: null, ageMonths: null, monthsToReplacement: null, replacementOverdue: null };
  const replacementDue = addYears(purchaseDate, lifecycleYears);
  return {
    replacementDue,
    ageMonths: Math.max(0, wholeMonthsBetween(purchaseDate, today)),
    monthsToReplacement: wholeMonthsBetween(today, replacementDue),
    replacementOverdue: replacementDue <= today,
  };
}
