import type { HolidayImportResult } from '../../../lib/api/api-types';
import { countOf } from '../../../lib/text/count-of';

/** "12 holidays added, 2 skipped: the calendar already had those dates." */
export function describeHolidayImport({ added, skipped }: HolidayImportResult): string {
  const addedText = `${countOf(added, 'holiday', 'holidays')} added`;
  if (skipped === 0) return `${addedText}.`;
  return `${addedText}, ${skipped} skipped: the calendar already had ${skipped === 1 ? 'that date' : 'those dates'}.`;
}

/** The US rule the API applies to an "observed" holiday. */
export const OBSERVED_RULE = 'On a Saturday it is taken the Friday before, on a Sunday the Monday after.';
