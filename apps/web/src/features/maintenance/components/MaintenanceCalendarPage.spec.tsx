import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import type { Role } from '../../../lib/api/api-types';
import { aMe, aQueue } from '../../../testing/fixtures';
import { createFetchStub, json, type FetchStub } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';
import { aCalendarItem, aCreatedFeed, aFeed, aProjectedItem } from '../testing/maintenance-fixtures';
import { chooseOption } from '../testing/choose-option';
import { maintenanceTestRoutes } from '../testing/maintenance-test-routes';
import { MaintenanceCalendarPage } from './MaintenanceCalendarPage';

const network_ = aQueue({ name: 'Network' });
const serviceDesk = aQueue({ name: 'Service Desk' });

// Local times, so each lands on its day whatever zone the tests run in.
const on = (day: number, hour = 9) => new Date(2026, 2, day, hour).toISOString();

const patching = aCalendarItem({
  dueAt: on(10, 8),
  number: 'MNT-000012',
  title: 'Patch the file servers',
  status: 'in_progress',
});
const upsCheck = aProjectedItem({ dueAt: on(10, 14), title: 'Check the UPS batteries', tickets: 3 });
const firmware = aProjectedItem({ dueAt: on(24), title: 'Update switch firmware' });

function technicianNetwork(role: Role = 'technician') {
  const me = aMe({ role });
  const stub = createFetchStub({
    'GET /api/auth/me': json(200, me),
    'GET /api/queues': json(200, { items: [serviceDesk, network_] }),
    'GET /api/maintenance/calendar': json(200, { items: [firmware, upsCheck, patching] }),
    'GET /api/maintenance/feeds': json(200, { items: [] }),
  });
  return { me, stub };
}

const dayList = (date: string) => screen.findByRole('list', { name: `Due on ${date}` });
const renderCalendar = (path: string, stub: FetchStub) => renderApp(path, stub, maintenanceTestRoutes);

describe(MaintenanceCalendarPage.name, () => {
  it('asks for the month, in the reader’s own midnights, and puts each item on its due day', async () => {
    const { stub } = technicianNetwork();
    renderCalendar('/maintenance?month=2026-03', stub);

    const tenth = await dayList('Tuesday, March 10, 2026');
    const entries = within(tenth).getAllByRole('listitem');
    expect(entries.map((entry) => entry.textContent)).toEqual([
      'MNT-000012 Patch the file servers',
      'PlannedCheck the UPS batteries (3 tickets)',
    ]);
    expect(within(await dayList('Tuesday, March 24, 2026')).getByText('Update switch firmware')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: /March 11, 2026/ })).not.toBeInTheDocument();

    const [request] = stub.calls('GET /api/maintenance/calendar');
    const query = new URLSearchParams(request!.path.split('?')[1]);
    expect(query.get('from')).toBe(new Date(2026, 2, 1).toISOString());
    expect(query.get('to')).toBe(new Date(2026, 3, 1).toISOString());
    expect(screen.getByRole('heading', { name: 'March 2026' })).toBeInTheDocument();
  });

  it('links generated work to its ticket and says "Planned" on work not generated yet', async () => {
    const { stub } = technicianNetwork();
    const { user, router } = renderCalendar('/maintenance?month=2026-03', stub);

    const tenth = await dayList('Tuesday, March 10, 2026');
    const [generated, projected] = within(tenth).getAllByRole('listitem');
    expect(within(generated!).queryByText('Planned')).not.toBeInTheDocument();
    expect(within(projected!).getByText('Planned')).toBeInTheDocument();
    expect(within(projected!).queryByRole('link')).not.toBeInTheDocument();

    await user.click(within(generated!).getByRole('link', { name: 'MNT-000012 Patch the file servers' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/tickets/MNT-000012'));
  });

  it('marks today', async () => {
    const { stub } = technicianNetwork();
    stub.on('GET /api/maintenance/calendar', json(200, { items: [] }));
    renderCalendar('/maintenance', stub);

    const today = new Date();
    const cell = (await screen.findAllByRole('cell')).find((candidate) => candidate.getAttribute('aria-current') === 'date');
    expect(cell).toBeDefined();
    expect(within(cell!).getByText('Today')).toBeInTheDocument();
    expect(cell!.querySelector('time')).toHaveAttribute(
      'dateTime',
      `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`,
    );
  });

  it('lists the month by day, with who, where and when', async () => {
    const { stub } = technicianNetwork();
    const { user } = renderCalendar('/maintenance?month=2026-03', stub);

    await dayList('Tuesday, March 10, 2026');
    await user.click(screen.getByRole('radio', { name: 'List' }));

    const days = await screen.findAllByRole('region');
    expect(days.map((day) => within(day).getByRole('heading').textContent)).toEqual([
      'Tuesday, March 10, 2026',
      'Tuesday, March 24, 2026',
    ]);
    expect(within(days[0]!).getAllByRole('listitem')[0]).toHaveTextContent('In progress');
    expect(within(days[0]!).getAllByRole('listitem')[1]).toHaveTextContent(/ticket created/);
  });

  it('moves a month on and filters by queue and by my own work', async () => {
    const { me, stub } = technicianNetwork();
    const { user } = renderCalendar('/maintenance?month=2026-03', stub);
    await dayList('Tuesday, March 10, 2026');

    await user.click(screen.getByRole('button', { name: 'Next month' }));
    expect(await screen.findByRole('heading', { name: 'April 2026' })).toBeInTheDocument();
    await chooseOption(user, 'Queue', 'Network');
    await user.click(screen.getByRole('switch', { name: 'Only my work' }));

    await waitFor(() => {
      const last = stub.calls('GET /api/maintenance/calendar').at(-1);
      const query = new URLSearchParams(last!.path.split('?')[1]);
      expect(Object.fromEntries(query)).toEqual({
        from: new Date(2026, 3, 1).toISOString(),
        to: new Date(2026, 4, 1).toISOString(),
        queueId: network_.id,
        assigneeId: me.id,
      });
    });
  });

  it('shows a new subscription address once, with a way to copy it, and revokes an old one', async () => {
    const { stub } = technicianNetwork();
    const old = aFeed({ queue: { id: network_.id, name: 'Network' }, createdAt: '2026-02-01T09:00:00-05:00' });
    const created = aCreatedFeed({ queue: null });
    stub.on('GET /api/maintenance/feeds', json(200, { items: [old] }));
    stub.on('POST /api/maintenance/feeds', json(201, created));
    stub.on(`DELETE /api/maintenance/feeds/${old.id}`, () => {
      stub.on('GET /api/maintenance/feeds', json(200, { items: [{ ...old, revokedAt: '2026-03-02T09:00:00-05:00' }] }));
      return json(204);
    });
    const { user } = renderCalendar('/maintenance?month=2026-03', stub);

    await user.click(await screen.findByRole('button', { name: 'Subscribe' }));
    let dialog = await screen.findByRole('dialog', { name: 'Subscribe in your calendar app' });
    await user.click(within(dialog).getByRole('button', { name: 'Create a subscription address' }));

    expect(await within(dialog).findByRole('textbox', { name: 'Subscription address' })).toHaveValue(created.url);
    expect(within(dialog).getByText('Copy it now: CivicDesk shows it only this once.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));
    expect(await within(dialog).findByRole('button', { name: 'Copied' })).toBeInTheDocument();
    expect(stub.calls('POST /api/maintenance/feeds').map((request) => request.body)).toEqual([{}]);

    await user.click(within(dialog).getByRole('button', { name: /^Revoke Network queue/ }));
    await waitFor(() => expect(stub.calls(`DELETE /api/maintenance/feeds/${old.id}`)).toHaveLength(1));
    expect(await within(dialog).findByText('None yet.')).toBeInTheDocument();

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Subscribe' }));
    dialog = await screen.findByRole('dialog', { name: 'Subscribe in your calendar app' });
    expect(within(dialog).queryByText(created.url)).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('textbox', { name: 'Subscription address' })).not.toBeInTheDocument();
  });

  it('subscribes to a queue’s work', async () => {
    const { stub } = technicianNetwork();
    stub.on('POST /api/maintenance/feeds', json(201, aCreatedFeed({ queue: { id: network_.id, name: 'Network' } })));
    const { user } = renderCalendar('/maintenance?month=2026-03', stub);

    await user.click(await screen.findByRole('button', { name: 'Subscribe' }));
    const dialog = await screen.findByRole('dialog', { name: 'Subscribe in your calendar app' });
    await user.click(within(dialog).getByRole('radio', { name: 'A queue’s work' }));
    expect(within(dialog).getByRole('button', { name: 'Create a subscription address' })).toBeDisabled();
    await chooseOption(user, 'Queue', 'Network', dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Create a subscription address' }));

    expect(await within(dialog).findByText('New subscription address: Network queue')).toBeInTheDocument();
    expect(stub.calls('POST /api/maintenance/feeds').map((request) => request.body)).toEqual([{ queueId: network_.id }]);
  });

  it('is open to technicians, but plans are for managers and admins', async () => {
    const { stub } = technicianNetwork();
    renderCalendar('/maintenance/plans', stub);

    expect(await screen.findByText('Elsewhere: /queue')).toBeInTheDocument();
    expect(stub.calls('GET /api/maintenance-plans')).toHaveLength(0);
  });
});
