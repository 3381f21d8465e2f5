import { TZDate } from '@date-fns/tz';

/**
 * A wall-clock date and time without a zone, 'YYYY-MM-DDTHH:MM': the value of an
 * `<input type="datetime-local">`, read in a calendar's time zone.
 */
export type LocalDateTime = string;

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/;

const pad = (value: number) => String(value).padStart(2, '0');
const isoDate = (day: TZDate) => `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;

/** The instant a wall-clock time in `timeZone` stands for; null when the text is not a date and time. */
export function instantInZone(local: LocalDateTime, timeZone: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  return new Date(new TZDate(year, month - 1, day, hour, minute, timeZone).getTime());
}

/** `hour:minute` on the first `weekday` (0 = Sunday) after today, today as it is in `timeZone` at `now`. */
export function nextWeekdayAt(now: Date, timeZone: string, weekday: number, hour: number, minute: number): LocalDateTime {
  const today = new TZDate(now.getTime(), timeZone);
  const daysAhead = (weekday - today.getDay() + 7) % 7 || 7;
  const day = new TZDate(today.getFullYear(), today.getMonth(), today.getDate() + daysAhead, timeZone);
  return `${isoDate(day)}T${pad(hour)}:${pad(minute)}`;
}

const SHORT_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** "Fri 27 Nov 16:30": a weekday, date and 24-hour time as the clocks in `timeZone` show it. */
export function formatShortInZone(instant: Date, timeZone: string): string {
  let format = SHORT_FORMATS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    SHORT_FORMATS.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(instant).map(({ type, value }) => [type, value]));
  return `${part.weekday} ${part.day} ${part.month} ${part.hour}:${part.minute}`;
}

/** The calendar date ('YYYY-MM-DD') that clocks in `timeZone` show at `instant`. */
export function dateInZone(instant: Date, timeZone: string): string {
  return isoDate(new TZDate(instant.getTime(), timeZone));
}
