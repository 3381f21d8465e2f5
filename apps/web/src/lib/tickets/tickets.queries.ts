import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { TicketListQuery } from '../api/api-types';
import { api, unwrap } from '../api/client';

/** A ticket list's filters: everything the list endpoint takes except the page cursor. */
export type TicketListFilters = Omit<TicketListQuery, 'cursor'>;

/**
 * The one key factory for ticket data. It lives in lib because two features read tickets (the
 * requester's screens and the staff queue) and a change in either must refresh the other's lists.
 */
export const ticketKeys = {
  all: ['tickets'] as const,
  lists: () => [...ticketKeys.all, 'list'] as const,
  list: (filters: TicketListFilters) => [...ticketKeys.lists(), filters] as const,
  /** The maintenance calendar lists tickets too: a changed ticket refreshes it with the other lists. */
  maintenanceCalendars: () => [...ticketKeys.lists(), 'maintenance-calendar'] as const,
  counts: () => [...ticketKeys.all, 'counts'] as const,
  details: () => [...ticketKeys.all, 'detail'] as const,
  /** A ticket by what the address names it with: its number ("INC-000123") or its id. */
  detail: (idOrNumber: string) => [...ticketKeys.details(), idOrNumber] as const,
  comments: (ticketId: string) => [...ticketKeys.all, 'comments', ticketId] as const,
  events: (ticketId: string) => [...ticketKeys.all, 'events', ticketId] as const,
  sla: (ticketId: string) => [...ticketKeys.all, 'sla', ticketId] as const,
  /** Work logs, expenses and their totals (staff only). */
  costs: (ticketId: string) => [...ticketKeys.all, 'costs', ticketId] as const,
};

/** Tickets a page at a time (keyset cursor); `nextCursor` is null on the last page. */
export function ticketListQueryOptions(filters: TicketListFilters) {
  return infiniteQueryOptions({
    queryKey: ticketKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      unwrap(api.GET('/api/tickets', { params: { query: { ...filters, ...(pageParam ? { cursor: pageParam } : {}) } }, signal })),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function ticketCountsQueryOptions() {
  return queryOptions({
    queryKey: ticketKeys.counts(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/tickets/counts', { signal })),
  });
}
