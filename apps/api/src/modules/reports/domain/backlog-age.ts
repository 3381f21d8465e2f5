/**
 * Age buckets of the backlog: how long the tickets open at the end of a range have been open, in
 * whole calendar days in the city (a ticket created that day is 0 days old).
 */
export const BACKLOG_AGE_BUCKETS = [
  { bucket: '0-2', label: '0–2 days', minDays: 0, maxDays: 2 },
  { bucket: '3-7', label: '3–7 days', minDays: 3, maxDays: 7 },
  { bucket: '8-30', label: '8–30 days', minDays: 8, maxDays: 30 },
  { bucket: '31-90', label: '31–90 days', minDays: 31, maxDays: 90 },
  { bucket: '91+', label: 'over 90 days', minDays: 91, maxDays: null },
] as const;

export type BacklogAgeBucket = (typeof BACKLOG_AGE_BUCKETS)[number]['bucket'];
