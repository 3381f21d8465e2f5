import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { aMe } from '../testing/fixtures';
import { apiError, createFetchStub, json } from '../testing/fetch-stub';
import { renderApp } from '../testing/render-app';
import { RequireAuth } from './guards';

describe(RequireAuth.name, () => {
  it('asks for a new password before anything else when the account has a temporary one', async () => {
    const me = aMe({ role: 'admin', mustChangePassword: true });
    let mustChange = true;
    const network = createFetchStub({
      'GET /api/auth/me': () => json(200, { ...me, mustChangePassword: mustChange }),
      'GET /api/departments': json(200, { items: [] }),
      'POST /api/auth/password': () => {
        mustChange = false;
        return json(204);
      },
    });
    const { user } = renderApp('/admin/departments', network);

    expect(await screen.findByRole('heading', { name: 'Choose a new password' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Main navigation' })).not.toBeInTheDocument();
    expect(network.calls('GET /api/departments')).toHaveLength(0);

    await user.type(screen.getByLabelText(/^Current password/), 'temporary-pass-1');
    await user.type(screen.getByLabelText(/^New password/), 'my own long passphrase');
    await user.type(screen.getByLabelText(/^Confirm new password/), 'my own long passphrase');
    await user.click(screen.getByRole('button', { name: 'Save and continue' }));

    expect(await screen.findByRole('heading', { name: 'Departments' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument();
  });

  it('shows the API’s reason when the new password is refused', async () => {
    const network = createFetchStub({
      'GET /api/auth/me': json(200, aMe({ mustChangePassword: true })),
      'POST /api/auth/password': apiError(400, 'weak_password', 'Password is on a list of commonly used passwords'),
    });
    const { user } = renderApp('/', network);

    await user.type(await screen.findByLabelText(/^Current password/), 'temporary-pass-1');
    await user.type(screen.getByLabelText(/^New password/), 'password1234');
    await user.type(screen.getByLabelText(/^Confirm new password/), 'password1234');
    await user.click(screen.getByRole('button', { name: 'Save and continue' }));

    expect(await screen.findByText('Password is on a list of commonly used passwords')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Choose a new password' })).toBeInTheDocument();
  });

  it('marks a wrong current password on its field without signing out', async () => {
    const network = createFetchStub({
      'GET /api/auth/me': json(200, aMe({ mustChangePassword: true })),
      'POST /api/auth/password': apiError(401, 'invalid_credentials', 'Current password is incorrect'),
    });
    const { user, router } = renderApp('/', network);

    await user.type(await screen.findByLabelText(/^Current password/), 'not-the-one');
    await user.type(screen.getByLabelText(/^New password/), 'my own long passphrase');
    await user.type(screen.getByLabelText(/^Confirm new password/), 'my own long passphrase');
    await user.click(screen.getByRole('button', { name: 'Save and continue' }));

    expect(await screen.findByText('Your current password is not correct')).toBeInTheDocument();
    expect(router.state.location.pathname).not.toBe('/sign-in');
  });
});
