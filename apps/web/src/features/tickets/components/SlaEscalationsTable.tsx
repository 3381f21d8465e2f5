import { Table, Text } from '@mantine/core';
import { Dimmed } from '../../../components/ui/DataTable';
import type { ReactNode } from 'react';
import type { TicketEscalation, TicketSla } from '../../../lib/api/api-types';
import { targetClock } from '../../../lib/tickets/sla-state';
import { escalationActionWords, slaTargetLabel } from '../../../lib/tickets/sla-vocabulary';
import { formatDateTime } from '../../../lib/time/format-date';

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** When a level fired; else whether it still may (a met or canceled target's levels never will). */
function firedText(escalation: TicketEscalation, sla: TicketSla): ReactNode {
  if (escalation.firedAt) return formatDateTime(escalation.firedAt);
  const state = targetClock(sla, escalation.target)?.state;
  if (state === 'met') return <Dimmed size="sm">no, target met</Dimmed>;
  if (state === 'canceled') return <Dimmed size="sm">no, target canceled</Dimmed>;
  return <Dimmed size="sm">not yet</Dimmed>;
}

/** The policy's escalation levels for this ticket, with when each is due and whether it fired (staff only). */
export function SlaEscalationsTable({ sla }: { sla: TicketSla }) {
  const { escalations } = sla;
  if (escalations.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        The policy has no escalation levels.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" aria-label="Escalations">
        <Table.Thead>
          <Table.Tr>
            {['Level', 'Target', 'At', 'Actions', 'Due', 'Fired'].map((header) => (
              <Table.Th key={header}>{header}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {escalations.map((escalation) => (
            <Table.Tr key={`${escalation.target}-${escalation.level}-${escalation.dueAt ?? ''}`}>
              <Table.Td>Level {escalation.level}</Table.Td>
              <Table.Td>{slaTargetLabel(escalation.target)}</Table.Td>
              <Table.Td>{escalation.percent} %</Table.Td>
              <Table.Td>
                {escalation.actions.length > 0 ? (
                  capitalized(escalationActionWords(escalation.actions, escalation.firedAt !== null))
                ) : (
                  <Dimmed size="sm">None</Dimmed>
                )}
              </Table.Td>
              <Table.Td>{escalation.dueAt ? formatDateTime(escalation.dueAt) : <Dimmed size="sm" />}</Table.Td>
              <Table.Td>{firedText(escalation, sla)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
