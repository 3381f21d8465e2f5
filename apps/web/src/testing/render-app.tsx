import { afterEach } from '@jest/globals';
import { render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { QueryClient } from '@tanstack/react-query';
import { createMemoryRouter, type DataRouter, type RouteObject } from 'react-router';
import { App } from '../app/App';
import { appRoutes } from '../app/routes';
import { installSessionExpiryHandler } from '../app/session-expiry';
import { createQueryClient } from '../lib/query-client';
import { createFetchStub, type FetchStub } from './fetch-stub';

export interface RenderAppResult extends RenderResult {
  router: DataRouter;
  queryClient: QueryClient;
  network: FetchStub;
  user: UserEvent;
  uninstall: () => void;
}

const realFetch = globalThis.fetch;
const cleanups: Array<() => void> = [];

afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
  globalThis.fetch = realFetch;
});

/**
 * Renders the whole app (real routes, guards, providers and API client) at `path`,
 * with the network replaced by `network`. `routes` stands in for the app's routes where a
 * feature's pages are not wired into them yet.
 */
export function renderApp(
  path: string,
  network: FetchStub = createFetchStub(),
  routes: RouteObject[] = appRoutes,
): RenderAppResult {
  globalThis.fetch = network.fetch;
  const queryClient = createQueryClient();
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const uninstall = installSessionExpiryHandler(queryClient, router);
  cleanups.push(uninstall, () => queryClient.clear());
  const result = render(<App queryClient={queryClient} router={router} env="test" />);
  return { ...result, router, queryClient, network, user: userEvent.setup(), uninstall };
}
