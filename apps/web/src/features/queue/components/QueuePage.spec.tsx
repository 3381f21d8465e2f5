import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import type { TicketListItem } from '../../../lib/api/api-types';
import { aMe, anSlaSummary, aQueue, aTicketListItem, someCounts } from '../../../testing/fixtures';
import { createFetchStub, json, type FetchStub } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';
import { QueuePage } from './QueuePage';

const tech = aMe({ role: 'technician' });
const network_ = aQueue({ name: 'Network', members: [{ id: tech.id, name: tech.name, role: 'technician' }] });
const security = aQueue({ name: 'Security', members: [] });

const OPEN = 'status=new&status=assigned&status=in_progress&status=waiting_on_requester&status=waiting_on_vendor';

function techNetwork(items: TicketListItem[] = [], nextCursor: string | null = null): FetchStub {
  return createFetchStub({
    'GET /api/auth/me': json(200, tech),
    'GET /api/queues': json(200, { items: [network_, security] }),
    'GET /api/tickets/counts': json(
      200,
      someCounts({
        mine: 3,
        unassigned: 7,
        open: 42,
        queues: [
          { queueId: network_.id, name: 'Network', open: 12, unassigned: 2 },
          { queueId: security.id, name: 'Security', open: 5, unassigned: 5 },
        ],
      }),
    ),
    'GET /api/tickets': json(200, { items, nextCursor }),
  });
}

function lastListQuery(network: FetchStub): string {
  const calls = network.calls('GET /api/tickets');
  return decodeURIComponent(calls[calls.length - 1]?.path.split('?')[1] ?? '');
}

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000 + 30_000).toISOString();

describe(QueuePage.name, () => {
  it('shows a tab per view and per queue with its count, starting on my open tickets sorted by due time', async () => {
    const network = techNetwork();
    renderApp('/queue', network);

    const tabs = await screen.findByRole('tablist');
    await within(tabs).findByRole('tab', { name: /^Network/ });
    const labels = within(tabs)
      .getAllByRole('tab')
      .map((tab) => tab.textContent);
    expect(labels).toEqual(['Mine3', 'Unassigned in my queues7', 'All open42', 'Network12', 'Security5']);
    expect(within(tabs).getByRole('tab', { name: /^Mine/ })).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(lastListQuery(network)).toBe(`assigneeId=me&${OPEN}&sort=due`));
  });

  it('lists what each tab promises', async () => {
    const network = techNetwork();
    const { user, router } = renderApp('/queue', network);

    await user.click(await screen.findByRole('tab', { name: /^Unassigned in my queues/ }));
    await waitFor(() => expect(lastListQuery(network)).toBe(`assigneeId=none&queueId=mine&${OPEN}&sort=due`));

    await user.click(screen.getByRole('tab', { name: /^All open/ }));
    await waitFor(() => expect(lastListQuery(network)).toBe(`${OPEN}&sort=due`));

    await user.click(screen.getByRole('tab', { name: /^Security/ }));
    await waitFor(() => expect(lastListQuery(network)).toBe(`queueId=${security.id}&${OPEN}&sort=due`));
    expect(router.state.location.search).toBe(`?tab=queue%3A${security.id}`);
  });

  it('filters by priority, status, kind and text', async () => {
    const network = techNetwork();
    const { user } = renderApp('/queue?tab=open', network);

    await user.click(await screen.findByRole('combobox', { name: 'Priority' }));
    await user.click(await screen.findByRole('option', { name: 'P1' }));
    await user.click(screen.getByRole('combobox', { name: 'Kind' }));
    await user.click(await screen.findByRole('option', { name: 'Service request' }));
    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(await screen.findByRole('option', { name: 'Waiting on vendor' }));
    await user.type(screen.getByRole('textbox', { name: 'Search' }), 'printer');

    await waitFor(() =>
      expect(lastListQuery(network)).toBe('status=waiting_on_vendor&sort=due&priority=P1&kind=service_request&q=printer'),
    );
  });

  it('shows each ticket’s SLA chip: state in words and the countdown to its due time', async () => {
    const network = techNetwork([
      aTicketListItem({ title: 'Soon', dueAt: minutesFromNow(130), sla: anSlaSummary({ state: 'on_time' }) }),
      aTicketListItem({ title: 'Late', dueAt: minutesFromNow(-16), sla: anSlaSummary({ state: 'breached' }) }),
      aTicketListItem({ title: 'Waiting', dueAt: null, sla: anSlaSummary({ state: 'paused', paused: true }) }),
      aTicketListItem({ title: 'No policy', dueAt: null }),
    ]);
    renderApp('/queue', network);

    const table = await screen.findByRole('table', { name: 'Tickets' });
    const row = async (title: string) => (await within(table).findByRole('link', { name: title })).closest('tr') as HTMLElement;
    expect(within(await row('Soon')).getByText('On time · due in 2 h 10 min')).toBeInTheDocument();
    expect(within(await row('Late')).getByText('Breached · overdue by 15 min')).toBeInTheDocument();
    expect(within(await row('Waiting')).getByText('Paused')).toBeInTheDocument();
    expect(within(await row('No policy')).getByText('No due time')).toBeInTheDocument();
  });

  it('moves the selection with j / k and the arrow keys and opens it with Enter', async () => {
    const tickets = [
      aTicketListItem({ number: 'INC-000001', title: 'First' }),
      aTicketListItem({ number: 'INC-000002', title: 'Second' }),
      aTicketListItem({ number: 'INC-000003', title: 'Third' }),
    ];
    const network = techNetwork(tickets);
    network.on('GET /api/tickets/INC-000003', json(404, { statusCode: 404, code: 'not_found', message: 'No such ticket' }));
    const { user, router } = renderApp('/queue', network);
    const table = await screen.findByRole('table', { name: 'Tickets' });
    await within(table).findByText('First');
    const selected = () =>
      within(table)
        .getAllByRole('row')
        .find((r) => r.getAttribute('aria-selected') === 'true')?.textContent;

    expect(selected()).toContain('First');
    await user.keyboard('j');
    expect(selected()).toContain('Second');
    await user.keyboard('{ArrowDown}');
    expect(selected()).toContain('Third');
    await user.keyboard('j');
    expect(selected()).toContain('Third');
    await user.keyboard('k');
    await user.keyboard('{ArrowUp}');
    expect(selected()).toContain('First');

    // Typing in a filter never moves the selection.
    await user.type(screen.getByRole('textbox', { name: 'Search' }), 'j');
    expect(selected()).toContain('First');
    await user.click(document.body);

    await user.keyboard('jj{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/tickets/INC-000003'));
  });

  it('loads more with the cursor of the previous page', async () => {
    const network = techNetwork([aTicketListItem({ title: 'Page one' })], 'cursor-2');
    const { user } = renderApp('/queue', network);

    await screen.findByText('Page one');
    network.on('GET /api/tickets', json(200, { items: [aTicketListItem({ title: 'Page two' })], nextCursor: null }));
    await user.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await screen.findByText('Page two')).toBeInTheDocument();
    expect(screen.getByText('Page one')).toBeInTheDocument();
    expect(lastListQuery(network)).toContain('cursor=cursor-2');
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });
});
