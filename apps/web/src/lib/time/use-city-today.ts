import { useQuery } from '@tanstack/react-query';
import { cityTimeZoneQueryOptions } from '../reference-data/reference-data.queries';
import { useNow } from './use-now';
import { dateInZone } from './zoned-time';

const DAY_CHECK_MS = 60_000;

/**
 * Today's date ('YYYY-MM-DD') in the city's time zone, as the API reckons it for work dates,
 * rates in force and asset ages; the browser's own zone until (or unless) the city's is known.
 */
export function useCityToday(): string {
  const zone = useQuery(cityTimeZoneQueryOptions());
  const now = useNow(DAY_CHECK_MS);
  return dateInZone(new Date(now), zone.data ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
}
