import { Center, Container } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert } from '../components/ui/ErrorAlert';
import { FullPageLoader } from '../components/ui/FullPageLoader';
import { ForcedPasswordChangePage } from '../features/auth/components/ForcedPasswordChangePage';
import { useMe } from '../features/auth/hooks/use-auth';
import { CurrentUserContext, useCurrentUser } from '../lib/session/current-user';
import type { Role } from '../lib/api/api-types';
import { homePathFor, PATHS } from './navigation';

/** Everything below needs a signed-in user who has chosen their own password. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();

  if (me.isPending) return <FullPageLoader />;
  if (me.isError) {
    return (
      <Center mih="100vh">
        <Container size="xs">
          <ErrorAlert title="CivicDesk is not reachable" error={me.error} onRetry={() => void me.refetch()} />
        </Container>
      </Center>
    );
  }
  if (!me.data) {
    return <Navigate to={PATHS.signIn} replace state={{ from: location.pathname + location.search }} />;
  }
  if (me.data.mustChangePassword) return <ForcedPasswordChangePage me={me.data} />;
  return (
    <CurrentUserContext.Provider value={me.data}>
      <Outlet />
    </CurrentUserContext.Provider>
  );
}

/** Pages for some roles only; others are sent to their own start page. */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const me = useCurrentUser();
  if (!roles.includes(me.role)) return <Navigate to={homePathFor(me.role)} replace />;
  return <Outlet />;
}

export function HomeRedirect() {
  const me = useCurrentUser();
  return <Navigate to={homePathFor(me.role)} replace />;
}
