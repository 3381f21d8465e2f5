import { createElement, lazy } from 'react';
import type { NonIndexRouteObject } from 'react-router';
import type { Role } from '../../lib/api/api-types';
import { MAINTENANCE_PATHS, MAINTENANCE_STAFF, PLAN_EDITORS } from './maintenance-paths';

export { MAINTENANCE_PATHS } from './maintenance-paths';

// The screens load on demand, as the app's other signed-in pages do.
const MaintenanceCalendarPage = lazy(() =>
  import('./components/MaintenanceCalendarPage').then((m) => ({ default: m.MaintenanceCalendarPage })),
);
const PlansPage = lazy(() => import('./components/PlansPage').then((m) => ({ default: m.PlansPage })));
const PlanEditorPage = lazy(() => import('./components/PlanEditorPage').then((m) => ({ default: m.PlanEditorPage })));

/** A maintenance page and who may open it: wrap each in the app's role guard. */
export interface MaintenanceRoute extends NonIndexRouteObject {
  path: string;
  handle: { roles: readonly Role[] };
}

export const maintenanceRoutes: readonly MaintenanceRoute[] = [
  { path: MAINTENANCE_PATHS.calendar, element: createElement(MaintenanceCalendarPage), handle: { roles: MAINTENANCE_STAFF } },
  { path: MAINTENANCE_PATHS.plans, element: createElement(PlansPage), handle: { roles: PLAN_EDITORS } },
  { path: MAINTENANCE_PATHS.newPlan, element: createElement(PlanEditorPage), handle: { roles: PLAN_EDITORS } },
  { path: MAINTENANCE_PATHS.plan, element: createElement(PlanEditorPage), handle: { roles: PLAN_EDITORS } },
];

/** Links for the app's navigation, in the shape of its NavItem. */
export const maintenanceNavItems: readonly { label: string; to: string; roles: readonly Role[] }[] = [
  { label: 'Maintenance', to: MAINTENANCE_PATHS.calendar, roles: MAINTENANCE_STAFF },
  { label: 'Maintenance plans', to: MAINTENANCE_PATHS.plans, roles: PLAN_EDITORS },
];
