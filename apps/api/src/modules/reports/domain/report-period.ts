import { addDays, addMonths, daysBetween, monthOf, weekdayOf, yearOf } from './report-dates.js';

export const REPORT_INTERVALS = ['week', 'month', 'quarter', 'fiscal_year'] as const;
export type ReportInterval = (typeof REPORT_INTERVALS)[number];

/** One period of a report's axis. */
export interface ReportPeriod {
  /** "2026-W05", "2026-01", "2026-Q1" or "FY2026". */
  period: string;
  /** First day of the period, 'YYYY-MM-DD' (may be before the range's `from`). */
  periodStart: string;
  /** First day of the next period. */
  nextStart: string;
}

/**
 * The first day of the period holding a date. Weeks start on Monday (ISO 8601); quarters are
 * calendar quarters; a fiscal year starts on the first of `fiscalYearStartMonth`.
 */
export function periodStartOf(date: string, interval: ReportInterval, fiscalYearStartMonth: number): string {
  const [year, month] = [yearOf(date), monthOf(date)];
  switch (interval) {
    case 'week':
      return addDays(date, -((weekdayOf(date) + 6) % 7));
    case 'month':
      return `${date.slice(0, 7)}-01`;
    case 'quarter':
      return monthStart(year, Math.floor((month - 1) / 3) * 3 + 1);
    case 'fiscal_year':
      return monthStart(month >= fiscalYearStartMonth ? year : year - 1, fiscalYearStartMonth);
  }
}

/** The first day of the period after the one starting on `start`. */
export function nextPeriodStart(start: string, interval: ReportInterval): string {
  switch (interval) {
    case 'week':
      return addDays(start, 7);
    case 'month':
      return addMonths(start, 1);
    case 'quarter':
      return addMonths(start, 3);
    case 'fiscal_year':
      return addMonths(start, 12);
  }
}

/**
 * The label of the period starting on `start`. Weeks carry their ISO week-year ("2026-W01" starts
 * on Monday 2025-12-29). A fiscal year is named by the calendar year it ends in, the US city
 * convention: with a July start, FY2026 runs from July 2025 to June 2026.
 */
export function periodLabel(start: string, interval: ReportInterval, fiscalYearStartMonth: number): string {
  const year = yearOf(start);
  switch (interval) {
    case 'week': {
      // The ISO week-year is the year of the week's Thursday; week 1 holds the year's first Thursday.
      const thursday = addDays(start, 3);
      const isoYear = yearOf(thursday);
      const week = Math.floor(daysBetween(`${isoYear}-01-01`, thursday) / 7) + 1;
      return `${isoYear}-W${String(week).padStart(2, '0')}`;
    }
    case 'month':
      return start.slice(0, 7);
    case 'quarter':
      return `${year}-Q${Math.floor((monthOf(start) - 1) / 3) + 1}`;
    case 'fiscal_year':
      return `FY${fiscalYearStartMonth === 1 ? year : year + 1}`;
  }
}

/** Every period touching the range from..to (inclusive days), in order, with no gaps. */
export function reportPeriods(from: string, to: string, interval: ReportInterval, fiscalYearStartMonth: number): ReportPeriod[] {
  const periods: ReportPeriod[] = [];
  for (let start = periodStartOf(from, interval, fiscalYearStartMonth); start <= to;) {
    const nextStart = nextPeriodStart(start, interval);
    periods.push({ period: periodLabel(start, interval, fiscalYearStartMonth), periodStart: start, nextStart });
    start = nextStart;
  }
  return periods;
}

function monthStart(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}
