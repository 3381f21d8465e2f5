import { Anchor, Button } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { DataTable } from '../../../components/ui/DataTable';
import { PageHeader } from '../../../components/ui/PageHeader';
import { TicketStatusBadge } from '../../../components/ui/TicketBadges';
import { GET_HELP_PATH, ticketPath } from '../../../lib/tickets/ticket-paths';
import { ticketListQueryOptions } from '../../../lib/tickets/tickets.queries';
import { formatDateTime } from '../../../lib/time/format-date';
import { ReportPhishingButton } from './ReportPhishingButton';

export function MyTicketsPage() {
  const tickets = useInfiniteQuery(ticketListQueryOptions({ requesterId: 'me', sort: 'updated' }));

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
      <DataTable
        label="My tickets"
        query={tickets}
        rows={tickets.data?.pages.flatMap((page) => page.items) ?? []}
        rowKey={(ticket) => ticket.id}
        errorTitle="Could not load your tickets"
        loadingLabel="Loading your tickets"
        empty="You have no tickets yet. Use Get help when something is wrong."
        minWidth={640}
        columns={[
          {
            header: 'Ticket',
            cell: (ticket) => (
              <Anchor component={Link} to={ticketPath(ticket.number)} ff="monospace" size="sm">
                {ticket.number}
              </Anchor>
            ),
          },
          { header: 'What’s wrong', cell: (ticket) => ticket.title },
          { header: 'Status', cell: (ticket) => <TicketStatusBadge status={ticket.status} /> },
          { header: 'Last change', cell: (ticket) => formatDateTime(ticket.updatedAt) },
        ]}
      />
    </>
  );
}
