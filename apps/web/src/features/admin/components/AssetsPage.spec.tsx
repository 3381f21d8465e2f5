import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import { aDepartment, aMe, anAsset, aUser } from '../../../testing/fixtures';
import { apiError, createFetchStub, json } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';
import { AssetsPage } from './AssetsPage';

const finance = aDepartment({ name: 'Finance', code: 'FIN' });
const pat = aUser({ name: 'Pat Officer', email: 'pat@city.gov' });
const patToo = aUser({ name: 'Pat Officer', email: 'pat.officer@city.gov' });
const laptop = anAsset({ tag: 'FIN-LT-0042', costCents: 129950, assignedUser: { id: pat.id, name: pat.name } });

function adminNetwork() {
  return createFetchStub({
    'GET /api/auth/me': json(200, aMe({ role: 'admin' })),
    'GET /api/departments': json(200, { items: [finance] }),
    'GET /api/assets': json(200, { items: [laptop], nextCursor: null }),
    'GET /api/users': json(200, { items: [pat, patToo], nextCursor: null }),
  });
}

/** For tests that fill a whole dialog: many slow simulated keystrokes and clicks. */
const LONG_FORM_TIMEOUT_MS = 15_000;

const CSV = 'tag,name,type,department\nFIN-PR-1,Printer,printer,FIN\nFIN-PR-2,Printer 2,toaster,NOPE\n';

describe(AssetsPage.name, () => {
  it('lists assets with cost in dollars', async () => {
    renderApp('/admin/assets', adminNetwork());

    const row = (await screen.findByText('FIN-LT-0042')).closest('tr') as HTMLElement;
    expect(within(row).getByText('$1,299.50')).toBeInTheDocument();
    expect(within(row).getByText('In service')).toBeInTheDocument();
    expect(within(row).getByText('Pat Officer')).toBeInTheDocument();
  });

  it('links each asset to its page and shows its replacement date, overdue in words', async () => {
    // Relative to this year, so the test keeps meaning the same as the years pass.
    const year = new Date().getFullYear();
    const old = anAsset({ tag: 'FIN-PC-0001', purchaseDate: `${year - 6}-03-15`, lifecycleYears: 4 });
    const fresh = anAsset({ tag: 'FIN-PC-0002', purchaseDate: `${year}-01-10`, lifecycleYears: 4 });
    const retired = anAsset({ tag: 'FIN-PC-0003', purchaseDate: `${year - 6}-03-15`, lifecycleYears: 4, status: 'retired' });
    const unknown = anAsset({ tag: 'FIN-PC-0004', purchaseDate: null });
    const network = adminNetwork();
    network.on('GET /api/assets', json(200, { items: [old, fresh, retired, unknown], nextCursor: null }));
    renderApp('/admin/assets', network);

    const link = await screen.findByRole('link', { name: 'FIN-PC-0001' });
    expect(link).toHaveAttribute('href', `/assets/${old.id}`);
    const rowOf = (tag: string) => screen.getByRole('link', { name: tag }).closest('tr') as HTMLElement;
    expect(within(rowOf('FIN-PC-0001')).getByText('Overdue')).toBeInTheDocument();
    expect(within(rowOf('FIN-PC-0001')).getByText(`Mar 15, ${year - 2}`)).toBeInTheDocument();
    expect(within(rowOf('FIN-PC-0002')).getByText(`Jan 10, ${year + 4}`)).toBeInTheDocument();
    expect(within(rowOf('FIN-PC-0002')).queryByText('Overdue')).not.toBeInTheDocument();
    // A retired asset has been replaced: its date is history, not a warning.
    expect(within(rowOf('FIN-PC-0003')).queryByText('Overdue')).not.toBeInTheDocument();
    expect(within(rowOf('FIN-PC-0004')).getByText('No purchase date')).toBeInTheDocument();
  });

  it(
    'creates an asset assigned to a user found by searching',
    async () => {
      const network = adminNetwork();
      network.on('POST /api/assets', (request) => json(201, anAsset(request.body as object)));
      const { user } = renderApp('/admin/assets', network);

      await user.click(await screen.findByRole('button', { name: 'New asset' }));
      const dialog = await screen.findByRole('dialog', { name: 'New asset' });
      await user.click(within(dialog).getByLabelText(/^Tag/));
      await user.paste('FIN-LT-0099');
      await user.click(within(dialog).getByLabelText(/^Name/));
      await user.paste('ThinkPad T14');
      await user.click(within(dialog).getByRole('combobox', { name: /^Type/ }));
      await user.click(await within(dialog).findByRole('option', { name: 'Laptop' }));
      await user.click(within(dialog).getByRole('combobox', { name: /^Department/ }));
      await user.click(await within(dialog).findByRole('option', { name: 'Finance' }));
      await user.type(within(dialog).getByRole('combobox', { name: 'Assigned to' }), 'pat');
      await waitFor(() =>
        expect(network.calls('GET /api/users').at(-1)?.path).toBe('/api/users?search=pat&active=true&limit=20'),
      );
      // Two people share the name; the e-mail under each tells them apart.
      await user.click(await within(dialog).findByRole('option', { name: /^Pat Officer\s*pat\.officer@city\.gov$/ }));
      await user.click(within(dialog).getByRole('button', { name: 'Create asset' }));

      expect(await screen.findByText('FIN-LT-0099 was saved.')).toBeInTheDocument();
      expect(network.calls('POST /api/assets').map((r) => r.body)).toEqual([
        {
          tag: 'FIN-LT-0099',
          name: 'ThinkPad T14',
          type: 'laptop',
          departmentId: finance.id,
          status: 'in_service',
          location: null,
          serial: null,
          purchaseDate: null,
          costCents: null,
          warrantyEnd: null,
          assignedUserId: patToo.id,
        },
      ]);
    },
    LONG_FORM_TIMEOUT_MS,
  );

  it(
    'leaves the assigned user out of an edit that does not change it, and sends null to unassign',
    async () => {
      const network = adminNetwork();
      network.on(`PATCH /api/assets/${laptop.id}`, (request) => json(200, { ...laptop, ...(request.body as object) }));
      const { user } = renderApp('/admin/assets', network);

      await user.click(await screen.findByRole('button', { name: 'Edit FIN-LT-0042' }));
      let dialog = await screen.findByRole('dialog', { name: 'Edit FIN-LT-0042' });
      expect(within(dialog).getByRole('combobox', { name: 'Assigned to' })).toHaveValue('Pat Officer');
      await user.type(within(dialog).getByLabelText(/^Location/), 'City Hall 2F');
      await user.click(within(dialog).getByRole('button', { name: 'Save' }));
      await screen.findByText('FIN-LT-0042 was saved.');

      await user.click(screen.getByRole('button', { name: 'Edit FIN-LT-0042' }));
      dialog = await screen.findByRole('dialog', { name: 'Edit FIN-LT-0042' });
      // Choosing the selected person again clears the choice.
      await user.click(within(dialog).getByRole('combobox', { name: 'Assigned to' }));
      await user.click(await within(dialog).findByRole('option', { name: /^Pat Officer\s*pat@city\.gov$/ }));
      expect(within(dialog).getByRole('combobox', { name: 'Assigned to' })).toHaveValue('');
      await user.click(within(dialog).getByRole('button', { name: 'Save' }));

      await waitFor(() => expect(network.calls(`PATCH /api/assets/${laptop.id}`)).toHaveLength(2));
      const [untouched, cleared] = network.calls(`PATCH /api/assets/${laptop.id}`).map((r) => r.body as Record<string, unknown>);
      expect(untouched).not.toHaveProperty('assignedUserId');
      expect(untouched).toMatchObject({ tag: 'FIN-LT-0042', location: 'City Hall 2F' });
      expect(cleared).toMatchObject({ assignedUserId: null });
    },
    LONG_FORM_TIMEOUT_MS,
  );

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
