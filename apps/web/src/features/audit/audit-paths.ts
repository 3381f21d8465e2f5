import type { Role } from '../../lib/api/api-types';

/** Address of the audit log screen, for its link and the router. */
export const AUDIT_PATHS = {
  log: '/admin/audit',
} as const;

/** Only admins read the audit log (the API agrees). */
export const AUDIT_READERS: readonly Role[] = ['admin'];
