import { Anchor, Box, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { DataTable, Dimmed } from '../../../components/ui/DataTable';
import { SlaChip } from '../../../components/ui/SlaChip';
import { PriorityBadge, TicketStatusBadge } from '../../../components/ui/TicketBadges';
import { ticketPath } from '../../../lib/tickets/ticket-paths';
import { ticketListQueryOptions, type TicketListFilters } from '../../../lib/tickets/tickets.queries';
import { useNow } from '../../../lib/time/use-now';
import { useListKeyboard } from '../hooks/use-list-keyboard';

const REFRESH_MS = 30_000;

export function QueueTicketList({ filters }: { filters: TicketListFilters }) {
  const navigate = useNavigate();
  // One clock for the whole list: every row's countdown re-renders from this single timer.
  const now = useNow();
  const tickets = useInfiniteQuery({
    ...ticketListQueryOptions(filters),
    refetchInterval: REFRESH_MS,
    refetchOnWindowFocus: 'always',
  });
  const pages = tickets.data?.pages;
  const rows = useMemo(() => pages?.flatMap((page) => page.items) ?? [], [pages]);
  const containerRef = useRef<HTMLDivElement>(null);
  const open = useCallback(
    (index: number) => {
      const ticket = rows[index];
      if (ticket) void navigate(ticketPath(ticket.number));
    },
    [rows, navigate],
  );
  const { selected, select } = useListKeyboard({ count: rows.length, containerRef, onOpen: open });

  useEffect(() => {
    containerRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <Box ref={containerRef} mt="sm">
      <DataTable
        label="Tickets"
        query={tickets}
        rows={rows}
        rowKey={(ticket) => ticket.id}
        errorTitle="Could not load the queue"
        loadingLabel="Loading tickets"
        empty="No tickets here. Nice."
        minWidth={1000}
        striped={false}
        rowProps={(_ticket, index) => ({
          'aria-selected': index === selected,
          bg: index === selected ? 'blue.0' : undefined,
          style: index === selected ? { boxShadow: 'inset 3px 0 0 var(--mantine-color-blue-6)' } : undefined,
          onClick: () => select(index),
        })}
        columns={[
          {
            header: 'Due',
            nowrap: true,
            cell: (ticket) =>
              ticket.sla.state === 'none' ? (
                <Dimmed size="sm">No due time</Dimmed>
              ) : (
                <SlaChip sla={ticket.sla} dueAt={ticket.dueAt} now={now} />
              ),
          },
          { header: 'Priority', cell: (ticket) => <PriorityBadge priority={ticket.priority} /> },
          {
            header: 'Ticket',
            nowrap: true,
            cell: (ticket) => (
              <Text span ff="monospace" size="sm">
                {ticket.number}
              </Text>
            ),
          },
          {
            header: 'Title',
            cell: (ticket) => (
              <Anchor component={Link} to={ticketPath(ticket.number)} size="sm" fw={500}>
                {ticket.title}
              </Anchor>
            ),
          },
          { header: 'Status', nowrap: true, cell: (ticket) => <TicketStatusBadge status={ticket.status} /> },
          { header: 'Queue', cell: (ticket) => ticket.queue.name },
          { header: 'Assignee', cell: (ticket) => ticket.assignee?.name ?? <Dimmed size="sm" /> },
          {
            header: 'Requester',
            cell: (ticket) => (
              <>
                {ticket.requester.name}
                <Text span c="dimmed" size="xs">
                  {' '}
                  · {ticket.department.name}
                </Text>
              </>
            ),
          },
        ]}
      />
    </Box>
  );
}
