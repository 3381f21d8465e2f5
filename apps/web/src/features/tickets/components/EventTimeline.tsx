import { Loader, Paper, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { formatDateTime } from '../../../lib/time/format-date';
import { ticketEventsQueryOptions } from '../api/tickets.queries';
import { describeEvent } from './event-text';

/**
 * Every change to the ticket, oldest first, from the append-only event log. Events name the records
 * they point to as they were named then, so the trail needs no other lists.
 */
export function EventTimeline({ ticketId }: { ticketId: string }) {
  const events = useQuery(ticketEventsQueryOptions(ticketId));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="ticket-history">
      <Title order={3} size="h5" id="ticket-history" mb="sm">
        History
      </Title>
      {events.isPending ? (
        <Loader size="sm" aria-label="Loading history" />
      ) : events.isError ? (
        <ErrorAlert title="Could not load the history" error={events.error} onRetry={() => void events.refetch()} />
      ) : (
        <Timeline bulletSize={12} lineWidth={2} active={events.data.length - 1}>
          {events.data.map((event) => (
            <Timeline.Item key={event.id}>
              <Text size="sm">{describeEvent(event)}</Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(event.createdAt)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
