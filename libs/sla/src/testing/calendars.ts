import { type Calendar, type Holiday, type Weekday } from '../calendar.types.js';

/** Fixtures shared by the specs. */
export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5];

/** Monday–Friday 08:00–17:00 in `timeZone`. */
export function officeHours(timeZone: string, holidays: Holiday[] = []): Calendar {
  return { timeZone, windows: WEEKDAYS.map((day) => ({ day, start: '08:00', end: '17:00' })), holidays };
}

/** Monday–Friday 08:00–12:00 and 13:00–17:00 in `timeZone`. */
export function splitDay(timeZone: string, holidays: Holiday[] = []): Calendar {
  return {
    timeZone,
    windows: WEEKDAYS.flatMap((day) => [
      { day, start: '08:00', end: '12:00' },
      { day, start: '13:00', end: '17:00' },
    ]),
    holidays,
  };
}

export const at = (iso: string): Date => new Date(iso);
