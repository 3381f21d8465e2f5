import { type Calendar, type WeeklyWindow, type Weekday } from './calendar.types.js';

const ALL_DAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];

/**
 * A 24×7 calendar in `timeZone`: every day 00:00–24:00, no holidays. Every instant is business
 * time whatever the zone (local days are 23 or 25 hours long on DST days, and both count).
 */
export function calendar24x7(timeZone: string): Calendar {
  const windows: WeeklyWindow[] = ALL_DAYS.map((day) => Object.freeze({ day, start: '00:00', end: '24:00' }));
  return Object.freeze({ timeZone, windows: Object.freeze(windows), holidays: Object.freeze([]) });
}

/** The 24×7 calendar in UTC (frozen: share it freely). */
export const ALWAYS_OPEN: Calendar = calendar24x7('UTC');
