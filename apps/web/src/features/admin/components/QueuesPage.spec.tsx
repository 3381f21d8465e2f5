import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { aMe, aQueue, aUser } from '../../../testing/fixtures';
import { createFetchStub, json } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';
import { QueuesPage } from './QueuesPage';

describe(QueuesPage.name, () => {
  it('replaces a queue’s members with the people chosen', async () => {
    const taylor = aUser({ name: 'Taylor Tech', role: 'technician' });
    const sam = aUser({ name: 'Sam Manager', role: 'manager' });
    const erin = aUser({ name: 'Erin Employee', role: 'requester' });
    const queue = aQueue({
      name: 'Public Safety Systems',
      restricted: true,
      members: [{ id: taylor.id, name: taylor.name, role: 'technician' }],
    });
    const network = createFetchStub({
      'GET /api/auth/me': json(200, aMe({ role: 'admin' })),
      'GET /api/queues': json(200, { items: [queue] }),
      'GET /api/users': json(200, { items: [taylor, sam, erin], nextCursor: null }),
    });
    network.on(`PUT /api/queues/${queue.id}/members`, (request) =>
      json(200, {
        ...queue,
        members: (request.body as { userIds: string[] }).userIds.map((id) => ({ id, name: id, role: 'technician' })),
      }),
    );
    const { user } = renderApp('/admin/queues', network);

    const row = (await screen.findByText('Public Safety Systems')).closest('tr') as HTMLElement;
    expect(within(row).getByText('Restricted')).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: 'Members of Public Safety Systems' }));
    const dialog = await screen.findByRole('dialog', { name: 'Members of Public Safety Systems' });
    await user.click(within(dialog).getByRole('combobox', { name: /^Members/ }));
    expect(within(dialog).queryByRole('option', { name: /Erin Employee/ })).not.toBeInTheDocument();
    await user.click(await within(dialog).findByRole('option', { name: 'Sam Manager (Manager)' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save members' }));

    expect(await screen.findByText('Public Safety Systems now has 2 members.')).toBeInTheDocument();
    expect(network.calls(`PUT /api/queues/${queue.id}/members`).map((r) => r.body)).toEqual([{ userIds: [taylor.id, sam.id] }]);
  });
});
