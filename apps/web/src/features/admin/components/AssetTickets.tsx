import { Anchor } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { DataTable } from '../../../components/ui/DataTable';
import { PriorityBadge, TicketStatusBadge } from '../../../components/ui/TicketBadges';
import { ticketPath } from '../../../lib/tickets/ticket-paths';
import { kindLabel } from '../../../lib/tickets/ticket-vocabulary';
import { formatDateTime } from '../../../lib/time/format-date';
import { assetTicketsQueryOptions } from '../api/assets.queries';

/** The tickets about the asset, newest first, a page at a time. */
export function AssetTickets({ assetId }: { assetId: string }) {
  const tickets = useInfiniteQuery(assetTicketsQueryOptions(assetId));
  return (
    <DataTable
      label="Tickets about this asset"
      query={tickets}
      rows={tickets.data?.pages.flatMap((page) => page.items) ?? []}
      rowKey={(ticket) => ticket.id}
      errorTitle="Could not load the asset’s tickets"
      loadingLabel="Loading the asset’s tickets"
      empty="No tickets about this asset."
      minWidth={720}
      columns={[
        {
          header: 'Ticket',
          nowrap: true,
          cell: (ticket) => (
            <Anchor component={Link} to={ticketPath(ticket.number)} ff="monospace" size="sm">
              {ticket.number}
            </Anchor>
          ),
        },
        { header: 'Title', strong: true, cell: (ticket) => ticket.title },
        { header: 'Kind', nowrap: true, cell: (ticket) => kindLabel(ticket.kind) },
        { header: 'Priority', cell: (ticket) => <PriorityBadge priority={ticket.priority} /> },
        { header: 'Status', cell: (ticket) => <TicketStatusBadge status={ticket.status} /> },
        { header: 'Filed', nowrap: true, cell: (ticket) => formatDateTime(ticket.createdAt) },
      ]}
    />
  );
}
