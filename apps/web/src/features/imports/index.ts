import { createElement, lazy } from 'react';
import type { NonIndexRouteObject } from 'react-router';
import type { Role } from '../../lib/api/api-types';
import { IMPORT_PATHS, IMPORTERS } from './import-paths';

export { IMPORT_PATHS } from './import-paths';

// The screen loads on demand, as the app's other signed-in pages do.
const HistoryImportPage = lazy(() => import('./components/HistoryImportPage').then((m) => ({ default: m.HistoryImportPage })));

/** An import page and who may open it: wrap each in the app's role guard. */
export interface ImportsRoute extends NonIndexRouteObject {
  path: string;
  handle: { roles: readonly Role[] };
}

export const importsRoutes: readonly ImportsRoute[] = [
  { path: IMPORT_PATHS.history, element: createElement(HistoryImportPage), handle: { roles: IMPORTERS } },
];

/** Links for the app's admin navigation, in the shape of its NavItem. */
export const importsNavItems: readonly { label: string; to: string; roles: readonly Role[] }[] = [
  { label: 'History import', to: IMPORT_PATHS.history, roles: IMPORTERS },
];
