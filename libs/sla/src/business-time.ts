import { type Calendar } from './calendar.types.js';
import { MS_PER_MINUTE } from './civil-date.js';
import { type CompiledCalendar, compileCalendar } from './compiled-calendar.js';
import { SlaError } from './sla.errors.js';

/**
 * The business clock. It has minute resolution: every instant is truncated to its whole minute
 * (09:00:45 counts as 09:00) before counting, so minutes stay integers and counts add up exactly.
 * Business time is half-open: a window 08:00–17:00 contains 08:00 and not 17:00.
 */

/** Past this many consecutive days without any business time, the search gives up. */
const MAX_IDLE_DAYS = 3660;

export function toMinute(instant: Date, what = 'instant'): number {
  const ms = instant instanceof Date ? instant.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new SlaError('invalid_argument', `${what} must be a valid Date`);
  return Math.floor(ms / MS_PER_MINUTE);
}

export function fromMinute(minute: number): Date {
  return new Date(minute * MS_PER_MINUTE);
}

function noBusinessTime(): SlaError {
  return new SlaError('no_business_time', 'The calendar has no business time, so no business instant can be found');
}

/** Whether the instant lies inside a business window (window end excluded). */
export function isBusinessTime(t: Date, calendar: Calendar): boolean {
  const cal = compileCalendar(calendar);
  const m = toMinute(t);
  const iv = cal.dayIntervals(cal.dayOf(m));
  for (let i = 0; i < iv.length; i += 2) if (m >= iv[i]! && m < iv[i + 1]!) return true;
  return false;
}

/** `t` itself (a copy) when it is business time, else the start of the next business window. */
export function nextBusinessInstant(t: Date, calendar: Calendar): Date {
  const cal = compileCalendar(calendar);
  const m = toMinute(t);
  const next = nextBusinessMinute(cal, m);
  return next === m ? new Date(t.getTime()) : fromMinute(next);
}

/**
 * The instant when `minutes` business minutes have passed since `start`. With `minutes > 0` the
 * result is the end of the last counted minute: inside business time, or exactly the end of a
 * window (a 60-minute target started at 16:00 on an 08:00–17:00 day is due at 17:00 that day, not
 * at 08:00 the next morning). `minutes = 0` gives `start` unchanged.
 */
export function addBusinessMinutes(start: Date, minutes: number, calendar: Calendar): Date {
  const cal = compileCalendar(calendar);
  checkMinutes(minutes);
  const from = toMinute(start, 'start');
  return minutes === 0 ? new Date(start.getTime()) : fromMinute(addMinutesAt(cal, from, minutes));
}

/** Business minutes in [a, b) (both truncated to the minute); 0 when b ≤ a. */
export function businessMinutesBetween(a: Date, b: Date, calendar: Calendar): number {
  const cal = compileCalendar(calendar);
  return minutesBetween(cal, toMinute(a, 'a'), toMinute(b, 'b'));
}

function checkMinutes(minutes: number): void {
  if (!Number.isSafeInteger(minutes) || minutes < 0) {
    throw new SlaError('invalid_argument', `minutes must be a non-negative integer, got ${minutes}`);
  }
}

/** First business epoch minute at or after `m`. */
export function nextBusinessMinute(cal: CompiledCalendar, m: number): number {
  if (cal.weekMinutes === 0) throw noBusinessTime();
  let day = cal.dayOf(m);
  for (let idle = 0; idle <= MAX_IDLE_DAYS; day++) {
    const iv = cal.dayIntervals(day);
    for (let i = 0; i < iv.length; i += 2) {
      if (iv[i + 1]! > m) return Math.max(iv[i]!, m);
    }
    idle = iv.length === 0 ? idle + 1 : 0;
  }
  throw noBusinessTime();
}

/** Epoch minute when `minutes` (> 0) business minutes after epoch minute `start` have passed. */
export function addMinutesAt(cal: CompiledCalendar, start: number, minutes: number): number {
  if (minutes <= 0) return start;
  const week = cal.weekMinutes;
  if (week === 0) throw noBusinessTime();
  let remaining = minutes;
  let day = cal.dayOf(start);
  const first = cal.dayIntervals(day);
  for (let i = 0; i < first.length; i += 2) {
    const end = first[i + 1]!;
    if (end <= start) continue;
    const from = Math.max(first[i]!, start);
    if (remaining <= end - from) return from + remaining;
    remaining -= end - from;
  }
  day++;
  let idle = 0;
  for (;;) {
    if (remaining > 2 * week) {
      // Jump whole weeks, keeping at least a week in hand so the jump never overshoots.
      const weeks = Math.floor(remaining / week) - 1;
      const span = weeks * week + cal.specialDelta(day, day + 7 * weeks);
      if (span < remaining) {
        remaining -= span;
        day += 7 * weeks;
        continue;
      }
    }
    const iv = cal.dayIntervals(day);
    for (let i = 0; i < iv.length; i += 2) {
      const length = iv[i + 1]! - iv[i]!;
      if (remaining <= length) return iv[i]! + remaining;
      remaining -= length;
    }
    day++;
    idle = iv.length === 0 ? idle + 1 : 0;
    if (idle > MAX_IDLE_DAYS) throw noBusinessTime();
  }
}

/** Business minutes in [a, b) of epoch minutes. */
export function minutesBetween(cal: CompiledCalendar, a: number, b: number): number {
  if (b <= a || cal.weekMinutes === 0) return 0;
  const dayA = cal.dayOf(a);
  const dayB = cal.dayOf(b);
  if (dayA === dayB) return overlap(cal.dayIntervals(dayA), a, b);
  return (
    overlap(cal.dayIntervals(dayA), a, Infinity) +
    wholeDaysMinutes(cal, dayA + 1, dayB) +
    overlap(cal.dayIntervals(dayB), -Infinity, b)
  );
}

/** Business minutes of the local days [fromDay, toDay). */
function wholeDaysMinutes(cal: CompiledCalendar, fromDay: number, toDay: number): number {
  if (toDay <= fromDay) return 0;
  const weeks = Math.floor((toDay - fromDay) / 7);
  let sum = weeks > 0 ? weeks * cal.weekMinutes + cal.specialDelta(fromDay, fromDay + 7 * weeks) : 0;
  for (let d = fromDay + 7 * weeks; d < toDay; d++) sum += cal.dayMinutes(d);
  return sum;
}

function overlap(iv: readonly number[], a: number, b: number): number {
  let sum = 0;
  for (let i = 0; i < iv.length; i += 2) {
    const from = Math.max(iv[i]!, a);
    const to = Math.min(iv[i + 1]!, b);
    if (to > from) sum += to - from;
  }
  return sum;
}

/**
 * Calls `visit(from, to)` for each business stretch inside [a, b) in order, until it returns false.
 * Walks day by day: for timelines, not for arithmetic.
 */
export function forEachBusinessInterval(
  cal: CompiledCalendar,
  a: number,
  b: number,
  visit: (from: number, to: number) => boolean,
): void {
  if (b <= a || cal.weekMinutes === 0) return;
  const lastDay = cal.dayOf(b);
  for (let day = cal.dayOf(a); day <= lastDay; day++) {
    const iv = cal.dayIntervals(day);
    for (let i = 0; i < iv.length; i += 2) {
      const from = Math.max(iv[i]!, a);
      const to = Math.min(iv[i + 1]!, b);
      if (to > from && !visit(from, to)) return;
    }
  }
}
