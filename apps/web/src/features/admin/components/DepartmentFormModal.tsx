import { Checkbox, Select, TextInput } from '@mantine/core';
import { isNotEmpty, matches, useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { DialogForm } from '../../../components/ui/DialogForm';
import { FormModal } from '../../../components/ui/FormModal';
import type { Calendar, Department } from '../../../lib/api/api-types';
import { calendarListQueryOptions } from '../api/calendars.queries';
import { useCreateDepartment, useUpdateDepartment } from '../hooks/use-admin-mutations';
import { useSaveRecord } from '../../../lib/forms/use-save-record';

/** Same rule as the API: 1-16 upper-case letters, digits, "-" or "_". */
const CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{0,15}$/;

/** A department without a calendar of its own runs on the city's office hours. */
export const DEFAULT_CALENDAR_LABEL = 'City office hours (default)';

/** The select's value for "no calendar of its own" (a Select option needs a string). */
const CITY_DEFAULT = 'city-default';

/**
 * The default first, then the other calendars. The city's own calendar is the default already, so
 * it is only listed for a department that names it explicitly.
 */
function calendarOptions(calendars: readonly Calendar[], current: string) {
  return [
    { value: CITY_DEFAULT, label: DEFAULT_CALENDAR_LABEL },
    ...calendars
      .filter((calendar) => calendar.systemKey === null || calendar.id === current)
      .map((calendar) => ({ value: calendar.id, label: calendar.name })),
  ];
}

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
      calendarId: department?.calendarId ?? CITY_DEFAULT,
    },
    validate: {
      name: isNotEmpty('Enter the department’s name'),
      code: matches(CODE_PATTERN, 'Use 1-16 upper-case letters, digits, "-" or "_"'),
    },
    transformValues: (values) => ({
      ...values,
      name: values.name.trim(),
      code: values.code.trim(),
      calendarId: values.calendarId === CITY_DEFAULT ? null : values.calendarId,
    }),
  });
  const calendars = useQuery(calendarListQueryOptions());
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
      <Select
        label="Business hours"
        description="The calendar its tickets’ SLA clocks count on."
        data={calendarOptions(calendars.data ?? [], form.values.calendarId)}
        allowDeselect={false}
        placeholder={calendars.isPending ? 'Loading…' : undefined}
        error={calendars.isError ? 'Could not load the calendars' : undefined}
        {...form.getInputProps('calendarId')}
      />
    </DialogForm>
  );
}
