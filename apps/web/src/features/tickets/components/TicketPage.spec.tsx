import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import type { TicketDetail } from '../../../lib/api/api-types';
import { aComment, aMe, anEvent, anSlaSummary, aQueue, aStaffTicket, aTicket, aTicketSla } from '../../../testing/fixtures';
import { apiError, createFetchStub, json, type FetchStub } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';
import { staffTicketNetwork } from '../../../testing/ticket-network';
import { TicketPage } from './TicketPage';

const tech = aMe({ role: 'technician', name: 'Taylor Tech' });
const colleague = { id: '00000000-0000-4000-8000-0000000000c1', name: 'Casey Colleague', role: 'technician' as const };
const serviceDesk = aQueue({
  name: 'Service Desk',
  members: [
    { id: tech.id, name: tech.name, role: 'technician' },
    { id: colleague.id, name: colleague.name, role: 'technician' },
  ],
});

function staffNetwork(ticket: TicketDetail): FetchStub {
  return staffTicketNetwork(tech, ticket, [serviceDesk]);
}

describe(TicketPage.name, () => {
  it('shows how the ticket stands against its SLA beside its status', async () => {
    const dueAt = new Date(Date.now() + 25 * 60_000 + 30_000).toISOString();
    const ticket = aStaffTicket({ status: 'in_progress', dueAt, sla: anSlaSummary({ state: 'at_risk' }) });
    renderApp(`/tickets/${ticket.number}`, staffNetwork(ticket));

    await screen.findByRole('heading', { name: ticket.title });
    expect(screen.getByText('At risk · due in 25 min')).toBeInTheDocument();
  });

  it('takes the ticket, sending the version it read', async () => {
    const ticket = aStaffTicket({ version: 3, queue: { id: serviceDesk.id, name: serviceDesk.name } });
    const network = staffNetwork(ticket);
    network.on(`PATCH /api/tickets/${ticket.id}`, (request) =>
      json(200, {
        ...ticket,
        assignee: { id: tech.id, name: tech.name },
        status: 'assigned',
        version: 4,
        ...(request.body as object),
      }),
    );
    const { user } = renderApp(`/tickets/${ticket.number}`, network);

    await user.click(await screen.findByRole('button', { name: 'Take' }));

    expect(await screen.findByText('Assigned to you')).toBeInTheDocument();
    expect(network.calls(`PATCH /api/tickets/${ticket.id}`).map((r) => r.body)).toEqual([{ assigneeId: tech.id, version: 3 }]);
  });

  it('offers only the statuses the ticket allows', async () => {
    const ticket = aStaffTicket({ status: 'in_progress', allowedStatuses: ['waiting_on_requester', 'resolved'] });
    const network = staffNetwork(ticket);
    network.on(`PATCH /api/tickets/${ticket.id}`, (request) => json(200, { ...ticket, ...(request.body as object), version: 2 }));
    const { user } = renderApp(`/tickets/${ticket.number}`, network);

    await user.click(await screen.findByRole('combobox', { name: 'Status' }));
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['In progress', 'Waiting on requester', 'Resolved']);
    await user.click(screen.getByRole('option', { name: 'Resolved' }));

    await waitFor(() =>
      expect(network.calls(`PATCH /api/tickets/${ticket.id}`).map((r) => r.body)).toEqual([{ status: 'resolved', version: 1 }]),
    );
  });

  it('reloads and says so when someone else changed the ticket first (409)', async () => {
    const ticket = aStaffTicket({ version: 5, title: 'Old title' });
    const network = staffNetwork(ticket);
    network.on(
      `PATCH /api/tickets/${ticket.id}`,
      apiError(409, 'version_conflict', 'The ticket was changed by someone else', { currentVersion: 6 }),
    );
    const { user } = renderApp(`/tickets/${ticket.number}`, network);
    await screen.findByRole('heading', { name: 'Old title' });
    network.on(`GET /api/tickets/${ticket.number}`, json(200, { ...ticket, version: 6, title: 'Their new title' }));

    await user.click(screen.getByRole('button', { name: 'Take' }));

    expect(await screen.findByText('Someone else changed this ticket — reloaded')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Their new title' })).toBeInTheDocument();
    expect(network.calls(`PATCH /api/tickets/${ticket.id}`).map((r) => (r.body as { version: number }).version)).toEqual([5]);

    // The next change carries the version just reloaded.
    network.on(`PATCH /api/tickets/${ticket.id}`, (request) => json(200, { ...ticket, ...(request.body as object), version: 7 }));
    await user.click(screen.getByRole('button', { name: 'Take' }));
    await waitFor(() =>
      expect(network.calls(`PATCH /api/tickets/${ticket.id}`).map((r) => (r.body as { version: number }).version)).toEqual([
        5, 6,
      ]),
    );
  });

  it('lets staff reclassify the work, sending the version read', async () => {
    const ticket = aStaffTicket({ kind: 'incident', workClass: 'reactive', version: 4 });
    const network = staffNetwork(ticket);
    network.on(`PATCH /api/tickets/${ticket.id}`, (request) => json(200, { ...ticket, ...(request.body as object), version: 5 }));
    const { user } = renderApp(`/tickets/${ticket.number}`, network);

    await user.click(await screen.findByRole('combobox', { name: 'Work class' }));
    await user.click(await screen.findByRole('option', { name: 'Proactive' }));

    await waitFor(() =>
      expect(network.calls(`PATCH /api/tickets/${ticket.id}`).map((r) => r.body)).toEqual([
        { workClass: 'proactive', version: 4 },
      ]),
    );
  });

  it('overrides the priority only with a reason', async () => {
    const ticket = aStaffTicket({ priority: 'P3', version: 2 });
    const network = staffNetwork(ticket);
    network.on(`PATCH /api/tickets/${ticket.id}`, (request) =>
      json(200, { ...ticket, priority: 'P1', version: 3, ...(request.body as object) }),
    );
    const { user } = renderApp(`/tickets/${ticket.number}`, network);

    await user.click(await screen.findByRole('button', { name: 'Override priority' }));
    const dialog = await screen.findByRole('dialog', { name: 'Override priority' });
    await user.click(within(dialog).getByRole('combobox', { name: /^Priority/ }));
    await user.click(await within(dialog).findByRole('option', { name: 'P1' }));
    await user.click(within(dialog).getByRole('button', { name: 'Override' }));
    expect(await within(dialog).findByText('Say why the matrix’s priority is wrong here')).toBeInTheDocument();
    expect(network.calls(`PATCH /api/tickets/${ticket.id}`)).toHaveLength(0);

    await user.type(within(dialog).getByLabelText(/^Reason/), 'Council meeting tonight');
    await user.click(within(dialog).getByRole('button', { name: 'Override' }));

    await waitFor(() =>
      expect(network.calls(`PATCH /api/tickets/${ticket.id}`).map((r) => r.body)).toEqual([
        { priority: 'P1', priorityReason: 'Council meeting tonight', version: 2 },
      ]),
    );
  });

  it('edits the details, sending only what changed and the version read when the form opened', async () => {
    const ticket = aStaffTicket({ title: 'Printer jams', impact: 'one_person', urgency: 'work_degraded', version: 8 });
    const network = staffNetwork(ticket);
    network.on(`PATCH /api/tickets/${ticket.id}`, (request) => json(200, { ...ticket, ...(request.body as object), version: 9 }));
    const { user } = renderApp(`/tickets/${ticket.number}`, network);

    await user.click(await screen.findByRole('button', { name: 'Edit details' }));
    const dialog = await screen.findByRole('dialog', { name: `Edit ${ticket.number}` });
    const title = within(dialog).getByLabelText(/^Title/);
    await user.clear(title);
    await user.type(title, 'Printer on floor 2 jams');
    await user.click(within(dialog).getByRole('combobox', { name: 'Impact' }));
    await user.click(await within(dialog).findByRole('option', { name: 'Department' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('heading', { name: 'Printer on floor 2 jams' })).toBeInTheDocument();
    expect(network.calls(`PATCH /api/tickets/${ticket.id}`).map((r) => r.body)).toEqual([
      { title: 'Printer on floor 2 jams', impact: 'department', version: 8 },
    ]);
  });

  it('keeps internal notes apart from public replies', async () => {
    const ticket = aStaffTicket();
    const network = staffNetwork(ticket);
    network.on(
      `GET /api/tickets/${ticket.id}/comments`,
      json(200, {
        items: [
          aComment({ body: 'Restarted the access point.', internal: false }),
          aComment({ body: 'Suspect the AP firmware.', internal: true }),
        ],
      }),
    );
    network.on(`POST /api/tickets/${ticket.id}/comments`, (request) => json(201, aComment(request.body as object)));
    const { user } = renderApp(`/tickets/${ticket.number}`, network);

    const note = (await screen.findByText('Suspect the AP firmware.')).closest('[role="listitem"]') as HTMLElement;
    const reply = screen.getByText('Restarted the access point.').closest('[role="listitem"]') as HTMLElement;
    expect(within(note).getByText('Internal — not visible to the requester')).toBeInTheDocument();
    expect(within(reply).queryByText('Internal — not visible to the requester')).not.toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Internal note' }));
    await user.type(screen.getByRole('textbox', { name: /^Internal note/ }), 'Vendor case 4411 opened');
    await user.click(screen.getByRole('button', { name: 'Add internal note' }));
    await waitFor(() => expect(network.calls(`POST /api/tickets/${ticket.id}/comments`)).toHaveLength(1));

    await user.click(screen.getByRole('radio', { name: 'Public reply' }));
    await user.type(screen.getByRole('textbox', { name: /^Reply to the requester/ }), 'We are on it.');
    await user.click(screen.getByRole('button', { name: 'Send reply' }));

    await waitFor(() =>
      expect(network.calls(`POST /api/tickets/${ticket.id}/comments`).map((r) => r.body)).toEqual([
        { body: 'Vendor case 4411 opened', internal: true },
        { body: 'We are on it.', internal: false },
      ]),
    );
  });

  it('tells the history in words, naming records as the events recorded them', async () => {
    const ticket = aStaffTicket();
    const network = staffNetwork(ticket);
    const networkQueueId = '00000000-0000-4000-8000-0000000000e1';
    network.on(
      `GET /api/tickets/${ticket.id}/events`,
      json(200, {
        items: [
          anEvent({ type: 'created', actor: { id: 'u1', name: 'Erin Employee' } }),
          anEvent({
            type: 'assigned',
            actor: { id: tech.id, name: 'Taylor Tech' },
            data: { from: null, to: colleague.id, fromName: null, toName: 'Casey Colleague' },
          }),
          anEvent({
            type: 'status_changed',
            actor: { id: tech.id, name: 'Taylor Tech' },
            data: { from: 'new', to: 'in_progress' },
          }),
          // Neither the queue nor the category is in a list the screen has: the names come with the events.
          anEvent({
            type: 'field_changed',
            actor: { id: tech.id, name: 'Taylor Tech' },
            data: { field: 'queueId', from: serviceDesk.id, to: networkQueueId, fromName: 'Service Desk', toName: 'Network' },
          }),
          anEvent({
            type: 'field_changed',
            actor: { id: tech.id, name: 'Taylor Tech' },
            data: {
              field: 'categoryId',
              from: null,
              to: '00000000-0000-4000-8000-0000000000e2',
              fromName: null,
              toName: 'Printers',
            },
          }),
          anEvent({ type: 'commented', actor: { id: tech.id, name: 'Taylor Tech' }, data: { internal: true } }),
        ],
      }),
    );
    renderApp(`/tickets/${ticket.number}`, network);

    const history = await screen.findByRole('region', { name: 'History' });
    expect(await within(history).findByText('Taylor Tech changed status from New to In progress')).toBeInTheDocument();
    expect(within(history).getByText('Erin Employee filed the ticket')).toBeInTheDocument();
    expect(within(history).getByText('Taylor Tech assigned the ticket to Casey Colleague')).toBeInTheDocument();
    expect(within(history).getByText('Taylor Tech changed queue from Service Desk to Network')).toBeInTheDocument();
    expect(within(history).getByText('Taylor Tech changed category to Printers')).toBeInTheDocument();
    expect(within(history).getByText('Taylor Tech added an internal note')).toBeInTheDocument();
    expect(network.calls('GET /api/categories')).toHaveLength(0);
  });

  it('tells older events, recorded without names, without showing ids', async () => {
    const ticket = aStaffTicket();
    const network = staffNetwork(ticket);
    network.on(
      `GET /api/tickets/${ticket.id}/events`,
      json(200, {
        items: [
          anEvent({ type: 'assigned', actor: { id: tech.id, name: 'Taylor Tech' }, data: { from: null, to: colleague.id } }),
          anEvent({ type: 'assigned', actor: { id: tech.id, name: 'Taylor Tech' }, data: { from: colleague.id, to: tech.id } }),
          anEvent({
            type: 'field_changed',
            actor: { id: tech.id, name: 'Taylor Tech' },
            data: { field: 'queueId', from: serviceDesk.id, to: '00000000-0000-4000-8000-0000000000e1' },
          }),
        ],
      }),
    );
    renderApp(`/tickets/${ticket.number}`, network);

    const history = await screen.findByRole('region', { name: 'History' });
    expect(await within(history).findByText('Taylor Tech assigned the ticket')).toBeInTheDocument();
    expect(within(history).getByText('Taylor Tech took the ticket')).toBeInTheDocument();
    expect(within(history).getByText('Taylor Tech changed queue')).toBeInTheDocument();
    expect(history).not.toHaveTextContent(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});

describe(`${TicketPage.name} for the requester`, () => {
  const employee = aMe({ role: 'requester' });

  function requesterNetwork(ticket: TicketDetail): FetchStub {
    return createFetchStub({
      'GET /api/auth/me': json(200, employee),
      [`GET /api/tickets/${ticket.number}`]: json(200, ticket),
      [`GET /api/tickets/${ticket.id}/comments`]: json(200, { items: [aComment({ body: 'Fixed the driver.' })] }),
      [`GET /api/tickets/${ticket.id}/sla`]: json(200, aTicketSla()),
    });
  }

  it('shows the thread and a plain reply box, without staff controls', async () => {
    const ticket = aTicket({ status: 'in_progress' });
    const network = requesterNetwork(ticket);
    network.on(`POST /api/tickets/${ticket.id}/comments`, (request) => json(201, aComment(request.body as object)));
    const { user } = renderApp(`/tickets/${ticket.number}`, network);

    expect(await screen.findByText('Fixed the driver.')).toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: 'Internal note' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Take' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'History' })).not.toBeInTheDocument();
    // Costs are never shown to requesters, nor asked for on their behalf.
    expect(screen.queryByRole('region', { name: 'Time and costs' })).not.toBeInTheDocument();
    expect(network.calls(`GET /api/tickets/${ticket.id}/costs`)).toHaveLength(0);

    await user.type(screen.getByRole('textbox', { name: 'Your reply' }), 'Still slow after lunch.');
    await user.click(screen.getByRole('button', { name: 'Send reply' }));

    await waitFor(() =>
      expect(network.calls(`POST /api/tickets/${ticket.id}/comments`).map((r) => r.body)).toEqual([
        { body: 'Still slow after lunch.', internal: false },
      ]),
    );
  });

  it('confirms a resolved ticket is fixed', async () => {
    const ticket = aTicket({ status: 'resolved', can: { work: false, commentInternal: false, confirm: true, reopen: true } });
    const network = requesterNetwork(ticket);
    network.on(
      `POST /api/tickets/${ticket.id}/confirm`,
      json(200, { ...ticket, status: 'closed', can: { ...ticket.can, confirm: false, reopen: false } }),
    );
    const { user } = renderApp(`/tickets/${ticket.number}`, network);

    await user.click(await screen.findByRole('button', { name: 'Confirm it’s fixed' }));

    expect(await screen.findByText('Closed')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Confirm it’s fixed' })).not.toBeInTheDocument();
    expect(network.calls(`POST /api/tickets/${ticket.id}/confirm`)).toHaveLength(1);
  });

  it('reopens a resolved ticket with a reason', async () => {
    const ticket = aTicket({ status: 'resolved', can: { work: false, commentInternal: false, confirm: true, reopen: true } });
    const network = requesterNetwork(ticket);
    network.on(`POST /api/tickets/${ticket.id}/reopen`, json(200, { ...ticket, status: 'in_progress', reopenCount: 1 }));
    const { user } = renderApp(`/tickets/${ticket.number}`, network);

    await user.click(await screen.findByRole('button', { name: 'Reopen' }));
    await user.type(screen.getByLabelText(/^What is still wrong\?/), 'It froze again');
    await user.click(screen.getByRole('button', { name: 'Reopen the ticket' }));

    expect(await screen.findByText('In progress')).toBeInTheDocument();
    expect(network.calls(`POST /api/tickets/${ticket.id}/reopen`).map((r) => r.body)).toEqual([{ reason: 'It froze again' }]);
  });
});
