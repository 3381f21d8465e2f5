import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AuditEntry } from '../../../lib/api/api-types';
import { aMe, aUser } from '../../../testing/fixtures';
import { createFetchStub, json, type FetchStub } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';
import { AuditLogPage } from './AuditLogPage';

const jane = { id: '8d6f1c7e-3f0a-4d8e-9a51-0b9a1c2d3e4f', name: 'Jane Admin', email: 'jane.admin@city.gov' };

function anEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: '1',
    occurredAt: '2026-03-02T14:00:00.000Z',
    actor: jane,
    action: 'user.role_changed',
    targetType: 'user',
    targetId: 'a1b2c3d4-0000-4000-8000-000000000001',
    ip: '203.0.113.9',
    userAgent: 'Mozilla/5.0 Firefox/140.0',
    requestId: 'req-1',
    detail: { from: 'requester', to: 'technician' },
    ...overrides,
  };
}

function adminNetwork(items: AuditEntry[], nextCursor: string | null = null): FetchStub {
  return createFetchStub({
    'GET /api/auth/me': json(200, aMe({ role: 'admin' })),
    'GET /api/audit': json(200, { items, nextCursor }),
    'GET /api/users': json(200, { items: [aUser({ ...jane, role: 'admin' })], nextCursor: null }),
  });
}

function auditTable(): Promise<HTMLElement> {
  return screen.findByRole('table', { name: 'Audit log' });
}

/** The query of the latest list request, as the page sent it. */
function lastQuery(network: FetchStub): URLSearchParams {
  const path = network.calls('GET /api/audit').at(-1)?.path ?? '';
  return new URLSearchParams(path.split('?')[1]);
}

describe(AuditLogPage.name, () => {
  it('lists who did what to which record, from where, newest first as the API gives them', async () => {
    renderApp(
      '/admin/audit',
      adminNetwork([
        anEntry(),
        anEntry({
          id: '2',
          actor: null,
          action: 'auth.sign_in_failed',
          targetId: null,
          detail: { email: 'nobody@city.gov', reason: 'unknown_email' },
          userAgent: null,
        }),
        anEntry({
          id: '3',
          action: 'settings.updated',
          targetType: null,
          targetId: null,
          ip: null,
          detail: { set: { fiscalYearStartMonth: 7 } },
        }),
      ]),
    );

    const table = await screen.findByRole('table', { name: 'Audit log' });
    await within(table).findByText('Changed a role');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    const [roleChange, failedSignIn, settings] = rows.slice(1) as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(roleChange).getByText('Jane Admin')).toBeInTheDocument();
    expect(within(roleChange).getByText('jane.admin@city.gov')).toBeInTheDocument();
    expect(within(roleChange).getByText('Changed a role')).toBeInTheDocument();
    expect(within(roleChange).getByText('from: requester; to: technician')).toBeInTheDocument();
    expect(within(roleChange).getByText('203.0.113.9')).toBeInTheDocument();
    expect(within(failedSignIn).getByText('Nobody signed in')).toBeInTheDocument();
    expect(within(failedSignIn).getByText('Sign-in failed')).toBeInTheDocument();
    expect(within(failedSignIn).getByText('email: nobody@city.gov; reason: unknown_email')).toBeInTheDocument();
    expect(within(settings).getByText('Changed settings')).toBeInTheDocument();
    expect(within(settings).getByText('set: fiscal year start month: 7')).toBeInTheDocument();
    expect(within(settings).getByText('The app itself')).toBeInTheDocument();
  });

  it('filters by action, person, record and days, and the CSV download follows the filters', async () => {
    const network = adminNetwork([anEntry()]);
    const { user } = renderApp('/admin/audit', network);
    await within(await auditTable()).findByText('Changed a role');
    expect([...lastQuery(network).keys()]).toEqual(['limit']);

    const filters = screen.getByRole('group', { name: 'Audit log filters' });
    await user.click(within(filters).getByRole('combobox', { name: 'Action' }));
    await user.click(await screen.findByRole('option', { name: 'Deactivated a user' }));
    await waitFor(() => expect(lastQuery(network).get('action')).toBe('user.disabled'));

    // A person's or a record's own entries are one click away in the table.
    await user.click(screen.getByRole('button', { name: 'Only entries by Jane Admin' }));
    await waitFor(() => expect(lastQuery(network).get('actorId')).toBe(jane.id));
    await user.click(screen.getByRole('button', { name: 'Only entries about user a1b2c3d4-0000-4000-8000-000000000001' }));
    await waitFor(() => expect(lastQuery(network).get('targetId')).toBe('a1b2c3d4-0000-4000-8000-000000000001'));
    expect(lastQuery(network).get('targetType')).toBe('user');

    fireEvent.change(within(filters).getByLabelText('From'), { target: { value: '2026-03-01' } });
    fireEvent.change(within(filters).getByLabelText('To'), { target: { value: '2026-03-02' } });
    await waitFor(() => expect(lastQuery(network).get('to')).toBe('2026-03-02'));
    expect(Object.fromEntries(lastQuery(network))).toEqual({
      action: 'user.disabled',
      actorId: jane.id,
      targetType: 'user',
      targetId: 'a1b2c3d4-0000-4000-8000-000000000001',
      from: '2026-03-01',
      to: '2026-03-02',
      limit: '50',
    });

    const csv = screen.getByRole('link', { name: 'Download CSV' });
    const download = new URL(csv.getAttribute('href') ?? '', 'http://localhost');
    expect(download.pathname).toBe('/api/audit');
    expect(Object.fromEntries(download.searchParams)).toEqual({
      action: 'user.disabled',
      actorId: jane.id,
      targetType: 'user',
      targetId: 'a1b2c3d4-0000-4000-8000-000000000001',
      from: '2026-03-01',
      to: '2026-03-02',
      format: 'csv',
    });

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect([...lastQuery(network).keys()]).toEqual(['limit']));
  });

  it('says when the range runs backwards and does not ask the API for it', async () => {
    const network = adminNetwork([anEntry()]);
    renderApp('/admin/audit', network);
    const table = await auditTable();
    await within(table).findByText('Changed a role');
    const filters = screen.getByRole('group', { name: 'Audit log filters' });

    fireEvent.change(within(filters).getByLabelText('From'), { target: { value: '2026-03-05' } });
    await waitFor(() => expect(lastQuery(network).get('from')).toBe('2026-03-05'));
    const asked = network.calls('GET /api/audit').length;
    fireEvent.change(within(filters).getByLabelText('To'), { target: { value: '2026-03-01' } });

    expect(await screen.findByText('The range starts after it ends')).toBeInTheDocument();
    expect(network.calls('GET /api/audit')).toHaveLength(asked);
    // The entries already shown stay until the range makes sense again.
    expect(within(table).getByText('Changed a role')).toBeInTheDocument();
  });

  it('loads older entries with the cursor of the previous page', async () => {
    const network = adminNetwork([anEntry({ id: '9', action: 'auth.signed_in', detail: {} })], 'cursor-2');
    const { user } = renderApp('/admin/audit', network);
    const table = await auditTable();
    await within(table).findByText('Signed in');

    network.on(
      'GET /api/audit',
      json(200, { items: [anEntry({ id: '8', action: 'auth.signed_out', detail: {} })], nextCursor: null }),
    );
    await user.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await within(table).findByText('Signed out')).toBeInTheDocument();
    expect(within(table).getByText('Signed in')).toBeInTheDocument();
    expect(lastQuery(network).get('cursor')).toBe('cursor-2');
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });
});
