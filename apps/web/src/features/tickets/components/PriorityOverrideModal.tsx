import { Button, Group, Select, Stack, Textarea } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { useState } from 'react';
import { FormModal } from '../../../components/ui/FormModal';
import type { Priority, TicketDetail } from '../../../lib/api/api-types';
import { PRIORITIES } from '../../../lib/tickets/ticket-vocabulary';
import { useUpdateTicket } from '../hooks/use-ticket-mutations';

interface PriorityOverrideModalProps {
  ticket: TicketDetail;
  opened: boolean;
  onClose: () => void;
}

export function PriorityOverrideModal({ ticket, opened, onClose }: PriorityOverrideModalProps) {
  return (
    <FormModal opened={opened} onClose={onClose} title="Override priority">
      <PriorityOverrideForm ticket={ticket} onDone={onClose} />
    </FormModal>
  );
}

function PriorityOverrideForm({ ticket: current, onDone }: { ticket: TicketDetail; onDone: () => void }) {
  // Saved with the version read when the form opened (see EditTicketModal).
  const [ticket] = useState(current);
  const update = useUpdateTicket(ticket);
  const form = useForm<{ priority: string; reason: string }>({
    initialValues: { priority: ticket.priority, reason: '' },
    validate: {
      priority: (value) => (value === ticket.priority ? 'Choose a different priority' : null),
      reason: (value) => isNotEmpty('Say why the matrix’s priority is wrong here')(value.trim()),
    },
  });

  const handleSubmit = form.onSubmit((values) => {
    const priority = PRIORITIES.find((p): p is Priority => p === values.priority);
    if (!priority) return;
    update.mutate({ priority, priorityReason: values.reason.trim() }, { onSuccess: onDone, onError: onDone });
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="sm">
        <Select
          label="Priority"
          description={`Now ${ticket.priority}, from impact × urgency.`}
          data={PRIORITIES.map((p) => ({ value: p, label: p }))}
          allowDeselect={false}
          required
          {...form.getInputProps('priority')}
        />
        <Textarea label="Reason" required autosize minRows={2} {...form.getInputProps('reason')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Override
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
