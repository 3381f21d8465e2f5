import type { CalendarWindow } from '../../../lib/api/api-types';

/** One business window of a day, 'HH:MM' to 'HH:MM' (the end may be '24:00'). */
export interface DayWindow {
  start: string;
  end: string;
}

/** A weekday (0 = Sunday … 6 = Saturday, as the API counts) and its windows, earliest first. */
export interface DayHours {
  day: number;
  windows: DayWindow[];
}

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Monday first, as a city office reads its week. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];
const MONDAY = 1;
const WORKDAYS_AFTER_MONDAY = [2, 3, 4, 5];

export function dayName(day: number): string {
  return DAY_NAMES[day] ?? `Day ${day}`;
}

function shortDayName(day: number): string {
  return dayName(day).slice(0, 3);
}

const byStart = (a: DayWindow, b: DayWindow) => a.start.localeCompare(b.start);

/** The API's flat list of windows as the seven days of a week, Monday first. */
export function toWeek(windows: readonly CalendarWindow[]): DayHours[] {
  return WEEK_ORDER.map((day) => ({
    day,
    windows: windows
      .filter((window) => window.day === day)
      .map(({ start, end }) => ({ start, end }))
      .sort(byStart),
  }));
}

/** The week back as the API's flat list. */
export function fromWeek(week: readonly DayHours[]): CalendarWindow[] {
  return week.flatMap(({ day, windows }) => windows.map(({ start, end }) => ({ day, start, end })));
}

/** Monday's windows for Tuesday to Friday as well; the weekend stays as it is. */
export function copyMondayToWeekdays(week: readonly DayHours[]): DayHours[] {
  const monday = week.find((day) => day.day === MONDAY)?.windows ?? [];
  return week.map((day) =>
    WORKDAYS_AFTER_MONDAY.includes(day.day) ? { ...day, windows: monday.map((window) => ({ ...window })) } : day,
  );
}

/** A window to add to a day: office hours on a closed day, else the hour after its last window. */
export function nextWindow(windows: readonly DayWindow[]): DayWindow {
  const last = windows.at(-1);
  if (!last) return { start: '08:00', end: '17:00' };
  const start = minutesOf(last.end);
  if (start === null || start >= DAY_END) return { start: '', end: '' };
  return { start: clockTime(start), end: clockTime(Math.min(start + 60, DAY_END)) };
}

/** "Mon–Fri 08:00–12:00, 13:00–17:00; Sat 10:00–14:00": days with the same hours run together. */
export function describeWeek(windows: readonly CalendarWindow[]): string {
  const days = toWeek(windows).map((day) => ({
    day: day.day,
    hours: day.windows.map((window) => `${window.start}–${window.end}`).join(', '),
  }));
  const runs: { first: number; last: number; hours: string }[] = [];
  for (const { day, hours } of days) {
    const run = runs.at(-1);
    if (run && run.hours === hours) run.last = day;
    else runs.push({ first: day, last: day, hours });
  }
  const open = runs.filter((run) => run.hours !== '');
  if (open.length === 0) return 'Closed every day';
  if (runs.length === 1) return `Every day ${open[0]?.hours ?? ''}`;
  return open
    .map(({ first, last, hours }) => `${shortDayName(first)}${first === last ? '' : `–${shortDayName(last)}`} ${hours}`)
    .join('; ');
}

const START = /^([01]\d|2[0-3]):[0-5]\d$/;
const END = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const DAY_END = 24 * 60;

function minutesOf(time: string): number | null {
  if (!END.test(time)) return null;
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

function clockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * What is wrong with the week's windows, keyed by the form path of the field to show it on
 * (`week.0.windows.1.end`): a time that is not HH:MM, an end not after its start, and a window
 * overlapping an earlier one of the same day (touching is fine).
 */
export function weekErrors(week: readonly DayHours[], path = 'week'): Record<string, string> {
  const errors: Record<string, string> = {};
  week.forEach(({ windows }, dayIndex) => {
    windows.forEach((window, index) => {
      const at = `${path}.${dayIndex}.windows.${index}`;
      if (!START.test(window.start)) errors[`${at}.start`] = 'Use HH:MM, 00:00 to 23:59';
      if (!END.test(window.end)) errors[`${at}.end`] = 'Use HH:MM, up to 24:00';
      else if (START.test(window.start) && window.end <= window.start) errors[`${at}.end`] = 'Must be after the start';
      const overlapped = windows
        .slice(0, index)
        .find((earlier) => earlier.start < window.end && window.start < earlier.end && earlier.start < earlier.end);
      if (overlapped && !errors[`${at}.start`] && !errors[`${at}.end`]) {
        errors[`${at}.start`] = `Overlaps ${overlapped.start}–${overlapped.end}`;
      }
    });
  });
  return errors;
}
