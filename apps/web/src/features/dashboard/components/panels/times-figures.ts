import type { ResponseTimesReport } from '../../api/report-types';
import { formatBusinessMinutes, formatWallClockHours, periodLabel } from '../report-words';

/** Business minutes of the SLA calendar (what targets are set in), or wall-clock hours from creation. */
export type TimeUnit = 'business' | 'wall_clock';

export type Measure = 'firstResponse' | 'resolution';

export const MEASURE_WORDS: Record<Measure, string> = { firstResponse: 'First response', resolution: 'Resolution' };

export const TIMES_CHART_HEIGHT = 240;

/** One period's medians and p90s in the chosen unit, as minutes (of business time, or of the clock). */
export interface TimesFigures {
  period: string;
  label: string;
  ticketCount: number;
  firstResponseMedian: number | null;
  firstResponseP90: number | null;
  resolutionMedian: number | null;
  resolutionP90: number | null;
}

const toMinutes = (hours: number | null) => (hours === null ? null : hours * 60);

export function timesFigures(report: ResponseTimesReport, unit: TimeUnit): TimesFigures[] {
  return report.rows.map((row) => ({
    period: row.period,
    label: periodLabel(row.period, row.periodStart, report.interval),
    ticketCount: row.ticketCount,
    ...(unit === 'business'
      ? {
          firstResponseMedian: row.firstResponseMedianMinutes,
          firstResponseP90: row.firstResponseP90Minutes,
          resolutionMedian: row.resolutionMedianMinutes,
          resolutionP90: row.resolutionP90Minutes,
        }
      : {
          firstResponseMedian: toMinutes(row.firstResponseMedianHours),
          firstResponseP90: toMinutes(row.firstResponseP90Hours),
          resolutionMedian: toMinutes(row.resolutionMedianHours),
          resolutionP90: toMinutes(row.resolutionP90Hours),
        }),
  }));
}

/** How a figure reads: business time in hours and minutes, wall-clock time in days and hours. */
export function timeFormatter(unit: TimeUnit): (minutes: number | null) => string {
  return unit === 'business' ? formatBusinessMinutes : (minutes) => formatWallClockHours(minutes === null ? null : minutes / 60);
}

export function unitWords(unit: TimeUnit): string {
  return unit === 'business' ? 'business time' : 'wall-clock time';
}

/** The last period's median and p90 of one measure, in words. */
export function timesSummary(rows: readonly TimesFigures[], measure: Measure, unit: TimeUnit): string {
  const format = timeFormatter(unit);
  const words = MEASURE_WORDS[measure];
  const last = rows.filter((row) => row[`${measure}Median`] !== null).at(-1);
  return last
    ? `${words} in ${last.label}: median ${format(last[`${measure}Median`])}, 90th percentile ${format(last[`${measure}P90`])}.`
    : `No ${words.toLowerCase()} times in this range.`;
}

/** Tick spacings in minutes, from a few minutes to days of hours: whole, readable steps. */
const TICK_STEPS = [5, 10, 15, 30, 60, 120, 180, 240, 360, 480, 720, 960, 1440, 2400, 4800, 9600];

/** Ticks from 0 past `max` minutes, four or five of them, at a readable step. */
export function timeTicks(max: number): number[] {
  const step = TICK_STEPS.find((candidate) => candidate * 4 >= max) ?? Math.ceil(max / 4 / 60) * 60;
  return Array.from({ length: Math.max(1, Math.ceil(max / step)) + 1 }, (_, index) => index * step);
}

/** Axis ticks: "45 min", "6 h", "1.5 h". */
export function axisTime(minutes: number): string {
  return minutes < 60 ? `${minutes} min` : `${Math.round((minutes / 60) * 10) / 10} h`;
}
