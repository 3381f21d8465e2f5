import { Badge, Group, Kbd, Tabs, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { PageHeader } from '../../../components/ui/PageHeader';
import type { TicketCounts } from '../../../lib/api/api-types';
import { queueListQueryOptions } from '../../../lib/reference-data/reference-data.queries';
import { useCurrentUser } from '../../../lib/session/current-user';
import { OPEN_STATUSES, PRIORITIES, TICKET_KINDS, TICKET_STATUSES } from '../../../lib/tickets/ticket-vocabulary';
import { ticketCountsQueryOptions, type TicketListFilters } from '../../../lib/tickets/tickets.queries';
import { QUEUE_SORTS, QueueFilters, type QueueFilterValues } from './QueueFilters';
import { QueueTicketList } from './QueueTicketList';

/** How often the queue asks for changes made by others (it also does on window focus). */
export const QUEUE_REFRESH_MS = 30_000;

interface QueueTab {
  value: string;
  label: string;
  count: number | undefined;
  filters: Pick<TicketListFilters, 'assigneeId' | 'queueId'>;
}

/**
 * The tabs and what each lists. "Unassigned in my queues" means every visible queue for someone
 * who belongs to none, as the API counts it.
 */
function tabsFrom(counts: TicketCounts | undefined, inAnyQueue: boolean): QueueTab[] {
  return [
    { value: 'mine', label: 'Mine', count: counts?.mine, filters: { assigneeId: 'me' } },
    {
      value: 'unassigned',
      label: 'Unassigned in my queues',
      count: counts?.unassigned,
      filters: inAnyQueue ? { assigneeId: 'none', queueId: 'mine' } : { assigneeId: 'none' },
    },
    { value: 'open', label: 'All open', count: counts?.open, filters: {} },
    ...(counts?.queues ?? []).map((queue) => ({
      value: `queue:${queue.queueId}`,
      label: queue.name,
      count: queue.open,
      filters: { queueId: queue.queueId },
    })),
  ];
}

/** Filters live in the address, so a queue view can be bookmarked and survives a reload. */
function useQueueParams() {
  const [params, setParams] = useSearchParams();
  const statuses = (params.get('status') ?? '').split(',');
  const values: QueueFilterValues = {
    priority: PRIORITIES.find((p) => p === params.get('priority')) ?? null,
    statuses: TICKET_STATUSES.filter((s) => statuses.includes(s)),
    kind: TICKET_KINDS.find((k) => k === params.get('kind')) ?? null,
    search: params.get('q') ?? '',
    sort: QUEUE_SORTS.find((s) => s.value === params.get('sort'))?.value ?? 'due',
  };
  const tab = params.get('tab') ?? 'mine';

  const update = (changes: Partial<QueueFilterValues> & { tab?: string }) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        const set = (key: string, value: string | null) => (value ? next.set(key, value) : next.delete(key));
        if ('tab' in changes) set('tab', changes.tab === 'mine' ? null : (changes.tab ?? null));
        if ('priority' in changes) set('priority', changes.priority ?? null);
        if ('statuses' in changes) set('status', changes.statuses?.join(',') || null);
        if ('kind' in changes) set('kind', changes.kind ?? null);
        if ('search' in changes) set('q', changes.search || null);
        if ('sort' in changes) set('sort', changes.sort === 'due' ? null : (changes.sort ?? null));
        return next;
      },
      { replace: true },
    );
  };
  return { tab, values, update };
}

export function QueuePage() {
  const { tab, values, update } = useQueueParams();
  const [search] = useDebouncedValue(values.search.trim(), 300);
  const counts = useQuery({
    ...ticketCountsQueryOptions(),
    refetchInterval: QUEUE_REFRESH_MS,
    refetchOnWindowFocus: 'always',
  });
  const me = useCurrentUser();
  const queues = useQuery(queueListQueryOptions());
  const inAnyQueue = queues.data?.some((queue) => queue.members.some((member) => member.id === me.id)) ?? true;
  const tabs = tabsFrom(counts.data, inAnyQueue);
  const active = tabs.find((t) => t.value === tab) ?? tabs[0]!;

  const filters: TicketListFilters = {
    ...active.filters,
    status: values.statuses.length > 0 ? values.statuses : [...OPEN_STATUSES],
    sort: values.sort,
    ...(values.priority ? { priority: values.priority } : {}),
    ...(values.kind ? { kind: values.kind } : {}),
    ...(search ? { q: search } : {}),
  };

  return (
    <>
      <PageHeader
        title="Queue"
        description={
          <>
            Sorted by what breaches next. <Kbd size="xs">j</Kbd> / <Kbd size="xs">k</Kbd> or <Kbd size="xs">↓</Kbd> /{' '}
            <Kbd size="xs">↑</Kbd> to move, <Kbd size="xs">Enter</Kbd> to open.
          </>
        }
      />
      {counts.isError ? <ErrorAlert title="Could not load the counts" error={counts.error} /> : null}
      <Tabs value={active.value} onChange={(value) => update({ tab: value ?? 'mine' })} keepMounted={false} mb="sm">
        <Tabs.List>
          {tabs.map((t) => (
            <Tabs.Tab
              key={t.value}
              value={t.value}
              rightSection={
                t.count === undefined ? null : (
                  <Badge
                    size="sm"
                    variant={t.value === active.value ? 'filled' : 'light'}
                    circle={t.count < 10}
                    aria-label={`${t.count} open`}
                  >
                    {t.count}
                  </Badge>
                )
              }
            >
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((t) => (
          <Tabs.Panel key={t.value} value={t.value} pt="sm">
            <QueueFilters values={values} onChange={update} />
            {t.value === active.value ? <QueueTicketList filters={filters} /> : null}
          </Tabs.Panel>
        ))}
      </Tabs>
      <Group justify="flex-end">
        <Text size="xs" c="dimmed">
          Refreshes every {QUEUE_REFRESH_MS / 1000} s and when you come back to this window.
        </Text>
      </Group>
    </>
  );
}
