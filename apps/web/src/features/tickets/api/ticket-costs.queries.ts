import { queryOptions } from '@tanstack/react-query';
import type {
  CreateExpenseInput,
  CreateWorkLogInput,
  Expense,
  TicketCosts,
  UpdateExpenseInput,
  UpdateWorkLogInput,
  WorkLog,
} from '../../../lib/api/api-types';
import { api, unwrap } from '../../../lib/api/client';
import { ticketKeys } from '../../../lib/tickets/tickets.queries';

/** Changes to one work log or expense, by its id. */
export interface EntryChanges<T> {
  id: string;
  changes: T;
}

/** Time and money on a ticket: work logs, expenses and their totals. Staff only; anyone else gets 404. */
export function ticketCostsQueryOptions(ticketId: string) {
  return queryOptions({
    queryKey: ticketKeys.costs(ticketId),
    queryFn: ({ signal }): Promise<TicketCosts> =>
      unwrap(api.GET('/api/tickets/{id}/costs', { params: { path: { id: ticketId } }, signal })),
  });
}

export function addWorkLog(ticketId: string, input: CreateWorkLogInput): Promise<WorkLog> {
  return unwrap(api.POST('/api/tickets/{id}/work-logs', { params: { path: { id: ticketId } }, body: input }));
}

/** A new date or number of minutes is costed again at the rate in force on the (new) day. */
export function updateWorkLog(ticketId: string, { id, changes }: EntryChanges<UpdateWorkLogInput>): Promise<WorkLog> {
  return unwrap(
    api.PATCH('/api/tickets/{id}/work-logs/{logId}', { params: { path: { id: ticketId, logId: id } }, body: changes }),
  );
}

export async function deleteWorkLog(ticketId: string, logId: string): Promise<void> {
  await unwrap(api.DELETE('/api/tickets/{id}/work-logs/{logId}', { params: { path: { id: ticketId, logId } } }));
}

export function addExpense(ticketId: string, input: CreateExpenseInput): Promise<Expense> {
  return unwrap(api.POST('/api/tickets/{id}/expenses', { params: { path: { id: ticketId } }, body: input }));
}

export function updateExpense(ticketId: string, { id, changes }: EntryChanges<UpdateExpenseInput>): Promise<Expense> {
  return unwrap(
    api.PATCH('/api/tickets/{id}/expenses/{expenseId}', { params: { path: { id: ticketId, expenseId: id } }, body: changes }),
  );
}

export async function deleteExpense(ticketId: string, expenseId: string): Promise<void> {
  await unwrap(api.DELETE('/api/tickets/{id}/expenses/{expenseId}', { params: { path: { id: ticketId, expenseId } } }));
}
