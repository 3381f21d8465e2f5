import { Button, Grid } from '@mantine/core';
import { keepPreviousData, useIsFetching, useQuery } from '@tanstack/react-query';
import { memo, useEffect } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/ui/PageHeader';
import { panelQueries, reportKeys, spendReportQueryOptions, usePanelReports } from '../api/reports.queries';
import { DASHBOARD_PATHS } from '../dashboard-paths';
import { intervalLabel, useReportFilters, type ReportFilters, type ReportFiltersState } from '../hooks/use-report-filters';
import { preloadCharts } from './charts/lazy-charts';
import { AssetRefreshPanel } from './panels/AssetRefreshPanel';
import { PreventionPanel } from './panels/PreventionPanel';
import { ReactiveCostPanel } from './panels/ReactiveCostPanel';
import { ResponseTimesPanel } from './panels/ResponseTimesPanel';
import { SlaCompliancePanel } from './panels/SlaCompliancePanel';
import { SpendPanel } from './panels/SpendPanel';
import { VolumePanel } from './panels/VolumePanel';
import classes from './print.module.css';
import { ReportFilterBar } from './ReportFilterBar';
import { rangeLabel } from './report-words';

const HALF = { base: 12, lg: 6 };

/**
 * `/dashboard`: the manager's view of cost, speed, service levels, backlog, assets and prevention,
 * on one screen. The filters live in the address, so a view can be bookmarked and shared.
 */
export function DashboardPage() {
  const filterState = useReportFilters();
  // The charts' code loads while the reports are fetched (the route starts it with the page's own).
  useEffect(preloadCharts, []);
  return (
    <>
      <DashboardHeader {...filterState} />
      <DashboardPanels filters={filterState.filters} />
    </>
  );
}

/**
 * The title, the range the reports cover and the filters. Apart from the panels: it follows every
 * report's loading, which must not redraw the charts.
 */
function DashboardHeader(filterState: ReportFiltersState) {
  const { filters } = filterState;
  // The range with the API's defaults applied, from the spend panel's own query.
  const meta = useQuery({
    ...spendReportQueryOptions(panelQueries.spend(filters)),
    select: (report) => ({ from: report.from, to: report.to, timeZone: report.timeZone }),
    placeholderData: keepPreviousData,
  });
  const fetching = useIsFetching({ queryKey: reportKeys.all });
  const range = meta.data ?? null;
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={
          range
            ? `${rangeLabel(range.from, range.to)}, by ${intervalLabel(filters.interval).toLowerCase()} · days in ${range.timeZone}`
            : 'Spend, response times, SLA compliance, backlog, assets and prevention'
        }
        actions={
          <Button component={Link} to={DASHBOARD_PATHS.monthlyReport} variant="default" className={classes.screenOnly}>
            Monthly report
          </Button>
        }
      />
      <div className={classes.screenOnly}>
        <ReportFilterBar {...filterState} range={range} refreshing={fetching > 0 && meta.data !== undefined} />
      </div>
    </>
  );
}

/** The report panels; drawn again only when the filters change (each panel follows its own report). */
const DashboardPanels = memo(function DashboardPanels({ filters }: { filters: ReportFilters }) {
  usePanelReports(filters);
  return (
    // Panels with two charts take the whole width; the others pair up on a wide screen.
    <Grid gap="md">
      <Grid.Col span={HALF}>
        <SpendPanel filters={filters} />
      </Grid.Col>
      <Grid.Col span={HALF}>
        <SlaCompliancePanel filters={filters} />
      </Grid.Col>
      <Grid.Col span={12}>
        <ResponseTimesPanel filters={filters} />
      </Grid.Col>
      <Grid.Col span={12}>
        <VolumePanel filters={filters} />
      </Grid.Col>
      <Grid.Col span={HALF}>
        <ReactiveCostPanel filters={filters} />
      </Grid.Col>
      <Grid.Col span={HALF}>
        <PreventionPanel filters={filters} />
      </Grid.Col>
      <Grid.Col span={12}>
        <AssetRefreshPanel filters={filters} />
      </Grid.Col>
    </Grid>
  );
});
