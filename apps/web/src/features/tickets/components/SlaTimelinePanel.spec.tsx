import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import type { Me, TicketDetail, TicketSla } from '../../../lib/api/api-types';
import { formatDateTime } from '../../../lib/time/format-date';
import { aMe, anSlaTarget, aStaffTicket, aTicket, aTicketSla } from '../../../testing/fixtures';
import { createFetchStub, json, type FetchStub } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';
import { bodyRowTexts } from '../../../testing/table-text';
import { SlaTimelinePanel } from './SlaTimelinePanel';

const tech = aMe({ role: 'technician', name: 'Taylor Tech' });
const employee = aMe({ role: 'requester' });

const FIRED_AT = '2025-01-08T12:00:00-05:00';
const LEVEL_3_DUE = '2025-01-09T11:00:00-05:00';

/** A P3 incident, raised to P2 by an escalation, paused for a while and running again. */
const timeline: TicketSla = aTicketSla({
  targets: {
    firstResponse: anSlaTarget({
      targetMinutes: 240,
      elapsedMinutes: 20,
      remainingMinutes: 220,
      state: 'met',
      stoppedAt: '2025-01-06T09:20:00-05:00',
    }),
    resolution: anSlaTarget({
      targetMinutes: 1620,
      elapsedMinutes: 1215,
      pausedMinutes: 90,
      remainingMinutes: 405,
      dueAt: LEVEL_3_DUE,
      state: 'running',
    }),
    nextResponse: anSlaTarget({
      targetMinutes: 540,
      elapsedMinutes: 575,
      remainingMinutes: -35,
      state: 'breached',
      breached: true,
      breachedAt: '2025-01-08T16:25:00-05:00',
      dueAt: '2025-01-08T16:25:00-05:00',
    }),
  },
  segments: [
    { from: '2025-01-06T09:00:00-05:00', to: '2025-01-06T17:00:00-05:00', state: 'running' },
    { from: '2025-01-06T17:00:00-05:00', to: '2025-01-07T08:00:00-05:00', state: 'outside_hours' },
    { from: '2025-01-07T08:00:00-05:00', to: '2025-01-07T09:30:00-05:00', state: 'paused' },
    { from: '2025-01-07T09:30:00-05:00', to: '2025-01-07T11:00:00-05:00', state: 'running' },
  ],
  policyMatches: [
    {
      at: '2025-01-06T09:00:00-05:00',
      policy: { id: 'p3', versionId: 'p3v1', name: 'P3 – normal', version: 1, active: true },
      reason: 'created',
    },
    {
      at: FIRED_AT,
      policy: { id: 'p2', versionId: 'p2v4', name: 'P2 – high', version: 4, active: true },
      reason: 'escalation',
    },
  ],
  policy: { id: 'p2', versionId: 'p2v4', name: 'P2 – high', version: 4, active: true },
  escalations: [
    { target: 'first_response', level: 1, percent: 100, actions: ['notify_assignee'], dueAt: null, firedAt: null },
    {
      target: 'resolution',
      level: 2,
      percent: 75,
      actions: ['notify_assignee', 'notify_queue_lead'],
      dueAt: '2025-01-08T11:45:00-05:00',
      firedAt: FIRED_AT,
    },
    {
      target: 'resolution',
      level: 3,
      percent: 100,
      actions: ['notify_managers', 'raise_priority'],
      dueAt: LEVEL_3_DUE,
      firedAt: null,
    },
  ],
});

function ticketNetwork(me: Me, ticket: TicketDetail, sla: TicketSla): FetchStub {
  return createFetchStub({
    'GET /api/auth/me': json(200, me),
    [`GET /api/tickets/${ticket.number}`]: json(200, ticket),
    [`GET /api/tickets/${ticket.id}/comments`]: json(200, { items: [] }),
    [`GET /api/tickets/${ticket.id}/events`]: json(200, { items: [] }),
    [`GET /api/tickets/${ticket.id}/sla`]: json(200, sla),
    'GET /api/queues': json(200, { items: [] }),
    'GET /api/categories': json(200, { items: [] }),
    'GET /api/assets': json(200, { items: [], nextCursor: null }),
  });
}

async function panel(): Promise<HTMLElement> {
  const region = await screen.findByRole('region', { name: 'SLA timeline' });
  await within(region).findByRole('table', { name: 'SLA targets' });
  return region;
}

describe(SlaTimelinePanel.name, () => {
  it('shows the policy, its calendar and every target in business time with its state', async () => {
    const ticket = aStaffTicket();
    renderApp(`/tickets/${ticket.number}`, ticketNetwork(tech, ticket, timeline));

    const region = await panel();
    expect(region).toHaveTextContent('Policy P2 – high (version 4)');
    expect(region).toHaveTextContent('Business hours: City office hours (America/New_York)');
    const targets = within(region).getByRole('table', { name: 'SLA targets' });
    expect(bodyRowTexts(targets)).toEqual([
      ['First response', '4 h', '20 min', 'none', '—', `Stopped ${formatDateTime('2025-01-06T09:20:00-05:00')}`, 'Met'],
      ['Resolution', '27 h', '20 h 15 min', '1 h 30 min', '6 h 45 min left', `Due ${formatDateTime(LEVEL_3_DUE)}`, 'Running'],
      [
        'Next response',
        '9 h',
        '9 h 35 min',
        'none',
        '35 min over',
        `Due ${formatDateTime('2025-01-08T16:25:00-05:00')}`,
        'Breached',
      ],
    ]);
  });

  it('draws the clock’s stretches with a legend in words and lists them for screen readers', async () => {
    const ticket = aStaffTicket();
    renderApp(`/tickets/${ticket.number}`, ticketNetwork(tech, ticket, timeline));

    const region = await panel();
    const legend = within(region).getByRole('list', { name: 'Legend' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Clock running · 9 h 30 min', 'Paused · 1 h 30 min', 'Outside business hours · 15 h']);
    const stretches = within(region).getByRole('list', { name: 'Clock segments' });
    expect(within(stretches).getAllByRole('listitem')).toHaveLength(4);
    expect(stretches).toHaveTextContent(
      `Paused from ${formatDateTime('2025-01-07T08:00:00-05:00')} to ${formatDateTime('2025-01-07T09:30:00-05:00')}`,
    );
  });

  it('lists the policies applied, saying why', async () => {
    const ticket = aStaffTicket();
    renderApp(`/tickets/${ticket.number}`, ticketNetwork(tech, ticket, timeline));

    const matches = within(await panel()).getByRole('list', { name: 'Policy applied' });
    expect(
      within(matches)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      `“P3 – normal” (version 1) when the ticket was filed, ${formatDateTime('2025-01-06T09:00:00-05:00')}`,
      `“P2 – high” (version 4) after an escalation raised the priority, ${formatDateTime(FIRED_AT)}`,
    ]);
  });

  it('shows staff each escalation level, fired or not yet', async () => {
    const ticket = aStaffTicket();
    renderApp(`/tickets/${ticket.number}`, ticketNetwork(tech, ticket, timeline));

    const escalations = within(await panel()).getByRole('table', { name: 'Escalations' });
    const rows = bodyRowTexts(escalations);
    expect(rows).toEqual([
      ['Level 1', 'First response', '100 %', 'Notify the assignee', '—', 'no, target met'],
      [
        'Level 2',
        'Resolution',
        '75 %',
        'Notified the assignee, notified the queue lead',
        formatDateTime('2025-01-08T11:45:00-05:00'),
        formatDateTime(FIRED_AT),
      ],
      ['Level 3', 'Resolution', '100 %', 'Notify managers, raise priority', formatDateTime(LEVEL_3_DUE), 'not yet'],
    ]);
  });

  it('shows the requester the same timeline without escalations', async () => {
    const ticket = aTicket();
    renderApp(`/tickets/${ticket.number}`, ticketNetwork(employee, ticket, timeline));

    const region = await panel();
    expect(within(region).getByRole('table', { name: 'SLA targets' })).toBeInTheDocument();
    expect(within(region).queryByRole('table', { name: 'Escalations' })).not.toBeInTheDocument();
    expect(within(region).queryByText('Escalations')).not.toBeInTheDocument();
  });

  it('says so when no policy applies', async () => {
    const ticket = aTicket();
    renderApp(`/tickets/${ticket.number}`, ticketNetwork(employee, ticket, aTicketSla({ policy: null, calendar: null })));

    const region = await screen.findByRole('region', { name: 'SLA timeline' });
    expect(await within(region).findByText('No SLA policy applies to this ticket.')).toBeInTheDocument();
  });

  it('asks again when the ticket changes', async () => {
    const ticket = aStaffTicket({ queue: { id: 'q1', name: 'Service Desk' } });
    const network = ticketNetwork(tech, ticket, timeline);
    network.on(
      `PATCH /api/tickets/${ticket.id}`,
      json(200, { ...ticket, assignee: { id: tech.id, name: tech.name }, version: 2 }),
    );
    const { user } = renderApp(`/tickets/${ticket.number}`, network);
    await panel();
    expect(network.calls(`GET /api/tickets/${ticket.id}/sla`)).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Take' }));

    await waitFor(() => expect(network.calls(`GET /api/tickets/${ticket.id}/sla`)).toHaveLength(2));
  });
});
