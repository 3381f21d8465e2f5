import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { aMe } from '../../../testing/fixtures';
import { apiError, createFetchStub, json } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';
import { SignInPage, safeReturnPath } from './SignInPage';

function signedOutNetwork() {
  return createFetchStub({ 'GET /api/auth/me': apiError(401, 'unauthenticated', 'Sign in first') });
}

describe(SignInPage.name, () => {
  it('sends the email and password and shows the API’s message on 401', async () => {
    const network = signedOutNetwork();
    network.on('POST /api/auth/login', apiError(401, 'invalid_credentials', 'Email or password is incorrect'));
    const { user } = renderApp('/sign-in', network);

    await user.type(await screen.findByLabelText(/^Email/), ' admin@civicdesk.test ');
    await user.type(screen.getByLabelText(/^Password/), 'wrong-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Email or password is incorrect')).toBeInTheDocument();
    expect(network.calls('POST /api/auth/login').map((r) => r.body)).toEqual([
      { email: 'admin@civicdesk.test', password: 'wrong-password' },
    ]);
    expect(screen.getByLabelText(/^Password/)).toHaveValue('');
  });

  it('shows the rate-limit message on 429', async () => {
    const network = signedOutNetwork();
    network.on('POST /api/auth/login', apiError(429, 'too_many_attempts', 'Too many attempts. Try again in 15 minutes.'));
    const { user } = renderApp('/sign-in', network);

    await user.type(await screen.findByLabelText(/^Email/), 'admin@civicdesk.test');
    await user.type(screen.getByLabelText(/^Password/), 'civicdesk-demo');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Too many attempts. Try again in 15 minutes.')).toBeInTheDocument();
  });

  it('checks the form before calling the API', async () => {
    const network = signedOutNetwork();
    const { user } = renderApp('/sign-in', network);

    await user.click(await screen.findByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Enter your work email address')).toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
    expect(network.calls('POST /api/auth/login')).toHaveLength(0);
  });

  it('opens the page the person first asked for after signing in', async () => {
    const network = signedOutNetwork();
    const admin = aMe({ role: 'admin', name: 'Avery Admin' });
    network.on('POST /api/auth/login', json(200, { user: admin }));
    network.on('GET /api/departments', json(200, { items: [] }));
    const { user, router } = renderApp('/admin/departments', network);

    await user.type(await screen.findByLabelText(/^Email/), admin.email);
    await user.type(screen.getByLabelText(/^Password/), 'civicdesk-demo');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Departments' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/admin/departments');
    expect(screen.getByText('Avery Admin')).toBeInTheDocument();
  });
});

describe(safeReturnPath.name, () => {
  it('accepts app paths and refuses other hosts and the sign-in page itself', () => {
    expect(safeReturnPath({ from: '/admin/users?x=1' })).toBe('/admin/users?x=1');
    expect(safeReturnPath({ from: '//evil.example/' })).toBe('/');
    expect(safeReturnPath({ from: 'https://evil.example/' })).toBe('/');
    expect(safeReturnPath({ from: '/sign-in' })).toBe('/');
    expect(safeReturnPath(null)).toBe('/');
  });
});
