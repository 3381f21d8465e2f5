import { Select, Switch, TextInput } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { DialogForm } from '../../../components/ui/DialogForm';
import { FormModal } from '../../../components/ui/FormModal';
import type { Category } from '../../../lib/api/api-types';
import { queueListQueryOptions } from '../../../lib/reference-data/reference-data.queries';
import { kindLabel, TICKET_KINDS } from '../../../lib/tickets/ticket-vocabulary';
import { useCreateCategory, useUpdateCategory } from '../hooks/use-admin-mutations';
import { useSaveRecord } from '../../../lib/forms/use-save-record';

interface CategoryFormModalProps {
  category: Category | null;
  opened: boolean;
  onClose: () => void;
}

export function CategoryFormModal({ category, opened, onClose }: CategoryFormModalProps) {
  return (
    <FormModal opened={opened} onClose={onClose} title={category ? `Edit ${category.name}` : 'New category'}>
      <CategoryForm key={category?.id ?? 'new'} category={category} onDone={onClose} />
    </FormModal>
  );
}

interface CategoryValues {
  name: string;
  defaultQueueId: string | null;
  defaultKind: string | null;
  active: boolean;
}

function CategoryForm({ category, onDone }: { category: Category | null; onDone: () => void }) {
  const queues = useQuery(queueListQueryOptions());
  const builtIn = category?.systemKey != null;
  const form = useForm<CategoryValues>({
    initialValues: {
      name: category?.name ?? '',
      defaultQueueId: category?.defaultQueue.id ?? null,
      defaultKind: category?.defaultKind ?? null,
      active: category?.active ?? true,
    },
    validate: {
      name: (value) => isNotEmpty('Enter the category’s name')(value.trim()),
      defaultQueueId: isNotEmpty('Choose where its tickets go'),
    },
  });
  const save = useSaveRecord({
    record: category,
    createMutation: useCreateCategory(),
    updateMutation: useUpdateCategory(),
    form,
    savedMessage: (saved) => `${saved.name} was saved.`,
    onDone,
  });

  const handleSubmit = form.onSubmit((values) => {
    if (!values.defaultQueueId) return;
    const input = {
      name: values.name.trim(),
      defaultQueueId: values.defaultQueueId,
      defaultKind: TICKET_KINDS.find((k) => k === values.defaultKind) ?? null,
      active: values.active,
    };
    // Built-in categories keep their queue and stay active; send only what may change.
    if (category && builtIn) save.update({ name: input.name, defaultKind: input.defaultKind });
    else save.save(input);
  });

  return (
    <DialogForm
      onSubmit={handleSubmit}
      error={save.error}
      errorTitle="Could not save the category"
      submitLabel={category ? 'Save' : 'Create category'}
      submitting={save.saving}
      onCancel={onDone}
    >
      <TextInput label="Name" required autoComplete="off" {...form.getInputProps('name')} />
      <Select
        label="Default queue"
        description="New tickets in this category go here."
        placeholder={queues.isPending ? 'Loading queues…' : 'Choose a queue'}
        data={(queues.data ?? []).map((q) => ({ value: q.id, label: q.name }))}
        required
        disabled={builtIn}
        allowDeselect={false}
        {...form.getInputProps('defaultQueueId')}
      />
      <Select
        label="Default kind"
        description="Suggested when filing; requesters never see this."
        placeholder="None"
        data={TICKET_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
        clearable
        {...form.getInputProps('defaultKind')}
      />
      <Switch
        label="Active"
        description="Inactive categories are hidden from requesters."
        disabled={builtIn}
        {...form.getInputProps('active', { type: 'checkbox' })}
      />
    </DialogForm>
  );
}
