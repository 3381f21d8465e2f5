import { Badge, Group, Table } from '@mantine/core';
import { WORD_BADGE_STYLES } from '../../../components/ui/TicketBadges';
import type { SlaTargetClock, TicketSla } from '../../../lib/api/api-types';
import { targetClock } from '../../../lib/tickets/sla-state';
import { SLA_TARGETS, slaTargetLabel, slaTargetStateWords } from '../../../lib/tickets/sla-vocabulary';
import { formatMinutes } from '../../../lib/time/due-countdown';
import { formatDateTime } from '../../../lib/time/format-date';

/** Business minutes in hours and minutes (a business day is not 24 hours). */
function businessTime(minutes: number): string {
  return minutes === 0 ? 'none' : formatMinutes(minutes, { days: false });
}

function remaining(clock: SlaTargetClock): string {
  if (clock.state === 'met' || clock.state === 'canceled') return '—';
  if (clock.remainingMinutes < 0) return `${businessTime(-clock.remainingMinutes)} over`;
  return `${businessTime(clock.remainingMinutes)} left`;
}

function dueOrStopped(clock: SlaTargetClock): string {
  if (clock.stoppedAt) return `Stopped ${formatDateTime(clock.stoppedAt)}`;
  if (clock.dueAt) return `Due ${formatDateTime(clock.dueAt)}`;
  return 'No due time while paused';
}

/** Each target the policy sets: its time, what the clock used, what is left, when it is due, and how it stands. */
export function SlaTargetsTable({ sla }: { sla: TicketSla }) {
  const rows = SLA_TARGETS.flatMap((target) => {
    const clock = targetClock(sla, target);
    return clock ? [{ target, clock }] : [];
  });
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" aria-label="SLA targets" captionSide="bottom">
        <Table.Caption>In business time{sla.calendar ? ` of ${sla.calendar.name}` : ''}.</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {['Target', 'Time allowed', 'Elapsed', 'Paused', 'Remaining', 'Due or stopped', 'State'].map((header) => (
              <Table.Th key={header}>{header}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ target, clock }) => {
            const state = slaTargetStateWords(clock.state);
            return (
              <Table.Tr key={target}>
                <Table.Th scope="row">{slaTargetLabel(target)}</Table.Th>
                <Table.Td>{businessTime(clock.targetMinutes)}</Table.Td>
                <Table.Td>{businessTime(clock.elapsedMinutes)}</Table.Td>
                <Table.Td>{businessTime(clock.pausedMinutes)}</Table.Td>
                <Table.Td>{remaining(clock)}</Table.Td>
                <Table.Td>{dueOrStopped(clock)}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Badge color={state.color} variant="light" styles={WORD_BADGE_STYLES}>
                      {state.label}
                    </Badge>
                    {/* A paused or stopped clock may have gone past due before. */}
                    {clock.breached && clock.state !== 'breached' ? (
                      <Badge color="red" variant="light" styles={WORD_BADGE_STYLES}>
                        Breached
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
