import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { Panel } from '../../../components/ui/Panel';
import { ChoiceButtons } from './ChoiceButtons';
import classes from './print.module.css';
import { useReportLayout } from './report-layout';

/** What a panel reads from its TanStack query (or from several, combined). */
export interface ReportQueryState<T> {
  data: T | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  refetch: () => unknown;
}

/** Two reports as one: ready when both are, failed when either failed. */
export function bothReports<A, B>(a: ReportQueryState<A>, b: ReportQueryState<B>): ReportQueryState<[A, B]> {
  return {
    data: a.data !== undefined && b.data !== undefined ? [a.data, b.data] : undefined,
    isPending: a.isPending || b.isPending,
    isError: a.isError || b.isError,
    error: a.isError ? a.error : b.error,
    isFetching: a.isFetching || b.isFetching,
    refetch: () => Promise.all([a.isError ? a.refetch() : null, b.isError ? b.refetch() : null]),
  };
}

/** A CSV download of one of the report's tables. */
export interface CsvDownload {
  /** The table it holds: "by work class". */
  label: string;
  href: string;
}

interface ReportPanelProps<T> {
  title: string;
  /** What the figures are and in which units. */
  description: ReactNode;
  report: ReportQueryState<T>;
  csv: readonly CsvDownload[];
  chart: (data: T) => ReactNode;
  table: (data: T) => ReactNode;
  /** Choices that change what the chart and table show (a unit, a target). */
  controls?: ReactNode;
  /** Figures shown under either view (and once on paper). */
  more?: (data: T) => ReactNode;
}

const VIEWS = [
  { value: 'chart', label: 'Chart' },
  { value: 'table', label: 'Table' },
] as const;

/**
 * One report on the dashboard: its chart or its table, with a switch between them and CSV
 * downloads under it. Each panel loads and fails on its own, so one failing report leaves the
 * rest of the page working. In the printed report, the chart and the table both, nothing to click.
 */
export function ReportPanel<T>({ title, description, report, csv, chart, table, controls, more }: ReportPanelProps<T>) {
  const layout = useReportLayout();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const data = report.data;

  const body = report.isError ? (
    <ErrorAlert title={`Could not load ${title.toLowerCase()}`} error={report.error} onRetry={() => void report.refetch()} />
  ) : data === undefined ? (
    <Group justify="center" py="xl">
      <Loader size="sm" aria-label={`Loading ${title.toLowerCase()}`} />
    </Group>
  ) : (
    <Stack gap="md">
      {layout === 'print' || view === 'chart' ? chart(data) : null}
      {layout === 'print' || view === 'table' ? table(data) : null}
      {more?.(data)}
    </Stack>
  );

  return (
    <div className={layout === 'print' ? classes.section : undefined}>
      <Panel title={title}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {description}
          </Text>
          {controls && layout === 'dashboard' ? <div className={classes.screenOnly}>{controls}</div> : null}
          <div aria-busy={report.isFetching}>{body}</div>
          {layout === 'dashboard' ? (
            <Group gap="xs" justify="space-between" className={classes.screenOnly}>
              <ChoiceButtons label={`Show ${title.toLowerCase()} as`} options={VIEWS} value={view} onChange={setView} />
              <Group gap="xs">
                {report.isFetching && data !== undefined ? <Loader size="xs" aria-label="Refreshing" /> : null}
                {csv.map((download) => (
                  <Button
                    key={download.href}
                    component="a"
                    href={download.href}
                    download
                    size="xs"
                    variant="default"
                    // The visible words, and which report: every panel has CSV buttons.
                    aria-label={`Download CSV: ${download.label}, ${title}`}
                  >
                    CSV: {download.label}
                  </Button>
                ))}
              </Group>
            </Group>
          ) : null}
        </Stack>
      </Panel>
    </div>
  );
}
