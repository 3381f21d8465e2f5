import { RRule, Weekday, type Options } from 'rrule';

/**
 * The recurrence builder's choices and the RRULE they stand for. rrule reads and writes the rule
 * text; this module only maps the few shapes the builder offers to and from rrule's options.
 */

export const FREQUENCIES = ['daily', 'weekly', 'monthly', 'yearly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** RFC 5545 weekday codes, Monday first (rrule numbers them 0 = Monday). */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof WEEKDAYS)[number];

/** 1st to 4th, and -1: the last. */
export const POSITIONS = [1, 2, 3, 4, -1] as const;
export type Position = (typeof POSITIONS)[number];

/** "the 1st weekday of the month": any of Monday to Friday, then BYSETPOS picks one. */
export const ANY_WEEKDAY = 'weekday';
export type PositionDay = WeekdayCode | typeof ANY_WEEKDAY;

/** The last day of the month (BYMONTHDAY=-1). */
export const LAST_DAY = -1;

export interface RecurrenceParts {
  frequency: Frequency;
  /** Every how many days, weeks, months or years. */
  interval: number;
  /** weekly: on these days; none means the start date's weekday. */
  weekdays: WeekdayCode[];
  /** monthly: on a day number, or on the nth weekday. */
  monthlyBy: 'day' | 'position';
  /** monthly (by day) and yearly: 1 to 31, or LAST_DAY. */
  monthDay: number;
  /** monthly (by position). */
  position: Position;
  positionDay: PositionDay;
  /** yearly: 1 (January) to 12. */
  month: number;
}

const FREQUENCY_OF: Record<Frequency, Options['freq']> = {
  daily: RRule.DAILY,
  weekly: RRule.WEEKLY,
  monthly: RRule.MONTHLY,
  yearly: RRule.YEARLY,
};

const WORKING_DAYS: readonly WeekdayCode[] = ['MO', 'TU', 'WE', 'TH', 'FR'];

const weekday = (code: WeekdayCode) => new Weekday(WEEKDAYS.indexOf(code));

/** The choices a new rule starts from, taken from the plan's first day ('YYYY-MM-DD'). */
export function defaultParts(startsOn: string): RecurrenceParts {
  const [year, month, day] = startsOn.split('-').map(Number);
  const start = year && month && day ? new Date(Date.UTC(year, month - 1, day)) : new Date();
  const code = WEEKDAYS[(start.getUTCDay() + 6) % 7] ?? 'MO';
  return {
    frequency: 'monthly',
    interval: 1,
    weekdays: [code],
    monthlyBy: 'day',
    monthDay: start.getUTCDate(),
    position: 1,
    positionDay: code,
    month: start.getUTCMonth() + 1,
  };
}

/** The RRULE (without the "RRULE:" prefix) for the builder's choices, e.g. FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2. */
export function ruleFromParts(parts: RecurrenceParts): string {
  // rrule writes the parts in the order the options are given.
  const options: Partial<Options> = { freq: FREQUENCY_OF[parts.frequency] };
  if (parts.interval > 1) options.interval = parts.interval;
  switch (parts.frequency) {
    case 'daily':
      break;
    case 'weekly':
      options.byweekday = WEEKDAYS.filter((code) => parts.weekdays.includes(code)).map(weekday);
      break;
    case 'monthly':
      if (parts.monthlyBy === 'day') {
        options.bymonthday = parts.monthDay;
      } else {
        options.byweekday = (parts.positionDay === ANY_WEEKDAY ? WORKING_DAYS : [parts.positionDay]).map(weekday);
        options.bysetpos = parts.position;
      }
      break;
    case 'yearly':
      options.bymonth = parts.month;
      options.bymonthday = parts.monthDay;
      break;
  }
  return RRule.optionsToString(options).replace(/^RRULE:/, '');
}

type ParsedRule = Partial<Options>;

const list = <T>(value: T | T[] | null | undefined): T[] =>
  value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];

const OPTION_KEYS: Record<Frequency, readonly (keyof Options)[]> = {
  daily: ['freq', 'interval'],
  weekly: ['freq', 'interval', 'byweekday'],
  monthly: ['freq', 'interval', 'byweekday', 'bysetpos', 'bymonthday'],
  yearly: ['freq', 'interval', 'bymonth', 'bymonthday'],
};

function parse(rule: string): ParsedRule | null {
  try {
    return RRule.parseString(rule.trim().replace(/^RRULE:/i, ''));
  } catch {
    return null;
  }
}

interface DayOfWeek {
  code: WeekdayCode;
  /** BYDAY=2TU: the 2nd Tuesday. */
  n: number | undefined;
}

function daysOf(options: ParsedRule): DayOfWeek[] | null {
  const days: DayOfWeek[] = [];
  for (const day of list(options.byweekday)) {
    if (!(day instanceof Weekday)) return null;
    const code = WEEKDAYS[day.weekday];
    if (!code) return null;
    days.push({ code, n: day.n || undefined });
  }
  return days;
}

const isPosition = (n: number | undefined): n is Position => POSITIONS.some((position) => position === n);
const isMonthDay = (n: number | undefined): n is number =>
  n !== undefined && Number.isInteger(n) && ((n >= 1 && n <= 31) || n === LAST_DAY);

/** "On the 2nd Tuesday", "on the 1st weekday": one BYDAY with BYSETPOS, or one BYDAY=2TU. */
function monthlyPosition(days: DayOfWeek[], setpos: number[]): Pick<RecurrenceParts, 'position' | 'positionDay'> | null {
  if (setpos.length > 1) return null;
  const [only] = days;
  if (setpos.length === 0) {
    return days.length === 1 && only && isPosition(only.n) ? { position: only.n, positionDay: only.code } : null;
  }
  const [position] = setpos;
  if (!isPosition(position) || days.some((day) => day.n !== undefined)) return null;
  if (days.length === 1 && only) return { position, positionDay: only.code };
  const workingDays = days.length === WORKING_DAYS.length && WORKING_DAYS.every((code) => days.some((day) => day.code === code));
  return workingDays ? { position, positionDay: ANY_WEEKDAY } : null;
}

/**
 * The builder's choices for a rule, or null when the builder cannot show it (a COUNT, several
 * month days, BYHOUR…): such a rule stays editable as text. `fallback` fills the choices the rule
 * does not use, so switching frequency starts from sensible values.
 */
export function partsFromRule(rule: string, fallback: RecurrenceParts): RecurrenceParts | null {
  const options = parse(rule);
  const frequency = FREQUENCIES.find((candidate) => FREQUENCY_OF[candidate] === options?.freq);
  if (!options || !frequency) return null;
  const keys = Object.keys(options) as (keyof Options)[];
  if (keys.some((key) => !OPTION_KEYS[frequency].includes(key))) return null;

  const interval = options.interval ?? 1;
  const days = daysOf(options);
  const monthDays = list(options.bymonthday);
  const months = list(options.bymonth);
  if (!Number.isInteger(interval) || interval < 1 || !days || monthDays.length > 1 || months.length > 1) return null;
  const [monthDay] = monthDays;
  const base = { ...fallback, frequency, interval };

  switch (frequency) {
    case 'daily':
      return base;
    case 'weekly':
      return days.some((day) => day.n !== undefined) ? null : { ...base, weekdays: days.map((day) => day.code) };
    case 'monthly': {
      if (monthDays.length === 1) {
        return days.length === 0 && list(options.bysetpos).length === 0 && isMonthDay(monthDay)
          ? { ...base, monthlyBy: 'day', monthDay }
          : null;
      }
      const position = monthlyPosition(days, list(options.bysetpos));
      return position ? { ...base, monthlyBy: 'position', ...position } : null;
    }
    case 'yearly': {
      const [month] = months;
      return month !== undefined && month >= 1 && month <= 12 && isMonthDay(monthDay) ? { ...base, month, monthDay } : null;
    }
  }
}
