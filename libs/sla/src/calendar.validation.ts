import { type Calendar } from './calendar.types.js';
import { parseClockTime, parseIsoDate } from './civil-date.js';
import { isValidTimeZone } from './time-zone.js';

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Problems that make a calendar unusable; the clock functions refuse such a calendar. */
export function structuralProblems(calendar: Calendar): string[] {
  const problems: string[] = [];
  if (typeof calendar !== 'object' || calendar === null) return ['calendar must be an object'];
  if (!isValidTimeZone(calendar.timeZone)) {
    problems.push(`timeZone ${JSON.stringify(calendar.timeZone)} is not an IANA time zone known to this runtime`);
  }

  if (!Array.isArray(calendar.windows)) {
    problems.push('windows must be an array');
  } else {
    const parsed: { index: number; day: number; start: number; end: number }[] = [];
    calendar.windows.forEach((window, index) => {
      const where = `windows[${index}]`;
      if (typeof window !== 'object' || window === null) {
        problems.push(`${where} must be an object`);
        return;
      }
      const dayOk = Number.isInteger(window.day) && window.day >= 0 && window.day <= 6;
      if (!dayOk) problems.push(`${where}: day ${JSON.stringify(window.day)} must be an integer 0 (Sunday) .. 6 (Saturday)`);
      const start = typeof window.start === 'string' ? parseClockTime(window.start, false) : null;
      const end = typeof window.end === 'string' ? parseClockTime(window.end, true) : null;
      if (start === null) problems.push(`${where}: start ${JSON.stringify(window.start)} must be HH:MM from 00:00 to 23:59`);
      if (end === null) problems.push(`${where}: end ${JSON.stringify(window.end)} must be HH:MM from 00:01 to 24:00`);
      if (start !== null && end !== null && end <= start) {
        problems.push(`${where}: end ${window.end} must be after start ${window.start}`);
      }
      if (dayOk && start !== null && end !== null && end > start) parsed.push({ index, day: window.day, start, end });
    });
    parsed.sort((a, b) => a.day - b.day || a.start - b.start);
    for (let i = 1; i < parsed.length; i++) {
      const prev = parsed[i - 1]!;
      const cur = parsed[i]!;
      if (prev.day === cur.day && cur.start < prev.end) {
        const [first, second] = prev.index < cur.index ? [prev, cur] : [cur, prev];
        const text = (w: typeof prev) => `${calendar.windows[w.index]!.start}–${calendar.windows[w.index]!.end}`;
        problems.push(
          `windows[${first.index}] and windows[${second.index}] overlap on ${DAY_NAMES[cur.day]} (${text(first)} and ${text(second)})`,
        );
      }
    }
  }

  if (!Array.isArray(calendar.holidays)) {
    problems.push('holidays must be an array');
  } else {
    calendar.holidays.forEach((holiday, index) => {
      const where = `holidays[${index}]`;
      if (typeof holiday !== 'object' || holiday === null) {
        problems.push(`${where} must be an object`);
        return;
      }
      if (typeof holiday.date !== 'string' || parseIsoDate(holiday.date) === null) {
        problems.push(`${where}: date ${JSON.stringify(holiday.date)} must be an existing YYYY-MM-DD date`);
      }
      if (typeof holiday.name !== 'string' || holiday.name.trim() === '') problems.push(`${where}: name must not be empty`);
      if (holiday.yearly !== undefined && typeof holiday.yearly !== 'boolean')
        problems.push(`${where}: yearly must be a boolean`);
      if (holiday.observed !== undefined && typeof holiday.observed !== 'boolean') {
        problems.push(`${where}: observed must be a boolean`);
      }
    });
  }
  return problems;
}

/**
 * Every problem of a calendar, as sentences for the person editing it; empty when it is usable.
 * Besides malformed data, a calendar without any business window is a problem: no due time
 * could ever be computed on it.
 */
export function validateCalendar(calendar: Calendar): string[] {
  const problems = structuralProblems(calendar);
  if (problems.length === 0 && calendar.windows.length === 0) {
    problems.push('the calendar has no business hours: add at least one weekly window');
  }
  return problems;
}
