import { Checkbox, TextInput } from '@mantine/core';
import { isNotEmpty, matches, useForm } from '@mantine/form';
import { DialogForm } from '../../../components/ui/DialogForm';
import { FormModal } from '../../../components/ui/FormModal';
import type { Department } from '../../../lib/api/api-types';
import { useCreateDepartment, useUpdateDepartment } from '../hooks/use-admin-mutations';
import { useSaveRecord } from '../hooks/use-save-record';

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
    <FormModal opened={opened} onClose={onClose} title={department ? `Edit ${department.name}` : 'New department'}>
      <DepartmentForm key={department?.id ?? 'new'} department={department} onDone={onClose} />
    </FormModal>
  );
}

function DepartmentForm({ department, onDone }: { department: Department | null; onDone: () => void }) {
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
  const save = useSaveRecord({
    record: department,
    createMutation: useCreateDepartment(),
    updateMutation: useUpdateDepartment(),
    form,
    fieldCodes: { department_code_taken: 'code', department_name_taken: 'name' },
    savedMessage: (saved) => `${saved.name} was saved.`,
    onDone,
  });

  return (
    <DialogForm
      onSubmit={form.onSubmit(save.save)}
      error={save.error}
      errorTitle="Could not save the department"
      submitLabel={department ? 'Save' : 'Create department'}
      submitting={save.saving}
      onCancel={onDone}
    >
      <TextInput label="Name" required autoComplete="off" {...form.getInputProps('name')} />
      <TextInput
        label="Code"
        description="Short code shown on tickets and reports, for example FIN or PD."
        required
        autoComplete="off"
        maxLength={16}
        {...form.getInputProps('code')}
        onChange={(event) => form.setFieldValue('code', event.currentTarget.value.toUpperCase())}
      />
      <Checkbox
        label="Life-safety department"
        description="Police, fire and similar: their tickets are raised one priority step."
        {...form.getInputProps('lifeSafety', { type: 'checkbox' })}
      />
    </DialogForm>
  );
}
