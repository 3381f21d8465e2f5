/** 0 = Sunday … 6 = Saturday, as `Date.prototype.getDay`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * A weekly business window in the calendar's local wall-clock time: `start` inclusive, `end`
 * exclusive, `'HH:MM'`, `end > start`, `'24:00'` allowed as an end. Several windows per day are
 * allowed (08:00–12:00 and 13:00–17:00); windows of one day must not overlap (touching is fine).
 */
export interface WeeklyWindow {
  day: Weekday;
  start: string;
  end: string;
}

/**
 * A holiday closes the whole local day. `yearly` repeats it on the same month and day every year
 * (a yearly 29 February only exists in leap years). `observed` moves it US-style: a Saturday
 * holiday is observed (closed) on the Friday before, a Sunday one on the Monday after, and the
 * Saturday or Sunday itself is then not closed by this holiday.
 */
export interface Holiday {
  /** `'YYYY-MM-DD'`; for a yearly holiday only the month and day matter. */
  date: string;
  name: string;
  yearly?: boolean;
  observed?: boolean;
}

/** A business-hours calendar: an IANA time zone, weekly windows and holidays. */
export interface Calendar {
  timeZone: string;
  windows: readonly WeeklyWindow[];
  holidays: readonly Holiday[];
}
