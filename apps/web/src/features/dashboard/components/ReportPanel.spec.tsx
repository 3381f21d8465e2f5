import { describe, expect, it, jest } from '@jest/globals';
import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../../lib/api/api-error';
import { ReportLayoutContext, type ReportLayout } from './report-layout';
import { bothReports, ReportPanel, type ReportQueryState } from './ReportPanel';

const loaded = (data: string): ReportQueryState<string> => ({
  data,
  isPending: false,
  isError: false,
  error: null,
  isFetching: false,
  refetch: () => undefined,
});

const CSV = [
  { label: 'per period', href: '/api/reports/volume?from=2026-01-01&format=csv' },
  { label: 'backlog age', href: '/api/reports/volume?from=2026-01-01&table=backlogAge&format=csv' },
];

function renderPanel(report: ReportQueryState<string>, layout: ReportLayout = 'dashboard') {
  return render(
    <MantineProvider env="test">
      <ReportLayoutContext.Provider value={layout}>
        <ReportPanel
          title="Tickets created"
          description="Per period."
          report={report}
          csv={CSV}
          chart={(data) => <p>Chart of {data}</p>}
          table={(data) => <p>Table of {data}</p>}
          more={(data) => <p>More about {data}</p>}
        />
      </ReportLayoutContext.Provider>
    </MantineProvider>,
  );
}

describe(ReportPanel.name, () => {
  it('shows the chart first, and the table on request, under one heading', async () => {
    const user = userEvent.setup();
    renderPanel(loaded('January'));

    const panel = screen.getByRole('region', { name: 'Tickets created' });
    expect(within(panel).getByText('Chart of January')).toBeInTheDocument();
    expect(within(panel).queryByText('Table of January')).not.toBeInTheDocument();
    expect(within(panel).getByText('More about January')).toBeInTheDocument();

    expect(within(panel).getByRole('button', { name: 'Chart' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(within(panel).getByRole('button', { name: 'Table' }));
    expect(within(panel).getByRole('button', { name: 'Table' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(panel).getByText('Table of January')).toBeInTheDocument();
    expect(within(panel).queryByText('Chart of January')).not.toBeInTheDocument();
    // What both views share stays.
    expect(within(panel).getByText('More about January')).toBeInTheDocument();
    expect(within(panel).getByRole('group', { name: 'Show tickets created as' })).toBeInTheDocument();
  });

  it('offers each table as a CSV download of the same report', () => {
    renderPanel(loaded('January'));

    const perPeriod = screen.getByRole('link', { name: 'Download CSV: per period, Tickets created' });
    expect(perPeriod).toHaveAttribute('href', CSV[0]!.href);
    expect(perPeriod).toHaveAttribute('download');
    expect(perPeriod).toHaveTextContent('CSV: per period');
    expect(screen.getByRole('link', { name: 'Download CSV: backlog age, Tickets created' })).toHaveAttribute(
      'href',
      CSV[1]!.href,
    );
  });

  it('says it is loading until the report arrives', () => {
    renderPanel({ ...loaded(''), data: undefined, isPending: true, isFetching: true });

    expect(screen.getByLabelText('Loading tickets created')).toBeInTheDocument();
    expect(screen.getByLabelText('Loading tickets created').closest('[aria-busy]')).toHaveAttribute('aria-busy', 'true');
  });

  it('shows the API’s error with a way to try again', async () => {
    const user = userEvent.setup();
    const refetch = jest.fn();
    renderPanel({
      data: undefined,
      isPending: false,
      isError: true,
      error: new ApiError({ statusCode: 400, code: 'validation_failed', message: 'from must be on or before to' }),
      isFetching: false,
      refetch,
    });

    expect(screen.getByText('Could not load tickets created')).toBeInTheDocument();
    expect(screen.getByText('from must be on or before to')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it('prints the chart and the table, with nothing to click', () => {
    renderPanel(loaded('January'), 'print');

    expect(screen.getByText('Chart of January')).toBeInTheDocument();
    expect(screen.getByText('Table of January')).toBeInTheDocument();
    expect(screen.getAllByText('More about January')).toHaveLength(1);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });
});

describe(bothReports.name, () => {
  it('is ready when both reports are, and failed when either failed', () => {
    const failed = { ...loaded(''), data: undefined, isError: true, error: new Error('down') };
    expect(bothReports(loaded('a'), loaded('b')).data).toEqual(['a', 'b']);
    expect(bothReports(loaded('a'), { ...loaded(''), data: undefined, isPending: true }).data).toBeUndefined();
    expect(bothReports(loaded('a'), failed)).toMatchObject({ isError: true, error: failed.error });
  });
});
