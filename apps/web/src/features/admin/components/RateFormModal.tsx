import { Group, Radio, Select, TextInput } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { DialogForm } from '../../../components/ui/DialogForm';
import { FormModal } from '../../../components/ui/FormModal';
import { MoneyInput } from '../../../components/ui/MoneyInput';
import type { StaffRole } from '../../../lib/api/api-types';
import { errorOf } from '../../../lib/form-errors';
import { useSaveRecord } from '../../../lib/forms/use-save-record';
import { dollarsToCents, formatHourlyRate } from '../../../lib/money/money';
import { roleLabel, STAFF_ROLES } from '../../../lib/roles';
import { useCreateRate } from '../hooks/use-rate-mutations';
import { rateOwner } from './rate-words';
import { UserPicker, type PickedUser } from './UserPicker';

const ROLE_OPTIONS = STAFF_ROLES.map((role) => ({ value: role, label: roleLabel(role) }));

export function RateFormModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <FormModal opened={opened} onClose={onClose} title="Add rate">
      <RateForm onDone={onClose} />
    </FormModal>
  );
}

interface RateValues {
  whose: 'role' | 'person';
  role: string | null;
  user: PickedUser | null;
  /** Dollars per hour as typed; sent as integer cents. */
  hourlyRate: number | string;
  effectiveFrom: string;
}

function RateForm({ onDone }: { onDone: () => void }) {
  const form = useForm<RateValues>({
    initialValues: { whose: 'role', role: 'technician', user: null, hourlyRate: '', effectiveFrom: '' },
    validate: {
      role: (value, values) => (values.whose === 'role' && !value ? 'Choose the role' : null),
      user: (value, values) => (values.whose === 'person' && !value ? 'Choose the person' : null),
      hourlyRate: (value) => (dollarsToCents(value) ? null : 'Enter dollars per hour, like 85.00'),
      effectiveFrom: isNotEmpty('Choose the first day it applies to'),
    },
  });
  const save = useSaveRecord({
    record: null,
    createMutation: useCreateRate(),
    form,
    savedMessage: (rate) => `${rateOwner(rate)}: ${formatHourlyRate(rate.hourlyRateCents)} was added.`,
    onDone,
  });

  const handleSubmit = form.onSubmit((values) => {
    const hourlyRateCents = dollarsToCents(values.hourlyRate);
    const role = STAFF_ROLES.find((r): r is StaffRole => r === values.role);
    if (!hourlyRateCents) return;
    const whose = values.whose === 'person' && values.user ? { userId: values.user.id } : role ? { role } : null;
    if (whose) save.create({ ...whose, hourlyRateCents, effectiveFrom: values.effectiveFrom });
  });

  return (
    <DialogForm
      onSubmit={handleSubmit}
      error={save.error}
      errorTitle="Could not add the rate"
      submitLabel="Add rate"
      submitting={save.saving}
      onCancel={onDone}
    >
      <Radio.Group label="Whose rate" {...form.getInputProps('whose')}>
        <Group gap="lg" mt={4}>
          <Radio value="role" label="A role’s default" />
          <Radio value="person" label="One person’s own" />
        </Group>
      </Radio.Group>
      {form.values.whose === 'role' ? (
        <Select label="Role" required data={ROLE_OPTIONS} allowDeselect={false} {...form.getInputProps('role')} />
      ) : (
        <UserPicker
          label="Person"
          value={form.values.user}
          onChange={(user) => {
            form.setFieldValue('user', user);
            form.clearFieldError('userId');
          }}
          // The API names the field it refused by the id it was sent.
          error={errorOf(form.errors, 'user', 'userId')}
        />
      )}
      <MoneyInput
        label="Hourly rate"
        required
        {...form.getInputProps('hourlyRate')}
        error={errorOf(form.errors, 'hourlyRate', 'hourlyRateCents')}
      />
      <TextInput
        label="Effective from"
        description="Work on this day and after is costed at this rate"
        type="date"
        required
        {...form.getInputProps('effectiveFrom')}
      />
    </DialogForm>
  );
}
