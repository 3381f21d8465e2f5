import { TZDate } from '@date-fns/tz';
import rrule from 'rrule';

const { RRule } = rrule;
type Rule = InstanceType<typeof RRule>;

/** When and how often a plan's work falls due, in the plan's (the city's) time zone. */
export interface Recurrence {
  /** An RFC 5545 RRULE without DTSTART, e.g. `FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2`. */
  rule: string;
  /** First day, `YYYY-MM-DD`, local. */
  startsOn: string;
  /** Local time of day the work is due, `HH:MM`. */
  dueTime: string;
  /** Last day (inclusive), or null. */
  endsOn: string | null;
  timeZone: string;
}

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

/**
 * rrule.js works on "floating" times: a local wall-clock time written as if it were UTC. The
 * plan's times are built that way and every occurrence is turned back into a real instant in the
 * plan's zone, so 08:00 stays 08:00 local across DST changes.
 */
function floating(instant: Date, timeZone: string): Date {
  const local = new TZDate(instant.getTime(), timeZone);
  return new Date(
    Date.UTC(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes(), local.getSeconds()),
  );
}

function instant(floatingDate: Date, timeZone: string): Date {
  const d = floatingDate;
  return new Date(
    TZDate.tz(timeZone, d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()).getTime(),
  );
}

const floatingDay = (day: string, time: string): Date => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, d, hh, mm));
};

/** Parses the rule; throws RangeError with a readable message when it is not a usable RRULE. */
export function compileRule(r: Recurrence): Rule {
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(r.rule.replace(/^RRULE:/i, ''));
  } catch {
    throw new RangeError('rule is not an RFC 5545 RRULE (e.g. FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2)');
  }
  if (options.freq === undefined) throw new RangeError('rule needs FREQ');
  if (options.dtstart || options.until || options.tzid)
    throw new RangeError('rule must not set DTSTART, UNTIL or TZID: use startsOn and endsOn');
  if (options.freq > RRule.DAILY) throw new RangeError('rule may repeat at most daily');
  return new RRule({
    ...options,
    dtstart: floatingDay(r.startsOn, r.dueTime),
    until: r.endsOn ? floatingDay(r.endsOn, '23:59') : null,
  });
}

/** Due times in [from, to], as instants. */
export function occurrencesBetween(r: Recurrence, from: Date, to: Date, limit = 1000): Date[] {
  if (to < from) return [];
  const rule = compileRule(r);
  // One day of slack each side covers any zone offset; exact bounds are applied on real instants.
  const found: Date[] = [];
  rule.between(
    new Date(floating(from, r.timeZone).getTime() - DAY),
    new Date(floating(to, r.timeZone).getTime() + DAY),
    true,
    (d) => {
      const at = instant(d, r.timeZone);
      if (at >= from && at <= to) found.push(at);
      return found.length < limit;
    },
  );
  return found;
}

/** The next `count` due times at or after `from`. */
export function nextOccurrences(r: Recurrence, from: Date, count: number): Date[] {
  const rule = compileRule(r);
  const out: Date[] = [];
  let cursor = new Date(floating(from, r.timeZone).getTime() - DAY);
  while (out.length < count) {
    const next = rule.after(cursor, true);
    if (!next) break;
    const at = instant(next, r.timeZone);
    if (at >= from) out.push(at);
    cursor = new Date(next.getTime() + 1000);
  }
  return out;
}

/** `days` calendar days before an instant, in the zone (a lead time of 7 days before 08:00 is 08:00). */
export function daysBefore(at: Date, days: number, timeZone: string): Date {
  const local = new TZDate(at.getTime(), timeZone);
  return new Date(
    TZDate.tz(
      timeZone,
      local.getFullYear(),
      local.getMonth(),
      local.getDate() - days,
      local.getHours(),
      local.getMinutes(),
    ).getTime(),
  );
}

/** The instant of a local date `days` after an instant's local date, at `dueTime` (after-completion plans). */
export function daysAfterAt(at: Date, days: number, dueTime: string, timeZone: string): Date {
  const local = new TZDate(at.getTime(), timeZone);
  const [hh, mm] = dueTime.split(':').map(Number) as [number, number];
  return new Date(TZDate.tz(timeZone, local.getFullYear(), local.getMonth(), local.getDate() + days, hh, mm).getTime());
}

/** The first due time of the plan (its start day at the due time). */
export function firstDue(r: Recurrence): Date {
  return instant(floatingDay(r.startsOn, r.dueTime), r.timeZone);
}

const ORDINAL = (n: number): string => {
  if (n === -1) return 'last';
  const abs = Math.abs(n);
  const suffix = abs % 100 >= 11 && abs % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][abs % 10] ?? 'th');
  return n < 0 ? `${abs}${suffix} to last` : `${abs}${suffix}`;
};

/** The rule in words ("every month on the 2nd Tuesday"): rrule's own text, with BYSETPOS said. */
export function describeRule(r: Recurrence): string {
  const rule = compileRule(r);
  const text = rule.toText();
  const setpos = rule.origOptions.bysetpos;
  const positions = setpos === undefined || setpos === null ? [] : Array.isArray(setpos) ? setpos : [setpos];
  if (positions.length === 0) return text;
  const which = positions.map(ORDINAL).join(' and ');
  return text.replace(/ on (the )?/, ` on the ${which} `).replace(/ weekdays?\b/, ' weekday');
}
