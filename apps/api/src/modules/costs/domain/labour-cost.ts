/** A dated hourly rate: a technician's own (userId set) or their role's default (userId null). */
export interface DatedRate {
  userId: string | null;
  hourlyRateCents: number;
  /** 'YYYY-MM-DD' */
  effectiveFrom: string;
}

/**
 * The hourly rate in force on a work date: the technician's latest own rate that started on or
 * before that day; only when they have none yet, the role default's latest. Null when neither
 * exists. ISO dates compare correctly as strings.
 */
export function rateInForce(rates: readonly DatedRate[], workDate: string): number | null {
  const latest = (own: boolean): DatedRate | undefined =>
    rates
      .filter((r) => (r.userId !== null) === own && r.effectiveFrom <= workDate)
      .reduce<DatedRate | undefined>((best, r) => (!best || r.effectiveFrom > best.effectiveFrom ? r : best), undefined);
  return (latest(true) ?? latest(false))?.hourlyRateCents ?? null;
}

/** Minutes at an hourly rate, in whole cents (half a cent rounds up). */
export function labourCostCents(minutes: number, hourlyRateCents: number): number {
  return Math.round((minutes * hourlyRateCents) / 60);
}

export type RatePeriod = 'past' | 'current' | 'future';

/**
 * Where a rate stands today among the rates of the same technician (or role default): the
 * latest one started on or before today is current, later ones are future, earlier ones past.
 */
export function ratePeriod(effectiveFrom: string, sameTarget: readonly string[], today: string): RatePeriod {
  if (effectiveFrom > today) return 'future';
  return sameTarget.some((d) => d > effectiveFrom && d <= today) ? 'past' : 'current';
}
