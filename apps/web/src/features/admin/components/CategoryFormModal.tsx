import { Alert, Button, Group, Modal, Select, Stack, Switch, TextInput } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api/api-error';
import type { Category } from '../../../lib/api/api-types';
import { fieldErrorsFrom } from '../../../lib/form-errors';
import { queueListQueryOptions } from '../../../lib/reference-data/reference-data.queries';
import { kindLabel, TICKET_KINDS } from '../../../lib/tickets/ticket-vocabulary';
import { useCreateCategory, useUpdateCategory } from '../hooks/use-admin-mutations';

interface CategoryFormModalProps {
  category: Category | null;
  opened: boolean;
  onClose: () => void;
}

export function CategoryFormModal({ category, opened, onClose }: CategoryFormModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={category ? `Edit ${category.name}` : 'New category'}>
      {opened ? <CategoryForm key={category?.id ?? 'new'} category={category} onDone={onClose} /> : null}
    </Modal>
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
  const createCategory = useCreateCategory();
  const updateCategory = useUpdateCategory();
  const [formError, setFormError] = useState<string | null>(null);
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

  const onError = (error: unknown) => {
    form.setErrors(fieldErrorsFrom(error));
    setFormError(errorMessage(error));
  };
  const onSaved = (saved: Category) => {
    notifications.show({ color: 'green', message: `${saved.name} was saved.` });
    onDone();
  };

  const handleSubmit = form.onSubmit((values) => {
    if (!values.defaultQueueId) return;
    setFormError(null);
    const input = {
      name: values.name.trim(),
      defaultQueueId: values.defaultQueueId,
      defaultKind: TICKET_KINDS.find((k) => k === values.defaultKind) ?? null,
      active: values.active,
    };
    if (category) {
      // Built-in categories keep their queue and stay active; send only what may change.
      const changes = builtIn ? { name: input.name, defaultKind: input.defaultKind } : input;
      updateCategory.mutate({ id: category.id, changes }, { onSuccess: onSaved, onError });
    } else {
      createCategory.mutate(input, { onSuccess: onSaved, onError });
    }
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="sm">
        {formError ? (
          <Alert color="red" variant="light" title="Could not save the category">
            {formError}
          </Alert>
        ) : null}
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
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={createCategory.isPending || updateCategory.isPending}>
            {category ? 'Save' : 'Create category'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
