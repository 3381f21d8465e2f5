import { Alert, Button, Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useAddHoliday } from '../hooks/use-calendar-mutations';
import { useFormFailure } from '../../../lib/forms/use-form-failure';
import { OBSERVED_RULE } from './holiday-words';

const EMPTY = { date: '', name: '', yearly: false, observed: false };

/** One holiday, once or every year, added to the calendar at once. */
export function AddHolidayForm({ calendarId }: { calendarId: string }) {
  const form = useForm({
    initialValues: EMPTY,
    validate: {
      date: isNotEmpty('Choose the date'),
      name: (value) => isNotEmpty('Name the holiday')(value.trim()),
    },
  });
  const addHoliday = useAddHoliday();
  // The one conflict: the calendar already has a holiday on that date.
  const failure = useFormFailure(form, { conflict: 'date' });

  const submit = form.onSubmit((values) => {
    failure.clear();
    addHoliday.mutate(
      { calendarId, holiday: { ...values, name: values.name.trim() } },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: `${values.name.trim()} was added.` });
          form.setValues(EMPTY);
        },
        onError: failure.onError,
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Add a holiday">
      <Stack gap="xs">
        {failure.error ? (
          <Alert color="red" variant="light" title="Could not add the holiday">
            {failure.error}
          </Alert>
        ) : null}
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput type="date" label="Date" required w={170} {...form.getInputProps('date')} />
          <TextInput label="Holiday" required autoComplete="off" style={{ flex: 1 }} miw={180} {...form.getInputProps('name')} />
        </Group>
        <Group gap="lg" wrap="wrap">
          <Checkbox label="Every year" {...form.getInputProps('yearly', { type: 'checkbox' })} />
          <Checkbox
            label="Observed on a weekday"
            description={OBSERVED_RULE}
            {...form.getInputProps('observed', { type: 'checkbox' })}
          />
          <Button type="submit" variant="default" loading={addHoliday.isPending} ml="auto">
            Add holiday
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
