import { Suspense } from 'react';
import { Outlet, useLocation, type RouteObject } from 'react-router';
import { RequireAuth, RequireRole } from '../../../app/guards';
import { maintenanceRoutes } from '../index';

/** Says where a link led, for pages outside this feature (a ticket, another role's start page). */
function Elsewhere() {
  const location = useLocation();
  return <p>Elsewhere: {location.pathname}</p>;
}

/**
 * The maintenance pages behind the app's sign-in and role guards, as the app wires them, for
 * renderApp until they are part of the app's own routes.
 */
export const maintenanceTestRoutes: RouteObject[] = [
  {
    element: <RequireAuth />,
    children: [
      {
        element: (
          <Suspense fallback={<p>Loading the page</p>}>
            <Outlet />
          </Suspense>
        ),
        children: [
          ...maintenanceRoutes.map((route) => ({ element: <RequireRole roles={route.handle.roles} />, children: [route] })),
          { path: '*', element: <Elsewhere /> },
        ],
      },
    ],
  },
];
