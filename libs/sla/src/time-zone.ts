import { tzOffset } from '@date-fns/tz';
import { MINUTES_PER_DAY, MS_PER_MINUTE } from './civil-date.js';

/**
 * UTC offsets of an IANA zone, read from the runtime's tz database through `@date-fns/tz` and
 * remembered as a table of transitions per UTC year. Reading one offset through Intl costs a few
 * microseconds; the table turns every later lookup into a binary search. Nothing here encodes a
 * time-zone rule: the offsets all come from the library.
 *
 * Instants are whole epoch minutes; offsets are minutes east of UTC (New York in winter: -300).
 */
export interface OffsetTransition {
  /** First epoch minute with the new offset. */
  readonly at: number;
  readonly before: number;
  readonly after: number;
}

interface YearTable {
  /** Epoch minute of YYYY-01-01T00:00Z. */
  readonly start: number;
  /** Epoch minute of the next year's start. */
  readonly end: number;
  /** Offset at `start`, before any transition of the year. */
  readonly startOffset: number;
  /** Transitions with `start <= at < end`, in order. */
  readonly transitions: readonly OffsetTransition[];
}

const NO_TRANSITIONS: readonly OffsetTransition[] = [];

export class TimeZoneOffsets {
  private readonly years = new Map<number, YearTable>();
  private recent: YearTable | undefined;

  constructor(readonly name: string) {}

  /** The offset in force at an epoch minute. */
  offsetAt(minute: number): number {
    const table = this.tableFor(minute);
    const i = lastAtOrBefore(table.transitions, minute);
    return i < 0 ? table.startOffset : table.transitions[i]!.after;
  }

  /** The offset in force throughout `[from, to)`, or null when it changes inside. */
  constantOffset(from: number, to: number): number | null {
    const first = this.tableFor(from);
    const i = lastAtOrBefore(first.transitions, from);
    const next = first.transitions[i + 1];
    if (next !== undefined) {
      if (next.at < to) return null;
    } else if (first.end < to && this.transitionsIn(first.end - 1, to).length > 0) {
      return null;
    }
    return i < 0 ? first.startOffset : first.transitions[i]!.after;
  }

  /** Transitions with `from < at < to`, in order. */
  transitionsIn(from: number, to: number): readonly OffsetTransition[] {
    let found: OffsetTransition[] | undefined;
    for (let minute = from; minute < to;) {
      const table = this.tableFor(minute);
      for (const t of table.transitions) {
        if (t.at > from && t.at < to) (found ??= []).push(t);
      }
      minute = table.end;
    }
    return found ?? NO_TRANSITIONS;
  }

  private tableFor(minute: number): YearTable {
    const recent = this.recent;
    if (recent !== undefined && minute >= recent.start && minute < recent.end) return recent;
    const year = new Date(minute * MS_PER_MINUTE).getUTCFullYear();
    let table = this.years.get(year);
    if (table === undefined) {
      table = this.buildYear(year);
      this.years.set(year, table);
    }
    this.recent = table;
    return table;
  }

  /**
   * Samples the offset once a day and finds each change to the minute by bisection. Two changes
   * less than a day apart that cancel out would be missed; the tz database has none since 1970.
   */
  private buildYear(year: number): YearTable {
    const start = Date.UTC(year, 0, 1) / MS_PER_MINUTE;
    const end = Date.UTC(year + 1, 0, 1) / MS_PER_MINUTE;
    const transitions: OffsetTransition[] = [];
    // Samples at start-1, start-1+1day, … end-1: a change at minute m is found in (sample, next].
    let lo = start - 1;
    let loOffset = this.read(lo);
    // Only read when no transition is at or before a minute, so when none is exactly at `start`.
    const startOffset = loOffset;
    while (lo < end - 1) {
      const hi = Math.min(lo + MINUTES_PER_DAY, end - 1);
      const hiOffset = this.read(hi);
      let from = lo;
      let fromOffset = loOffset;
      while (fromOffset !== hiOffset) {
        // Smallest minute in (from, hi] whose offset differs from fromOffset.
        let a = from;
        let b = hi;
        while (b - a > 1) {
          const mid = Math.floor((a + b) / 2);
          if (this.read(mid) === fromOffset) a = mid;
          else b = mid;
        }
        const after = b === hi ? hiOffset : this.read(b);
        transitions.push({ at: b, before: fromOffset, after });
        from = b;
        fromOffset = after;
      }
      lo = hi;
      loOffset = hiOffset;
    }
    return { start, end, startOffset, transitions };
  }

  private read(minute: number): number {
    // Offsets before standard time carry seconds (local mean time); the clock works in minutes.
    return Math.round(tzOffset(this.name, new Date(minute * MS_PER_MINUTE)));
  }
}

function lastAtOrBefore(transitions: readonly OffsetTransition[], minute: number): number {
  let lo = 0;
  let hi = transitions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (transitions[mid]!.at <= minute) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

const zones = new Map<string, TimeZoneOffsets>();

export function timeZoneOffsets(name: string): TimeZoneOffsets {
  let zone = zones.get(name);
  if (zone === undefined) {
    zone = new TimeZoneOffsets(name);
    zones.set(name, zone);
  }
  return zone;
}

/** An IANA zone name the runtime knows ('America/New_York', 'UTC'); offsets like '+05:00' are not zones. */
export function isValidTimeZone(name: unknown): name is string {
  if (typeof name !== 'string' || name.length === 0 || /^[+-]/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
  } catch {
    return false;
  }
  return Number.isFinite(tzOffset(name, new Date(0)));
}
