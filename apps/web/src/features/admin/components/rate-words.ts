import type { Rate, RatePeriod } from '../../../lib/api/api-types';
import { formatHourlyRate } from '../../../lib/money/money';
import { roleLabel } from '../../../lib/roles';
import { formatDate } from '../../../lib/time/format-date';

// Keyed by the API's enum: a period added to the API fails the type check here until it has words.
const PERIOD_WORDS: Record<RatePeriod, { label: string; color: string }> = {
  past: { label: 'Past', color: 'gray' },
  current: { label: 'Current', color: 'green' },
  future: { label: 'Future', color: 'blue' },
};

export function ratePeriodLabel(period: RatePeriod): string {
  return PERIOD_WORDS[period].label;
}

export function ratePeriodColor(period: RatePeriod): string {
  return PERIOD_WORDS[period].color;
}

/** "Technician default" or "Taylor Tech": whose rate it is. */
export function rateOwner(rate: Rate): string {
  if (rate.user) return rate.user.name;
  return rate.role ? `${roleLabel(rate.role)} default` : 'Unknown';
}

/** "Taylor Tech $90.00/h from Jul 1, 2026": a rate in its buttons' names and its confirmation. */
export function rateName(rate: Rate): string {
  return `${rateOwner(rate)} ${formatHourlyRate(rate.hourlyRateCents)} from ${formatDate(rate.effectiveFrom)}`;
}
