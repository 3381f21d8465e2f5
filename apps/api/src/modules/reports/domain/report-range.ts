import type { FieldError } from '../../../common/errors/app-error.js';
import { addDays, addMonths, firstOfMonth } from './report-dates.js';
import { periodStartOf } from './report-period.js';

/** Inclusive calendar days in the city's time zone. */
export interface DateRange {
  from: string;
  to: string;
}

/** A report covers at most this many years: longer ranges are refused, not silently cut. */
export const MAX_RANGE_YEARS = 10;

/**
 * What a report covers when the range is left out:
 * - `trailing_year`: the 12 calendar months ending with the month of `to` (today by default);
 * - `forecast`: the current fiscal year and the four after it (the asset refresh forecast).
 */
export type RangeDefault = 'trailing_year' | 'forecast';

export function resolveRange(
  given: { from?: string; to?: string },
  today: string,
  fiscalYearStartMonth: number,
  defaults: RangeDefault,
): { range: DateRange; errors?: undefined } | { range?: undefined; errors: FieldError[] } {
  let from: string;
  let to: string;
  switch (defaults) {
    case 'trailing_year':
      to = given.to ?? today;
      from = given.from ?? addMonths(firstOfMonth(to), -11);
      break;
    case 'forecast':
      from = given.from ?? periodStartOf(today, 'fiscal_year', fiscalYearStartMonth);
      to = given.to ?? addDays(addMonths(periodStartOf(from, 'fiscal_year', fiscalYearStartMonth), 5 * 12), -1);
      break;
  }
  if (from > to) {
    return { errors: [{ field: 'from', messages: [`from (${from}) must be on or before to (${to})`] }] };
  }
  if (to >= addMonths(from, MAX_RANGE_YEARS * 12)) {
    return { errors: [{ field: 'to', messages: [`to must be less than ${MAX_RANGE_YEARS} years after from`] }] };
  }
  return { range: { from, to } };
}
