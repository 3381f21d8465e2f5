import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import type { AssetDetail } from '../../../lib/api/api-types';
import { aMe, anAssetDetail, aTicketListItem } from '../../../testing/fixtures';
import { apiError, createFetchStub, json } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';
import { bodyRowTexts } from '../../../testing/table-text';
import { AssetPage } from './AssetPage';

const tech = aMe({ role: 'technician' });

const overdueLaptop = anAssetDetail({
  tag: 'FIN-LT-0042',
  name: 'Dell Latitude 5450',
  purchaseDate: '2022-07-01',
  lifecycleYears: 3,
  assignedUser: { id: '00000000-0000-4000-8000-0000000000d1', name: 'Pat Officer' },
  lifecycle: { replacementDue: '2025-07-01', ageMonths: 40, monthsToReplacement: -4, replacementOverdue: true },
  costToDate: {
    reactiveCents: 61250,
    serviceCents: 0,
    proactiveCents: 12750,
    labourCents: 59400,
    expensesCents: 14600,
    totalCents: 74000,
    labourMinutes: 390,
  },
  statusHistory: [
    {
      from: 'in_repair',
      to: 'in_service',
      actor: { id: '00000000-0000-4000-8000-0000000000d2', name: 'Avery Admin' },
      at: '2026-02-03T10:00:00-05:00',
    },
    { from: 'in_service', to: 'in_repair', actor: null, at: '2026-01-20T10:00:00-05:00' },
  ],
});

function techNetwork(asset: AssetDetail) {
  return createFetchStub({
    'GET /api/auth/me': json(200, tech),
    [`GET /api/assets/${asset.id}`]: json(200, asset),
    [`GET /api/assets/${asset.id}/tickets`]: json(200, { items: [], nextCursor: null }),
  });
}

describe(AssetPage.name, () => {
  it('tells where the asset stands in its replacement cycle', async () => {
    renderApp(`/assets/${overdueLaptop.id}`, techNetwork(overdueLaptop));

    const lifecycle = await screen.findByLabelText('Asset lifecycle');
    expect(lifecycle).toHaveTextContent('Age3 years 4 months');
    expect(lifecycle).toHaveTextContent('Replacement cycle3 years');
    expect(lifecycle).toHaveTextContent('Replacement dueJul 1, 2025Overdue');
    expect(lifecycle).toHaveTextContent('Months to replacementOverdue by 4 months');
    expect(screen.getByRole('heading', { name: 'FIN-LT-0042 · Dell Latitude 5450' })).toBeInTheDocument();
    expect(screen.getByLabelText('Asset details')).toHaveTextContent('Assigned toPat Officer');
  });

  it('counts the months left when replacement is still ahead', async () => {
    const laptop = anAssetDetail({
      lifecycle: { replacementDue: '2027-07-01', ageMonths: 11, monthsToReplacement: 7, replacementOverdue: false },
    });
    renderApp(`/assets/${laptop.id}`, techNetwork(laptop));

    const lifecycle = await screen.findByLabelText('Asset lifecycle');
    expect(lifecycle).toHaveTextContent('Age11 months');
    expect(lifecycle).toHaveTextContent('Months to replacement7 months to go');
    expect(lifecycle).not.toHaveTextContent('Overdue');
  });

  it('splits the cost to date by work class', async () => {
    renderApp(`/assets/${overdueLaptop.id}`, techNetwork(overdueLaptop));

    const byClass = await screen.findByLabelText('Cost to date by work class');
    expect(byClass).toHaveTextContent('Reactive$612.50');
    expect(byClass).toHaveTextContent('Service$0.00');
    expect(byClass).toHaveTextContent('Proactive$127.50');
    expect(byClass).toHaveTextContent('Total$740.00');
    expect(screen.getByLabelText('Cost to date by kind of cost')).toHaveTextContent('Labour time6 h 30 min');
  });

  it('leaves out the cost to date when the API does', async () => {
    const { costToDate: _left, ...withoutCosts } = overdueLaptop;
    renderApp(`/assets/${overdueLaptop.id}`, techNetwork(withoutCosts));

    await screen.findByLabelText('Asset lifecycle');
    expect(screen.queryByRole('region', { name: 'Cost to date' })).not.toBeInTheDocument();
  });

  it('tells the status history in words, newest first', async () => {
    renderApp(`/assets/${overdueLaptop.id}`, techNetwork(overdueLaptop));

    const history = await screen.findByRole('region', { name: 'Status history' });
    const changes = within(history)
      .getAllByText(/changed the status/)
      .map((item) => item.textContent);
    expect(changes).toEqual([
      'Avery Admin changed the status from In repair to In service',
      'CivicDesk changed the status from In service to In repair',
    ]);
  });

  it('lists its tickets a page at a time, each linked to the ticket', async () => {
    const network = techNetwork(overdueLaptop);
    const first = aTicketListItem({ number: 'INC-000101', title: 'Screen flickers', status: 'resolved' });
    const second = aTicketListItem({ number: 'MNT-000007', kind: 'maintenance', title: 'Replace battery' });
    network.on(`GET /api/assets/${overdueLaptop.id}/tickets`, (request) =>
      request.path.includes('cursor=')
        ? json(200, { items: [second], nextCursor: null })
        : json(200, { items: [first], nextCursor: 'page-2' }),
    );
    const { user } = renderApp(`/assets/${overdueLaptop.id}`, network);

    const table = await screen.findByRole('table', { name: 'Tickets about this asset' });
    expect(await within(table).findByRole('link', { name: 'INC-000101' })).toHaveAttribute('href', '/tickets/INC-000101');
    await user.click(screen.getByRole('button', { name: 'Load more' }));

    await waitFor(() =>
      expect(bodyRowTexts(table).map((row) => row.slice(0, 3))).toEqual([
        ['INC-000101', 'Screen flickers', 'Incident'],
        ['MNT-000007', 'Replace battery', 'Maintenance'],
      ]),
    );
    expect(network.calls(`GET /api/assets/${overdueLaptop.id}/tickets`).map((r) => r.path)).toEqual([
      `/api/assets/${overdueLaptop.id}/tickets?limit=20`,
      `/api/assets/${overdueLaptop.id}/tickets?limit=20&cursor=page-2`,
    ]);
  });

  it('says so when there is no such asset', async () => {
    const network = techNetwork(overdueLaptop);
    network.on(`GET /api/assets/${overdueLaptop.id}`, apiError(404, 'not_found', 'Asset not found'));
    renderApp(`/assets/${overdueLaptop.id}`, network);

    expect(await screen.findByRole('heading', { name: 'Asset not found' })).toBeInTheDocument();
  });

  it('sends a requester to their own start page', async () => {
    const network = techNetwork(overdueLaptop);
    network.on('GET /api/auth/me', json(200, aMe({ role: 'requester' })));
    const { router } = renderApp(`/assets/${overdueLaptop.id}`, network);

    await waitFor(() => expect(router.state.location.pathname).toBe('/help'));
    expect(network.calls(`GET /api/assets/${overdueLaptop.id}`)).toHaveLength(0);
  });
});
