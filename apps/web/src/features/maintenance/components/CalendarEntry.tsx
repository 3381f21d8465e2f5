import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { TicketStatusBadge, WORD_BADGE_STYLES } from '../../../components/ui/TicketBadges';
import { formatWorkMinutes } from '../../../lib/time/durations';
import { formatDateTime } from '../../../lib/time/format-date';
import { ticketPath } from '../../../lib/tickets/ticket-paths';
import type { CalendarItem } from '../api/maintenance-types';
import { timeOfDay } from './date-words';

interface CalendarEntryProps {
  item: CalendarItem;
  /** The list view says more: time, queue, assignee, asset and effort. */
  detailed?: boolean;
}

/**
 * One piece of maintenance work on the calendar. Generated work links to its ticket; work not
 * generated yet says "Planned" in words and has a dashed border, never colour alone.
 */
export function CalendarEntry({ item, detailed = false }: CalendarEntryProps) {
  return (
    <Paper
      withBorder
      p={4}
      px={6}
      radius="sm"
      bg={item.projected ? undefined : 'blue.0'}
      style={item.projected ? { borderStyle: 'dashed' } : undefined}
    >
      <Stack gap={2}>
        <Group gap={6} wrap="nowrap" align="flex-start">
          {item.projected ? (
            <Badge size="xs" variant="outline" color="gray" styles={WORD_BADGE_STYLES}>
              Planned
            </Badge>
          ) : null}
          <EntryTitle item={item} />
        </Group>
        {detailed ? <EntryDetails item={item} /> : null}
      </Stack>
    </Paper>
  );
}

function EntryTitle({ item }: { item: CalendarItem }) {
  const count = item.projected && item.tickets > 1 ? ` (${item.tickets} tickets)` : '';
  if (item.projected || !item.number) {
    return (
      <Text size="xs" lh={1.3}>
        {item.title}
        {count}
      </Text>
    );
  }
  return (
    <Anchor component={Link} to={ticketPath(item.number)} size="xs" lh={1.3}>
      <strong>{item.number}</strong> {item.title}
    </Anchor>
  );
}

function EntryDetails({ item }: { item: CalendarItem }) {
  const facts = [
    `Due ${timeOfDay(item.dueAt)}`,
    item.queue.name,
    item.assignee ? item.assignee.name : 'Unassigned',
    item.asset,
    item.estimatedMinutes ? `about ${formatWorkMinutes(item.estimatedMinutes)}` : null,
    item.projected && item.createAt ? `ticket created ${formatDateTime(item.createAt)}` : null,
  ].filter((fact): fact is string => Boolean(fact));
  return (
    <Group gap="xs">
      {item.status ? <TicketStatusBadge status={item.status} /> : null}
      <Text size="xs" c="dimmed">
        {facts.join(' · ')} · {item.plan.name}
      </Text>
    </Group>
  );
}
