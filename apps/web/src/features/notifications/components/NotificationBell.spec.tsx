import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { act, screen, waitFor, within } from '@testing-library/react';
import type { AppNotification } from '../../../lib/api/api-types';
import { aMe, aNotification } from '../../../testing/fixtures';
import { createFetchStub, json, type FetchStub } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';
import { NOTIFICATION_POLL_MS, NotificationBell } from './NotificationBell';

const escalation = aNotification({
  type: 'sla_escalation',
  title: 'INC-000042 escalated: level 2 (75% of resolution)',
  body: '"Printer jams" reached escalation level 2 (75% of resolution) of its SLA.',
  link: '/tickets/INC-000042',
});
const reply = aNotification({
  type: 'public_reply',
  title: 'New reply on REQ-000007',
  link: '/tickets/REQ-000007',
  readAt: '2025-01-06T10:00:00-05:00',
});

function signedInNetwork(notifications: AppNotification[], unread: number): FetchStub {
  return createFetchStub({
    'GET /api/auth/me': json(200, aMe({ role: 'requester' })),
    'GET /api/tickets': json(200, { items: [], nextCursor: null }),
    'GET /api/notifications/unread-count': json(200, { count: unread }),
    'GET /api/notifications': json(200, { items: notifications, nextCursor: null }),
  });
}

async function openBell(user: { click: (element: Element) => Promise<void> }, unread: number): Promise<HTMLElement> {
  await user.click(await screen.findByRole('button', { name: `Notifications, ${unread} unread` }));
  return screen.findByRole('dialog', { name: 'Notifications' });
}

describe(NotificationBell.name, () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it.each([
    ['requester', '/tickets'],
    ['technician', '/tickets'],
    ['manager', '/dashboard'],
    ['admin', '/dashboard'],
  ] as const)('rings for a signed-in %s too', async (role, path) => {
    const network = signedInNetwork([], 1);
    network.on('GET /api/auth/me', json(200, aMe({ role })));
    renderApp(path, network);

    expect(await screen.findByRole('button', { name: 'Notifications, 1 unread' })).toBeInTheDocument();
  });

  it('counts the unread notifications in its name and its badge', async () => {
    renderApp('/tickets', signedInNetwork([escalation], 3));

    const bell = await screen.findByRole('button', { name: 'Notifications, 3 unread' });
    expect(bell).toHaveTextContent('3');
  });

  it('lists the newest notifications, saying which are new', async () => {
    const network = signedInNetwork([escalation, reply], 1);
    const { user } = renderApp('/tickets', network);

    const dialog = await openBell(user, 1);
    const items = await within(dialog).findAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('SLA escalation');
    expect(items[0]).toHaveTextContent('INC-000042 escalated: level 2 (75% of resolution)');
    expect(within(items[0]!).getByText('New')).toBeInTheDocument();
    expect(items[1]).toHaveTextContent('New reply on REQ-000007');
    expect(within(items[1]!).queryByText('New')).not.toBeInTheDocument();
    expect(network.calls('GET /api/notifications')[0]?.path).toBe('/api/notifications?limit=20');
  });

  it('marks a notification read when opened and goes to its ticket', async () => {
    const network = signedInNetwork([escalation], 1);
    network.on(`POST /api/notifications/${escalation.id}/read`, () => {
      network.on('GET /api/notifications/unread-count', json(200, { count: 0 }));
      return json(200, { ...escalation, readAt: '2025-01-06T11:00:00-05:00' });
    });
    const { user, router } = renderApp('/tickets', network);

    const dialog = await openBell(user, 1);
    await user.click(await within(dialog).findByRole('button', { name: /INC-000042 escalated/ }));

    expect(router.state.location.pathname).toBe('/tickets/INC-000042');
    expect(screen.queryByRole('dialog', { name: 'Notifications' })).not.toBeInTheDocument();
    await waitFor(() => expect(network.calls(`POST /api/notifications/${escalation.id}/read`)).toHaveLength(1));
    expect(await screen.findByRole('button', { name: 'Notifications, 0 unread' })).toBeInTheDocument();
  });

  it('opens a read notification without marking it again, and follows only links inside the app', async () => {
    const outside = aNotification({ title: 'Odd link', link: '//evil.example/phish', readAt: '2025-01-06T10:00:00-05:00' });
    const network = signedInNetwork([reply, outside], 0);
    const { user, router } = renderApp('/tickets', network);

    await user.click(await within(await openBell(user, 0)).findByRole('button', { name: /Odd link/ }));
    expect(router.state.location.pathname).toBe('/tickets');

    await user.click(await within(await openBell(user, 0)).findByRole('button', { name: /New reply on REQ-000007/ }));
    expect(router.state.location.pathname).toBe('/tickets/REQ-000007');
    expect(network.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('marks all read', async () => {
    const network = signedInNetwork([escalation], 4);
    network.on('POST /api/notifications/read-all', () => {
      network.on('GET /api/notifications/unread-count', json(200, { count: 0 }));
      network.on(
        'GET /api/notifications',
        json(200, { items: [{ ...escalation, readAt: escalation.createdAt }], nextCursor: null }),
      );
      return json(200, { count: 4 });
    });
    const { user } = renderApp('/tickets', network);

    const dialog = await openBell(user, 4);
    await within(dialog).findByText('New');
    await user.click(within(dialog).getByRole('button', { name: 'Mark all read' }));

    expect(await screen.findByRole('button', { name: 'Notifications, 0 unread' })).toBeInTheDocument();
    await waitFor(() => expect(within(dialog).queryByText('New')).not.toBeInTheDocument());
    expect(within(dialog).getByRole('button', { name: 'Mark all read' })).toBeDisabled();
    expect(network.calls('POST /api/notifications/read-all')).toHaveLength(1);
  });

  it('says when there is nothing to show', async () => {
    const { user } = renderApp('/tickets', signedInNetwork([], 0));

    const dialog = await openBell(user, 0);
    expect(await within(dialog).findByText('You have no notifications yet.')).toBeInTheDocument();
  });

  it('asks for the unread count again every 30 seconds', async () => {
    jest.useFakeTimers({ now: Date.parse('2025-01-06T09:00:00-05:00') });
    const network = signedInNetwork([], 0);
    renderApp('/tickets', network);
    expect(await screen.findByRole('button', { name: 'Notifications, 0 unread' })).toBeInTheDocument();

    network.on('GET /api/notifications/unread-count', json(200, { count: 2 }));
    await act(async () => {
      await jest.advanceTimersByTimeAsync(NOTIFICATION_POLL_MS);
    });

    expect(await screen.findByRole('button', { name: 'Notifications, 2 unread' })).toBeInTheDocument();
  });
});
