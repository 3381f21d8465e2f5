import { Button, CloseButton, Fieldset, Group, Stack, Text, TextInput, type TextInputProps } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { windowErrors, type CalendarValues } from './calendar-form';
import { copyMondayToWeekdays, dayName, nextWindow } from './weekly-hours';

/** The week's business hours: each day's windows (several a day, e.g. a lunch break), added and removed. */
export function WeeklyHoursEditor({ form }: { form: UseFormReturnType<CalendarValues> }) {
  const apiErrors = windowErrors(form.errors);
  return (
    <Fieldset legend="Weekly hours" variant="filled">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Text size="xs" c="dimmed">
            Times are HH:MM in the calendar’s time zone; 24:00 is midnight at the end of the day.
          </Text>
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => form.setFieldValue('week', copyMondayToWeekdays(form.values.week))}
          >
            Copy Monday to Tuesday–Friday
          </Button>
        </Group>
        {form.values.week.map(({ day, windows }, dayIndex) => {
          const name = dayName(day);
          const path = `week.${dayIndex}.windows`;
          return (
            <Group key={day} align="flex-start" wrap="nowrap" role="group" aria-label={name}>
              <Text size="sm" fw={500} w={96} pt={6}>
                {name}
              </Text>
              <Stack gap={6} style={{ flex: 1 }}>
                {windows.length === 0 ? (
                  <Text size="sm" c="dimmed" pt={6}>
                    Closed
                  </Text>
                ) : (
                  windows.map((window, index) => (
                    <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
                      <ClockTimeInput
                        label={`${name} hours ${index + 1} from`}
                        placeholder="08:00"
                        {...form.getInputProps(`${path}.${index}.start`)}
                      />
                      <Text pt={6} aria-hidden>
                        to
                      </Text>
                      <ClockTimeInput
                        label={`${name} hours ${index + 1} to`}
                        placeholder="17:00"
                        {...form.getInputProps(`${path}.${index}.end`)}
                      />
                      <CloseButton
                        mt={4}
                        aria-label={`Remove ${name} ${window.start}–${window.end}`}
                        onClick={() => form.removeListItem(path, index)}
                      />
                    </Group>
                  ))
                )}
              </Stack>
              <Button
                size="compact-sm"
                variant="subtle"
                mt={4}
                aria-label={`Add hours on ${name}`}
                onClick={() => form.insertListItem(path, nextWindow(windows))}
              >
                Add hours
              </Button>
            </Group>
          );
        })}
        {apiErrors.map((message) => (
          <Text key={message} size="sm" c="red">
            {message}
          </Text>
        ))}
      </Stack>
    </Fieldset>
  );
}

/**
 * 'HH:MM' typed as text: a native time input cannot hold 24:00, the end of a window that runs to
 * midnight (24×7 calendars have seven of them).
 */
function ClockTimeInput({ label, ...props }: Omit<TextInputProps, 'label'> & { label: string }) {
  return <TextInput {...props} aria-label={label} maxLength={5} w={84} />;
}
