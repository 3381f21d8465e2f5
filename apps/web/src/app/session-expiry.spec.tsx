import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { authKeys } from '../features/auth/api/auth.queries';
import { aMe } from '../testing/fixtures';
import { apiError, createFetchStub, json } from '../testing/fetch-stub';
import { renderApp } from '../testing/render-app';
import { installSessionExpiryHandler } from './session-expiry';

describe(installSessionExpiryHandler.name, () => {
  it('forgets the user and shows sign-in when any call answers 401', async () => {
    const network = createFetchStub({
      'GET /api/auth/me': json(200, aMe({ role: 'admin' })),
      'GET /api/users': apiError(401, 'unauthenticated', 'Your session has ended'),
    });
    const { router, queryClient } = renderApp('/admin/users', network);

    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.state).toEqual({ from: '/admin/users' });
    expect(queryClient.getQueryData(authKeys.me())).toBeNull();
    expect(network.calls('GET /api/users')).toHaveLength(1);
  });

  it('sends a visitor who is not signed in to sign-in', async () => {
    const network = createFetchStub({ 'GET /api/auth/me': apiError(401, 'unauthenticated', 'Sign in first') });
    const { router } = renderApp('/', network);

    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('keeps the user signed in on other errors', async () => {
    const network = createFetchStub({
      'GET /api/auth/me': json(200, aMe({ role: 'admin' })),
      'GET /api/departments': apiError(403, 'forbidden', 'Admins only'),
    });
    const { router } = renderApp('/admin/departments', network);

    expect(await screen.findByText('Admins only')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/admin/departments');
  });
});
