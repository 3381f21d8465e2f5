import type { Random } from './random.js';

/**
 * When a city's tickets come in: more on Mondays and Tuesdays, hardly any on weekends and
 * holidays (except where people work around the clock), more in budget season for finance and the
 * city manager's office, summer for parks and the library, and bursts on summer storm days for
 * the crews in the field. Within a day, office tickets follow business hours with a morning peak.
 */

/** How a department works: office hours, around the clock (police, fire), or the library's long hours. */
export type Schedule = 'office' | 'around_the_clock' | 'library';

export interface CivilDay {
  /** 'YYYY-MM-DD' in the city. */
  date: string;
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

export function civilDay(year: number, month: number, day: number): CivilDay {
  const d = new Date(Date.UTC(year, month - 1, day));
  return {
    date: d.toISOString().slice(0, 10),
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
  };
}

export const nextDay = (d: CivilDay): CivilDay => civilDay(d.year, d.month, d.day + 1);

/** Sunday … Saturday. */
const WEEKDAY: Record<Schedule, readonly number[]> = {
  office: [0.05, 1.3, 1.15, 1.0, 0.95, 0.75, 0.06],
  around_the_clock: [0.55, 1.15, 1.1, 1.0, 1.0, 0.9, 0.6],
  library: [0.3, 1.2, 1.1, 1.0, 1.0, 0.9, 0.6],
};

/** January … December: new-year password resets, September's return from summer, a quiet December. */
const MONTH = [1.08, 1.0, 1.0, 1.02, 1.05, 1.05, 0.95, 0.92, 1.1, 1.0, 0.93, 0.85];

const HOLIDAY: Record<Schedule, number> = { office: 0.08, around_the_clock: 0.6, library: 0.1 };

/** Months of the budget season: the three before the fiscal year starts. */
export function budgetSeason(month: number, fiscalYearStartMonth: number): boolean {
  const before = (fiscalYearStartMonth - month + 12) % 12;
  return before >= 1 && before <= 3;
}

/** Departments whose season it is: budgets for finance and the city manager, summer for parks and the library. */
function departmentSeason(code: string, month: number, fiscalYearStartMonth: number): number {
  if ((code === 'FIN' || code === 'CH') && budgetSeason(month, fiscalYearStartMonth)) return 1.35;
  if (code === 'PARKS' && month >= 6 && month <= 8) return 1.45;
  if (code === 'LIB' && (month === 6 || month === 7)) return 1.15;
  return 1;
}

/** Departments whose crews and sites a storm hits. */
export const STORM_EXPOSED: ReadonlySet<string> = new Set(['PW', 'UTIL', 'PARKS', 'IT', 'FD']);

/** How many tickets a department files on a day, relative to an ordinary Wednesday. */
export function dayFactor(
  code: string,
  schedule: Schedule,
  day: CivilDay,
  context: { holidays: ReadonlySet<string>; storms: ReadonlyMap<string, number>; fiscalYearStartMonth: number },
): number {
  const holiday = context.holidays.has(day.date) ? HOLIDAY[schedule] : 1;
  const storm = STORM_EXPOSED.has(code) ? (context.storms.get(day.date) ?? 1) : 1;
  return (
    WEEKDAY[schedule][day.weekday]! *
    MONTH[day.month - 1]! *
    departmentSeason(code, day.month, context.fiscalYearStartMonth) *
    holiday *
    storm
  );
}

/**
 * Summer storms: three to five a summer (June to August), each hitting for a day or two, the
 * second day lighter. The value is the storm's multiplier on the exposed departments' tickets.
 */
export function stormDays(random: Random, fromYear: number, toYear: number): Map<string, number> {
  const storms = new Map<string, number>();
  for (let year = fromYear; year <= toYear; year++) {
    const count = random.int(3, 5);
    for (let i = 0; i < count; i++) {
      const start = civilDay(year, 6, 1 + random.int(0, 91));
      const strength = random.between(2.5, 4);
      storms.set(start.date, strength);
      if (random.chance(0.5)) storms.set(nextDay(start).date, 1 + (strength - 1) / 2);
    }
  }
  return storms;
}

/** Hours of a working day with the share of tickets filed in each: a peak at nine, a lunch dip. */
const OFFICE_HOURS: readonly (readonly [number, number])[] = [
  [7, 0.2],
  [8, 0.9],
  [9, 1.4],
  [10, 1.3],
  [11, 1.1],
  [12, 0.6],
  [13, 1.1],
  [14, 1.0],
  [15, 0.9],
  [16, 0.6],
  [17, 0.15],
];
const LIBRARY_HOURS: readonly (readonly [number, number])[] = [
  [9, 0.8],
  [10, 1.2],
  [11, 1.1],
  [12, 0.8],
  [13, 1.0],
  [14, 1.0],
  [15, 1.0],
  [16, 0.9],
  [17, 0.8],
  [18, 0.6],
  [19, 0.4],
];

/**
 * The local minute of the day a ticket is filed: office hours for office departments; the
 * library's long hours; around the clock, a third of tickets outside office hours.
 */
export function openingMinute(random: Random, schedule: Schedule): number {
  const hours =
    schedule === 'library'
      ? LIBRARY_HOURS
      : schedule === 'around_the_clock' && random.chance(0.33)
        ? Array.from({ length: 24 }, (_, h) => [h, 1] as const)
        : OFFICE_HOURS;
  return random.weighted(hours) * 60 + random.int(0, 59);
}
