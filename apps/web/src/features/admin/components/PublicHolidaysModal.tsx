import { NumberInput, SimpleGrid, TextInput } from '@mantine/core';
import { isInRange, matches, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { ChangeEvent } from 'react';
import { DialogForm } from '../../../components/ui/DialogForm';
import { FormModal } from '../../../components/ui/FormModal';
import type { Calendar } from '../../../lib/api/api-types';
import { useLoadPublicHolidays } from '../hooks/use-calendar-mutations';
import { useFormFailure } from '../../../lib/forms/use-form-failure';
import { describeHolidayImport } from './holiday-words';

interface PublicHolidaysModalProps {
  /** The calendar to load holidays into; null keeps the dialog closed. */
  calendar: Calendar | null;
  /** Closed, loaded or not. */
  onDone: () => void;
}

export function PublicHolidaysModal({ calendar, onDone }: PublicHolidaysModalProps) {
  return (
    <FormModal
      opened={calendar !== null}
      onClose={onDone}
      title={calendar ? `Load public holidays into ${calendar.name}` : 'Load public holidays'}
    >
      {calendar ? <PublicHolidaysForm key={calendar.id} calendar={calendar} onDone={onDone} /> : null}
    </FormModal>
  );
}

interface RegionValues {
  country: string;
  state: string;
  fromYear: number | string;
  toYear: number | string;
}

const YEAR = { min: 2000, max: 2100 };
const YEAR_INPUT = { ...YEAR, required: true, allowDecimal: false } as const;

function PublicHolidaysForm({ calendar, onDone }: { calendar: Calendar; onDone: () => void }) {
  const thisYear = new Date().getFullYear();
  const form = useForm<RegionValues>({
    initialValues: { country: 'US', state: '', fromYear: thisYear, toYear: thisYear + 1 },
    validate: {
      country: matches(/^[A-Z]{2}$/, 'Use the two-letter country code, for example US'),
      state: (value) => (value === '' || /^[A-Z0-9]{1,3}$/.test(value) ? null : 'Use the state’s code, for example NY'),
      fromYear: isInRange(YEAR, `A year from ${YEAR.min} to ${YEAR.max}`),
      toYear: isInRange(YEAR, `A year from ${YEAR.min} to ${YEAR.max}`),
    },
  });
  const load = useLoadPublicHolidays();
  const failure = useFormFailure(form);

  const submit = form.onSubmit((values) => {
    failure.clear();
    load.mutate(
      {
        calendarId: calendar.id,
        region: {
          country: values.country,
          ...(values.state ? { state: values.state } : {}),
          fromYear: Number(values.fromYear),
          toYear: Number(values.toYear),
        },
      },
      {
        onSuccess: (result) => {
          notifications.show({ color: 'green', title: 'Public holidays loaded', message: describeHolidayImport(result) });
          onDone();
        },
        onError: failure.onError,
      },
    );
  });
  const upperCase = (field: 'country' | 'state') => ({
    ...form.getInputProps(field),
    onChange: (event: ChangeEvent<HTMLInputElement>) => form.setFieldValue(field, event.currentTarget.value.toUpperCase()),
  });

  return (
    <DialogForm
      onSubmit={submit}
      error={failure.error}
      errorTitle="Could not load the holidays"
      submitLabel="Load holidays"
      submitting={load.isPending}
      onCancel={onDone}
    >
      <SimpleGrid cols={2}>
        <TextInput label="Country" description="Two letters, e.g. US" required maxLength={2} {...upperCase('country')} />
        <TextInput label="State or region" description="Optional, e.g. NY" maxLength={3} {...upperCase('state')} />
        <NumberInput label="From year" {...YEAR_INPUT} {...form.getInputProps('fromYear')} />
        <NumberInput label="To year" {...YEAR_INPUT} {...form.getInputProps('toYear')} />
      </SimpleGrid>
    </DialogForm>
  );
}
