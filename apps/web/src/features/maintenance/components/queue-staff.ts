import type { ComboboxItemGroup, ComboboxItem } from '@mantine/core';
import type { Queue } from '../../../lib/api/api-types';

/**
 * The staff the app can name: every queue's lead and members. (Managers may not list users;
 * the queues are what they can read.)
 */
export function staffNames(queues: readonly Queue[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const queue of queues) {
    if (queue.lead) names.set(queue.lead.id, queue.lead.name);
    for (const member of queue.members) if (member.role !== 'requester') names.set(member.id, member.name);
  }
  return names;
}

const byLabel = (a: ComboboxItem, b: ComboboxItem) => a.label.localeCompare(b.label);

/**
 * Assignee choices: the chosen queue's people first, then everyone else the queues name; a current
 * assignee whom no queue names stays choosable.
 */
export function assigneeOptions(
  queues: readonly Queue[],
  queueId: string | null,
  current: string | null,
): ComboboxItemGroup<ComboboxItem>[] {
  const everyone = staffNames(queues);
  const queue = queues.find((candidate) => candidate.id === queueId);
  const own = queue ? staffNames([queue]) : new Map<string, string>();
  const items = (names: Map<string, string>) => [...names].map(([value, label]) => ({ value, label })).sort(byLabel);
  const others = new Map([...everyone].filter(([id]) => !own.has(id)));
  const unnamed = current !== null && !everyone.has(current);
  return [
    ...(unnamed ? [{ group: 'Current', items: [{ value: current, label: 'The current assignee (in no queue)' }] }] : []),
    ...(queue ? [{ group: `In ${queue.name}`, items: items(own) }] : []),
    { group: queue ? 'Other staff' : 'Staff', items: items(others) },
  ].filter((group) => group.items.length > 0);
}
