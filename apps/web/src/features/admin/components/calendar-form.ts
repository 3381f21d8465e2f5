import type { Calendar, CreateCalendarInput } from '../../../lib/api/api-types';
import { fromWeek, toWeek, weekErrors, type DayHours } from './weekly-hours';

/** The calendar form's fields: the week as seven days, Monday first. */
export interface CalendarValues {
  name: string;
  timeZone: string | null;
  week: DayHours[];
}

const OFFICE_HOURS = [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '17:00' }));

/** The calendar's current values, or a new one's: Monday to Friday 08:00–17:00 in `timeZone`. */
export function calendarValues(calendar: Calendar | null, timeZone: string): CalendarValues {
  return {
    name: calendar?.name ?? '',
    timeZone: calendar?.timeZone ?? timeZone,
    week: toWeek(calendar?.windows ?? OFFICE_HOURS),
  };
}

/** Problems to fix before saving, keyed by field path (the API checks again, the library's way). */
export function calendarErrors(values: CalendarValues): Record<string, string> {
  return {
    ...(values.name.trim() ? {} : { name: 'Enter the calendar’s name' }),
    ...(values.timeZone ? {} : { timeZone: 'Choose a time zone' }),
    ...weekErrors(values.week),
  };
}

export function calendarInput(values: CalendarValues): CreateCalendarInput {
  return { name: values.name.trim(), timeZone: values.timeZone ?? 'UTC', windows: fromWeek(values.week) };
}

/** API errors about the windows (`windows`, `windows.3.end`): shown under the whole week, the form's days being grouped differently. */
export function windowErrors(errors: Record<string, unknown>): string[] {
  return Object.entries(errors)
    .filter(([path]) => path === 'windows' || path.startsWith('windows.'))
    .map(([, message]) => String(message));
}
