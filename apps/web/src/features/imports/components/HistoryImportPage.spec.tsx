import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel, type UserEvent } from '@testing-library/user-event';
import type { ImportFile, ImportRun } from '../../../lib/api/api-types';
import { aDepartment, aMe, aQueue, aUser } from '../../../testing/fixtures';
import { apiError, createFetchStub, json, type RecordedRequest } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';
import { HistoryImportPage } from './HistoryImportPage';

const finance = aDepartment({ name: 'Finance' });
const desk = aQueue({ name: 'Service Desk' });
const rita = aUser({ name: 'Rita Requester', email: 'rita@city.test' });

const FILE: ImportFile = {
  id: 'f0000000-0000-4000-8000-000000000001',
  name: 'incident_event_log.csv',
  sizeBytes: 46_212_397,
  rowCount: 141_712,
  createdAt: '2026-03-20T12:00:00.000Z',
  columns: [
    { name: 'number', values: ['INC0000045', 'INC0000047'], moreValues: true },
    { name: 'incident_state', values: ['New', 'Active', 'Resolved', 'Closed', '-100'], moreValues: false },
    { name: 'priority', values: ['3 - Moderate', '1 - Critical', '?'], moreValues: false },
    { name: 'caller_id', values: ['Caller 2403'], moreValues: true },
    { name: 'opened_at', values: ['29/2/2016 01:16', '13/3/2016 14:02'], moreValues: true },
    { name: 'resolved_at', values: ['29/2/2016 11:29', '?'], moreValues: true },
  ],
};

const aRun = (overrides: Partial<ImportRun> = {}): ImportRun => ({
  id: 'r0000000-0000-4000-8000-000000000001',
  status: 'succeeded',
  dryRun: true,
  fileId: FILE.id,
  fileName: FILE.name,
  createdBy: { id: 'u1', name: 'Avery Admin' },
  createdAt: '2026-03-20T12:00:00.000Z',
  startedAt: '2026-03-20T12:00:00.000Z',
  finishedAt: '2026-03-20T12:00:10.000Z',
  rowsRead: 141_712,
  rowsSuperseded: 116_794,
  rowsSkipped: 0,
  ticketsFound: 24_918,
  ticketsDone: 24_918,
  ticketsCreated: 24_918,
  ticketsUpdated: 0,
  ticketsUnchanged: 0,
  errorCount: 0,
  lastLine: 141_713,
  failure: null,
  errors: [],
  ...overrides,
});

function adminNetwork() {
  return createFetchStub({
    'GET /api/auth/me': json(200, aMe({ role: 'admin' })),
    'GET /api/departments': json(200, { items: [finance] }),
    'GET /api/queues': json(200, { items: [desk] }),
    'GET /api/users': json(200, { items: [rita], nextCursor: null }),
    'POST /api/imports/files': json(201, FILE),
  });
}

/** Long flows: many simulated clicks; about 30 s on a quiet 2-core machine, 90 s when it is shared. */
const FLOW_TIMEOUT_MS = 180_000;

/** A long form: skipping user-event's pointer-events check on every click keeps the flow fast in jsdom. */
const fastUser = (): UserEvent => userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });

async function uploadAndFillDefaults(user: UserEvent) {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  await user.upload(input, new File(['number,priority\n'], 'incident_event_log.csv', { type: 'text/csv' }));
  await screen.findByText(/incident_event_log\.csv: 141,712 rows, 6 columns/);
  const choose = async (label: string, option: string) => {
    const select = screen.getByRole('combobox', { name: label });
    await user.click(select);
    const list = document.getElementById(select.getAttribute('aria-controls') ?? '') as HTMLElement;
    await user.click(await within(list).findByRole('option', { name: option }));
  };
  await choose('Default department', 'Finance');
  await choose('Default queue', 'Service Desk');
  await user.click(screen.getByRole('combobox', { name: 'Default requester' }));
  await user.click(await screen.findByRole('option', { name: /Rita Requester/ }));
}

describe(HistoryImportPage.name, () => {
  it(
    'guesses the mapping from the file, dry-runs it, shows the problems with a download, then imports with progress',
    async () => {
      const network = adminNetwork();
      const starts: RecordedRequest[] = [];
      network.on('POST /api/imports/tickets', (request) => {
        starts.push(request);
        const dryRun = (request.body as { dryRun: boolean }).dryRun;
        return json(202, aRun({ id: dryRun ? 'dry' : 'real', status: 'queued', dryRun, errors: undefined }));
      });
      const dryRun = aRun({
        id: 'dry',
        rowsSkipped: 1,
        errorCount: 1,
        ticketsCreated: 24_917,
        errors: [{ line: 8, column: 'opened_at', value: '31/2/2016 9:00', reason: 'not a date in the format d/M/yyyy H:mm' }],
      });
      let realPolls = 0;
      network.on('GET /api/imports/dry', json(200, dryRun));
      network.on('GET /api/imports/real', () => {
        realPolls += 1;
        return json(
          200,
          realPolls === 1
            ? aRun({ id: 'real', dryRun: false, status: 'running', ticketsDone: 12_000, finishedAt: null })
            : aRun({ id: 'real', dryRun: false }),
        );
      });
      renderApp('/admin/imports', network);
      const user = fastUser();

      await screen.findByRole('button', { name: 'Choose a CSV file…' });
      await uploadAndFillDefaults(user);
      // Guessed from the header and the sampled values.
      expect(screen.getByRole('combobox', { name: /^External id/ })).toHaveValue('number');
      expect(screen.getByRole('combobox', { name: /^Opened/ })).toHaveValue('opened_at');
      expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('incident_state');
      expect(screen.getByLabelText(/^Date format/)).toHaveValue('d/M/yyyy H:mm');
      expect(screen.getByLabelText(/^Values meaning/)).toHaveValue('?');
      expect(screen.getByRole('combobox', { name: 'Priorities: 1 - Critical' })).toHaveValue('P1');
      expect(screen.getByRole('combobox', { name: 'Statuses: Active' })).toHaveValue('In progress');
      expect(screen.queryByRole('combobox', { name: 'Priorities: ?' })).not.toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();

      await user.click(screen.getByRole('button', { name: 'Check file (dry run)' }));
      const problems = await screen.findByRole('table', { name: 'Rows that could not be read' });
      expect(within(problems).getByText('31/2/2016 9:00')).toBeInTheDocument();
      expect(screen.getByRole('link', { name: 'Download problems (CSV)' })).toHaveAttribute(
        'href',
        '/api/imports/dry/errors.csv',
      );
      expect(starts[0]!.body).toMatchObject({
        fileId: FILE.id,
        dryRun: true,
        columns: {
          externalId: 'number',
          number: 'number',
          status: 'incident_state',
          priority: 'priority',
          openedAt: 'opened_at',
        },
        dateFormat: 'd/M/yyyy H:mm',
        missingValues: ['?'],
        valueMaps: {
          priority: { '3 - Moderate': 'P3', '1 - Critical': 'P1' },
          status: { Active: 'in_progress', Closed: 'closed' },
        },
        defaults: { departmentId: finance.id, queueId: desk.id, requesterId: rita.id },
      });
      // "-100" says nothing CivicDesk knows: left unmapped, for the dry run to report if a final row uses it.
      expect((starts[0]!.body as { valueMaps: { status: Record<string, string> } }).valueMaps.status).not.toHaveProperty('-100');

      await user.click(screen.getByRole('button', { name: 'Import' }));
      expect(await screen.findByText('Running')).toBeInTheDocument();
      await waitFor(() => expect(screen.getByText(/24,918 tickets created/)).toBeInTheDocument(), { timeout: 5000 });
      expect(starts[1]!.body).toMatchObject({ dryRun: false });
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'shows the API’s reason when a run cannot start',
    async () => {
      const network = adminNetwork();
      network.on(
        'POST /api/imports/tickets',
        apiError(400, 'validation_failed', 'Invalid input: timeZone', [
          { field: 'timeZone', messages: ['not an IANA time zone'] },
        ]),
      );
      renderApp('/admin/imports', network);
      const user = fastUser();
      await screen.findByRole('button', { name: 'Choose a CSV file…' });
      await uploadAndFillDefaults(user);
      await user.click(screen.getByRole('button', { name: 'Check file (dry run)' }));
      expect(await screen.findByText('Could not start')).toBeInTheDocument();
      expect(screen.getByText(/timeZone/)).toBeInTheDocument();
    },
    FLOW_TIMEOUT_MS,
  );

  it('refuses a file the API cannot read, saying why', async () => {
    const network = adminNetwork();
    network.on(
      'POST /api/imports/files',
      apiError(400, 'validation_failed', 'Invalid input: file', [{ field: 'file', messages: ['the file is empty'] }]),
    );
    const { user } = renderApp('/admin/imports', network);
    await screen.findByRole('button', { name: 'Choose a CSV file…' });
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, new File([''], 'empty.csv', { type: 'text/csv' }));
    expect(await screen.findByText('Could not read the file')).toBeInTheDocument();
  });
});
