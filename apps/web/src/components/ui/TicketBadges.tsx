import { Badge, Text } from '@mantine/core';
import type { Priority, TicketStatus } from '../../lib/api/api-types';
import { priorityColor, statusColor, statusLabel } from '../../lib/tickets/ticket-vocabulary';
import { dueCountdown } from '../../lib/time/due-countdown';

/** Status words are short; a narrow table cell must not cut them to "Waiting on r…". */
const NEVER_TRUNCATED = { root: { textTransform: 'none', minWidth: 'max-content' }, label: { overflow: 'visible' } } as const;

export function TicketStatusBadge({ status }: { status: TicketStatus }) {
  return (
    <Badge color={statusColor(status)} variant="light" styles={NEVER_TRUNCATED}>
      {statusLabel(status)}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  return (
    <Badge color={priorityColor(priority)} variant={priority === 'P1' ? 'filled' : 'light'} aria-label={`Priority ${priority}`}>
      {priority}
    </Badge>
  );
}

interface DueTextProps {
  dueAt: string | null;
  /** The page's clock (see useNow), so every countdown on a page ticks from one timer. */
  now: number;
  size?: 'xs' | 'sm' | 'md';
}

/** "due in 2 h 10 min", or "overdue by 15 min" in red. */
export function DueText({ dueAt, now, size = 'sm' }: DueTextProps) {
  if (!dueAt) {
    return (
      <Text span size={size} c="dimmed">
        No due time
      </Text>
    );
  }
  const { text, overdue } = dueCountdown(dueAt, now);
  return (
    <Text
      span
      size={size}
      c={overdue ? 'red.7' : undefined}
      fw={overdue ? 600 : undefined}
      title={new Date(dueAt).toLocaleString()}
    >
      {text}
    </Text>
  );
}
