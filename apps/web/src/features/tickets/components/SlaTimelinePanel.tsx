import { List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import type { TicketDetail, TicketSla } from '../../../lib/api/api-types';
import { countOf } from '../../../lib/text/count-of';
import { slaMatchReasonWords } from '../../../lib/tickets/sla-vocabulary';
import { formatMinutes } from '../../../lib/time/due-countdown';
import { formatDateTime } from '../../../lib/time/format-date';
import { ticketSlaQueryOptions } from '../api/tickets.queries';
import { SlaEscalationsTable } from './SlaEscalationsTable';
import { SlaSegmentBar } from './SlaSegmentBar';
import { SlaTargetsTable } from './SlaTargetsTable';

/** Elapsed and remaining minutes are as of the answer; ask again now and then on a page left open. */
const SLA_REFRESH_MS = 60_000;

/** The ticket's SLA timeline (brief rule 9): policy, targets, clock stretches, policy changes and, for staff, escalations. */
export function SlaTimelinePanel({ ticket }: { ticket: TicketDetail }) {
  const sla = useQuery({ ...ticketSlaQueryOptions(ticket.id), refetchInterval: SLA_REFRESH_MS });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="ticket-sla">
      <Title order={3} size="h5" id="ticket-sla" mb="sm">
        SLA timeline
      </Title>
      {sla.isPending ? (
        <Loader size="sm" aria-label="Loading the SLA timeline" />
      ) : sla.isError ? (
        <ErrorAlert title="Could not load the SLA timeline" error={sla.error} onRetry={() => void sla.refetch()} />
      ) : (
        <SlaTimeline sla={sla.data} staff={ticket.can.work} />
      )}
    </Paper>
  );
}

function SlaTimeline({ sla, staff }: { sla: TicketSla; staff: boolean }) {
  if (!sla.policy) {
    return (
      <Text size="sm" c="dimmed">
        No SLA policy applies to this ticket.
      </Text>
    );
  }
  return (
    <Stack gap="md">
      <div>
        <Text size="sm">
          Policy <strong>{sla.policy.name}</strong> (version {sla.policy.version})
          {sla.policy.active ? '' : ' — inactive, so no escalations fire'}
        </Text>
        {sla.calendar ? (
          <Text size="sm">
            Business hours: {sla.calendar.name} ({sla.calendar.timeZone})
          </Text>
        ) : null}
        {sla.reopenCount > 0 ? (
          <Text size="sm">
            Reopened {countOf(sla.reopenCount, 'time', 'times')}
            {sla.firstResolutionMinutes !== null
              ? `; first resolved after ${formatMinutes(sla.firstResolutionMinutes, { days: false })} of business time`
              : ''}
          </Text>
        ) : null}
      </div>
      <SlaTargetsTable sla={sla} />
      <Part title="Clock">
        <SlaSegmentBar segments={sla.segments} />
      </Part>
      {sla.policyMatches.length > 0 ? (
        <Part title="Policy applied">
          <List size="sm" spacing={4} aria-label="Policy applied">
            {sla.policyMatches.map((match) => (
              <List.Item key={`${match.at}-${match.policy.versionId}`}>
                “{match.policy.name}” (version {match.policy.version}) {slaMatchReasonWords(match.reason)},{' '}
                {formatDateTime(match.at)}
              </List.Item>
            ))}
          </List>
        </Part>
      ) : null}
      {staff ? (
        <Part title="Escalations">
          <SlaEscalationsTable sla={sla} />
        </Part>
      ) : null}
    </Stack>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <Title order={4} size="h6" mb={4}>
        {title}
      </Title>
      {children}
    </div>
  );
}
