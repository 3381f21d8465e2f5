import { useQuery } from '@tanstack/react-query';
import type { TicketDetail } from '../../../lib/api/api-types';
import { queueListQueryOptions } from '../../../lib/reference-data/reference-data.queries';

export interface Person {
  id: string;
  name: string;
}

/** Who works the ticket: its queue's members, and its assignee when no longer one of them. */
export function useTicketStaff(ticket: TicketDetail) {
  const queues = useQuery(queueListQueryOptions());
  const members: Person[] = (queues.data?.find((q) => q.id === ticket.queue.id)?.members ?? []).map(({ id, name }) => ({
    id,
    name,
  }));
  const assignee = ticket.assignee;
  const people = assignee && !members.some((m) => m.id === assignee.id) ? [...members, assignee] : members;
  return { queues, people };
}

/** People as select options, the signed-in person marked "(me)". */
export function personOptions(people: readonly Person[], meId: string): { value: string; label: string }[] {
  return people.map((p) => ({ value: p.id, label: p.id === meId ? `${p.name} (me)` : p.name }));
}
