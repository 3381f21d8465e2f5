import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Me } from '../../../lib/api/api-types';
import { aMe, aRate, aUser } from '../../../testing/fixtures';
import { apiError, createFetchStub, json } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';
import { bodyRowTexts } from '../../../testing/table-text';
import { RatesPage } from './RatesPage';

const taylor = aUser({ name: 'Taylor Tech', email: 'tech@civicdesk.test', role: 'technician' });
const pastDefault = aRate({ role: 'technician', hourlyRateCents: 8000, effectiveFrom: '2024-01-01', period: 'past' });
const currentDefault = aRate({ role: 'technician', hourlyRateCents: 8500, effectiveFrom: '2025-01-01', period: 'current' });
const futureOwn = aRate({
  role: null,
  user: { id: taylor.id, name: taylor.name },
  hourlyRateCents: 9250,
  effectiveFrom: '2027-07-01',
  period: 'future',
});

function network(me: Me) {
  return createFetchStub({
    'GET /api/auth/me': json(200, me),
    'GET /api/rates': json(200, { items: [currentDefault, pastDefault, futureOwn] }),
    'GET /api/users': json(200, { items: [taylor], nextCursor: null }),
  });
}

describe(RatesPage.name, () => {
  it('lists role defaults and personal rates with their status in words', async () => {
    renderApp('/admin/rates', network(aMe({ role: 'admin' })));

    const defaults = await screen.findByRole('table', { name: 'Role default rates' });
    await within(defaults).findByText('$85.00/h');
    expect(bodyRowTexts(defaults)).toEqual([
      ['Technician default', '$85.00/h', 'Jan 1, 2025', 'Current', ''],
      ['Technician default', '$80.00/h', 'Jan 1, 2024', 'Past', ''],
    ]);
    expect(bodyRowTexts(screen.getByRole('table', { name: 'Personal rates' }))).toEqual([
      ['Taylor Tech', '$92.50/h', 'Jul 1, 2027', 'Future', 'Delete'],
    ]);
  });

  it('lets managers read the rates but change nothing', async () => {
    renderApp('/admin/rates', network(aMe({ role: 'manager' })));

    await screen.findByRole('table', { name: 'Personal rates' });
    expect(await screen.findByText('$92.50/h')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add rate' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Delete/ })).not.toBeInTheDocument();
  });

  it('adds a role default in dollars as integer cents', async () => {
    const stub = network(aMe({ role: 'admin' }));
    stub.on('POST /api/rates', (request) => json(201, aRate({ ...(request.body as object), period: 'future' })));
    const { user } = renderApp('/admin/rates', stub);

    await user.click(await screen.findByRole('button', { name: 'Add rate' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add rate' });
    await user.click(within(dialog).getByRole('combobox', { name: /^Role/ }));
    await user.click(await screen.findByRole('option', { name: 'Manager' }));
    await user.type(within(dialog).getByRole('textbox', { name: /^Hourly rate/ }), '110.10');
    fireEvent.change(within(dialog).getByLabelText(/^Effective from/), { target: { value: '2027-01-01' } });
    await user.click(within(dialog).getByRole('button', { name: 'Add rate' }));

    expect(await screen.findByText('Manager default: $110.10/h was added.')).toBeInTheDocument();
    expect(stub.calls('POST /api/rates').map((r) => r.body)).toEqual([
      { role: 'manager', hourlyRateCents: 11010, effectiveFrom: '2027-01-01' },
    ]);
  });

  it('adds a person’s own rate, and shows on its field why the API refused a second one that day', async () => {
    const stub = network(aMe({ role: 'admin' }));
    stub.on(
      'POST /api/rates',
      apiError(409, 'conflict', 'A rate for them already takes effect on that day', [
        { field: 'effectiveFrom', messages: ['another rate takes effect on this day; delete it first if it is in the future'] },
      ]),
    );
    const { user } = renderApp('/admin/rates', stub);

    await user.click(await screen.findByRole('button', { name: 'Add rate' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add rate' });
    await user.click(within(dialog).getByRole('radio', { name: 'One person’s own' }));
    await user.type(within(dialog).getByRole('combobox', { name: 'Person' }), 'tay');
    await user.click(await within(dialog).findByRole('option', { name: /^Taylor Tech/ }));
    await user.type(within(dialog).getByRole('textbox', { name: /^Hourly rate/ }), '92.5');
    fireEvent.change(within(dialog).getByLabelText(/^Effective from/), { target: { value: '2027-07-01' } });
    await user.click(within(dialog).getByRole('button', { name: 'Add rate' }));

    expect(
      await within(dialog).findByText('another rate takes effect on this day; delete it first if it is in the future'),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('A rate for them already takes effect on that day')).toBeInTheDocument();
    expect(stub.calls('POST /api/rates').map((r) => r.body)).toEqual([
      { userId: taylor.id, hourlyRateCents: 9250, effectiveFrom: '2027-07-01' },
    ]);
  });

  it('deletes a future rate once confirmed', async () => {
    const stub = network(aMe({ role: 'admin' }));
    stub.on(`DELETE /api/rates/${futureOwn.id}`, json(204));
    const { user } = renderApp('/admin/rates', stub);

    await user.click(await screen.findByRole('button', { name: 'Delete Taylor Tech $92.50/h from Jul 1, 2027' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete rate' });
    expect(stub.calls(`DELETE /api/rates/${futureOwn.id}`)).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(stub.calls(`DELETE /api/rates/${futureOwn.id}`)).toHaveLength(1));
    await waitFor(() => expect(stub.calls('GET /api/rates')).toHaveLength(2));
  });

  it('says why the API kept a rate that has come into force (409)', async () => {
    const stub = network(aMe({ role: 'admin' }));
    stub.on(
      `DELETE /api/rates/${futureOwn.id}`,
      apiError(409, 'conflict', 'This rate is or was in force and costs may be stored at it; add a new rate instead'),
    );
    const { user } = renderApp('/admin/rates', stub);

    await user.click(await screen.findByRole('button', { name: 'Delete Taylor Tech $92.50/h from Jul 1, 2027' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete rate' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect(
      await within(dialog).findByText('This rate is or was in force and costs may be stored at it; add a new rate instead'),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('Could not delete the rate')).toBeInTheDocument();
  });
});
