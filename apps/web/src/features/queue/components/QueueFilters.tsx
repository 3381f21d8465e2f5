import { Group, MultiSelect, Select, TextInput } from '@mantine/core';
import type { Priority, TicketKind, TicketStatus } from '../../../lib/api/api-types';
import { kindLabel, PRIORITIES, statusLabel, TICKET_KINDS, TICKET_STATUSES } from '../../../lib/tickets/ticket-vocabulary';

export type QueueSort = 'due' | 'priority' | 'created' | 'updated';

export const QUEUE_SORTS: { value: QueueSort; label: string }[] = [
  { value: 'due', label: 'Due soonest' },
  { value: 'priority', label: 'Priority' },
  { value: 'created', label: 'Newest' },
  { value: 'updated', label: 'Recently changed' },
];

export interface QueueFilterValues {
  priority: Priority | null;
  statuses: TicketStatus[];
  kind: TicketKind | null;
  search: string;
  sort: QueueSort;
}

interface QueueFiltersProps {
  values: QueueFilterValues;
  onChange: (changes: Partial<QueueFilterValues>) => void;
}

export function QueueFilters({ values, onChange }: QueueFiltersProps) {
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        label="Search"
        placeholder="Ticket number or words"
        value={values.search}
        onChange={(event) => onChange({ search: event.currentTarget.value })}
        w={240}
      />
      <Select
        label="Priority"
        placeholder="Any"
        data={PRIORITIES.map((p) => ({ value: p, label: p }))}
        value={values.priority}
        onChange={(value) => onChange({ priority: PRIORITIES.find((p) => p === value) ?? null })}
        clearable
        w={110}
      />
      <MultiSelect
        label="Status"
        placeholder={values.statuses.length === 0 ? 'All open' : undefined}
        data={TICKET_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
        value={values.statuses}
        onChange={(value) => onChange({ statuses: TICKET_STATUSES.filter((s) => value.includes(s)) })}
        clearable
        w={260}
      />
      <Select
        label="Kind"
        placeholder="Any"
        data={TICKET_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
        value={values.kind}
        onChange={(value) => onChange({ kind: TICKET_KINDS.find((k) => k === value) ?? null })}
        clearable
        w={170}
      />
      <Select
        label="Sort"
        data={QUEUE_SORTS}
        value={values.sort}
        onChange={(value) => onChange({ sort: QUEUE_SORTS.find((s) => s.value === value)?.value ?? 'due' })}
        allowDeselect={false}
        w={170}
      />
    </Group>
  );
}
