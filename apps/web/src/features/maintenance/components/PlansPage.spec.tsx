import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import { aMe, aQueue } from '../../../testing/fixtures';
import { createFetchStub, json } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';
import { bodyRowTexts } from '../../../testing/table-text';
import { aPlan, aPreview } from '../testing/maintenance-fixtures';
import { maintenanceTestRoutes } from '../testing/maintenance-test-routes';
import { PlansPage } from './PlansPage';

const terry = { id: '00000000-0000-4000-8000-00000000bbbb', name: 'Terry Technician', role: 'technician' as const };
const network = aQueue({ name: 'Network', members: [terry] });
const patching = aPlan({ name: 'Monthly server patching', queueId: network.id, assigneeId: terry.id, generated: 4 });
const restore = aPlan({
  name: 'Backup restore test',
  queueId: network.id,
  mode: 'after_completion',
  intervalDays: 90,
  rule: 'FREQ=DAILY',
  ruleText: 'every day',
  active: false,
});

function managerNetwork() {
  return createFetchStub({
    'GET /api/auth/me': json(200, aMe({ role: 'manager' })),
    'GET /api/queues': json(200, { items: [network] }),
    'GET /api/maintenance-plans': json(200, { items: [restore, patching] }),
    [`GET /api/maintenance-plans/${patching.id}/preview`]: json(200, aPreview()),
  });
}

describe(PlansPage.name, () => {
  it('lists each plan’s schedule in words, its people, next due date and state', async () => {
    const stub = managerNetwork();
    renderApp('/maintenance/plans', stub, maintenanceTestRoutes);

    const table = await screen.findByRole('table', { name: 'Maintenance plans' });
    await within(table).findByText('Tue 10 Mar 2026, 08:00');
    expect(bodyRowTexts(table)).toEqual([
      [
        'Backup restore test',
        '90 days after the last one is resolved',
        'After completion',
        'Network',
        'Nobody',
        'Paused',
        'Paused',
        '0',
        'Resume',
      ],
      [
        'Monthly server patching',
        'every month on the 2nd Tuesday at 08:00',
        'Fixed dates',
        'Network',
        'Terry Technician',
        'Tue 10 Mar 2026, 08:00',
        'Active',
        '4',
        'Pause',
      ],
    ]);
    expect(stub.calls(`GET /api/maintenance-plans/${patching.id}/preview`)[0]?.path).toContain('count=1');
    expect(stub.calls(`GET /api/maintenance-plans/${restore.id}/preview`)).toHaveLength(0);
    expect(within(table).getByRole('link', { name: 'Monthly server patching' })).toHaveAttribute(
      'href',
      `/maintenance/plans/${patching.id}`,
    );
    expect(screen.getByRole('link', { name: 'New plan' })).toHaveAttribute('href', '/maintenance/plans/new');
  });

  it('resumes a paused plan', async () => {
    const stub = managerNetwork();
    stub.on(`POST /api/maintenance-plans/${restore.id}/resume`, () => {
      stub.on('GET /api/maintenance-plans', json(200, { items: [{ ...restore, active: true }, patching] }));
      return json(200, { ...restore, active: true, version: restore.version + 1 });
    });
    const { user } = renderApp('/maintenance/plans', stub, maintenanceTestRoutes);

    await user.click(await screen.findByRole('button', { name: 'Resume Backup restore test' }));

    expect(await screen.findByText('Backup restore test generates tickets again.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Pause Backup restore test' })).toBeInTheDocument());
    expect(stub.calls(`POST /api/maintenance-plans/${restore.id}/resume`)).toHaveLength(1);
  });
});
