import { Button, Group, Loader, Select, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { FilterSelect } from '../../../components/ui/FilterBar';
import {
  categoryListQueryOptions,
  departmentListQueryOptions,
  queueListQueryOptions,
} from '../../../lib/reference-data/reference-data.queries';
import type { ReportInterval } from '../api/report-types';
import { intervalLabel, isCalendarDate, REPORT_INTERVALS, type ReportFiltersState } from '../hooks/use-report-filters';

const INTERVAL_OPTIONS = REPORT_INTERVALS.map((value) => ({ value, label: intervalLabel(value) }));

interface ReportFilterBarProps extends ReportFiltersState {
  /** The range the reports cover (the API's default when the address has none), for the date fields. */
  range: { from: string; to: string } | null;
  /** A small spinner while the reports reload for new filters. */
  refreshing: boolean;
}

const byName = (items: readonly { id: string; name: string }[] | undefined) =>
  (items ?? []).map((item) => ({ value: item.id, label: item.name }));

/** The dashboard's shared filters: the range, the period length and which tickets count. */
export function ReportFilterBar({ filters, setFilters, resetFilters, filtered, range, refreshing }: ReportFilterBarProps) {
  const departments = useQuery(departmentListQueryOptions());
  const queues = useQuery(queueListQueryOptions());
  const categories = useQuery(categoryListQueryOptions());
  const from = filters.from ?? range?.from ?? '';
  const to = filters.to ?? range?.to ?? '';
  const rangeError = from && to && from > to ? 'The range starts after it ends' : null;
  const setDate = (key: 'from' | 'to', value: string) => {
    if (value === '' || isCalendarDate(value)) setFilters({ [key]: value || null });
  };

  return (
    <Group align="flex-end" wrap="wrap" gap="sm" mb="md" role="group" aria-label="Report filters">
      <TextInput
        type="date"
        label="From"
        value={from}
        onChange={(event) => setDate('from', event.currentTarget.value)}
        error={rangeError}
        w={160}
      />
      <TextInput type="date" label="To" value={to} onChange={(event) => setDate('to', event.currentTarget.value)} w={160} />
      <Select
        label="Period"
        data={INTERVAL_OPTIONS}
        value={filters.interval}
        onChange={(value) =>
          setFilters({ interval: REPORT_INTERVALS.find((interval): interval is ReportInterval => interval === value) ?? null })
        }
        allowDeselect={false}
        w={140}
      />
      <FilterSelect
        label="Department"
        placeholder="All departments"
        options={byName(departments.data)}
        value={filters.departmentId}
        onChange={(departmentId) => setFilters({ departmentId })}
        width={200}
        searchable
      />
      <FilterSelect
        label="Queue"
        placeholder="All queues"
        options={byName(queues.data)}
        value={filters.queueId}
        onChange={(queueId) => setFilters({ queueId })}
        width={190}
        searchable
      />
      <FilterSelect
        label="Category"
        placeholder="All categories"
        options={byName(categories.data)}
        value={filters.categoryId}
        onChange={(categoryId) => setFilters({ categoryId })}
        width={190}
        searchable
      />
      {filtered ? (
        <Button variant="subtle" onClick={resetFilters}>
          Last 12 months, everything
        </Button>
      ) : null}
      {refreshing ? <Loader size="xs" aria-label="Refreshing the reports" /> : null}
    </Group>
  );
}
