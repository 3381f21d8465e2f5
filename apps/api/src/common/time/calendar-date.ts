const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True for a real calendar date written 'YYYY-MM-DD' ("2025-02-29" is refused). Dates such as a
 * purchase date or a warranty end are days, not instants, so they never pass through a time zone.
 */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; UTC avoids any local-time shift.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
