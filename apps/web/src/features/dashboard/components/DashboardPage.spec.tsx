import { beforeEach, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { apiError, json } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';
import { bodyRowTexts } from '../../../testing/table-text';
import { chartsInView, chartsOffScreen } from '../testing/chart-visibility';
import { dashboardNetwork, lastReportQuery } from '../testing/dashboard-network';
import { anAssetRefreshReport, aVolumeReport, FINANCE, HARDWARE } from '../testing/report-fixtures';
import { DashboardPage } from './DashboardPage';

/** A panel by its heading, once its report has loaded. */
async function panel(title: string): Promise<HTMLElement> {
  const region = await screen.findByRole('region', { name: title });
  await waitFor(() => expect(within(region).queryByLabelText(/^Loading/)).not.toBeInTheDocument());
  return region;
}

/** Switches a panel to its table view and returns the table with that caption. */
async function tableOf(user: UserEvent, title: string, caption: string): Promise<HTMLElement> {
  const region = await panel(title);
  await user.click(within(region).getByRole('button', { name: 'Table' }));
  return within(region).findByRole('table', { name: caption });
}

beforeEach(chartsOffScreen);

describe(DashboardPage.name, () => {
  it('shows spend per period by work class, with the proactive share, as a chart and as a table', async () => {
    chartsInView();
    const { user } = renderApp('/dashboard', dashboardNetwork());

    const spend = await panel('Spend by work class');
    expect(
      within(spend).getByRole('img', { name: 'Spend per period, stacked by work class, with the proactive share' }),
    ).toHaveAccessibleDescription('$4,000 spent from Jan 2026 to Feb 2026. Proactive share: 25% in Jan 2026, 50% in Feb 2026.');
    const table = await tableOf(user, 'Spend by work class', 'Spend per period by work class, in dollars');
    expect(bodyRowTexts(table)).toEqual([
      ['Jan 2026', '$500', '$250', '$250', '$1,000', '25%'],
      ['Feb 2026', '$1,000', '$500', '$1,500', '$3,000', '50%'],
    ]);
    await user.click(within(spend).getByRole('button', { name: 'Chart' }));
    expect(within(spend).queryByRole('table')).not.toBeInTheDocument();
    const chart = within(spend).getByRole('img');
    // The chart itself: recharts' drawing, each work class in the legend by name.
    expect(chart.querySelector('svg.recharts-surface')).not.toBeNull();
    expect(chart).toHaveTextContent(/Reactive.*Service.*Proactive.*Proactive share/);
  });

  it('shows response and resolution medians and p90 in business time, or in wall-clock time', async () => {
    const { user } = renderApp('/dashboard', dashboardNetwork());

    const title = 'Response and resolution times';
    const business = await tableOf(user, title, 'Response and resolution times per period (business time)');
    expect(bodyRowTexts(business)).toEqual([
      ['Jan 2026', '40', '45 min', '3 h', '8 h', '40 h'],
      ['Feb 2026', '0', '—', '—', '—', '—'],
    ]);
    expect(
      within(await panel(title)).getByText(/Business time: the minutes of the SLA calendar’s working hours/),
    ).toBeInTheDocument();

    await user.click(within(await panel(title)).getByRole('button', { name: 'Wall-clock time' }));
    const wallClock = await within(await panel(title)).findByRole('table', {
      name: 'Response and resolution times per period (wall-clock time)',
    });
    expect(bodyRowTexts(wallClock)[0]).toEqual(['Jan 2026', '40', '1 h 30 min', '6 h', '16 h', '3 d 8 h']);
  });

  it('shows SLA compliance per priority, for resolution or first-response targets', async () => {
    const { user } = renderApp('/dashboard', dashboardNetwork());

    const title = 'SLA compliance by priority';
    const compliance = await panel(title);
    expect(within(compliance).getByRole('img')).toHaveAccessibleDescription(
      'Resolution targets met over the range: P1 50%, P2 90%, P3 90%, P4 90%.',
    );
    const table = await tableOf(user, title, 'Resolution targets met per period and priority');
    expect(bodyRowTexts(table)).toEqual([
      ['Jan 2026', '50% (1 of 2)', '90% (9 of 10)', '90% (9 of 10)', '90% (9 of 10)'],
      ['Feb 2026', '—', '90% (9 of 10)', '90% (9 of 10)', '90% (9 of 10)'],
    ]);
    await user.click(within(compliance).getByRole('button', { name: 'First response' }));
    const response = await within(compliance).findByRole('table', { name: 'First-response targets met per period and priority' });
    expect(bodyRowTexts(response)[0]).toEqual([
      'Jan 2026',
      '100% (2 of 2)',
      '100% (10 of 10)',
      '100% (10 of 10)',
      '100% (10 of 10)',
    ]);
  });

  it('shows tickets created, resolved and open per period, and the backlog by age', async () => {
    const { user } = renderApp('/dashboard', dashboardNetwork());

    const title = 'Tickets created, resolved and open';
    const periods = await tableOf(user, title, 'Tickets created, resolved and open at the end of each period');
    expect(bodyRowTexts(periods)).toEqual([
      ['Jan 2026', '120', '100', '35'],
      ['Feb 2026', '90', '110', '15'],
    ]);
    const ages = within(await panel(title)).getByRole('table', { name: /^Tickets open on .* by age$/ });
    expect(bodyRowTexts(ages)).toEqual([
      ['0–2 days', '6'],
      ['3–7 days', '4'],
      ['8–30 days', '3'],
      ['31–90 days', '2'],
      ['over 90 days', '0'],
    ]);
  });

  it('ranks departments and categories by reactive cost over the whole range', async () => {
    const { user } = renderApp('/dashboard', dashboardNetwork());

    const title = 'Top departments and categories by reactive cost';
    const byDepartment = await tableOf(user, title, 'Reactive cost by department, highest first');
    expect(bodyRowTexts(byDepartment)).toEqual([
      ['Police', '$1,200', '8', '$150'],
      ['Finance', '$300', '2', '$150'],
    ]);
    const byCategory = within(await panel(title)).getByRole('table', { name: 'Reactive cost by category, highest first' });
    expect(bodyRowTexts(byCategory)).toEqual([
      ['Network', '$900', '4', '$225'],
      ['Hardware', '$600', '6', '$100'],
    ]);
  });

  it('weighs proactive work against reactive incidents per department, with the spend predictability', async () => {
    const { user } = renderApp('/dashboard', dashboardNetwork());

    const title = 'Does prevention pay?';
    const departments = await tableOf(user, title, 'Proactive work and reactive incidents per department');
    expect(bodyRowTexts(departments)).toEqual([
      ['Finance', '10 h', '$1,750', '2', '$300'],
      ['Police', '2 h', '$0', '8', '$1,200'],
    ]);
    const quarters = within(await panel(title)).getByRole('table', { name: 'Proactive work and reactive incidents per quarter' });
    expect(bodyRowTexts(quarters)).toEqual([
      ['Q4 2025', '6 h', '$750', '6', '$800'],
      ['Q1 2026', '6 h', '$1,000', '4', '$700'],
    ]);
    const predictability = within(await panel(title)).getByRole('table', { name: /^Spend predictability/ });
    expect(bodyRowTexts(predictability)).toEqual([
      ['Reactive', '2', '$750', '$250', '0.33'],
      ['Proactive', '2', '$875', '$625', '0.71'],
    ]);
  });

  it('forecasts replacements per fiscal year and lists the assets whose repairs outgrow them', async () => {
    const { user } = renderApp('/dashboard', dashboardNetwork());

    const title = 'Asset refresh forecast';
    const forecast = await tableOf(user, title, 'Assets due for replacement per fiscal year');
    expect(bodyRowTexts(forecast)).toEqual([
      ['FY2026', '4', '$5,200', '1'],
      ['FY2027', '10', '$13,000', '0'],
    ]);
    const repairs = within(await panel(title)).getByRole('table', { name: /cost more than 50% of their replacement/ });
    expect(bodyRowTexts(repairs)).toEqual([['FIN-LT-0042 · Dell Latitude 5450', 'Finance', '$900', '$1,299', '69.3%']]);
    expect(within(repairs).getByRole('link', { name: 'FIN-LT-0042 · Dell Latitude 5450' })).toHaveAttribute(
      'href',
      '/assets/00000000-0000-4000-8000-00000000a001',
    );
    expect(within(await panel(title)).queryByText(/more, in the/)).toBeNull();
  });

  it('says how many assets over the share the list leaves to the CSV', async () => {
    const network = dashboardNetwork();
    network.on('GET /api/reports/asset-refresh', json(200, { ...anAssetRefreshReport(), repairCount: 1_250 }));
    renderApp('/dashboard', network);

    const repairs = await panel('Asset refresh forecast');
    expect(await within(repairs).findByText(/And 1,249 more, in the/)).toBeInTheDocument();
    expect(within(repairs).getByRole('link', { name: 'CSV of all of them' })).toHaveAttribute(
      'href',
      expect.stringContaining('/api/reports/asset-refresh?'),
    );
  });

  it('keeps a failing report to its own panel, and loads it again on request', async () => {
    const network = dashboardNetwork();
    network.on('GET /api/reports/volume', apiError(500, 'internal_error', 'The database did not answer.'));
    const { user } = renderApp('/dashboard', network);

    const volume = await screen.findByRole('region', { name: 'Tickets created, resolved and open' });
    expect(await within(volume).findByText('The database did not answer.', {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(within(volume).getByText('Could not load tickets created, resolved and open')).toBeInTheDocument();
    // The other reports are there all the same.
    for (const title of ['Spend by work class', 'SLA compliance by priority', 'Does prevention pay?', 'Asset refresh forecast']) {
      expect(within(await panel(title)).getAllByRole('img').length).toBeGreaterThan(0);
    }

    network.on('GET /api/reports/volume', json(200, aVolumeReport()));
    await user.click(within(volume).getByRole('button', { name: 'Try again' }));
    expect(await within(volume).findByRole('img', { name: /^Tickets created and resolved per period/ })).toBeInTheDocument();
  });
});

describe('the dashboard’s filters', () => {
  it('reads the range, period and filters from the address and asks every report for them', async () => {
    const network = dashboardNetwork();
    renderApp(
      `/dashboard?from=2025-07-01&to=2026-06-30&interval=quarter&department=${FINANCE.id}&category=${HARDWARE.id}`,
      network,
    );

    await panel('Spend by work class');
    expect(screen.getByLabelText('From')).toHaveValue('2025-07-01');
    expect(screen.getByLabelText('To')).toHaveValue('2026-06-30');
    expect(screen.getByRole('combobox', { name: 'Period' })).toHaveValue('Quarter');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Department' })).toHaveValue('Finance'));
    expect(screen.getByRole('combobox', { name: 'Category' })).toHaveValue('Hardware');
    const scope = { from: '2025-07-01', to: '2026-06-30', departmentId: FINANCE.id, categoryId: HARDWARE.id };
    expect(lastReportQuery(network, 'spend')).toEqual({ ...scope, interval: 'quarter', groupBy: 'work_class' });
    expect(lastReportQuery(network, 'response-times')).toEqual({ ...scope, interval: 'quarter' });
    expect(lastReportQuery(network, 'sla-compliance')).toEqual({ ...scope, interval: 'quarter', groupBy: 'priority' });
    expect(lastReportQuery(network, 'volume')).toEqual({ ...scope, interval: 'quarter' });
    // Prevention is per quarter whatever the period; the asset forecast looks ahead and takes only the department.
    expect(lastReportQuery(network, 'prevention')).toEqual({ ...scope, groupBy: 'category' });
    expect(lastReportQuery(network, 'asset-refresh')).toEqual({ departmentId: FINANCE.id });
  });

  it('writes each change into the address and reloads the reports, and goes back to the defaults', async () => {
    const network = dashboardNetwork();
    const { user, router } = renderApp('/dashboard', network);
    const search = () => Object.fromEntries(new URLSearchParams(router.state.location.search));

    await panel('Spend by work class');
    // With no range in the address, the fields show the API's default one.
    expect(lastReportQuery(network, 'spend')).toEqual({ interval: 'month', groupBy: 'work_class' });
    expect(screen.getByLabelText('From')).toHaveValue('2026-01-01');
    expect(screen.getByLabelText('To')).toHaveValue('2026-02-28');

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2025-11-01' } });
    await waitFor(() => expect(search()).toEqual({ from: '2025-11-01' }));
    await waitFor(() =>
      expect(lastReportQuery(network, 'spend')).toEqual({ from: '2025-11-01', interval: 'month', groupBy: 'work_class' }),
    );

    await user.click(screen.getByRole('combobox', { name: 'Department' }));
    await user.click(await screen.findByRole('option', { name: 'Finance' }));
    await waitFor(() => expect(search()).toEqual({ from: '2025-11-01', department: FINANCE.id }));
    await waitFor(() =>
      expect(lastReportQuery(network, 'volume')).toEqual({ from: '2025-11-01', departmentId: FINANCE.id, interval: 'month' }),
    );

    await user.click(screen.getByRole('combobox', { name: 'Period' }));
    await user.click(await screen.findByRole('option', { name: 'Week' }));
    await waitFor(() => expect(search()).toEqual({ from: '2025-11-01', department: FINANCE.id, interval: 'week' }));

    await user.click(screen.getByRole('button', { name: 'Last 12 months, everything' }));
    await waitFor(() => expect(search()).toEqual({}));
    expect(screen.queryByRole('button', { name: 'Last 12 months, everything' })).not.toBeInTheDocument();
  });

  it('says when the range starts after it ends', async () => {
    renderApp('/dashboard?from=2026-03-01&to=2026-02-01', dashboardNetwork());
    expect(await screen.findByText('The range starts after it ends')).toBeInTheDocument();
  });

  it('links each CSV button to the same report, with the same filters, as CSV', async () => {
    renderApp(`/dashboard?from=2025-07-01&to=2026-06-30&department=${FINANCE.id}`, dashboardNetwork());

    const spend = await panel('Spend by work class');
    const link = within(spend).getByRole('link', { name: 'Download CSV: by work class, Spend by work class' });
    const href = new URL(link.getAttribute('href') ?? '', 'http://civicdesk.test');
    expect(href.pathname).toBe('/api/reports/spend');
    expect(Object.fromEntries(href.searchParams)).toEqual({
      from: '2025-07-01',
      to: '2026-06-30',
      departmentId: FINANCE.id,
      interval: 'month',
      groupBy: 'work_class',
      table: 'rows',
      format: 'csv',
    });
    expect(link).toHaveAttribute('download');
    const backlog = within(await panel('Tickets created, resolved and open')).getByRole('link', {
      name: /^Download CSV: backlog age/,
    });
    expect(backlog.getAttribute('href')).toBe(
      `/api/reports/volume?from=2025-07-01&to=2026-06-30&departmentId=${FINANCE.id}&interval=month&table=backlogAge&format=csv`,
    );
  });
});
