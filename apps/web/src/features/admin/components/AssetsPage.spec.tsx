import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import { aDepartment, aMe, anAsset } from '../../../testing/fixtures';
import { apiError, createFetchStub, json } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';
import { AssetsPage } from './AssetsPage';

const finance = aDepartment({ name: 'Finance', code: 'FIN' });

function adminNetwork() {
  return createFetchStub({
    'GET /api/auth/me': json(200, aMe({ role: 'admin' })),
    'GET /api/departments': json(200, { items: [finance] }),
    'GET /api/assets': json(200, { items: [anAsset({ tag: 'FIN-LT-0042', costCents: 129950 })], nextCursor: null }),
  });
}

const CSV = 'tag,name,type,department\nFIN-PR-1,Printer,printer,FIN\nFIN-PR-2,Printer 2,toaster,NOPE\n';

describe(AssetsPage.name, () => {
  it('lists assets with cost in dollars', async () => {
    renderApp('/admin/assets', adminNetwork());

    const row = (await screen.findByText('FIN-LT-0042')).closest('tr') as HTMLElement;
    expect(within(row).getByText('$1,299.50')).toBeInTheDocument();
    expect(within(row).getByText('In service')).toBeInTheDocument();
  });

  it('filters by department and search text', async () => {
    const network = adminNetwork();
    const { user } = renderApp('/admin/assets', network);

    await user.click(await screen.findByRole('combobox', { name: 'Department' }));
    await user.click(await screen.findByRole('option', { name: 'Finance' }));
    await user.type(screen.getByRole('textbox', { name: 'Search' }), 'latitude');

    await waitFor(() =>
      expect(network.calls('GET /api/assets').at(-1)?.path).toBe(`/api/assets?q=latitude&departmentId=${finance.id}&limit=50`),
    );
  });

  it('checks a CSV with a dry run, shows each problem by line and column, and imports only a clean file', async () => {
    const network = adminNetwork();
    network.on('POST /api/assets/import', (request) =>
      request.path.includes('dryRun=true')
        ? json(200, {
            dryRun: true,
            rows: 2,
            valid: 1,
            created: 0,
            errors: [
              { line: 3, column: 'type', message: 'type "toaster" is not one of desktop, laptop, …' },
              { line: 3, column: 'department', message: 'No department has the code "NOPE"' },
            ],
          })
        : json(200, { dryRun: false, rows: 1, valid: 1, created: 1, errors: [] }),
    );
    const { user } = renderApp('/admin/assets', network);

    await user.click(await screen.findByRole('button', { name: 'Import CSV' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import assets from CSV' });
    await user.click(within(dialog).getByRole('textbox', { name: 'CSV' }));
    await user.paste(CSV);
    await user.click(within(dialog).getByRole('button', { name: 'Check file (dry run)' }));

    const errors = await within(dialog).findByRole('table', { name: 'Import errors' });
    expect(
      within(errors)
        .getAllByRole('row')
        .slice(1)
        .map((row) =>
          within(row)
            .getAllByRole('cell')
            .map((cell) => cell.textContent),
        ),
    ).toEqual([
      ['3', 'type', 'type "toaster" is not one of desktop, laptop, …'],
      ['3', 'department', 'No department has the code "NOPE"'],
    ]);
    expect(within(dialog).getByText(/2 rows, 1 ready to import, 2 problems to fix first/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Import' })).toBeDisabled();
    const dryRun = network.calls('POST /api/assets/import')[0]!;
    expect(dryRun.path).toBe('/api/assets/import?dryRun=true');
    expect(dryRun.body).toBe(CSV);
    expect(dryRun.headers.get('Content-Type')).toBe('text/csv');
    expect(dryRun.headers.get('X-CivicDesk')).toBe('1');

    // Fix the file: the new text needs its own clean check before it can be imported.
    const fixed = 'tag,name,type,department\nFIN-PR-1,Printer,printer,FIN\n';
    network.on('POST /api/assets/import', (request) =>
      json(200, {
        dryRun: request.path.includes('dryRun=true'),
        rows: 1,
        valid: 1,
        created: request.path.includes('dryRun=true') ? 0 : 1,
        errors: [],
      }),
    );
    await user.clear(within(dialog).getByRole('textbox', { name: 'CSV' }));
    await user.paste(fixed);
    expect(within(dialog).queryByRole('table', { name: 'Import errors' })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Check file (dry run)' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Import 1 assets' }));

    expect(await screen.findByText('1 assets were imported.')).toBeInTheDocument();
    expect(network.calls('POST /api/assets/import').map((r) => r.path)).toEqual([
      '/api/assets/import?dryRun=true',
      '/api/assets/import?dryRun=true',
      '/api/assets/import?dryRun=false',
    ]);
  });

  it('shows the errors of a refused import (400 import_failed) in the same table', async () => {
    const network = adminNetwork();
    network.on('POST /api/assets/import', (request) =>
      request.path.includes('dryRun=true')
        ? json(200, { dryRun: true, rows: 1, valid: 1, created: 0, errors: [] })
        : apiError(400, 'import_failed', 'The file has problems', [
            { line: 2, column: 'tag', message: 'Tag FIN-PR-1 already exists' },
          ]),
    );
    const { user } = renderApp('/admin/assets', network);

    await user.click(await screen.findByRole('button', { name: 'Import CSV' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import assets from CSV' });
    await user.click(within(dialog).getByRole('textbox', { name: 'CSV' }));
    await user.paste('tag,name,type,department\nFIN-PR-1,Printer,printer,FIN\n');
    await user.click(within(dialog).getByRole('button', { name: 'Check file (dry run)' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Import 1 assets' }));

    const errors = await within(dialog).findByRole('table', { name: 'Import errors' });
    expect(within(errors).getByText('Tag FIN-PR-1 already exists')).toBeInTheDocument();
  });
});
