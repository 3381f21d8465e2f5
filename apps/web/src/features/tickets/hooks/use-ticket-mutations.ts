import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { errorMessage, isApiError } from '../../../lib/api/api-error';
import type { TicketDetail, UpdateTicketInput } from '../../../lib/api/api-types';
import { ticketKeys } from '../../../lib/tickets/tickets.queries';
import { addComment, confirmTicket, createTicket, reopenTicket, reportPhishing, updateTicket } from '../api/tickets.queries';

export const VERSION_CONFLICT_MESSAGE = 'Someone else changed this ticket — reloaded';

/** A changed ticket: show it at once and refresh everything that lists or counts it. */
function ticketChanged(queryClient: QueryClient, ticket: TicketDetail): Promise<unknown> {
  queryClient.setQueryData(ticketKeys.detail(ticket.number), ticket);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ticketKeys.detail(ticket.id) }),
    queryClient.invalidateQueries({ queryKey: ticketKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: ticketKeys.counts() }),
    queryClient.invalidateQueries({ queryKey: ticketKeys.events(ticket.id) }),
    queryClient.invalidateQueries({ queryKey: ticketKeys.sla(ticket.id) }),
  ]);
}

export function useCreateTicket() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createTicket, onSuccess: (ticket) => ticketChanged(queryClient, ticket) });
}

export function useReportPhishing() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: reportPhishing, onSuccess: (ticket) => ticketChanged(queryClient, ticket) });
}

export type TicketChanges = Omit<UpdateTicketInput, 'version'>;

/**
 * Edits `ticket`, sending the version this screen shows. When someone else saved first (409
 * version_conflict) the ticket is fetched again and the person told so; nothing is retried blindly.
 */
export function useUpdateTicket(ticket: TicketDetail) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: TicketChanges) => updateTicket({ id: ticket.id, changes: { ...changes, version: ticket.version } }),
    onSuccess: (updated) => ticketChanged(queryClient, updated),
    onError: async (error) => {
      if (isApiError(error) && error.code === 'version_conflict') {
        notifications.show({ color: 'orange', title: 'Not saved', message: VERSION_CONFLICT_MESSAGE });
        await queryClient.invalidateQueries({ queryKey: ticketKeys.details() });
        await queryClient.invalidateQueries({ queryKey: ticketKeys.events(ticket.id) });
        await queryClient.invalidateQueries({ queryKey: ticketKeys.sla(ticket.id) });
        return;
      }
      notifications.show({ color: 'red', title: 'Could not change the ticket', message: errorMessage(error) });
    },
  });
}

export function useAddComment(ticket: TicketDetail) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: string; internal: boolean }) => addComment({ ticketId: ticket.id, input }),
    // A reply may move the ticket (a requester's reply reopens or resumes it) and counts as a first response.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ticketKeys.comments(ticket.id) }),
        queryClient.invalidateQueries({ queryKey: ticketKeys.events(ticket.id) }),
        queryClient.invalidateQueries({ queryKey: ticketKeys.sla(ticket.id) }),
        queryClient.invalidateQueries({ queryKey: ticketKeys.details() }),
        queryClient.invalidateQueries({ queryKey: ticketKeys.lists() }),
      ]),
  });
}

export function useConfirmTicket(ticket: TicketDetail) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: () => confirmTicket(ticket.id), onSuccess: (updated) => ticketChanged(queryClient, updated) });
}

export function useReopenTicket(ticket: TicketDetail) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => reopenTicket({ ticketId: ticket.id, reason: reason || undefined }),
    onSuccess: (updated) => ticketChanged(queryClient, updated),
  });
}
