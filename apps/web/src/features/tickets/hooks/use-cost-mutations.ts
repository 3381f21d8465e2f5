import { useMutation, useQueryClient } from '@tanstack/react-query';
import { referenceKeys } from '../../../lib/reference-data/reference-data.queries';
import { ticketKeys } from '../../../lib/tickets/tickets.queries';
import { addExpense, addWorkLog, deleteExpense, deleteWorkLog, updateExpense, updateWorkLog } from '../api/ticket-costs.queries';

/**
 * A write to one of the ticket's work logs or expenses: the totals change, the history gains an
 * event, and an asset's cost to date may change with them.
 */
function useCostMutation<TVariables, TData>(
  ticketId: string,
  write: (ticketId: string, variables: TVariables) => Promise<TData>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: TVariables) => write(ticketId, variables),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ticketKeys.costs(ticketId) }),
        queryClient.invalidateQueries({ queryKey: ticketKeys.events(ticketId) }),
        queryClient.invalidateQueries({ queryKey: referenceKeys.assetDetails() }),
      ]),
  });
}

export const useAddWorkLog = (ticketId: string) => useCostMutation(ticketId, addWorkLog);
export const useUpdateWorkLog = (ticketId: string) => useCostMutation(ticketId, updateWorkLog);
export const useDeleteWorkLog = (ticketId: string) => useCostMutation(ticketId, deleteWorkLog);
export const useAddExpense = (ticketId: string) => useCostMutation(ticketId, addExpense);
export const useUpdateExpense = (ticketId: string) => useCostMutation(ticketId, updateExpense);
export const useDeleteExpense = (ticketId: string) => useCostMutation(ticketId, deleteExpense);
