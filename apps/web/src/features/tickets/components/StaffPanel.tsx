import { Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { TicketDetail, TicketStatus } from '../../../lib/api/api-types';
import { useCurrentUser } from '../../../lib/session/current-user';
import { statusLabel, WORK_CLASSES, workClassLabel } from '../../../lib/tickets/ticket-vocabulary';
import { personOptions, useTicketStaff } from '../hooks/use-ticket-staff';
import { useUpdateTicket } from '../hooks/use-ticket-mutations';
import { AssetPicker } from './AssetPicker';
import { EditTicketModal } from './EditTicketModal';
import { PriorityOverrideModal } from './PriorityOverrideModal';

/** What IT staff do to a ticket: take or assign it, move it on, re-prioritise, link the asset, edit. */
export function StaffPanel({ ticket }: { ticket: TicketDetail }) {
  const me = useCurrentUser();
  const update = useUpdateTicket(ticket);
  const { queues, people } = useTicketStaff(ticket);
  const [editOpened, editModal] = useDisclosure(false);
  const [priorityOpened, priorityModal] = useDisclosure(false);
  const busy = update.isPending;

  const assigneeOptions = personOptions(people, me.id);
  const statusOptions = [ticket.status, ...ticket.allowedStatuses.filter((s) => s !== ticket.status)].map((s) => ({
    value: s,
    label: statusLabel(s),
  }));
  const queueOptions = (queues.data ?? []).map((q) => ({ value: q.id, label: q.name }));
  if (!queueOptions.some((o) => o.value === ticket.queue.id))
    queueOptions.unshift({ value: ticket.queue.id, label: ticket.queue.name });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="ticket-work">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5" id="ticket-work">
            Work this ticket
          </Title>
          {ticket.assignee?.id !== me.id ? (
            <Button size="xs" onClick={() => update.mutate({ assigneeId: me.id })} loading={busy}>
              Take
            </Button>
          ) : (
            <Text size="xs" c="dimmed">
              Assigned to you
            </Text>
          )}
        </Group>
        <Select
          label="Status"
          data={statusOptions}
          value={ticket.status}
          allowDeselect={false}
          disabled={busy || ticket.allowedStatuses.length === 0}
          onChange={(value) => {
            const next = ticket.allowedStatuses.find((s): s is TicketStatus => s === value);
            if (next && next !== ticket.status) update.mutate({ status: next });
          }}
        />
        <Select
          label="Assignee"
          placeholder={queues.isPending ? 'Loading…' : 'Unassigned'}
          data={assigneeOptions}
          value={ticket.assignee?.id ?? null}
          clearable
          searchable
          nothingFoundMessage="Nobody in this queue matches"
          disabled={busy}
          onChange={(value) => {
            if (value !== (ticket.assignee?.id ?? null)) update.mutate({ assigneeId: value });
          }}
        />
        <Select
          label="Queue"
          data={queueOptions}
          value={ticket.queue.id}
          allowDeselect={false}
          disabled={busy}
          onChange={(value) => {
            if (value && value !== ticket.queue.id) update.mutate({ queueId: value });
          }}
        />
        {ticket.workClass ? (
          <Select
            label="Work class"
            data={WORK_CLASSES.map((w) => ({ value: w, label: workClassLabel(w) }))}
            value={ticket.workClass}
            allowDeselect={false}
            disabled={busy}
            onChange={(value) => {
              const next = WORK_CLASSES.find((w) => w === value);
              if (next && next !== ticket.workClass) update.mutate({ workClass: next });
            }}
          />
        ) : null}
        <AssetPicker
          label="Asset"
          value={ticket.asset}
          onChange={(asset) => {
            if ((asset?.id ?? null) !== (ticket.asset?.id ?? null)) update.mutate({ assetId: asset?.id ?? null });
          }}
        />
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={priorityModal.open} disabled={busy}>
            Override priority
          </Button>
          <Button size="xs" variant="default" onClick={editModal.open} disabled={busy}>
            Edit details
          </Button>
        </Group>
      </Stack>
      <EditTicketModal ticket={ticket} opened={editOpened} onClose={editModal.close} />
      <PriorityOverrideModal ticket={ticket} opened={priorityOpened} onClose={priorityModal.close} />
    </Paper>
  );
}
