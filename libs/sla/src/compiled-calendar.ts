import { type Calendar } from './calendar.types.js';
import { structuralProblems } from './calendar.validation.js';
import { MINUTES_PER_DAY, dayNumber, parseClockTime, parseIsoDate, weekdayOf, yearOfDay } from './civil-date.js';
import { SlaError } from './sla.errors.js';
import { type TimeZoneOffsets, timeZoneOffsets } from './time-zone.js';

/**
 * A calendar turned into what the clock needs, all in whole minutes:
 * - local dates are day numbers (days since 1970-01-01 of the local calendar);
 * - instants are epoch minutes;
 * - a local day's business time is the set of instants whose local wall-clock time on that date
 *   falls inside one of the day's windows. On a DST day this makes 08:00–17:00 nine real hours,
 *   00:00–24:00 23 or 25 hours, a window over the skipped hour shorter, and a window over the
 *   repeated hour longer (counted twice, as two stretches of real time).
 */
export class CompiledCalendar {
  readonly zone: TimeZoneOffsets;
  /** Per weekday, merged windows as flat [start, end, start, end, …] minutes after local midnight. */
  readonly weekly: readonly (readonly number[])[];
  /** Business minutes of a plain (no DST change, no holiday) day, per weekday. */
  readonly nominal: readonly number[];
  readonly weekMinutes: number;

  private readonly oneOffClosed: readonly number[];
  private readonly yearly: readonly { month: number; day: number; observed: boolean }[];
  private readonly closed = new Set<number>();
  private readonly expandedYears = new Set<number>();
  /** Local days [completeFrom, completeTo) whose yearly holidays are all in `closed`. */
  private completeFrom = 0;
  private completeTo = 0;
  /** Per local year, the days whose business minutes differ from nominal, and by how much. */
  private readonly specialDays = new Map<number, { days: number[]; deltas: number[] }>();

  constructor(calendar: Calendar) {
    const problems = structuralProblems(calendar);
    if (problems.length > 0) {
      throw new SlaError('invalid_calendar', `Invalid calendar: ${problems.join('; ')}`, problems);
    }
    this.zone = timeZoneOffsets(calendar.timeZone);

    const perDay: [number, number][][] = [[], [], [], [], [], [], []];
    for (const w of calendar.windows) {
      perDay[w.day]!.push([parseClockTime(w.start, false)!, parseClockTime(w.end, true)!]);
    }
    this.weekly = perDay.map((windows) => {
      windows.sort((a, b) => a[0] - b[0]);
      const flat: number[] = [];
      for (const [start, end] of windows) {
        // Touching windows (08:00–12:00, 12:00–17:00) become one, so no zero-length boundary exists.
        if (flat.length > 0 && flat[flat.length - 1] === start) flat[flat.length - 1] = end;
        else flat.push(start, end);
      }
      return flat;
    });
    this.nominal = this.weekly.map((flat) => {
      let sum = 0;
      for (let i = 0; i < flat.length; i += 2) sum += flat[i + 1]! - flat[i]!;
      return sum;
    });
    this.weekMinutes = this.nominal.reduce((a, b) => a + b, 0);

    const oneOff: number[] = [];
    const yearly: { month: number; day: number; observed: boolean }[] = [];
    for (const h of calendar.holidays) {
      const date = parseIsoDate(h.date)!;
      if (h.yearly === true) {
        yearly.push({ month: date.month, day: date.day, observed: h.observed === true });
      } else {
        const day = observedDay(dayNumber(date.year, date.month, date.day)!, h.observed === true);
        oneOff.push(day);
        this.closed.add(day);
      }
    }
    this.oneOffClosed = oneOff;
    this.yearly = yearly;
  }

  /** Whether a holiday closes this local day. */
  isClosedDay(day: number): boolean {
    if (this.yearly.length > 0 && (day < this.completeFrom || day >= this.completeTo)) {
      // An observed holiday may move across New Year, so the neighbouring years count too.
      const year = yearOfDay(day);
      for (let y = year - 1; y <= year + 1; y++) this.expandYear(y);
      this.completeFrom = dayNumber(year, 1, 1)!;
      this.completeTo = dayNumber(year + 1, 1, 1)!;
    }
    return this.closed.has(day);
  }

  /** The local date of an instant. */
  dayOf(minute: number): number {
    return Math.floor((minute + this.zone.offsetAt(minute)) / MINUTES_PER_DAY);
  }

  /**
   * The business time of a local day as sorted, disjoint, non-touching instant intervals,
   * flat [from, to, from, to, …] in epoch minutes, `to` exclusive.
   */
  dayIntervals(day: number): readonly number[] {
    const windows = this.weekly[weekdayOf(day)]!;
    if (windows.length === 0 || this.isClosedDay(day)) return EMPTY;
    const localMidnight = day * MINUTES_PER_DAY;
    // Every instant of this local date lies in this range (offsets stay within ±24 h).
    const from = localMidnight - MINUTES_PER_DAY;
    const to = localMidnight + 2 * MINUTES_PER_DAY;
    const constant = this.zone.constantOffset(from, to);
    if (constant !== null) {
      const shift = localMidnight - constant;
      return windows.map((m) => m + shift);
    }
    // The offset changes near this date: each stretch of constant offset maps the windows on its own.
    const transitions = this.zone.transitionsIn(from, to);
    const out: number[] = [];
    let pieceStart = from;
    let offset = this.zone.offsetAt(from);
    for (let t = 0; t <= transitions.length; t++) {
      const pieceEnd = t < transitions.length ? transitions[t]!.at : to;
      for (let i = 0; i < windows.length; i += 2) {
        const a = Math.max(localMidnight + windows[i]! - offset, pieceStart);
        const b = Math.min(localMidnight + windows[i + 1]! - offset, pieceEnd);
        if (a >= b) continue;
        if (out.length > 0 && out[out.length - 1] === a) out[out.length - 1] = b;
        else out.push(a, b);
      }
      if (t < transitions.length) {
        pieceStart = pieceEnd;
        offset = transitions[t]!.after;
      }
    }
    return out;
  }

  dayMinutes(day: number): number {
    const iv = this.dayIntervals(day);
    let sum = 0;
    for (let i = 0; i < iv.length; i += 2) sum += iv[i + 1]! - iv[i]!;
    return sum;
  }

  /**
   * Business minutes of the whole local days [fromDay, toDay) minus what a plain week pattern
   * would give: holidays subtract, DST days add or subtract. O(holidays + DST days) in the range.
   */
  specialDelta(fromDay: number, toDay: number): number {
    if (toDay <= fromDay) return 0;
    let sum = 0;
    const lastYear = yearOfDay(toDay - 1);
    for (let year = yearOfDay(fromDay); year <= lastYear; year++) {
      const { days, deltas } = this.specialDaysOf(year);
      for (let i = 0; i < days.length; i++) {
        const d = days[i]!;
        if (d >= fromDay && d < toDay) sum += deltas[i]!;
      }
    }
    return sum;
  }

  private specialDaysOf(year: number): { days: number[]; deltas: number[] } {
    let entry = this.specialDays.get(year);
    if (entry !== undefined) return entry;
    const first = dayNumber(year, 1, 1)!;
    const next = dayNumber(year + 1, 1, 1)!;
    const candidates = new Set<number>();
    for (const d of this.oneOffClosed) if (d >= first && d < next) candidates.add(d);
    for (let y = year - 1; y <= year + 1; y++) {
      for (const d of this.yearlyDays(y)) if (d >= first && d < next) candidates.add(d);
    }
    const margin = 2 * MINUTES_PER_DAY;
    for (const t of this.zone.transitionsIn(first * MINUTES_PER_DAY - margin, next * MINUTES_PER_DAY + margin)) {
      for (const local of [t.at + t.before, t.at + t.after]) {
        const d = Math.floor(local / MINUTES_PER_DAY);
        for (let near = d - 1; near <= d + 1; near++) if (near >= first && near < next) candidates.add(near);
      }
    }
    const days: number[] = [];
    const deltas: number[] = [];
    for (const d of [...candidates].sort((a, b) => a - b)) {
      const delta = this.dayMinutes(d) - this.nominal[weekdayOf(d)]!;
      if (delta !== 0) {
        days.push(d);
        deltas.push(delta);
      }
    }
    entry = { days, deltas };
    this.specialDays.set(year, entry);
    return entry;
  }

  private expandYear(year: number): void {
    if (this.expandedYears.has(year)) return;
    this.expandedYears.add(year);
    for (const d of this.yearlyDays(year)) this.closed.add(d);
  }

  private yearlyDays(year: number): number[] {
    const days: number[] = [];
    for (const h of this.yearly) {
      const d = dayNumber(year, h.month, h.day);
      if (d !== null) days.push(observedDay(d, h.observed));
    }
    return days;
  }
}

const EMPTY: readonly number[] = Object.freeze([]);

/** US-style observance: Saturday → the Friday before, Sunday → the Monday after. */
function observedDay(day: number, observed: boolean): number {
  if (!observed) return day;
  const weekday = weekdayOf(day);
  if (weekday === 6) return day - 1;
  if (weekday === 0) return day + 1;
  return day;
}

const compiled = new WeakMap<Calendar, CompiledCalendar>();

/**
 * The compiled form of a calendar, remembered per calendar object: treat a Calendar as immutable
 * once it has been used (build a new object to change it).
 */
export function compileCalendar(calendar: Calendar): CompiledCalendar {
  let c = compiled.get(calendar);
  if (c === undefined) {
    c = new CompiledCalendar(calendar);
    compiled.set(calendar, c);
  }
  return c;
}
