import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { aCategory, aMe, aQueue } from '../../../testing/fixtures';
import { createFetchStub, json } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';
import { CategoriesPage } from './CategoriesPage';

const network_ = aQueue({ name: 'Network' });

describe(CategoriesPage.name, () => {
  it('lists every category, inactive ones too, and creates one routed to a queue', async () => {
    const network = createFetchStub({
      'GET /api/auth/me': json(200, aMe({ role: 'admin' })),
      'GET /api/queues': json(200, { items: [network_] }),
      'GET /api/categories': json(200, { items: [aCategory({ name: 'Fax', active: false })] }),
    });
    network.on('POST /api/categories', (request) => json(201, aCategory(request.body as object)));
    const { user } = renderApp('/admin/categories', network);

    const fax = (await screen.findByText('Fax')).closest('tr') as HTMLElement;
    expect(within(fax).getByText('Inactive')).toBeInTheDocument();
    expect(network.calls('GET /api/categories')[0]?.path).toBe('/api/categories?includeInactive=true');

    await user.click(screen.getByRole('button', { name: 'New category' }));
    const dialog = await screen.findByRole('dialog', { name: 'New category' });
    await user.type(within(dialog).getByLabelText(/^Name/), 'Printers');
    await user.click(within(dialog).getByRole('combobox', { name: /^Default queue/ }));
    await user.click(await within(dialog).findByRole('option', { name: 'Network' }));
    await user.click(within(dialog).getByRole('button', { name: 'Create category' }));

    expect(await screen.findByText('Printers was saved.')).toBeInTheDocument();
    expect(network.calls('POST /api/categories').map((r) => r.body)).toEqual([
      { name: 'Printers', defaultQueueId: network_.id, defaultKind: null, active: true },
    ]);
  });
});
