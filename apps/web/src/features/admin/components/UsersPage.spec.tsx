import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { aDepartment, aMe, aUser } from '../../../testing/fixtures';
import { apiError, createFetchStub, json } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';
import { UsersPage } from './UsersPage';

const finance = aDepartment({ name: 'Finance', code: 'FIN' });
const police = aDepartment({ name: 'Police', code: 'PD', lifeSafety: true });

function adminNetwork(users = [aUser()]) {
  return createFetchStub({
    'GET /api/auth/me': json(200, aMe({ role: 'admin' })),
    'GET /api/users': json(200, { items: users, nextCursor: null }),
    'GET /api/departments': json(200, { items: [finance, police] }),
  });
}

async function usersTable() {
  return screen.findByRole('table', { name: 'Users' });
}

describe(UsersPage.name, () => {
  it('lists users with role, department and status', async () => {
    renderApp(
      '/admin/users',
      adminNetwork([
        aUser({ name: 'Jane Doe', email: 'jane@city.gov', role: 'technician', departmentName: 'Finance' }),
        aUser({ name: 'Old Account', email: 'old@city.gov', active: false, mustChangePassword: true }),
      ]),
    );

    const table = await usersTable();
    const jane = (await within(table).findByText('Jane Doe')).closest('tr');
    const old = within(table).getByText('Old Account').closest('tr');
    expect(jane).not.toBeNull();
    expect(old).not.toBeNull();
    expect(within(jane as HTMLElement).getByText('Technician')).toBeInTheDocument();
    expect(within(jane as HTMLElement).getByText('Finance')).toBeInTheDocument();
    expect(within(jane as HTMLElement).getByText('Active')).toBeInTheDocument();
    expect(within(old as HTMLElement).getByText('Inactive')).toBeInTheDocument();
    expect(within(old as HTMLElement).getByText('Temporary password')).toBeInTheDocument();
  });

  it('creates a user with a role, department and temporary password', async () => {
    const network = adminNetwork();
    network.on('POST /api/users', (request) =>
      json(201, aUser({ ...(request.body as object), departmentName: 'Police', mustChangePassword: true })),
    );
    const { user } = renderApp('/admin/users', network);

    await user.click(await screen.findByRole('button', { name: 'New user' }));
    const dialog = await screen.findByRole('dialog', { name: 'New user' });
    await user.type(within(dialog).getByLabelText(/^Name/), 'Pat Officer');
    await user.type(within(dialog).getByLabelText(/^Email/), 'pat@city.gov');
    await user.click(within(dialog).getByRole('combobox', { name: /^Role/ }));
    await user.click(await within(dialog).findByRole('option', { name: 'Technician' }));
    await user.click(within(dialog).getByRole('combobox', { name: /^Department/ }));
    await user.click(await within(dialog).findByRole('option', { name: 'Police (PD)' }));
    await user.type(within(dialog).getByLabelText(/^Temporary password/), 'a-long-temporary-pass');
    await user.click(within(dialog).getByRole('button', { name: 'Create user' }));

    expect(await screen.findByText('Pat Officer can now sign in.')).toBeInTheDocument();
    expect(network.calls('POST /api/users').map((r) => r.body)).toEqual([
      {
        name: 'Pat Officer',
        email: 'pat@city.gov',
        role: 'technician',
        departmentId: police.id,
        password: 'a-long-temporary-pass',
      },
    ]);
    // The list is fetched again so the new user shows up.
    expect(network.calls('GET /api/users').length).toBeGreaterThanOrEqual(2);
  });

  it('shows a taken email on the email field', async () => {
    const network = adminNetwork();
    network.on('POST /api/users', apiError(409, 'email_taken', 'A user with this e-mail already exists'));
    const { user } = renderApp('/admin/users', network);

    await user.click(await screen.findByRole('button', { name: 'New user' }));
    const dialog = await screen.findByRole('dialog', { name: 'New user' });
    await user.type(within(dialog).getByLabelText(/^Name/), 'Jane Again');
    await user.type(within(dialog).getByLabelText(/^Email/), 'jane.doe@city.gov');
    await user.type(within(dialog).getByLabelText(/^Temporary password/), 'a-long-temporary-pass');
    await user.click(within(dialog).getByRole('button', { name: 'Create user' }));

    expect(await within(dialog).findByText('A user with this e-mail already exists')).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/^Email/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('edits a user and deactivates them', async () => {
    const jane = aUser({ name: 'Jane Doe', departmentId: finance.id, departmentName: 'Finance' });
    const network = adminNetwork([jane]);
    network.on('PATCH /api/users/' + jane.id, (request) => json(200, { ...jane, ...(request.body as object) }));
    const { user } = renderApp('/admin/users', network);

    await user.click(await screen.findByRole('button', { name: 'Edit Jane Doe' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Jane Doe' });
    const name = within(dialog).getByLabelText(/^Name/);
    await user.clear(name);
    await user.type(name, 'Jane Q. Doe');
    await user.click(within(dialog).getByRole('switch', { name: /^Active/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Jane Q. Doe was saved.')).toBeInTheDocument();
    expect(network.calls('PATCH /api/users/' + jane.id).map((r) => r.body)).toEqual([
      { name: 'Jane Q. Doe', email: jane.email, role: 'requester', departmentId: finance.id, active: false },
    ]);
  });

  it('sets a temporary password', async () => {
    const jane = aUser({ name: 'Jane Doe' });
    const network = adminNetwork([jane]);
    network.on(`POST /api/users/${jane.id}/temporary-password`, json(204));
    const { user } = renderApp('/admin/users', network);

    await user.click(await screen.findByRole('button', { name: 'Set a temporary password for Jane Doe' }));
    const dialog = await screen.findByRole('dialog', { name: 'Set a temporary password' });
    await user.click(within(dialog).getByRole('button', { name: 'Generate' }));
    const generated = within(dialog).getByLabelText<HTMLInputElement>(/^Temporary password/).value;
    await user.click(within(dialog).getByRole('button', { name: 'Set password' }));

    expect(await screen.findByText('Jane Doe must choose a new password at next sign-in.')).toBeInTheDocument();
    expect(generated).toMatch(/^[A-Za-z2-9]{16}$/);
    expect(network.calls(`POST /api/users/${jane.id}/temporary-password`).map((r) => r.body)).toEqual([{ password: generated }]);
  });
});
