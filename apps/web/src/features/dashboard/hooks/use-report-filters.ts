import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ReportInterval } from '../api/report-types';

/** Period lengths, in the order the filter offers them; Record keys so a new API value fails the type check. */
const INTERVAL_LABELS: Record<ReportInterval, string> = {
  week: 'Week',
  month: 'Month',
  quarter: 'Quarter',
  fiscal_year: 'Fiscal year',
};

export const REPORT_INTERVALS = Object.keys(INTERVAL_LABELS) as ReportInterval[];

export function intervalLabel(interval: ReportInterval): string {
  return INTERVAL_LABELS[interval];
}

export const DEFAULT_INTERVAL: ReportInterval = 'month';

/**
 * The dashboard's shared filters. A missing range is the API's default: the twelve months up to
 * today in the city (the API knows the city's today; the browser may be elsewhere).
 */
export interface ReportFilters {
  /** First day, inclusive ('YYYY-MM-DD', the city's calendar), or null for the default. */
  from: string | null;
  /** Last day, inclusive, or null for today. */
  to: string | null;
  interval: ReportInterval;
  departmentId: string | null;
  queueId: string | null;
  categoryId: string | null;
}

/** Where each filter lives in the address (short names: the address is shared and bookmarked). */
const PARAMS: Record<keyof ReportFilters, string> = {
  from: 'from',
  to: 'to',
  interval: 'interval',
  departmentId: 'department',
  queueId: 'queue',
  categoryId: 'category',
};

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' naming a day that exists. */
export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const isInterval = (value: string | null): value is ReportInterval =>
  value !== null && (REPORT_INTERVALS as readonly string[]).includes(value);

const dateParam = (value: string | null): string | null => (value !== null && isCalendarDate(value) ? value : null);
const idParam = (value: string | null): string | null => (value ? value : null);

/** The filters an address holds; anything unreadable is the default. */
export function readReportFilters(params: URLSearchParams): ReportFilters {
  const interval = params.get(PARAMS.interval);
  return {
    from: dateParam(params.get(PARAMS.from)),
    to: dateParam(params.get(PARAMS.to)),
    interval: isInterval(interval) ? interval : DEFAULT_INTERVAL,
    departmentId: idParam(params.get(PARAMS.departmentId)),
    queueId: idParam(params.get(PARAMS.queueId)),
    categoryId: idParam(params.get(PARAMS.categoryId)),
  };
}

/** Filters to change; null (or '') puts one back to its default. */
export type ReportFilterChanges = { [K in keyof ReportFilters]?: ReportFilters[K] | null };

/** The address with some filters changed; defaults are left out, and other parameters kept. */
export function writeReportFilters(current: URLSearchParams, changes: ReportFilterChanges): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes) as [keyof ReportFilters, string | null | undefined][]) {
    if (value === undefined) continue;
    const isDefault = value === null || value === '' || (key === 'interval' && value === DEFAULT_INTERVAL);
    if (isDefault) next.delete(PARAMS[key]);
    else next.set(PARAMS[key], value);
  }
  return next;
}

export interface ReportFiltersState {
  filters: ReportFilters;
  setFilters: (changes: ReportFilterChanges) => void;
  /** Back to the last twelve months by month, every department, queue and category. */
  resetFilters: () => void;
  /** Whether any filter differs from the defaults. */
  filtered: boolean;
}

/** The dashboard's filters, kept in the address so a view can be bookmarked, shared and printed. */
export function useReportFilters(): ReportFiltersState {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // Recomputed only when the address changes, so the filters keep their identity between renders.
  const filters = useMemo(() => readReportFilters(new URLSearchParams(key)), [key]);
  const setFilters = useCallback(
    (changes: ReportFilterChanges) => setParams((current) => writeReportFilters(current, changes)),
    [setParams],
  );
  const resetFilters = useCallback(
    () =>
      setParams((current) =>
        writeReportFilters(current, {
          from: null,
          to: null,
          interval: null,
          departmentId: null,
          queueId: null,
          categoryId: null,
        }),
      ),
    [setParams],
  );
  const filtered = Object.values(PARAMS).some((name) => params.has(name));
  return { filters, setFilters, resetFilters, filtered };
}
