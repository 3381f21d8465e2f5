import { Anchor, Button, Group, Loader, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { PageHeader } from '../../../components/ui/PageHeader';
import { TicketStatusBadge } from '../../../components/ui/TicketBadges';
import { GET_HELP_PATH, ticketPath } from '../../../lib/tickets/ticket-paths';
import { ticketListQueryOptions } from '../../../lib/tickets/tickets.queries';
import { formatDateTime } from '../../../lib/time/format-date';
import { ReportPhishingButton } from './ReportPhishingButton';

export function MyTicketsPage() {
  const tickets = useInfiniteQuery(ticketListQueryOptions({ requesterId: 'me', sort: 'updated' }));
  const rows = tickets.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader
        title="My tickets"
        description="Everything you asked IT for, most recently changed first."
        actions={
          <>
            <Button component={Link} to={GET_HELP_PATH} variant="default" size="md">
              Get help
            </Button>
            <ReportPhishingButton />
          </>
        }
      />
      {tickets.isError ? (
        <ErrorAlert title="Could not load your tickets" error={tickets.error} onRetry={() => void tickets.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="xs" aria-label="My tickets">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Ticket</Table.Th>
                <Table.Th>What’s wrong</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Last change</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tickets.isPending ? (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Loader size="sm" aria-label="Loading your tickets" />
                  </Table.Td>
                </Table.Tr>
              ) : rows.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text c="dimmed" size="sm">
                      You have no tickets yet. Use Get help when something is wrong.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : (
                rows.map((ticket) => (
                  <Table.Tr key={ticket.id}>
                    <Table.Td>
                      <Anchor component={Link} to={ticketPath(ticket.number)} ff="monospace" size="sm">
                        {ticket.number}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{ticket.title}</Table.Td>
                    <Table.Td>
                      <TicketStatusBadge status={ticket.status} />
                    </Table.Td>
                    <Table.Td>{formatDateTime(ticket.updatedAt)}</Table.Td>
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {tickets.hasNextPage ? (
        <Group justify="center" mt="sm">
          <Button variant="default" loading={tickets.isFetchingNextPage} onClick={() => void tickets.fetchNextPage()}>
            Load more
          </Button>
        </Group>
      ) : null}
    </>
  );
}
