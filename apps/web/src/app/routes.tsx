import { lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { auditRoutes } from '../features/audit';
import { SignInPage } from '../features/auth/components/SignInPage';
import { preloadCharts } from '../features/dashboard/components/charts/lazy-charts';
import { DASHBOARD_PATHS, REPORT_READERS } from '../features/dashboard/dashboard-paths';
import { importsRoutes } from '../features/imports';
import { maintenanceRoutes } from '../features/maintenance';
import type { Role } from '../lib/api/api-types';
import { ROLES, STAFF_ROLES } from '../lib/roles';
import { AppLayout } from './AppLayout';
import { HomeRedirect, RequireAuth, RequireRole } from './guards';
import { PATHS, rolesFor } from './navigation';
import { NotFoundPage } from './NotFoundPage';
import { RouteErrorPage } from './RouteErrorPage';

// Signed-in pages load on demand so the sign-in page stays small.
const DashboardPage = lazy(() => {
  // The dashboard's charts (recharts, the largest chunk) load beside the page rather than after its first render.
  preloadCharts();
  return import('../features/dashboard/components/DashboardPage').then((m) => ({ default: m.DashboardPage }));
});
const MonthlyReportPage = lazy(() =>
  import('../features/dashboard/components/MonthlyReportPage').then((m) => ({ default: m.MonthlyReportPage })),
);
const QueuePage = lazy(() => import('../features/queue/components/QueuePage').then((m) => ({ default: m.QueuePage })));
const MyTicketsPage = lazy(() =>
  import('../features/tickets/components/MyTicketsPage').then((m) => ({ default: m.MyTicketsPage })),
);
const GetHelpPage = lazy(() => import('../features/tickets/components/GetHelpPage').then((m) => ({ default: m.GetHelpPage })));
const TicketPage = lazy(() => import('../features/tickets/components/TicketPage').then((m) => ({ default: m.TicketPage })));
const QueuesPage = lazy(() => import('../features/admin/components/QueuesPage').then((m) => ({ default: m.QueuesPage })));
const CategoriesPage = lazy(() =>
  import('../features/admin/components/CategoriesPage').then((m) => ({ default: m.CategoriesPage })),
);
const AssetsPage = lazy(() => import('../features/admin/components/AssetsPage').then((m) => ({ default: m.AssetsPage })));
const UsersPage = lazy(() => import('../features/admin/components/UsersPage').then((m) => ({ default: m.UsersPage })));
const DepartmentsPage = lazy(() =>
  import('../features/admin/components/DepartmentsPage').then((m) => ({ default: m.DepartmentsPage })),
);
const CalendarsPage = lazy(() =>
  import('../features/admin/components/CalendarsPage').then((m) => ({ default: m.CalendarsPage })),
);
const SlaPoliciesPage = lazy(() =>
  import('../features/admin/components/SlaPoliciesPage').then((m) => ({ default: m.SlaPoliciesPage })),
);
const AssetPage = lazy(() => import('../features/admin/components/AssetPage').then((m) => ({ default: m.AssetPage })));
const RatesPage = lazy(() => import('../features/admin/components/RatesPage').then((m) => ({ default: m.RatesPage })));
const SettingsPage = lazy(() => import('../features/admin/components/SettingsPage').then((m) => ({ default: m.SettingsPage })));

function guarded(path: string, element: ReactNode, roles: readonly Role[] = rolesFor(path)): RouteObject {
  return {
    element: <RequireRole roles={roles} />,
    children: [{ path, element }],
  };
}

export const appRoutes: RouteObject[] = [
  {
    errorElement: <RouteErrorPage />,
    children: [
      { path: PATHS.signIn, element: <SignInPage /> },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <HomeRedirect /> },
              guarded(PATHS.dashboard, <DashboardPage />),
              guarded(DASHBOARD_PATHS.monthlyReport, <MonthlyReportPage />, REPORT_READERS),
              guarded(PATHS.queue, <QueuePage />),
              guarded(PATHS.getHelp, <GetHelpPage />),
              guarded(PATHS.myTickets, <MyTicketsPage />),
              guarded(PATHS.ticket, <TicketPage />, ROLES),
              guarded(PATHS.adminUsers, <UsersPage />),
              guarded(PATHS.adminDepartments, <DepartmentsPage />),
              guarded(PATHS.adminQueues, <QueuesPage />),
              guarded(PATHS.adminCategories, <CategoriesPage />),
              guarded(PATHS.adminAssets, <AssetsPage />),
              guarded(PATHS.adminCalendars, <CalendarsPage />),
              guarded(PATHS.adminSlaPolicies, <SlaPoliciesPage />),
              guarded(PATHS.adminRates, <RatesPage />),
              guarded(PATHS.adminSettings, <SettingsPage />),
              guarded(PATHS.asset, <AssetPage />, STAFF_ROLES),
              ...maintenanceRoutes.map((route) => guarded(route.path, route.element, route.handle.roles)),
              ...importsRoutes.map((route) => guarded(route.path, route.element, route.handle.roles)),
              ...auditRoutes.map((route) => guarded(route.path, route.element, route.handle.roles)),
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];
