import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import type { Role } from '../lib/api/api-types';
import { aMe } from '../testing/fixtures';
import { createFetchStub, json } from '../testing/fetch-stub';
import { renderApp } from '../testing/render-app';
import { AppLayout } from './AppLayout';

function signedInAs(role: Role) {
  const me = aMe({ role });
  const network = createFetchStub({
    'GET /api/auth/me': json(200, me),
    'GET /api/users': json(200, { items: [], nextCursor: null }),
    'GET /api/departments': json(200, { items: [] }),
    'GET /api/categories': json(200, { items: [] }),
    'GET /api/assets': json(200, { items: [], nextCursor: null }),
    'GET /api/queues': json(200, { items: [] }),
    'GET /api/tickets': json(200, { items: [], nextCursor: null }),
    'GET /api/tickets/counts': json(200, { mine: 0, unassigned: 0, open: 0, queues: [] }),
  });
  return { me, network };
}

async function navigationLinks(): Promise<string[]> {
  const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent ?? '');
}

describe(AppLayout.name, () => {
  it.each<[Role, string[], string]>([
    ['requester', ['Get help', 'My tickets'], '/help'],
    ['technician', ['Queue', 'My tickets', 'Maintenance'], '/queue'],
    ['manager', ['Dashboard', 'Queue', 'Maintenance', 'Maintenance plans', 'Rates'], '/dashboard'],
    [
      'admin',
      [
        'Dashboard',
        'Queue',
        'Maintenance',
        'Maintenance plans',
        'Users',
        'Departments',
        'Queues',
        'Categories',
        'Assets',
        'Calendars',
        'SLA policies',
        'Rates',
        'History import',
        'Settings',
        'Audit log',
      ],
      '/dashboard',
    ],
  ])('shows a %s their links and starts them on their own page', async (role, links, home) => {
    const { network } = signedInAs(role);
    const { router } = renderApp('/', network);

    expect(await navigationLinks()).toEqual(links);
    expect(router.state.location.pathname).toBe(home);
  });

  it.each([
    { path: '/tickets', highlighted: ['My tickets'] },
    { path: '/queue', highlighted: ['Queue'] },
    // A ticket is neither list, wherever it was opened from.
    { path: '/tickets/INC-000123', highlighted: [] },
  ])('highlights for a technician on $path the links $highlighted', async ({ path, highlighted }) => {
    renderApp(path, signedInAs('technician').network);

    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(['Queue', 'My tickets', 'Maintenance']);
    expect(links.filter((link) => link.hasAttribute('data-active')).map((link) => link.textContent)).toEqual(highlighted);
  });

  it('shows the Admin section to admins only', async () => {
    renderApp('/', signedInAs('admin').network);
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByText('Admin')).toBeInTheDocument();
  });

  it('sends a requester who opens an admin page to their own start page', async () => {
    const { router } = renderApp('/admin/users', signedInAs('requester').network);

    expect(await screen.findByRole('heading', { name: 'Get help' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/help');
  });

  it('shows the user’s name and role, and signs out from the user menu', async () => {
    const { me, network } = signedInAs('technician');
    network.on('POST /api/auth/logout', json(204));
    const { user, router } = renderApp('/queue', network);

    const menuButton = await screen.findByRole('button', { name: `Account menu for ${me.name}` });
    expect(within(menuButton).getByText('Technician')).toBeInTheDocument();
    await user.click(menuButton);
    await user.click(await screen.findByRole('menuitem', { name: 'Sign out' }));

    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(network.calls('POST /api/auth/logout')).toHaveLength(1);
  });

  it('changes the password from the user menu', async () => {
    const { me, network } = signedInAs('manager');
    network.on('POST /api/auth/password', json(204));
    const { user } = renderApp('/dashboard', network);

    await user.click(await screen.findByRole('button', { name: `Account menu for ${me.name}` }));
    await user.click(await screen.findByRole('menuitem', { name: 'Change password' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change password' });
    await user.type(within(dialog).getByLabelText(/^Current password/), 'old-password-123');
    await user.type(within(dialog).getByLabelText(/^New password/), 'correct horse battery');
    await user.type(within(dialog).getByLabelText(/^Confirm new password/), 'correct horse battery');
    await user.click(within(dialog).getByRole('button', { name: 'Change password' }));

    expect(await screen.findByText('Your password was changed.')).toBeInTheDocument();
    expect(network.calls('POST /api/auth/password').map((r) => r.body)).toEqual([
      { currentPassword: 'old-password-123', newPassword: 'correct horse battery' },
    ]);
  });
});
