import { Box, Button, Group, Loader, SegmentedControl, Select, Switch, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { FullPageLoader } from '../../../components/ui/FullPageLoader';
import { PageHeader } from '../../../components/ui/PageHeader';
import { queueListQueryOptions } from '../../../lib/reference-data/reference-data.queries';
import { useCurrentUser } from '../../../lib/session/current-user';
import { calendarQueryOptions } from '../api/maintenance.queries';
import { canEditPlans, MAINTENANCE_PATHS } from '../maintenance-paths';
import { addMonths, dayKey, firstDayOfWeek, monthKey, monthOf, monthRange, parseMonth, type Month } from './calendar-month';
import { monthTitle } from './date-words';
import { DayList } from './DayList';
import { MonthGrid } from './MonthGrid';
import { SubscribeDialog } from './SubscribeDialog';

const VIEWS = [
  { value: 'month', label: 'Month' },
  { value: 'list', label: 'List' },
];

/**
 * `/maintenance`: a month of preventive work, generated tickets and the occurrences still to come.
 * The month, view and filters live in the address, so a view can be bookmarked and shared.
 */
export function MaintenanceCalendarPage() {
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const [today] = useState(() => new Date());
  const [subscribing, setSubscribing] = useState(false);
  const month = parseMonth(params.get('month')) ?? monthOf(today);
  const view = params.get('view') === 'list' ? 'list' : 'month';
  const queueId = params.get('queue');
  const mine = params.get('mine') === '1';

  const set = (changes: Record<string, string | null>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null) next.delete(key);
        else next.set(key, value);
      }
      return next;
    });
  const goTo = (target: Month) => set({ month: monthKey(target) });

  const queues = useQuery(queueListQueryOptions());
  const items = useQuery({
    ...calendarQueryOptions({
      ...monthRange(month),
      ...(queueId ? { queueId } : {}),
      ...(mine ? { assigneeId: me.id } : {}),
    }),
    placeholderData: keepPreviousData,
  });
  const title = monthTitle(month.year, month.month);

  return (
    <>
      <PageHeader
        title="Maintenance calendar"
        description="Preventive work by due date: tickets already made, and the ones plans will make (planned)."
        actions={
          <>
            {canEditPlans(me.role) ? (
              <Button component={Link} to={MAINTENANCE_PATHS.plans} variant="default">
                Plans
              </Button>
            ) : null}
            <Button onClick={() => setSubscribing(true)}>Subscribe</Button>
          </>
        }
      />
      <Group justify="space-between" mb="md" wrap="wrap" align="flex-end">
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" aria-label="Previous month" onClick={() => goTo(addMonths(month, -1))}>
            ‹
          </Button>
          <Title order={3} size="h4" miw={170} ta="center" aria-live="polite">
            {title}
          </Title>
          <Button variant="default" aria-label="Next month" onClick={() => goTo(addMonths(month, 1))}>
            ›
          </Button>
          <Button variant="subtle" onClick={() => set({ month: null })}>
            This month
          </Button>
          {items.isFetching && !items.isPending ? <Loader size="xs" aria-label="Refreshing" /> : null}
        </Group>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label="Queue"
            placeholder="All queues"
            data={(queues.data ?? []).map((queue) => ({ value: queue.id, label: queue.name }))}
            value={queueId}
            onChange={(value) => set({ queue: value })}
            clearable
            searchable
            w={200}
          />
          <Switch
            label="Only my work"
            checked={mine}
            onChange={(event) => set({ mine: event.currentTarget.checked ? '1' : null })}
          />
          <SegmentedControl
            aria-label="View"
            data={VIEWS}
            value={view}
            onChange={(value) => set({ view: value === 'list' ? 'list' : null })}
          />
        </Group>
      </Group>
      {items.isError ? (
        <ErrorAlert title="Could not load the calendar" error={items.error} onRetry={() => void items.refetch()} />
      ) : items.isPending ? (
        <FullPageLoader label="Loading the calendar" />
      ) : (
        // The last month stays on screen, dimmed, until the next one arrives.
        <Box aria-busy={items.isPlaceholderData} style={{ opacity: items.isPlaceholderData ? 0.5 : 1 }}>
          {view === 'list' ? (
            <DayList items={items.data} today={dayKey(today)} />
          ) : (
            <MonthGrid month={month} title={title} items={items.data} today={dayKey(today)} firstDay={firstDayOfWeek()} />
          )}
        </Box>
      )}
      <SubscribeDialog opened={subscribing} onClose={() => setSubscribing(false)} />
    </>
  );
}
