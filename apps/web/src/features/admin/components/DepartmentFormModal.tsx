import { Alert, Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { isNotEmpty, matches, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage, isApiError } from '../../../lib/api/api-error';
import type { Department } from '../../../lib/api/api-types';
import { fieldErrorsFrom } from '../../../lib/form-errors';
import { useCreateDepartment, useUpdateDepartment } from '../hooks/use-admin-mutations';

/** Same rule as the API: 1-16 upper-case letters, digits, "-" or "_". */
const CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{0,15}$/;

interface DepartmentFormModalProps {
  /** The department to edit; null opens the form for a new one. */
  department: Department | null;
  opened: boolean;
  onClose: () => void;
}

export function DepartmentFormModal({ department, opened, onClose }: DepartmentFormModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={department ? `Edit ${department.name}` : 'New department'}>
      {opened ? <DepartmentForm key={department?.id ?? 'new'} department={department} onDone={onClose} /> : null}
    </Modal>
  );
}

function DepartmentForm({ department, onDone }: { department: Department | null; onDone: () => void }) {
  const createDepartment = useCreateDepartment();
  const updateDepartment = useUpdateDepartment();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      name: department?.name ?? '',
      code: department?.code ?? '',
      lifeSafety: department?.lifeSafety ?? false,
    },
    validate: {
      name: isNotEmpty('Enter the department’s name'),
      code: matches(CODE_PATTERN, 'Use 1-16 upper-case letters, digits, "-" or "_"'),
    },
    transformValues: (values) => ({ ...values, name: values.name.trim(), code: values.code.trim() }),
  });

  const onError = (error: unknown) => {
    if (isApiError(error) && error.code === 'department_code_taken') {
      form.setFieldError('code', error.message);
      return;
    }
    if (isApiError(error) && error.code === 'department_name_taken') {
      form.setFieldError('name', error.message);
      return;
    }
    form.setErrors(fieldErrorsFrom(error));
    setFormError(errorMessage(error));
  };

  const onSaved = (saved: Department) => {
    notifications.show({ color: 'green', message: `${saved.name} was saved.` });
    onDone();
  };

  const handleSubmit = form.onSubmit((values) => {
    setFormError(null);
    if (department) {
      updateDepartment.mutate({ id: department.id, changes: values }, { onSuccess: onSaved, onError });
    } else {
      createDepartment.mutate(values, { onSuccess: onSaved, onError });
    }
  });

  const codeInput = form.getInputProps('code');
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="sm">
        {formError ? (
          <Alert color="red" variant="light" title="Could not save the department">
            {formError}
          </Alert>
        ) : null}
        <TextInput label="Name" required autoComplete="off" {...form.getInputProps('name')} />
        <TextInput
          label="Code"
          description="Short code shown on tickets and reports, for example FIN or PD."
          required
          autoComplete="off"
          maxLength={16}
          {...codeInput}
          onChange={(event) => form.setFieldValue('code', event.currentTarget.value.toUpperCase())}
        />
        <Checkbox
          label="Life-safety department"
          description="Police, fire and similar: their tickets are raised one priority step."
          {...form.getInputProps('lifeSafety', { type: 'checkbox' })}
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={createDepartment.isPending || updateDepartment.isPending}>
            {department ? 'Save' : 'Create department'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
