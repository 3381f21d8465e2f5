import type { Role } from '../../lib/api/api-types';

/** Addresses of the manager's screens, for their links and the router. */
export const DASHBOARD_PATHS = {
  dashboard: '/dashboard',
  /** The printable monthly report for the city council: `?month=YYYY-MM`. */
  monthlyReport: '/dashboard/report',
} as const;

/** Who reads the reports (the API answers the spend, asset and prevention reports to them only). */
export const REPORT_READERS: readonly Role[] = ['manager', 'admin'];
