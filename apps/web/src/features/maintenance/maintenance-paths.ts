import type { Role } from '../../lib/api/api-types';
import { isManagerOrAdmin, STAFF_ROLES } from '../../lib/roles';

/** Addresses of the maintenance screens, for their links and the router. */
export const MAINTENANCE_PATHS = {
  calendar: '/maintenance',
  plans: '/maintenance/plans',
  newPlan: '/maintenance/plans/new',
  plan: '/maintenance/plans/:id',
} as const;

export function planPath(id: string): string {
  return `${MAINTENANCE_PATHS.plans}/${encodeURIComponent(id)}`;
}

/** Who works maintenance: the calendar and the subscription feeds. */
export const MAINTENANCE_STAFF: readonly Role[] = STAFF_ROLES;

/** Who writes plans (the API lets only them create, edit, pause and delete). */
export const PLAN_EDITORS: readonly Role[] = ['manager', 'admin'];

export const canEditPlans: (role: Role) => boolean = isManagerOrAdmin;
