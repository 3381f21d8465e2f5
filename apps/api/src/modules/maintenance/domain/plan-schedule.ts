import { TZDate } from '@date-fns/tz';
import type { MaintenanceMode } from './maintenance-vocabulary.js';
import { daysAfterAt, daysBefore, firstDue, nextOccurrences, occurrencesBetween, type Recurrence } from './recurrence.js';

export interface PlanSchedule {
  mode: MaintenanceMode;
  recurrence: Recurrence;
  leadDays: number;
  intervalDays: number | null;
}

/** Occurrences one run generates at most per plan (a year of a daily plan after long downtime). */
export const MAX_PER_RUN = 400;

/** When an occurrence's ticket is created: its due time minus the lead days, in local days. */
export const createAt = (p: PlanSchedule, due: Date): Date => daysBefore(due, p.leadDays, p.recurrence.timeZone);

/** The last due time whose ticket may be created by `now` (lead days ahead of now). */
const horizon = (p: PlanSchedule, now: Date): Date => {
  const local = new TZDate(now.getTime(), p.recurrence.timeZone);
  local.setDate(local.getDate() + p.leadDays);
  return new Date(local.getTime());
};

/**
 * Fixed-date plans: the due times after `after` (exclusive; null: from the plan's lower bound
 * `from`) whose creation time has come by `now`, oldest first, so a run after downtime catches up.
 */
export function dueFixed(p: PlanSchedule, from: Date, after: Date | null, now: Date): Date[] {
  const start = after && after >= from ? new Date(after.getTime() + 1) : from;
  return occurrencesBetween(p.recurrence, start, horizon(p, now), MAX_PER_RUN).filter((due) => createAt(p, due) <= now);
}

const HOUR = 60 * 60 * 1000;

/**
 * When generation should look at a plan again: a fixed-date plan at the creation time of its next
 * occurrence (a year on when none is left); plans that depend on completions or on assets'
 * dates every six hours.
 */
export function nextRunAt(p: PlanSchedule, from: Date, last: Date | null, now: Date): Date {
  if (p.mode !== 'fixed') return new Date(now.getTime() + 6 * HOUR);
  const [next] = nextOccurrences(p.recurrence, last && last >= from ? new Date(last.getTime() + 1) : from, 1);
  return next ? createAt(p, next) : new Date(now.getTime() + 365 * 24 * HOUR);
}

/** What an after-completion plan knows of the last occurrence (per asset). */
export interface LastOccurrence {
  dueAt: Date;
  /** When its ticket was resolved (or closed / canceled); null while it is open. */
  doneAt: Date | null;
}

/** After-completion plans: the next due time, or null while the last one is open or the plan has ended. */
export function dueAfterCompletion(p: PlanSchedule, last: LastOccurrence | null): Date | null {
  const r = p.recurrence;
  const due =
    last === null
      ? firstDue(r)
      : last.doneAt === null
        ? null
        : daysAfterAt(last.doneAt, p.intervalDays ?? 1, r.dueTime, r.timeZone);
  if (due === null) return null;
  if (r.endsOn !== null && due > firstDue({ ...r, startsOn: r.endsOn, dueTime: '23:59' })) return null;
  return due;
}

/** Replacement plans: an asset is due on its replacement date, at the plan's due time. */
export function dueReplacement(p: PlanSchedule, replacementOn: string): Date {
  return firstDue({ ...p.recurrence, startsOn: replacementOn });
}

/** The due time in words in the plan's zone: "Tue 10 Mar 2026, 08:00". */
export function dueText(due: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(due)
    .replace(/^(\w+),/, '$1')
    .replace(/ at /, ', ');
}

/** The local date `YYYY-MM-DD` of an instant in a zone. */
export function localDate(at: Date, timeZone: string): string {
  const d = new TZDate(at.getTime(), timeZone);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Fills {{asset}}, {{asset_tag}}, {{due_date}} and {{plan}}; unknown placeholders stay as written. */
export function renderTemplate(
  template: string,
  values: { asset: string | null; assetTag: string | null; dueDate: string; plan: string },
): string {
  const map: Record<string, string> = {
    asset: values.asset ?? '',
    asset_tag: values.assetTag ?? '',
    due_date: values.dueDate,
    plan: values.plan,
  };
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => map[key] ?? whole);
}
