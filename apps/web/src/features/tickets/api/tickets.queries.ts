import { queryOptions } from '@tanstack/react-query';
import type {
  CreateCommentInput,
  CreateTicketInput,
  ReportPhishingInput,
  TicketComment,
  TicketDetail,
  TicketEvent,
  TicketSla,
  UpdateTicketInput,
} from '../../../lib/api/api-types';
import { api, unwrap } from '../../../lib/api/client';
import { ticketKeys } from '../../../lib/tickets/tickets.queries';

/** One ticket, by its number ("INC-000123") or id, as the address names it. */
export function ticketDetailQueryOptions(idOrNumber: string) {
  return queryOptions({
    queryKey: ticketKeys.detail(idOrNumber),
    queryFn: ({ signal }) => unwrap(api.GET('/api/tickets/{id}', { params: { path: { id: idOrNumber } }, signal })),
  });
}

export function ticketCommentsQueryOptions(ticketId: string) {
  return queryOptions({
    queryKey: ticketKeys.comments(ticketId),
    queryFn: async ({ signal }): Promise<TicketComment[]> =>
      (await unwrap(api.GET('/api/tickets/{id}/comments', { params: { path: { id: ticketId } }, signal }))).items,
  });
}

export function ticketEventsQueryOptions(ticketId: string) {
  return queryOptions({
    queryKey: ticketKeys.events(ticketId),
    queryFn: async ({ signal }): Promise<TicketEvent[]> =>
      (await unwrap(api.GET('/api/tickets/{id}/events', { params: { path: { id: ticketId } }, signal }))).items,
  });
}

/** The ticket's SLA timeline, computed by the API at the moment it answers. */
export function ticketSlaQueryOptions(ticketId: string) {
  return queryOptions({
    queryKey: ticketKeys.sla(ticketId),
    queryFn: ({ signal }): Promise<TicketSla> =>
      unwrap(api.GET('/api/tickets/{id}/sla', { params: { path: { id: ticketId } }, signal })),
  });
}

export function createTicket(input: CreateTicketInput): Promise<TicketDetail> {
  return unwrap(api.POST('/api/tickets', { body: input }));
}

export function reportPhishing(input: ReportPhishingInput): Promise<TicketDetail> {
  return unwrap(api.POST('/api/tickets/report-phishing', { body: input }));
}

/** Changes to a ticket; the caller's `version` makes the API refuse a stale write with 409. */
export function updateTicket({ id, changes }: { id: string; changes: UpdateTicketInput }): Promise<TicketDetail> {
  return unwrap(api.PATCH('/api/tickets/{id}', { params: { path: { id } }, body: changes }));
}

export function addComment({ ticketId, input }: { ticketId: string; input: CreateCommentInput }): Promise<TicketComment> {
  return unwrap(api.POST('/api/tickets/{id}/comments', { params: { path: { id: ticketId } }, body: input }));
}

export function confirmTicket(ticketId: string): Promise<TicketDetail> {
  return unwrap(api.POST('/api/tickets/{id}/confirm', { params: { path: { id: ticketId } } }));
}

export function reopenTicket({ ticketId, reason }: { ticketId: string; reason?: string }): Promise<TicketDetail> {
  return unwrap(api.POST('/api/tickets/{id}/reopen', { params: { path: { id: ticketId } }, body: reason ? { reason } : {} }));
}
