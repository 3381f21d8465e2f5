import { Badge } from '@mantine/core';
import type { Priority, TicketStatus } from '../../lib/api/api-types';
import { priorityColor, statusColor, statusLabel } from '../../lib/tickets/ticket-vocabulary';

/** Badges that speak in words: as written, and never cut to "Waiting on r…" in a narrow table cell. */
export const WORD_BADGE_STYLES = {
  root: { textTransform: 'none', minWidth: 'max-content' },
  label: { overflow: 'visible' },
} as const;

export function TicketStatusBadge({ status }: { status: TicketStatus }) {
  return (
    <Badge color={statusColor(status)} variant="light" styles={WORD_BADGE_STYLES}>
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
