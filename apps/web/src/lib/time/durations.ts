import { countOf } from '../text/count-of';
import { formatMinutes } from './due-countdown';

/** Time worked: "0 min", "45 min", "27 h 5 min" (hours, never days: a day's work is not 24 hours). */
export function formatWorkMinutes(minutes: number): string {
  return minutes === 0 ? '0 min' : formatMinutes(minutes, { days: false });
}

/** "under a month", "5 months", "1 year", "3 years 2 months": whole months in years and months. */
export function formatMonths(months: number): string {
  if (months < 1) return 'under a month';
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const restText = countOf(rest, 'month', 'months');
  if (years === 0) return restText;
  const yearsText = countOf(years, 'year', 'years');
  return rest === 0 ? yearsText : `${yearsText} ${restText}`;
}
