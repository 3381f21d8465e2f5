import type { QueryClient } from '@tanstack/react-query';
import type { DataRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AppProviders } from './AppProviders';

interface AppProps {
  queryClient: QueryClient;
  router: DataRouter;
  env?: 'default' | 'test';
}

export function App({ queryClient, router, env }: AppProps) {
  return (
    <AppProviders queryClient={queryClient} env={env}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
