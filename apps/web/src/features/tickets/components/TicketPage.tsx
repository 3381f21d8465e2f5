import { Anchor, Badge, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { FactList, type Fact } from '../../../components/ui/FactList';
import { FullPageLoader } from '../../../components/ui/FullPageLoader';
import { SlaChip } from '../../../components/ui/SlaChip';
import { PriorityBadge, TicketStatusBadge } from '../../../components/ui/TicketBadges';
import { isApiError } from '../../../lib/api/api-error';
import type { TicketDetail } from '../../../lib/api/api-types';
import { assetPath } from '../../../lib/assets/asset-paths';
import { MY_TICKETS_PATH } from '../../../lib/tickets/ticket-paths';
import { impactLabel, kindLabel, urgencyLabel, workClassLabel } from '../../../lib/tickets/ticket-vocabulary';
import { formatDateTime } from '../../../lib/time/format-date';
import { useNow } from '../../../lib/time/use-now';
import { ticketDetailQueryOptions } from '../api/tickets.queries';
import { Conversation } from './Conversation';
import { CostsPanel } from './CostsPanel';
import { EventTimeline } from './EventTimeline';
import { ResolutionActions } from './ResolutionActions';
import { SlaTimelinePanel } from './SlaTimelinePanel';
import { StaffPanel } from './StaffPanel';

/** One ticket, for everyone who may see it; staff also get the work panel and the history. */
export function TicketPage() {
  const { number = '' } = useParams();
  const ticket = useQuery({ ...ticketDetailQueryOptions(number), refetchInterval: 30_000 });

  if (ticket.isPending) return <FullPageLoader label="Loading the ticket" />;
  if (ticket.isError) {
    if (isApiError(ticket.error) && ticket.error.statusCode === 404) {
      return (
        <Stack>
          <Title order={2}>Ticket not found</Title>
          <Text>
            There is no ticket {number}, or you may not see it.{' '}
            <Anchor component={Link} to={MY_TICKETS_PATH}>
              Back to my tickets
            </Anchor>
          </Text>
        </Stack>
      );
    }
    return <ErrorAlert title="Could not load the ticket" error={ticket.error} onRetry={() => void ticket.refetch()} />;
  }
  return <TicketWorkspace ticket={ticket.data} />;
}

function TicketWorkspace({ ticket }: { ticket: TicketDetail }) {
  const now = useNow();
  const staff = ticket.can.work;

  return (
    <Stack gap="md">
      <div>
        <Group gap="xs" mb={4}>
          <Text ff="monospace" c="dimmed" size="sm">
            {ticket.number}
          </Text>
          <TicketStatusBadge status={ticket.status} />
          {staff ? <PriorityBadge priority={ticket.priority} /> : null}
          <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
            {kindLabel(ticket.kind)}
          </Badge>
          <SlaChip sla={ticket.sla} dueAt={ticket.dueAt} now={now} />
        </Group>
        <Title order={2}>{ticket.title}</Title>
      </div>
      <ResolutionActions ticket={ticket} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: staff ? 8 : 12 }}>
          <Stack gap="md">
            <Paper withBorder p="md" component="section" aria-label="Description">
              <Text
                size="sm"
                style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                c={ticket.description ? undefined : 'dimmed'}
              >
                {ticket.description || 'No description.'}
              </Text>
            </Paper>
            <TicketFacts ticket={ticket} staff={staff} />
            <Conversation ticket={ticket} />
          </Stack>
        </Grid.Col>
        {staff ? (
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="md">
              <StaffPanel ticket={ticket} />
              <EventTimeline ticketId={ticket.id} />
            </Stack>
          </Grid.Col>
        ) : null}
      </Grid>
      {/* Requesters never see costs: the panel, and its request, are for staff only. */}
      {staff ? <CostsPanel ticket={ticket} /> : null}
      <SlaTimelinePanel ticket={ticket} />
    </Stack>
  );
}

function TicketFacts({ ticket, staff }: { ticket: TicketDetail; staff: boolean }) {
  const asset = ticket.asset;
  const facts: Fact[] = [
    ['Requester', `${ticket.requester.name} · ${ticket.department.name}`],
    ['Queue', ticket.queue.name],
    ['Assignee', ticket.assignee?.name ?? 'Not assigned yet'],
    ['Category', ticket.category?.name ?? '—'],
    [
      'Device',
      !asset ? (
        '—'
      ) : staff ? (
        <Anchor component={Link} to={assetPath(asset.id)} size="sm">
          {asset.tag} · {asset.name}
        </Anchor>
      ) : (
        `${asset.tag} · ${asset.name}`
      ),
    ],
    ['Impact', impactLabel(ticket.impact)],
    ['Urgency', urgencyLabel(ticket.urgency)],
    ['Filed', formatDateTime(ticket.createdAt)],
  ];
  if (staff && ticket.workClass) facts.push(['Work class', workClassLabel(ticket.workClass)]);
  if (staff && ticket.priorityOverrideReason) facts.push(['Priority override', ticket.priorityOverrideReason]);
  if (ticket.reopenCount > 0) facts.push(['Reopened', `${ticket.reopenCount} time${ticket.reopenCount === 1 ? '' : 's'}`]);
  if (ticket.resolvedAt) facts.push(['Resolved', formatDateTime(ticket.resolvedAt)]);

  return (
    <Paper withBorder p="md">
      <FactList label="Ticket details" facts={facts} />
    </Paper>
  );
}
