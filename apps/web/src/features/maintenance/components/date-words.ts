/** Dates and their parts in the reader's language. */

type Width = 'long' | 'short';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(undefined, options);
    formats.set(key, found);
  }
  return found;
}

// Names come from fixed UTC dates, so no time zone shifts them to a neighbouring day.

/** 0 = Monday … 6 = Sunday (1 January 2024 was a Monday). */
export function weekdayName(mondayBased: number, width: Width = 'long'): string {
  return format({ weekday: width, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + mondayBased)));
}

/** 1 = January … 12 = December. */
export function monthName(month: number): string {
  return format({ month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, month - 1, 1)));
}

/** "Thursday, March 12, 2026": a local day. */
export function fullDate(date: Date): string {
  return format({ dateStyle: 'full' }).format(date);
}

/** "March 2026". */
export function monthTitle(year: number, month: number): string {
  return format({ month: 'long', year: 'numeric' }).format(new Date(year, month - 1, 1));
}

/** "9:00 AM": the time of an instant, in the reader's zone. */
export function timeOfDay(iso: string): string {
  return format({ timeStyle: 'short' }).format(new Date(iso));
}
