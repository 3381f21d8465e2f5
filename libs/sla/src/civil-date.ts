/**
 * Proleptic Gregorian dates as day numbers (days since 1970-01-01), computed with the UTC methods
 * of Date, which carry no time zone. Local dates of a calendar are day numbers too.
 */
export const MINUTES_PER_DAY = 1440;
export const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

export interface CivilDate {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
}

/** The day number of a civil date, or null when the date does not exist (2026-02-30). */
export function dayNumber(year: number, month: number, day: number): number | null {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round(d.getTime() / MS_PER_DAY);
}

export function civilDate(dayNum: number): CivilDate {
  const d = new Date(dayNum * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function yearOfDay(dayNum: number): number {
  return new Date(dayNum * MS_PER_DAY).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNum: number): number {
  return (((dayNum + 4) % 7) + 7) % 7;
}

/** `'YYYY-MM-DD'` → civil date, or null when malformed or nonexistent. */
export function parseIsoDate(text: string): CivilDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return dayNumber(year, month, day) === null ? null : { year, month, day };
}

/** `'HH:MM'` → minutes after midnight (00:00..23:59; `'24:00'` only when `allowEndOfDay`), else null. */
export function parseClockTime(text: string, allowEndOfDay: boolean): number | null {
  if (allowEndOfDay && text === '24:00') return MINUTES_PER_DAY;
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}
