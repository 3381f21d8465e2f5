import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormModal } from '../../../components/ui/FormModal';
import type { TicketDetail } from '../../../lib/api/api-types';
import { categoryListQueryOptions } from '../../../lib/reference-data/reference-data.queries';
import { IMPACTS, impactLabel, URGENCIES, urgencyLabel } from '../../../lib/tickets/ticket-vocabulary';
import { useUpdateTicket, type TicketChanges } from '../hooks/use-ticket-mutations';

interface EditTicketModalProps {
  ticket: TicketDetail;
  opened: boolean;
  onClose: () => void;
}

export function EditTicketModal({ ticket, opened, onClose }: EditTicketModalProps) {
  return (
    <FormModal opened={opened} onClose={onClose} title={`Edit ${ticket.number}`} size="lg">
      <EditTicketForm ticket={ticket} onDone={onClose} />
    </FormModal>
  );
}

interface EditValues {
  title: string;
  description: string;
  categoryId: string | null;
  impact: string;
  urgency: string;
}

function EditTicketForm({ ticket: current, onDone }: { ticket: TicketDetail; onDone: () => void }) {
  // The ticket as it was when the form opened: its version goes with the save, so a change
  // someone made meanwhile (even one a background refresh brought in) answers 409, not a silent overwrite.
  const [ticket] = useState(current);
  const update = useUpdateTicket(ticket);
  const categories = useQuery(categoryListQueryOptions());
  const form = useForm<EditValues>({
    initialValues: {
      title: ticket.title,
      description: ticket.description,
      categoryId: ticket.category?.id ?? null,
      impact: ticket.impact,
      urgency: ticket.urgency,
    },
    validate: { title: (value) => isNotEmpty('A ticket needs a title')(value.trim()) },
  });

  const categoryOptions = (categories.data ?? []).map((c) => ({ value: c.id, label: c.name }));
  if (ticket.category && !categoryOptions.some((o) => o.value === ticket.category?.id)) {
    categoryOptions.unshift({ value: ticket.category.id, label: ticket.category.name });
  }

  const handleSubmit = form.onSubmit((values) => {
    // Only what changed, so the event log records real changes.
    const changes: TicketChanges = {};
    if (values.title.trim() !== ticket.title) changes.title = values.title.trim();
    if (values.description !== ticket.description) changes.description = values.description;
    if (values.categoryId !== (ticket.category?.id ?? null)) changes.categoryId = values.categoryId;
    const impact = IMPACTS.find((i) => i === values.impact);
    if (impact && impact !== ticket.impact) changes.impact = impact;
    const urgency = URGENCIES.find((u) => u === values.urgency);
    if (urgency && urgency !== ticket.urgency) changes.urgency = urgency;
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    update.mutate(changes, { onSuccess: onDone, onError: onDone });
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="sm">
        <TextInput label="Title" required {...form.getInputProps('title')} />
        <Textarea label="Description" autosize minRows={4} {...form.getInputProps('description')} />
        <Select label="Category" data={categoryOptions} clearable searchable {...form.getInputProps('categoryId')} />
        <Group grow>
          <Select
            label="Impact"
            data={IMPACTS.map((i) => ({ value: i, label: impactLabel(i) }))}
            allowDeselect={false}
            {...form.getInputProps('impact')}
          />
          <Select
            label="Urgency"
            data={URGENCIES.map((u) => ({ value: u, label: urgencyLabel(u) }))}
            allowDeselect={false}
            {...form.getInputProps('urgency')}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
