import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import { aCalendar, aDepartment, aMe } from '../../../testing/fixtures';
import { apiError, createFetchStub, json } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';
import { DepartmentsPage } from './DepartmentsPage';

const cityHours = aCalendar({ name: 'City office hours', systemKey: 'city_office_hours' });
const aroundTheClock = aCalendar({ name: 'Around the clock (24×7)', timeZone: 'America/New_York' });

function adminNetwork(departments = [aDepartment()]) {
  return createFetchStub({
    'GET /api/auth/me': json(200, aMe({ role: 'admin' })),
    'GET /api/departments': json(200, { items: departments }),
    'GET /api/calendars': json(200, { items: [cityHours, aroundTheClock] }),
  });
}

describe(DepartmentsPage.name, () => {
  it('lists departments with code and life-safety flag', async () => {
    renderApp(
      '/admin/departments',
      adminNetwork([aDepartment({ name: 'Finance', code: 'FIN' }), aDepartment({ name: 'Fire', code: 'FD', lifeSafety: true })]),
    );

    const table = await screen.findByRole('table', { name: 'Departments' });
    const fire = (await within(table).findByText('Fire')).closest('tr') as HTMLElement;
    const finance = within(table).getByText('Finance').closest('tr') as HTMLElement;
    expect(within(fire).getByText('FD')).toBeInTheDocument();
    expect(within(fire).getByText('Life-safety')).toBeInTheDocument();
    expect(within(finance).queryByText('Life-safety')).not.toBeInTheDocument();
  });

  it('names each department’s business-hours calendar, the city’s office hours by default', async () => {
    renderApp(
      '/admin/departments',
      adminNetwork([
        aDepartment({ name: 'Finance', code: 'FIN' }),
        aDepartment({ name: 'Police', code: 'PD', calendarId: aroundTheClock.id }),
      ]),
    );

    const table = await screen.findByRole('table', { name: 'Departments' });
    const police = (await within(table).findByText('Police')).closest('tr') as HTMLElement;
    const finance = within(table).getByText('Finance').closest('tr') as HTMLElement;
    expect(await within(police).findByText('Around the clock (24×7)')).toBeInTheDocument();
    expect(within(finance).getByText('City office hours (default)')).toBeInTheDocument();
  });

  it('puts a department on another calendar and back on the default', async () => {
    const police = aDepartment({ name: 'Police', code: 'PD' });
    const network = adminNetwork([police]);
    network.on(`PATCH /api/departments/${police.id}`, (request) => json(200, { ...police, ...(request.body as object) }));
    const { user } = renderApp('/admin/departments', network);

    await user.click(await screen.findByRole('button', { name: 'Edit Police' }));
    let dialog = await screen.findByRole('dialog', { name: 'Edit Police' });
    const hours = within(dialog).getByRole('combobox', { name: /^Business hours/ });
    expect(hours).toHaveValue('City office hours (default)');
    await user.click(hours);
    // The city's own calendar is the default already: not offered twice.
    expect((await screen.findAllByRole('option')).map((option) => option.textContent)).toEqual([
      'City office hours (default)',
      'Around the clock (24×7)',
    ]);
    await user.click(screen.getByRole('option', { name: 'Around the clock (24×7)' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Police was saved.')).toBeInTheDocument();

    await user.click(await screen.findByRole('button', { name: 'Edit Police' }));
    dialog = await screen.findByRole('dialog', { name: 'Edit Police' });
    await user.click(within(dialog).getByRole('combobox', { name: /^Business hours/ }));
    await user.click(await screen.findByRole('option', { name: 'City office hours (default)' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(
        network.calls(`PATCH /api/departments/${police.id}`).map((r) => (r.body as { calendarId: unknown }).calendarId),
      ).toEqual([aroundTheClock.id, null]),
    );
  });

  it('creates a department, upper-casing the code', async () => {
    const network = adminNetwork();
    network.on('POST /api/departments', (request) => json(201, aDepartment(request.body as object)));
    const { user } = renderApp('/admin/departments', network);

    await user.click(await screen.findByRole('button', { name: 'New department' }));
    const dialog = await screen.findByRole('dialog', { name: 'New department' });
    await user.type(within(dialog).getByLabelText(/^Name/), 'Police');
    await user.type(within(dialog).getByLabelText(/^Code/), 'pd');
    await user.click(within(dialog).getByRole('checkbox', { name: /Life-safety department/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Create department' }));

    expect(await screen.findByText('Police was saved.')).toBeInTheDocument();
    expect(network.calls('POST /api/departments').map((r) => r.body)).toEqual([
      { name: 'Police', code: 'PD', lifeSafety: true, calendarId: null },
    ]);
  });

  it('edits a department', async () => {
    const parks = aDepartment({ name: 'Parks', code: 'PRK' });
    const network = adminNetwork([parks]);
    network.on(`PATCH /api/departments/${parks.id}`, (request) => json(200, { ...parks, ...(request.body as object) }));
    const { user } = renderApp('/admin/departments', network);

    await user.click(await screen.findByRole('button', { name: 'Edit Parks' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Parks' });
    const name = within(dialog).getByLabelText(/^Name/);
    await user.clear(name);
    await user.type(name, 'Parks and Recreation');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Parks and Recreation was saved.')).toBeInTheDocument();
    expect(network.calls(`PATCH /api/departments/${parks.id}`).map((r) => r.body)).toEqual([
      { name: 'Parks and Recreation', code: 'PRK', lifeSafety: false, calendarId: null },
    ]);
  });

  it('deletes a department after confirmation', async () => {
    const library = aDepartment({ name: 'Library', code: 'LIB' });
    const network = adminNetwork([library]);
    network.on(`DELETE /api/departments/${library.id}`, () => {
      network.on('GET /api/departments', json(200, { items: [] }));
      return json(204);
    });
    const { user } = renderApp('/admin/departments', network);

    await user.click(await screen.findByRole('button', { name: 'Delete Library' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete department' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect(await screen.findByText('No departments yet.')).toBeInTheDocument();
    expect(network.calls(`DELETE /api/departments/${library.id}`)).toHaveLength(1);
  });

  it('explains why a department with users cannot be deleted', async () => {
    const finance = aDepartment({ name: 'Finance', code: 'FIN' });
    const network = adminNetwork([finance]);
    network.on(
      `DELETE /api/departments/${finance.id}`,
      apiError(409, 'department_in_use', 'The department still has 12 users; move them first'),
    );
    const { user } = renderApp('/admin/departments', network);

    await user.click(await screen.findByRole('button', { name: 'Delete Finance' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete department' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect(await within(dialog).findByText('The department still has 12 users; move them first')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Departments' })).toHaveTextContent('Finance');
  });
});
