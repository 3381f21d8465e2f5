import type { AssetDetail } from '../api/api-types';
import { countOf } from '../text/count-of';

export type AssetLifecycle = AssetDetail['lifecycle'];

/**
 * Purchase date plus the lifecycle years ('YYYY-MM-DD'), 29 February becoming 28 February in a
 * common year, as the API reckons it. The asset list has no lifecycle of its own, so it is
 * worked out here from the two fields the list has.
 */
export function replacementDate(purchaseDate: string | null, lifecycleYears: number): string | null {
  if (!purchaseDate) return null;
  const [year = 0, month = 1, day = 1] = purchaseDate.slice(0, 10).split('-').map(Number);
  const target = year + lifecycleYears;
  const lastDay = new Date(Date.UTC(target, month, 0)).getUTCDate();
  return `${String(target).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/** Replacement is due today or has passed; ISO dates compare as strings. */
export function isReplacementOverdue(replacementDue: string | null, today: string): boolean {
  return replacementDue !== null && replacementDue <= today;
}

/** "14 months to go", "Overdue by 3 months": where an asset stands against its replacement date. */
export function replacementWords({ monthsToReplacement: months, replacementOverdue: overdue }: AssetLifecycle): string | null {
  if (months === null) return null;
  if (overdue) return months < 0 ? `Overdue by ${countOf(-months, 'month', 'months')}` : 'Due now';
  return months === 0 ? 'Due within a month' : `${countOf(months, 'month', 'months')} to go`;
}
