import { createElement, lazy } from 'react';
import type { NonIndexRouteObject } from 'react-router';
import type { Role } from '../../lib/api/api-types';
import { AUDIT_PATHS, AUDIT_READERS } from './audit-paths';

export { AUDIT_PATHS } from './audit-paths';

// The screen loads on demand, as the app's other signed-in pages do.
const AuditLogPage = lazy(() => import('./components/AuditLogPage').then((m) => ({ default: m.AuditLogPage })));

/** The audit page and who may open it: wrap it in the app's role guard. */
export interface AuditRoute extends NonIndexRouteObject {
  path: string;
  handle: { roles: readonly Role[] };
}

export const auditRoutes: readonly AuditRoute[] = [
  { path: AUDIT_PATHS.log, element: createElement(AuditLogPage), handle: { roles: AUDIT_READERS } },
];

/** Links for the app's admin navigation, in the shape of its NavItem. */
export const auditNavItems: readonly { label: string; to: string; roles: readonly Role[] }[] = [
  { label: 'Audit log', to: AUDIT_PATHS.log, roles: AUDIT_READERS },
];
