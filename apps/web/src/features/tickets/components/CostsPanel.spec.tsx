import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { TicketDetail, WorkLog } from '../../../lib/api/api-types';
import { dateInZone } from '../../../lib/time/zoned-time';
import { aCalendar, aMe, anAsset, anExpense, aQueue, aStaffTicket, aWorkLog, someTicketCosts } from '../../../testing/fixtures';
import { apiError, json, type FetchStub } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';
import { bodyRowTexts } from '../../../testing/table-text';
import { staffTicketNetwork } from '../../../testing/ticket-network';
import { CostsPanel } from './CostsPanel';

const tech = aMe({ role: 'technician', name: 'Taylor Tech' });
const manager = aMe({ role: 'manager', name: 'Morgan Manager' });
const casey = { id: '00000000-0000-4000-8000-0000000000c1', name: 'Casey Colleague' };
const CITY_ZONE = 'Pacific/Kiritimati';
const cityCalendar = aCalendar({ systemKey: 'city_office_hours', timeZone: CITY_ZONE });
const serviceDesk = aQueue({
  members: [
    { id: tech.id, name: tech.name, role: 'technician' },
    { id: casey.id, name: casey.name, role: 'technician' },
  ],
});

const taylorsLog = aWorkLog({
  user: { id: tech.id, name: tech.name },
  workDate: '2026-03-02',
  minutes: 75,
  rateCents: 8500,
  costCents: 10625,
  note: 'Reseated the dock',
});
const caseysLog = aWorkLog({ user: casey, minutes: 30, rateCents: 9000, costCents: 4500, can: { change: false } });
const dock = anExpense({ amountCents: 4599, vendor: 'CDW', description: 'USB-C dock' });

function costsNetwork(me = tech, ticket: TicketDetail = aStaffTicket({ queue: { id: serviceDesk.id, name: serviceDesk.name } })) {
  const network = staffTicketNetwork(me, ticket, [serviceDesk]);
  network.on('GET /api/calendars', json(200, { items: [cityCalendar] }));
  network.on(`GET /api/tickets/${ticket.id}/costs`, json(200, someTicketCosts([taylorsLog, caseysLog], [dock])));
  return { ticket, network };
}

const costsPath = (ticket: TicketDetail) => `/tickets/${ticket.id}/costs`;
const workLogsPath = (ticket: TicketDetail) => `/api/tickets/${ticket.id}/work-logs`;

/** Today in the city's zone, on either side of the test: the form's default is one of the two. */
function cityToday(): string {
  return dateInZone(new Date(), CITY_ZONE);
}

function answerWorkLog(network: FetchStub, ticket: TicketDetail) {
  network.on(`POST ${workLogsPath(ticket)}`, (request) =>
    json(201, aWorkLog({ ...(request.body as Partial<WorkLog>), user: { id: tech.id, name: tech.name } })),
  );
}

describe(CostsPanel.name, () => {
  it('shows the totals in hours and dollars, and every work log and expense', async () => {
    const { ticket, network } = costsNetwork();
    renderApp(`/tickets/${ticket.number}`, network);

    const panel = await screen.findByRole('region', { name: 'Time and costs' });
    const totals = await within(panel).findByLabelText('Cost totals');
    expect(totals).toHaveTextContent('Labour time1 h 45 min');
    expect(totals).toHaveTextContent('Labour cost$151.25');
    expect(totals).toHaveTextContent('Expenses$45.99');
    expect(totals).toHaveTextContent('Total$197.24');
    expect(bodyRowTexts(within(panel).getByRole('table', { name: 'Work logs' })).map((row) => row.slice(1, 6))).toEqual([
      ['Taylor Tech', '1 h 15 min', '$85.00/h', '$106.25', 'Reseated the dock'],
      ['Casey Colleague', '30 min', '$90.00/h', '$45.00', '—'],
    ]);
    expect(bodyRowTexts(within(panel).getByRole('table', { name: 'Expenses' }))[0]).toEqual(
      expect.arrayContaining(['Parts', 'CDW', 'USB-C dock', '$45.99']),
    );
  });

  it('offers edit and delete only on the entries this person may change', async () => {
    const { ticket, network } = costsNetwork();
    renderApp(`/tickets/${ticket.number}`, network);

    const table = await screen.findByRole('table', { name: 'Work logs' });
    const [mine, theirs] = within(table).getAllByRole('row').slice(1) as [HTMLElement, HTMLElement];
    expect(
      within(mine)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Edit', 'Delete']);
    expect(within(theirs).queryAllByRole('button')).toEqual([]);
  });

  it('logs time on today in the city’s zone, then reloads the totals and the history', async () => {
    const { ticket, network } = costsNetwork();
    answerWorkLog(network, ticket);
    const before = cityToday();
    const { user } = renderApp(`/tickets/${ticket.number}`, network);

    await user.click(await screen.findByRole('button', { name: 'Log time' }));
    const dialog = await screen.findByRole('dialog', { name: 'Log time' });
    // Technicians log their own time: no one else to pick.
    expect(within(dialog).queryByRole('combobox', { name: /^Technician/ })).not.toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: /^Minutes/ }), '90');
    expect(within(dialog).getByText('= 1 h 30 min')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: 'Note' }), 'Replaced the cable');
    const costsReads = network.calls(`GET /api${costsPath(ticket)}`).length;
    const eventsReads = network.calls(`GET /api/tickets/${ticket.id}/events`).length;
    await user.click(within(dialog).getByRole('button', { name: 'Log time' }));

    expect(await screen.findByText('Logged 1 h 30 min for Taylor Tech.')).toBeInTheDocument();
    const [body] = network.calls(`POST ${workLogsPath(ticket)}`).map((r) => r.body as Record<string, unknown>);
    expect(body).toEqual({ workDate: expect.any(String), minutes: 90, note: 'Replaced the cable' });
    expect([before, cityToday()]).toContain(body?.workDate);
    await waitFor(() => expect(network.calls(`GET /api${costsPath(ticket)}`).length).toBeGreaterThan(costsReads));
    await waitFor(() => expect(network.calls(`GET /api/tickets/${ticket.id}/events`).length).toBeGreaterThan(eventsReads));
  });

  it('shows the API’s reason on the field it refused', async () => {
    const { ticket, network } = costsNetwork();
    const reason = 'no hourly rate is in force for this technician on 2026-03-02; an admin sets rates and role defaults';
    network.on(
      `POST ${workLogsPath(ticket)}`,
      apiError(400, 'validation_failed', 'Invalid input: workDate', [{ field: 'workDate', messages: [reason] }]),
    );
    const { user } = renderApp(`/tickets/${ticket.number}`, network);

    await user.click(await screen.findByRole('button', { name: 'Log time' }));
    const dialog = await screen.findByRole('dialog', { name: 'Log time' });
    fireEvent.change(within(dialog).getByLabelText(/^Date/), { target: { value: '2026-03-02' } });
    await user.type(within(dialog).getByRole('textbox', { name: /^Minutes/ }), '45');
    await user.click(within(dialog).getByRole('button', { name: 'Log time' }));

    expect(await within(dialog).findByText(reason)).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/^Date/)).toHaveAttribute('aria-invalid', 'true');
    expect(network.calls(`POST ${workLogsPath(ticket)}`).map((r) => r.body)).toEqual([
      { workDate: '2026-03-02', minutes: 45, note: '' },
    ]);
  });

  it('asks for the minutes before asking the API', async () => {
    const { ticket, network } = costsNetwork();
    const { user } = renderApp(`/tickets/${ticket.number}`, network);

    await user.click(await screen.findByRole('button', { name: 'Log time' }));
    const dialog = await screen.findByRole('dialog', { name: 'Log time' });
    await user.click(within(dialog).getByRole('button', { name: 'Log time' }));

    expect(await within(dialog).findByText('Whole minutes, from 1 to 1440 (a day)')).toBeInTheDocument();
    expect(network.calls(`POST ${workLogsPath(ticket)}`)).toHaveLength(0);
  });

  it('lets a manager log a technician’s time', async () => {
    const ticket = aStaffTicket({ queue: { id: serviceDesk.id, name: serviceDesk.name } });
    const { network } = costsNetwork(manager, ticket);
    network.on(`POST ${workLogsPath(ticket)}`, (request) =>
      json(201, aWorkLog({ ...(request.body as Partial<WorkLog>), user: casey })),
    );
    const { user } = renderApp(`/tickets/${ticket.number}`, network);

    await user.click(await screen.findByRole('button', { name: 'Log time' }));
    const dialog = await screen.findByRole('dialog', { name: 'Log time' });
    await user.click(within(dialog).getByRole('combobox', { name: /^Technician/ }));
    await user.click(await screen.findByRole('option', { name: 'Casey Colleague' }));
    await user.type(within(dialog).getByRole('textbox', { name: /^Minutes/ }), '60');
    await user.click(within(dialog).getByRole('button', { name: 'Log time' }));

    expect(await screen.findByText('Logged 1 h for Casey Colleague.')).toBeInTheDocument();
    expect(network.calls(`POST ${workLogsPath(ticket)}`).map((r) => r.body)).toEqual([
      expect.objectContaining({ userId: casey.id, minutes: 60 }),
    ]);
  });

  it('edits a work log, sending its date, minutes and note', async () => {
    const { ticket, network } = costsNetwork();
    network.on(`PATCH ${workLogsPath(ticket)}/${taylorsLog.id}`, (request) =>
      json(200, { ...taylorsLog, ...(request.body as Partial<WorkLog>) }),
    );
    const { user } = renderApp(`/tickets/${ticket.number}`, network);

    await user.click(await screen.findByRole('button', { name: 'Edit time logged Mar 2, 2026 by Taylor Tech' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit work log' });
    const minutes = within(dialog).getByRole('textbox', { name: /^Minutes/ });
    expect(minutes).toHaveValue('75');
    await user.clear(minutes);
    await user.type(minutes, '120');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('The work log was saved.')).toBeInTheDocument();
    expect(network.calls(`PATCH ${workLogsPath(ticket)}/${taylorsLog.id}`).map((r) => r.body)).toEqual([
      { workDate: '2026-03-02', minutes: 120, note: 'Reseated the dock' },
    ]);
  });

  it('asks before deleting a work log, then deletes it', async () => {
    const { ticket, network } = costsNetwork();
    network.on(`DELETE ${workLogsPath(ticket)}/${taylorsLog.id}`, json(204));
    const { user } = renderApp(`/tickets/${ticket.number}`, network);

    await user.click(await screen.findByRole('button', { name: 'Delete time logged Mar 2, 2026 by Taylor Tech' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete work log' });
    expect(dialog).toHaveTextContent('Delete 1 h 15 min of work on Mar 2, 2026 by Taylor Tech? This cannot be undone.');
    expect(network.calls(`DELETE ${workLogsPath(ticket)}/${taylorsLog.id}`)).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(network.calls(`DELETE ${workLogsPath(ticket)}/${taylorsLog.id}`)).toHaveLength(1));
    expect(await screen.findByText('1 h 15 min of work on Mar 2, 2026 by Taylor Tech was deleted.')).toBeInTheDocument();
  });

  it('adds an expense in dollars as integer cents, for an asset found by searching', async () => {
    const { ticket, network } = costsNetwork();
    const laptop = anAsset({ tag: 'FIN-LT-0042', name: 'Dell Latitude 5450' });
    network.on('GET /api/assets', json(200, { items: [laptop], nextCursor: null }));
    network.on(`POST /api/tickets/${ticket.id}/expenses`, (request) => json(201, anExpense(request.body as object)));
    const { user } = renderApp(`/tickets/${ticket.number}`, network);

    await user.click(await screen.findByRole('button', { name: 'Add expense' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add expense' });
    await user.click(within(dialog).getByRole('combobox', { name: /^Type/ }));
    await user.click(await screen.findByRole('option', { name: 'Vendor service' }));
    // 0.29 × 100 is not 29 in floating point; the cents must still come out exact.
    await user.type(within(dialog).getByRole('textbox', { name: /^Amount/ }), '1234.29');
    await user.type(within(dialog).getByRole('textbox', { name: 'Vendor' }), 'Dell Services');
    fireEvent.change(within(dialog).getByLabelText(/^Date/), { target: { value: '2026-03-02' } });
    await user.type(within(dialog).getByRole('textbox', { name: 'Description' }), 'Motherboard swap');
    await user.click(within(dialog).getByRole('combobox', { name: /^Asset/ }));
    await user.click(await screen.findByRole('option', { name: 'FIN-LT-0042 · Dell Latitude 5450' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add expense' }));

    expect(await screen.findByText('The $1,234.29 expense was saved.')).toBeInTheDocument();
    expect(network.calls(`POST /api/tickets/${ticket.id}/expenses`).map((r) => r.body)).toEqual([
      {
        type: 'vendor',
        amountCents: 123429,
        vendor: 'Dell Services',
        spentOn: '2026-03-02',
        description: 'Motherboard swap',
        assetId: laptop.id,
      },
    ]);
  });
});
