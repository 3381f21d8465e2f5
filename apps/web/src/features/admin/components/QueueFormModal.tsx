import { Alert, Button, Group, Modal, Select, Stack, Switch, TextInput } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api/api-error';
import type { Queue } from '../../../lib/api/api-types';
import { fieldErrorsFrom } from '../../../lib/form-errors';
import { staffUserListQueryOptions } from '../api/admin.queries';
import { useCreateQueue, useUpdateQueue } from '../hooks/use-admin-mutations';

interface QueueFormModalProps {
  queue: Queue | null;
  opened: boolean;
  onClose: () => void;
}

export function QueueFormModal({ queue, opened, onClose }: QueueFormModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={queue ? `Edit ${queue.name}` : 'New queue'}>
      {opened ? <QueueForm key={queue?.id ?? 'new'} queue={queue} onDone={onClose} /> : null}
    </Modal>
  );
}

function QueueForm({ queue, onDone }: { queue: Queue | null; onDone: () => void }) {
  const staff = useQuery(staffUserListQueryOptions());
  const createQueue = useCreateQueue();
  const updateQueue = useUpdateQueue();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: queue?.name ?? '', restricted: queue?.restricted ?? false, leadId: queue?.lead?.id ?? null },
    validate: { name: (value) => isNotEmpty('Enter the queue’s name')(value.trim()) },
  });

  const onError = (error: unknown) => {
    form.setErrors(fieldErrorsFrom(error));
    setFormError(errorMessage(error));
  };
  const onSaved = (saved: Queue) => {
    notifications.show({ color: 'green', message: `${saved.name} was saved.` });
    onDone();
  };

  const handleSubmit = form.onSubmit((values) => {
    setFormError(null);
    const input = { name: values.name.trim(), restricted: values.restricted, leadId: values.leadId };
    if (queue) updateQueue.mutate({ id: queue.id, changes: input }, { onSuccess: onSaved, onError });
    else createQueue.mutate(input, { onSuccess: onSaved, onError });
  });

  const leadOptions = (staff.data ?? []).map((u) => ({ value: u.id, label: u.name }));
  if (queue?.lead && !leadOptions.some((o) => o.value === queue.lead?.id)) {
    leadOptions.unshift({ value: queue.lead.id, label: queue.lead.name });
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="sm">
        {formError ? (
          <Alert color="red" variant="light" title="Could not save the queue">
            {formError}
          </Alert>
        ) : null}
        <TextInput label="Name" required autoComplete="off" {...form.getInputProps('name')} />
        <Select
          label="Lead"
          description="Told about escalations on this queue’s tickets."
          placeholder={staff.isPending ? 'Loading staff…' : 'No lead'}
          data={leadOptions}
          clearable
          searchable
          {...form.getInputProps('leadId')}
        />
        <Switch
          label="Restricted"
          description="Only members see this queue’s tickets (for example police or court systems)."
          {...form.getInputProps('restricted', { type: 'checkbox' })}
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={createQueue.isPending || updateQueue.isPending}>
            {queue ? 'Save' : 'Create queue'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
