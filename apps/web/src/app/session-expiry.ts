import type { QueryClient } from '@tanstack/react-query';
import type { DataRouter } from 'react-router';
import { forgetSession } from '../features/auth/hooks/use-auth';
import { setUnauthorizedHandler } from '../lib/api/client';
import { PATHS } from './navigation';

/**
 * When any API call answers 401 (session expired, revoked, or never existed), forget the
 * user and everything cached for them, and show the sign-in page. Returns an uninstaller.
 */
export function installSessionExpiryHandler(queryClient: QueryClient, router: DataRouter): () => void {
  return setUnauthorizedHandler(() => {
    forgetSession(queryClient);
    const { pathname, search } = router.state.location;
    if (pathname === PATHS.signIn) return;
    void router.navigate(PATHS.signIn, { replace: true, state: { from: pathname + search } });
  });
}
