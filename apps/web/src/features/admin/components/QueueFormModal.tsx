import { Select, Switch, TextInput } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { DialogForm } from '../../../components/ui/DialogForm';
import { FormModal } from '../../../components/ui/FormModal';
import type { Queue } from '../../../lib/api/api-types';
import { staffUserListQueryOptions } from '../api/admin.queries';
import { useCreateQueue, useUpdateQueue } from '../hooks/use-admin-mutations';
import { useSaveRecord } from '../../../lib/forms/use-save-record';

export function QueueFormModal({ queue, opened, onClose }: { queue: Queue | null; opened: boolean; onClose: () => void }) {
  return (
    <FormModal opened={opened} onClose={onClose} title={queue ? `Edit ${queue.name}` : 'New queue'}>
      <QueueForm key={queue?.id ?? 'new'} queue={queue} onDone={onClose} />
    </FormModal>
  );
}

function QueueForm({ queue, onDone }: { queue: Queue | null; onDone: () => void }) {
  const staff = useQuery(staffUserListQueryOptions());
  const form = useForm({
    initialValues: { name: queue?.name ?? '', restricted: queue?.restricted ?? false, leadId: queue?.lead?.id ?? null },
    validate: { name: (value) => isNotEmpty('Enter the queue’s name')(value.trim()) },
  });
  const save = useSaveRecord({
    record: queue,
    createMutation: useCreateQueue(),
    updateMutation: useUpdateQueue(),
    form,
    savedMessage: (saved) => `${saved.name} was saved.`,
    onDone,
  });

  const leadOptions = (staff.data ?? []).map((u) => ({ value: u.id, label: u.name }));
  if (queue?.lead && !leadOptions.some((o) => o.value === queue.lead?.id)) {
    leadOptions.unshift({ value: queue.lead.id, label: queue.lead.name });
  }

  return (
    <DialogForm
      onSubmit={form.onSubmit((values) =>
        save.save({ name: values.name.trim(), restricted: values.restricted, leadId: values.leadId }),
      )}
      error={save.error}
      errorTitle="Could not save the queue"
      submitLabel={queue ? 'Save' : 'Create queue'}
      submitting={save.saving}
      onCancel={onDone}
    >
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
    </DialogForm>
  );
}
