/**
 * The month the calendar shows, in the reader's own time zone and week: which days make up its
 * grid, the instants that bound it for the API, and which day each item falls on.
 */

/** A month as the address writes it: '2026-03'. */
export type MonthKey = string;
/** A local calendar day: '2026-03-12'. */
export type DayKey = string;

export interface Month {
  year: number;
  /** 1 = January. */
  month: number;
}

export interface GridDay {
  key: DayKey;
  /** Local midnight of the day. */
  date: Date;
  /** false for the days of the weeks' ends that belong to the months either side. */
  inMonth: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function dayKey(date: Date): DayKey {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function monthKey({ year, month }: Month): MonthKey {
  return `${year}-${pad(month)}`;
}

export function monthOf(date: Date): Month {
  return { year: date.getFullYear(), month: date.getMonth() + 1 };
}

/** The month a key names; null when it names none. */
export function parseMonth(key: string | null): Month | null {
  const match = /^(\d{4})-(\d{2})$/.exec(key ?? '');
  if (!match) return null;
  const month = { year: Number(match[1]), month: Number(match[2]) };
  return month.month >= 1 && month.month <= 12 ? month : null;
}

export function addMonths({ year, month }: Month, count: number): Month {
  return monthOf(new Date(year, month - 1 + count, 1));
}

/** Local midnight on the first of the month, and on the first of the next: the API's from and to. */
export function monthRange(month: Month): { from: string; to: string } {
  const next = addMonths(month, 1);
  return {
    from: new Date(month.year, month.month - 1, 1).toISOString(),
    to: new Date(next.year, next.month - 1, 1).toISOString(),
  };
}

/** The day a week starts on in the reader's locale: 1 = Monday … 7 = Sunday (ISO 8601). */
export function firstDayOfWeek(locale = navigator.language): number {
  try {
    const info = new Intl.Locale(locale) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    return (info.getWeekInfo?.() ?? info.weekInfo)?.firstDay ?? 1;
  } catch {
    return 1;
  }
}

/** Weekday order for the grid's columns, as 0 = Monday … 6 = Sunday. */
export function weekColumns(firstDay: number): number[] {
  return Array.from({ length: 7 }, (_, index) => (firstDay - 1 + index) % 7);
}

/** The month's whole weeks, each seven days starting on `firstDay` (1 = Monday … 7 = Sunday). */
export function monthWeeks(month: Month, firstDay: number): GridDay[][] {
  const first = new Date(month.year, month.month - 1, 1);
  const mondayBased = (first.getDay() + 6) % 7;
  const leading = (mondayBased - (firstDay - 1) + 7) % 7;
  const weeks: GridDay[][] = [];
  let day = 1 - leading;
  do {
    const week: GridDay[] = [];
    for (let column = 0; column < 7; column += 1, day += 1) {
      const date = new Date(month.year, month.month - 1, day);
      week.push({ key: dayKey(date), date, inMonth: date.getMonth() === month.month - 1 });
    }
    weeks.push(week);
  } while (new Date(month.year, month.month - 1, day).getMonth() === month.month - 1);
  return weeks;
}

/** Items by the local day they are due on, each day's in due order. */
export function byDueDay<T extends { dueAt: string }>(items: readonly T[]): Map<DayKey, T[]> {
  const days = new Map<DayKey, T[]>();
  const sorted = [...items].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  for (const item of sorted) {
    const key = dayKey(new Date(item.dueAt));
    const day = days.get(key);
    if (day) day.push(item);
    else days.set(key, [item]);
  }
  return days;
}
