import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aCalendar, aCategory, aDepartment, aMe, anAsset, aQueue } from '../../../testing/fixtures';
import { apiError, createFetchStub, json, type FetchStub } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';
import { PREVIEW_DEBOUNCE_MS } from '../hooks/use-draft-preview';
import { aPlan, aPreview } from '../testing/maintenance-fixtures';
import { chooseOption } from '../testing/choose-option';
import { maintenanceTestRoutes } from '../testing/maintenance-test-routes';
import { PlanEditorPage } from './PlanEditorPage';

const terry = { id: '00000000-0000-4000-8000-00000000aaaa', name: 'Terry Technician' };
const serviceDesk = aQueue({ name: 'Service Desk', members: [{ ...terry, role: 'technician' }] });
const finance = aDepartment({ name: 'Finance' });
const hardware = aCategory({ name: 'Hardware' });
const plan = aPlan({ queueId: serviceDesk.id, departmentId: finance.id, assigneeId: terry.id, version: 3 });

const PREVIEW = 'POST /api/maintenance-plans/preview';

function managerNetwork(): FetchStub {
  return createFetchStub({
    'GET /api/auth/me': json(200, aMe({ role: 'manager' })),
    'GET /api/queues': json(200, { items: [serviceDesk] }),
    'GET /api/categories': json(200, { items: [hardware] }),
    'GET /api/departments': json(200, { items: [finance] }),
    'GET /api/calendars': json(200, { items: [aCalendar({ systemKey: 'city_office_hours', timeZone: 'America/Chicago' })] }),
    [PREVIEW]: json(200, aPreview()),
    [`GET /api/maintenance-plans/${plan.id}`]: json(200, plan),
  });
}

const renderEditor = (path: string, stub: FetchStub) => renderApp(path, stub, maintenanceTestRoutes);
const ruleField = () => screen.getByRole('textbox', { name: /^RRULE/ });
const previewPanel = () => screen.getByRole('group', { name: 'Next occurrences' });

describe(PlanEditorPage.name, () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('shows the server’s words and dates for the schedule, asking once the editing pauses', async () => {
    jest.useFakeTimers();
    const stub = managerNetwork();
    renderEditor('/maintenance/plans/new', stub);

    expect(await screen.findByText('every month on the 2nd Tuesday at 08:00, created 7 days ahead')).toBeInTheDocument();
    const dates = within(previewPanel()).getByRole('list', { name: 'Next due dates' });
    expect(
      within(dates)
        .getAllByText(/^Due /)
        .map((item) => item.textContent),
    ).toEqual(['Due Tue 10 Mar 2026, 08:00', 'Due Tue 14 Apr 2026, 08:00']);
    expect(within(dates).getAllByText(/^Ticket created /)).toHaveLength(2);
    expect(stub.calls(PREVIEW)).toHaveLength(1);

    stub.on(PREVIEW, json(200, aPreview({ text: 'every 3 months on the 1st weekday at 08:00', occurrences: [] })));
    for (const rule of [
      'FREQ=MONTHLY;INTERVAL=3',
      'FREQ=MONTHLY;INTERVAL=3;BYDAY=MO',
      'FREQ=MONTHLY;INTERVAL=3;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1',
    ]) {
      fireEvent.change(ruleField(), { target: { value: rule } });
      await act(async () => {
        await jest.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS / 2);
      });
    }
    expect(stub.calls(PREVIEW)).toHaveLength(1);

    await act(async () => {
      await jest.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS / 2);
    });
    expect(stub.calls(PREVIEW)).toHaveLength(2);
    expect(stub.calls(PREVIEW)[1]?.body).toMatchObject({
      rule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1',
      mode: 'fixed',
      leadDays: 7,
      dueTime: '08:00',
    });
    expect(stub.calls(PREVIEW)[1]?.path).toContain('count=6');
    expect(await screen.findByText('every 3 months on the 1st weekday at 08:00')).toBeInTheDocument();
    expect(within(previewPanel()).getByText('No occurrences ahead.')).toBeInTheDocument();
  });

  it('puts the preview’s complaint on the field it names', async () => {
    const stub = managerNetwork();
    stub.on(
      PREVIEW,
      apiError(400, 'validation_failed', 'Some fields are not valid', [
        { field: 'rule', messages: ['rule may repeat at most daily'] },
      ]),
    );
    renderEditor('/maintenance/plans/new', stub);

    expect(await screen.findByText('rule may repeat at most daily')).toBeInTheDocument();
    expect(ruleField()).toHaveAttribute('aria-invalid', 'true');
    expect(within(previewPanel()).getByText('Fix the marked fields to see the dates.')).toBeInTheDocument();
  });

  it('creates a plan and opens it', async () => {
    const stub = managerNetwork();
    const created = aPlan({ name: 'UPS battery checks', queueId: serviceDesk.id, departmentId: finance.id });
    stub.on('POST /api/maintenance-plans', json(201, created));
    stub.on(`GET /api/maintenance-plans/${created.id}`, json(200, created));
    const { user, router } = renderEditor('/maintenance/plans/new', stub);

    await user.click(await screen.findByRole('textbox', { name: /^Plan name/ }));
    await user.paste('UPS battery checks');
    await user.click(screen.getByRole('textbox', { name: /^Title/ }));
    await user.paste('Check the UPS in {{asset}}');
    await chooseOption(user, /^Queue/, 'Service Desk');
    await chooseOption(user, /^Assignee/, 'Terry Technician');
    await chooseOption(user, /^Department/, 'Finance');
    await user.click(screen.getByRole('button', { name: 'Create plan' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/maintenance/plans/${created.id}`));
    expect(await screen.findByRole('heading', { name: 'UPS battery checks' })).toBeInTheDocument();
    expect(stub.calls('POST /api/maintenance-plans')[0]?.body).toMatchObject({
      name: 'UPS battery checks',
      titleTemplate: 'Check the UPS in {{asset}}',
      queueId: serviceDesk.id,
      assigneeId: terry.id,
      departmentId: finance.id,
      mode: 'fixed',
      fanOut: 'none',
      active: true,
    });
  });

  it('says what is missing before asking the API', async () => {
    const stub = managerNetwork();
    const { user } = renderEditor('/maintenance/plans/new', stub);

    await user.click(await screen.findByRole('button', { name: 'Create plan' }));

    expect(await screen.findByText('Enter the plan’s name')).toBeInTheDocument();
    expect(screen.getByText('Choose the queue that does the work')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Time zone' })).toHaveAttribute('placeholder', 'The city’s: America/Chicago');
    expect(stub.calls('POST /api/maintenance-plans')).toHaveLength(0);
  });

  it('saves with the version it read, and says to reload when someone else saved first', async () => {
    const stub = managerNetwork();
    stub.on(
      `PATCH /api/maintenance-plans/${plan.id}`,
      apiError(409, 'version_conflict', 'Someone else changed this plan; reload it and try again', { currentVersion: 4 }),
    );
    const { user } = renderEditor(`/maintenance/plans/${plan.id}`, stub);

    const name = await screen.findByRole('textbox', { name: /^Plan name/ });
    expect(name).toHaveValue('Monthly server patching');
    expect(screen.getByRole('combobox', { name: 'Day' })).toHaveValue('Tuesday');
    await user.clear(name);
    await user.type(name, 'Server patching');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Someone else changed this plan')).toBeInTheDocument();
    const [patch] = stub.calls(`PATCH /api/maintenance-plans/${plan.id}`);
    expect(patch?.body).toMatchObject({ name: 'Server patching', version: 3 });
    expect(patch?.body).not.toHaveProperty('active');

    stub.on(`GET /api/maintenance-plans/${plan.id}`, json(200, { ...plan, name: 'Patching (by Avery)', version: 4 }));
    stub.on(`PATCH /api/maintenance-plans/${plan.id}`, (request) =>
      json(200, { ...plan, ...(request.body as object), version: 5 }),
    );
    await user.click(screen.getByRole('button', { name: 'Reload the plan' }));

    expect(await screen.findByDisplayValue('Patching (by Avery)')).toBeInTheDocument();
    expect(screen.queryByText('Someone else changed this plan')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(stub.calls(`PATCH /api/maintenance-plans/${plan.id}`)).toHaveLength(2));
    expect(stub.calls(`PATCH /api/maintenance-plans/${plan.id}`)[1]?.body).toMatchObject({ version: 4 });
  });

  it('pauses a plan, and keeps editing against the version the pause made', async () => {
    const stub = managerNetwork();
    stub.on(`POST /api/maintenance-plans/${plan.id}/pause`, json(200, { ...plan, active: false, version: 4 }));
    stub.on(`PATCH /api/maintenance-plans/${plan.id}`, (request) =>
      json(200, { ...plan, ...(request.body as object), version: 5 }),
    );
    const { user } = renderEditor(`/maintenance/plans/${plan.id}`, stub);

    await user.click(await screen.findByRole('button', { name: 'Pause Monthly server patching' }));

    expect(await screen.findByText('Paused')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Resume Monthly server patching' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(stub.calls(`PATCH /api/maintenance-plans/${plan.id}`)).toHaveLength(1));
    expect(stub.calls(`PATCH /api/maintenance-plans/${plan.id}`)[0]?.body).toMatchObject({ version: 4 });
  });

  it('says why a plan that made tickets cannot be deleted', async () => {
    const stub = managerNetwork();
    stub.on(
      `DELETE /api/maintenance-plans/${plan.id}`,
      apiError(409, 'conflict', 'The plan generated 4 ticket(s); pause it instead', { generated: 4 }),
    );
    const { user, router } = renderEditor(`/maintenance/plans/${plan.id}`, stub);

    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete maintenance plan' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect(await within(dialog).findByText('The plan generated 4 ticket(s); pause it instead')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/maintenance/plans/${plan.id}`);
  });

  it('deletes a plan that made no tickets and goes back to the list', async () => {
    const stub = managerNetwork();
    stub.on(`DELETE /api/maintenance-plans/${plan.id}`, json(204));
    stub.on('GET /api/maintenance-plans', json(200, { items: [] }));
    const { user, router } = renderEditor(`/maintenance/plans/${plan.id}`, stub);

    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete maintenance plan' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/maintenance/plans'));
    expect(await screen.findByText('Monthly server patching was deleted.')).toBeInTheDocument();
  });

  it('asks for the interval of an after-completion plan and for the assets of a per-asset one', async () => {
    const stub = managerNetwork();
    const { user } = renderEditor('/maintenance/plans/new', stub);

    await screen.findByRole('combobox', { name: /^Due/ });
    await chooseOption(user, /^Due/, 'After completion');
    expect(screen.queryByRole('textbox', { name: /^RRULE/ })).not.toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Days after the last one is resolved' }), '30');

    await chooseOption(user, 'Tickets', 'One ticket per in-service asset of a type');
    await chooseOption(user, 'Asset type', 'Server');

    await waitFor(() =>
      expect(stub.calls(PREVIEW).at(-1)?.body).toMatchObject({
        mode: 'after_completion',
        rule: 'FREQ=DAILY',
        intervalDays: 30,
        fanOut: 'asset_type',
        assetType: 'server',
      }),
    );
  });

  it('lists the assets of a per-asset plan by name, and adds and removes them', async () => {
    const server = anAsset({ tag: 'CH-SRV-01', name: 'City Hall file server', type: 'server' });
    const ups = anAsset({ tag: 'CH-UPS-02', name: 'City Hall UPS', type: 'ups' });
    const perAsset = aPlan({ ...plan, fanOut: 'assets', assetIds: [server.id] });
    const stub = managerNetwork();
    stub.on(`GET /api/maintenance-plans/${plan.id}`, json(200, perAsset));
    stub.on(`GET /api/assets/${server.id}`, json(200, server));
    stub.on('GET /api/assets', json(200, { items: [ups], nextCursor: null }));
    const { user } = renderEditor(`/maintenance/plans/${plan.id}`, stub);

    const assets = await screen.findByRole('list', { name: 'Assets' });
    expect(await within(assets).findByText('CH-SRV-01 · City Hall file server')).toBeInTheDocument();

    await user.type(screen.getByRole('combobox', { name: 'Add an asset' }), 'UPS');
    await user.click(await screen.findByRole('option', { name: 'CH-UPS-02 · City Hall UPS' }));
    await user.click(within(assets).getByRole('button', { name: 'Remove CH-SRV-01' }));

    expect(
      within(assets)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['CH-UPS-02 · City Hall UPSRemove']);
    await waitFor(() => expect(stub.calls(PREVIEW).at(-1)?.body).toMatchObject({ fanOut: 'assets', assetIds: [ups.id] }));
    expect(stub.calls('GET /api/assets').at(-1)?.path).toContain('status=in_service');
  });
});
