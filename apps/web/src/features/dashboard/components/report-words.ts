import { formatMinutes } from '../../../lib/time/due-countdown';
import { formatDate } from '../../../lib/time/format-date';
import type { ReportInterval } from '../api/report-types';

const monthYear = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A period as people name it: "Jan 2026", "Q1 2026", "FY2026", or the ISO week "2026-W05". */
export function periodLabel(period: string, periodStart: string, interval: ReportInterval): string {
  switch (interval) {
    case 'month':
      // periodStart is a calendar date; read it at UTC midnight so no zone moves it to another month.
      return monthYear.format(new Date(`${periodStart}T00:00:00Z`));
    case 'quarter': {
      const [year, quarter] = period.split('-');
      return quarter && year ? `${quarter} ${year}` : period;
    }
    case 'week':
    case 'fiscal_year':
      return period;
  }
}

/** "1 Jan 2025 – 31 Dec 2025" (as the reader writes dates): a report's days, inclusive. */
export function rangeLabel(from: string, to: string): string {
  return `${formatDate(from)} – ${formatDate(to)}`;
}

const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

/** "34.5%" from 0.345; a dash when there is nothing to divide. */
export function formatShare(share: number | null): string {
  return share === null ? '—' : percent.format(share);
}

/** Business time, as the SLA clock counts it: "2 h 5 min" (hours, never days); a dash for none. */
export function formatBusinessMinutes(minutes: number | null): string {
  return minutes === null ? '—' : formatMinutes(Math.round(minutes), { days: false });
}

/** Wall-clock time from creation: "3 d 4 h", "45 min"; a dash for none. */
export function formatWallClockHours(hours: number | null): string {
  return hours === null ? '—' : formatMinutes(Math.round(hours * 60));
}

const count = new Intl.NumberFormat('en-US');

/** "12,345". */
export function formatCount(value: number): string {
  return count.format(value);
}
