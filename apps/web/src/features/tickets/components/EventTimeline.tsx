import { Loader, Paper, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { categoryListQueryOptions, queueListQueryOptions } from '../../../lib/reference-data/reference-data.queries';
import { formatDateTime } from '../../../lib/time/format-date';
import { ticketEventsQueryOptions } from '../api/tickets.queries';
import { describeEvent, type NameLookup } from './event-text';

/** Every change to the ticket, oldest first, from the append-only event log. */
export function EventTimeline({ ticketId }: { ticketId: string }) {
  const events = useQuery(ticketEventsQueryOptions(ticketId));
  const queues = useQuery(queueListQueryOptions());
  const categories = useQuery(categoryListQueryOptions({ includeInactive: true }));
  const names: NameLookup = (kind, id) => {
    switch (kind) {
      case 'user':
        for (const queue of queues.data ?? []) {
          const person = queue.members.find((m) => m.id === id) ?? (queue.lead?.id === id ? queue.lead : undefined);
          if (person) return person.name;
        }
        return undefined;
      case 'queue':
        return queues.data?.find((q) => q.id === id)?.name;
      case 'category':
        return categories.data?.find((c) => c.id === id)?.name;
      default:
        return undefined;
    }
  };
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
              <Text size="sm">{describeEvent(event, names)}</Text>
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
