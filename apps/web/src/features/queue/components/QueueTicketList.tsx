import { Anchor, Button, Group, Loader, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { DueText, PriorityBadge, TicketStatusBadge } from '../../../components/ui/TicketBadges';
import { ticketPath } from '../../../lib/tickets/ticket-paths';
import { ticketListQueryOptions, type TicketListFilters } from '../../../lib/tickets/tickets.queries';
import { useNow } from '../../../lib/time/use-now';
import { useListKeyboard } from '../hooks/use-list-keyboard';

const REFRESH_MS = 30_000;
const NOWRAP = { whiteSpace: 'nowrap' } as const;

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

  if (tickets.isError) {
    return <ErrorAlert title="Could not load the queue" error={tickets.error} onRetry={() => void tickets.refetch()} />;
  }

  return (
    <div ref={containerRef}>
      <Table.ScrollContainer minWidth={1000} mt="sm">
        <Table highlightOnHover verticalSpacing="xs" aria-label="Tickets">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Due</Table.Th>
              <Table.Th>Priority</Table.Th>
              <Table.Th>Ticket</Table.Th>
              <Table.Th>Title</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Queue</Table.Th>
              <Table.Th>Assignee</Table.Th>
              <Table.Th>Requester</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tickets.isPending ? (
              <Table.Tr>
                <Table.Td colSpan={8}>
                  <Loader size="sm" aria-label="Loading tickets" />
                </Table.Td>
              </Table.Tr>
            ) : rows.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={8}>
                  <Text c="dimmed" size="sm">
                    No tickets here. Nice.
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              rows.map((ticket, index) => (
                <Table.Tr
                  key={ticket.id}
                  aria-selected={index === selected}
                  bg={index === selected ? 'blue.0' : undefined}
                  style={index === selected ? { boxShadow: 'inset 3px 0 0 var(--mantine-color-blue-6)' } : undefined}
                  onClick={() => select(index)}
                >
                  <Table.Td style={NOWRAP}>
                    <DueText dueAt={ticket.dueAt} now={now} />
                  </Table.Td>
                  <Table.Td>
                    <PriorityBadge priority={ticket.priority} />
                  </Table.Td>
                  <Table.Td style={NOWRAP}>
                    <Text span ff="monospace" size="sm">
                      {ticket.number}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={ticketPath(ticket.number)} size="sm" fw={500}>
                      {ticket.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={NOWRAP}>
                    <TicketStatusBadge status={ticket.status} />
                  </Table.Td>
                  <Table.Td>{ticket.queue.name}</Table.Td>
                  <Table.Td>
                    {ticket.assignee?.name ?? (
                      <Text span c="dimmed" size="sm">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {ticket.requester.name}
                    <Text span c="dimmed" size="xs">
                      {' '}
                      · {ticket.department.name}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {tickets.hasNextPage ? (
        <Group justify="center" mt="sm">
          <Button variant="default" loading={tickets.isFetchingNextPage} onClick={() => void tickets.fetchNextPage()}>
            Load more
          </Button>
        </Group>
      ) : null}
    </div>
  );
}
