/**
 * The month a council report covers, as the address writes it ('2026-03'), and the days its
 * figures span: the month itself, and the twelve months ending with it for the trends. Calendar
 * arithmetic in UTC, so no time zone moves a day.
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** 'YYYY-MM' when the text names a month, else null. */
export function readReportMonth(text: string | null): string | null {
  return text !== null && MONTH.test(text) ? text : null;
}

function utcMonth(month: string, shift = 0): Date {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, index - 1 + shift, 1));
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The month `count` months after (or before) `month`. */
export function shiftMonth(month: string, count: number): string {
  return isoDay(utcMonth(month, count)).slice(0, 7);
}

/** The month before the one `today` ('YYYY-MM-DD') is in: the last whole month. */
export function lastWholeMonth(today: string): string {
  return shiftMonth(today.slice(0, 7), -1);
}

/** First and last day of the month, inclusive. */
export function monthDays(month: string): { from: string; to: string } {
  return { from: `${month}-01`, to: isoDay(new Date(utcMonth(month, 1).getTime() - 86_400_000)) };
}

/** The twelve months ending with `month`: the trend the report draws. */
export function trendDays(month: string): { from: string; to: string } {
  return { from: `${shiftMonth(month, -11)}-01`, to: monthDays(month).to };
}

const monthName = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "March 2026". */
export function monthTitle(month: string): string {
  return monthName.format(utcMonth(month));
}
