import { Button, Divider, FileButton, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { DataTable, Dimmed, RowAction } from '../../../components/ui/DataTable';
import { FormModal } from '../../../components/ui/FormModal';
import { errorMessage } from '../../../lib/api/api-error';
import type { Calendar } from '../../../lib/api/api-types';
import { formatDate } from '../../../lib/time/format-date';
import { calendarIcsUrl, calendarQueryOptions } from '../api/calendars.queries';
import { useDeleteHoliday, useImportHolidays } from '../hooks/use-calendar-mutations';
import { AddHolidayForm } from './AddHolidayForm';
import { describeHolidayImport } from './holiday-words';

interface CalendarHolidaysModalProps {
  /** The calendar whose holidays to show; null keeps the dialog closed. */
  calendar: Calendar | null;
  onClose: () => void;
  /** Opens the "Load public holidays" dialog for this calendar (in place of this one). */
  onLoadPublicHolidays: (calendar: Calendar) => void;
}

/** A calendar's holidays: listed, added, deleted, imported from and exported to .ics. Changes apply at once. */
export function CalendarHolidaysModal({ calendar, onClose, onLoadPublicHolidays }: CalendarHolidaysModalProps) {
  return (
    <FormModal
      opened={calendar !== null}
      onClose={onClose}
      title={calendar ? `Holidays of ${calendar.name}` : 'Holidays'}
      size="xl"
    >
      {calendar ? (
        <CalendarHolidays key={calendar.id} calendar={calendar} onLoadPublicHolidays={() => onLoadPublicHolidays(calendar)} />
      ) : null}
    </FormModal>
  );
}

function CalendarHolidays({ calendar: opened, onLoadPublicHolidays }: { calendar: Calendar; onLoadPublicHolidays: () => void }) {
  // The list's copy to start with; refetched whenever a holiday changes.
  const calendar = useQuery({ ...calendarQueryOptions(opened.id), initialData: opened });
  const holidays = calendar.data.holidays;
  const deleteHoliday = useDeleteHoliday(opened.id);

  return (
    <Stack gap="md">
      <Group gap="xs" wrap="wrap">
        <IcsImportButton calendarId={opened.id} />
        <Button component="a" variant="default" href={calendarIcsUrl(opened.id)} download={`${opened.name}.ics`}>
          Export .ics
        </Button>
        <Button variant="default" onClick={onLoadPublicHolidays}>
          Load public holidays…
        </Button>
      </Group>
      <AddHolidayForm calendarId={opened.id} />
      <Divider />
      <DataTable
        label="Holidays"
        query={calendar}
        rows={holidays}
        rowKey={(holiday) => holiday.id}
        errorTitle="Could not load the holidays"
        loadingLabel="Loading holidays"
        empty="No holidays yet: the calendar is open on every weekday its hours say."
        minWidth={560}
        columns={[
          { header: 'Date', nowrap: true, cell: (holiday) => formatDate(holiday.date) },
          { header: 'Holiday', strong: true, cell: (holiday) => holiday.name },
          { header: 'Repeats', cell: (holiday) => (holiday.yearly ? 'Every year' : 'Once') },
          {
            header: 'On a weekend',
            cell: (holiday) => (holiday.observed ? 'Observed Friday or Monday' : <Dimmed size="sm">Not moved</Dimmed>),
          },
        ]}
        actions={(holiday) => (
          <RowAction
            label={`Delete ${holiday.name} (${formatDate(holiday.date)})`}
            danger
            onClick={() =>
              deleteHoliday.mutate(holiday.id, {
                onSuccess: () => notifications.show({ color: 'green', message: `${holiday.name} was deleted.` }),
                onError: (error) => notifications.show({ color: 'red', title: 'Could not delete', message: errorMessage(error) }),
              })
            }
          >
            Delete
          </RowAction>
        )}
      />
    </Stack>
  );
}

/** Reads an .ics file and sends it as it is; says how many holidays came in and how many were already there. */
function IcsImportButton({ calendarId }: { calendarId: string }) {
  const importHolidays = useImportHolidays();
  const upload = (file: File | null) => {
    if (!file) return;
    void file.text().then((ics) =>
      importHolidays.mutate(
        { calendarId, ics },
        {
          onSuccess: (result) =>
            notifications.show({ color: 'green', title: 'Holidays imported', message: describeHolidayImport(result) }),
          onError: (error) =>
            notifications.show({ color: 'red', title: 'Could not import the file', message: errorMessage(error) }),
        },
      ),
    );
  };
  return (
    <FileButton onChange={upload} accept=".ics,text/calendar" inputProps={{ 'aria-label': 'iCalendar file to import' }}>
      {(props) => (
        <Button variant="default" loading={importHolidays.isPending} {...props}>
          Import .ics
        </Button>
      )}
    </FileButton>
  );
}
