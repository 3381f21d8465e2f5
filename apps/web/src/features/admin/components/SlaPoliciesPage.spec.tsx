import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aCalendar, aCategory, aDepartment, aMe, anSlaPolicy, anSlaPolicyDetail } from '../../../testing/fixtures';
import { apiError, createFetchStub, json } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';
import { SlaPoliciesPage } from './SlaPoliciesPage';

const officeHours = aCalendar({ name: 'City office hours', systemKey: 'city_office_hours' });
const allDay = aCalendar({
  name: 'Around the clock',
  windows: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, start: '00:00', end: '24:00' })),
});
const police = aDepartment({ name: 'Police', code: 'PD', calendarId: allDay.id });
const finance = aDepartment({ name: 'Finance', code: 'FIN', calendarId: null });
const network_ = aCategory({ name: 'Network' });

const critical = anSlaPolicy({
  name: 'Public safety P1',
  position: 1,
  kinds: ['incident'],
  priorities: ['P1'],
  departmentIds: [police.id],
  firstResponseMinutes: 15,
  resolutionMinutes: 240,
  calendarId: allDay.id,
  version: 3,
});
const network = anSlaPolicy({ name: 'Network outages', position: 2, categoryIds: [network_.id], active: false });
const standard = anSlaPolicy({ name: 'Standard', position: 3, firstResponseMinutes: 90, nextResponseMinutes: 120 });

function adminNetwork(policies = [critical, network, standard]) {
  const stub = createFetchStub({
    'GET /api/auth/me': json(200, aMe({ role: 'admin' })),
    'GET /api/sla-policies': json(200, { items: policies }),
    'GET /api/departments': json(200, { items: [finance, police] }),
    'GET /api/categories': json(200, { items: [network_] }),
    'GET /api/calendars': json(200, { items: [allDay, officeHours] }),
  });
  for (const calendar of [allDay, officeHours]) stub.on(`GET /api/calendars/${calendar.id}`, json(200, calendar));
  return stub;
}

const cellsOf = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .slice(0, -1)
    .map((cell) => cell.textContent);

describe(SlaPoliciesPage.name, () => {
  it('lists the policies in matching order, their conditions and targets in words', async () => {
    renderApp('/admin/sla-policies', adminNetwork());

    const table = await screen.findByRole('table', { name: 'SLA policies' });
    await within(table).findByText('P1 incidents from Police');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(cellsOf)).toEqual([
      [
        '1',
        'Public safety P1',
        'P1 incidents from Police',
        'First response: 15 business minutesResolution: 4 business hours',
        'Around the clock',
        'Active',
        'v3',
      ],
      [
        '2',
        'Network outages',
        'Tickets about Network',
        'First response: 1 business hourResolution: 8 business hours',
        'Department’s calendar',
        'Inactive',
        'v1',
      ],
      [
        '3',
        'Standard',
        'Every ticket (the fallback)',
        'First response: 1 business hour 30 minResolution: 8 business hoursNext response: 2 business hours',
        'Department’s calendar',
        'Active',
        'v1',
      ],
    ]);
    expect(within(rows[0]!).getByRole('button', { name: 'Move Public safety P1 up' })).toBeDisabled();
    expect(within(rows[2]!).getByRole('button', { name: 'Move Standard down' })).toBeDisabled();
  });

  it('moves a policy up by sending the whole new order, and shows the order the API answers', async () => {
    const stub = adminNetwork();
    stub.on(
      'PUT /api/sla-policies/order',
      json(200, { items: [critical, { ...standard, position: 2 }, { ...network, position: 3 }] }),
    );
    const { user } = renderApp('/admin/sla-policies', stub);

    await user.click(await screen.findByRole('button', { name: 'Move Standard up' }));

    await waitFor(() =>
      expect(
        within(screen.getByRole('table', { name: 'SLA policies' }))
          .getAllByRole('row')
          .slice(1)
          .map((row) => within(row).getAllByRole('cell')[1]?.textContent),
      ).toEqual(['Public safety P1', 'Standard', 'Network outages']),
    );
    expect(stub.calls('PUT /api/sla-policies/order').map((r) => r.body)).toEqual([
      { ids: [critical.id, standard.id, network.id] },
    ]);
  });

  it('deactivates a policy and shows it inactive', async () => {
    const stub = adminNetwork();
    stub.on(`POST /api/sla-policies/${standard.id}/deactivate`, () => {
      stub.on('GET /api/sla-policies', json(200, { items: [critical, network, { ...standard, active: false }] }));
      return json(200, anSlaPolicyDetail({ ...standard, active: false }));
    });
    const { user } = renderApp('/admin/sla-policies', stub);

    await user.click(await screen.findByRole('button', { name: 'Deactivate Standard' }));

    expect(await screen.findByText('Standard is inactive: new tickets skip it.')).toBeInTheDocument();
    const row = (await screen.findByRole('button', { name: 'Activate Standard' })).closest('tr') as HTMLElement;
    expect(within(row).getByText('Inactive')).toBeInTheDocument();
    expect(stub.calls(`POST /api/sla-policies/${standard.id}/deactivate`)).toHaveLength(1);
  });

  it('deletes a policy once confirmed, and says why the API refuses one tickets follow', async () => {
    const stub = adminNetwork();
    stub.on(
      `DELETE /api/sla-policies/${critical.id}`,
      apiError(409, 'conflict', 'Tickets follow a version of this SLA policy; deactivate it instead'),
    );
    const { user } = renderApp('/admin/sla-policies', stub);

    await user.click(await screen.findByRole('button', { name: 'Delete Public safety P1' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete SLA policy' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect(
      await within(dialog).findByText('Tickets follow a version of this SLA policy; deactivate it instead'),
    ).toBeInTheDocument();
    expect(stub.calls(`DELETE /api/sla-policies/${critical.id}`)).toHaveLength(1);
  });

  it('saves an edit as a new version, with an escalation level, and shows the version history', async () => {
    const stub = adminNetwork();
    stub.on(
      `GET /api/sla-policies/${critical.id}`,
      json(
        200,
        anSlaPolicyDetail(critical, [{ createdBy: 'Avery Admin' }, { createdBy: 'Sam Admin' }, { createdBy: 'Sam Admin' }]),
      ),
    );
    stub.on(`PATCH /api/sla-policies/${critical.id}`, (request) =>
      json(200, anSlaPolicyDetail({ ...critical, ...(request.body as object), version: 4 })),
    );
    const { user } = renderApp('/admin/sla-policies', stub);

    await user.click(await screen.findByRole('button', { name: 'Edit Public safety P1' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Public safety P1' });
    const history = await within(dialog).findByRole('table', { name: 'Version history' });
    expect(within(history).getAllByRole('row')).toHaveLength(4);
    expect(within(history).getAllByRole('row')[1]).toHaveTextContent(/3Current.*Avery Admin/);

    const resolution = within(dialog).getByRole('textbox', { name: 'Resolution' });
    await user.clear(resolution);
    await user.type(resolution, '120');
    expect(resolution).toHaveAccessibleDescription('= 2 business hours');
    await user.click(within(dialog).getByRole('button', { name: 'Add escalation level' }));
    const level = within(dialog).getByRole('group', { name: 'Escalation 1' });
    await user.click(within(level).getByRole('checkbox', { name: 'Notify the queue lead' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save as a new version' }));

    expect(await screen.findByText('Public safety P1 was saved as version 4.')).toBeInTheDocument();
    expect(stub.calls(`PATCH /api/sla-policies/${critical.id}`)[0]?.body).toEqual({
      name: 'Public safety P1',
      kinds: ['incident'],
      priorities: ['P1'],
      departmentIds: [police.id],
      categoryIds: [],
      firstResponseMinutes: 15,
      resolutionMinutes: 120,
      nextResponseMinutes: null,
      pauseStatuses: ['waiting_on_requester', 'waiting_on_vendor'],
      calendarId: allDay.id,
      escalations: [{ target: 'first_response', percent: 75, level: 1, actions: ['notify_assignee', 'notify_queue_lead'] }],
    });
  });

  it('asks for a target before saving, and shows the API’s field errors where they belong', async () => {
    const stub = adminNetwork();
    stub.on(
      'POST /api/sla-policies',
      apiError(400, 'validation_failed', 'Invalid input: escalations', [
        { field: 'escalations', messages: ['next_response has no target to escalate on'] },
      ]),
    );
    const { user } = renderApp('/admin/sla-policies', stub);

    await user.click(await screen.findByRole('button', { name: 'New SLA policy' }));
    const dialog = await screen.findByRole('dialog', { name: 'New SLA policy' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'Everything else');
    await user.click(within(dialog).getByRole('button', { name: 'Create policy' }));
    expect(within(dialog).getByRole('textbox', { name: 'First response' })).toHaveAccessibleDescription(
      /^Set a first response or a resolution target/,
    );
    expect(stub.calls('POST /api/sla-policies')).toHaveLength(0);

    await user.type(within(dialog).getByRole('textbox', { name: 'First response' }), '60');
    await user.click(within(dialog).getByRole('button', { name: 'Create policy' }));
    const levels = within(dialog).getByRole('group', { name: 'Escalation levels' });
    expect(await within(levels).findByText('next_response has no target to escalate on')).toBeInTheDocument();
  });

  it('previews when a ticket filed on Friday afternoon is due, on its department’s calendar', async () => {
    const stub = adminNetwork();
    const { user } = renderApp('/admin/sla-policies', stub);

    await user.click(await screen.findByRole('button', { name: 'New SLA policy' }));
    const dialog = await screen.findByRole('dialog', { name: 'New SLA policy' });
    await user.type(within(dialog).getByRole('textbox', { name: 'First response' }), '60');
    const whatIf = within(dialog).getByRole('group', { name: 'What if' });
    // Finance has no calendar of its own: the city's office hours, Mon–Fri 08:00–17:00 in New York.
    expect(within(whatIf).getByRole('combobox', { name: 'Department' })).toHaveValue('Finance');
    fireEvent.change(within(whatIf).getByLabelText(/^Filed at/), { target: { value: '2026-11-27T16:30' } });

    expect(
      await within(whatIf).findByText(
        'A P2 incident from Finance filed Fri 27 Nov 16:30 is first-responded by Mon 30 Nov 08:30.',
      ),
    ).toBeInTheDocument();
    expect(within(whatIf).getByText(/Counted on City office hours \(Finance’s calendar\)/)).toBeInTheDocument();

    // Police work around the clock: the same hour is just an hour.
    await user.click(within(whatIf).getByRole('combobox', { name: 'Department' }));
    await user.click(await within(whatIf).findByRole('option', { name: 'Police' }));
    expect(
      await within(whatIf).findByText('A P2 incident from Police filed Fri 27 Nov 16:30 is first-responded by Fri 27 Nov 17:30.'),
    ).toBeInTheDocument();
    expect(stub.calls(`GET /api/calendars/${allDay.id}`)).toHaveLength(1);
  });
});
