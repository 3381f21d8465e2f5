import { Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { DialogForm } from '../../../components/ui/DialogForm';
import { FormModal } from '../../../components/ui/FormModal';
import { browserTimeZone, TimeZoneSelect } from '../../../components/ui/TimeZoneSelect';
import type { Calendar } from '../../../lib/api/api-types';
import { useCreateCalendar, useUpdateCalendar } from '../hooks/use-calendar-mutations';
import { useSaveRecord } from '../../../lib/forms/use-save-record';
import { calendarErrors, calendarInput, calendarValues, type CalendarValues } from './calendar-form';
import { WeeklyHoursEditor } from './WeeklyHoursEditor';

interface CalendarFormModalProps {
  /** The calendar to edit; null opens the form for a new one. */
  calendar: Calendar | null;
  opened: boolean;
  onClose: () => void;
}

export function CalendarFormModal({ calendar, opened, onClose }: CalendarFormModalProps) {
  return (
    <FormModal opened={opened} onClose={onClose} title={calendar ? `Edit ${calendar.name}` : 'New calendar'} size="lg">
      <CalendarForm key={calendar?.id ?? 'new'} calendar={calendar} onDone={onClose} />
    </FormModal>
  );
}

function CalendarForm({ calendar, onDone }: { calendar: Calendar | null; onDone: () => void }) {
  const form = useForm<CalendarValues>({
    initialValues: calendarValues(calendar, browserTimeZone()),
    validate: calendarErrors,
  });
  const save = useSaveRecord({
    record: calendar,
    createMutation: useCreateCalendar(),
    updateMutation: useUpdateCalendar(),
    form,
    // The one conflict a calendar's fields can cause: another calendar has the name.
    fieldCodes: { conflict: 'name' },
    savedMessage: (saved) => `${saved.name} was saved.`,
    onDone,
  });

  return (
    <DialogForm
      onSubmit={form.onSubmit((values) => save.save(calendarInput(values)))}
      error={save.error}
      errorTitle="Could not save the calendar"
      submitLabel={calendar ? 'Save' : 'Create calendar'}
      submitting={save.saving}
      onCancel={onDone}
      intro={
        calendar ? null : (
          <Text size="sm" c="dimmed">
            Add holidays once the calendar is created.
          </Text>
        )
      }
    >
      <TextInput label="Name" required autoComplete="off" {...form.getInputProps('name')} />
      <TimeZoneSelect
        label="Time zone"
        description="Business hours and holidays are in this zone’s local time, across daylight-saving changes."
        required
        allowDeselect={false}
        {...form.getInputProps('timeZone')}
      />
      <WeeklyHoursEditor form={form} />
    </DialogForm>
  );
}
