import { Button, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Dimmed, RowAction } from '../../../components/ui/DataTable';
import { PageHeader } from '../../../components/ui/PageHeader';
import type { Calendar } from '../../../lib/api/api-types';
import { countOf } from '../../../lib/text/count-of';
import { calendarListQueryOptions } from '../api/calendars.queries';
import { useDeleteCalendar } from '../hooks/use-calendar-mutations';
import { useCrudDialog } from '../../../lib/forms/use-crud-dialog';
import { BuiltInBadge } from './AdminBadges';
import { CalendarFormModal } from './CalendarFormModal';
import { CalendarHolidaysModal } from './CalendarHolidaysModal';
import { PublicHolidaysModal } from './PublicHolidaysModal';
import { ResourceTable } from '../../../components/ui/ResourceTable';
import { describeWeek } from './weekly-hours';

export function CalendarsPage() {
  const calendars = useQuery(calendarListQueryOptions());
  const deleteCalendar = useDeleteCalendar();
  const dialog = useCrudDialog<Calendar, 'holidays' | 'public-holidays'>();

  return (
    <>
      <PageHeader
        title="Business-hours calendars"
        description="When the SLA clock runs: weekly hours and holidays, in each calendar’s time zone."
        actions={<Button onClick={dialog.create}>New calendar</Button>}
      />
      <ResourceTable
        label="Calendars"
        query={calendars}
        rows={calendars.data ?? []}
        minWidth={880}
        empty="No calendars yet."
        nameOf={(calendar) => calendar.name}
        onEdit={dialog.edit}
        deletion={{ noun: 'calendar', mutation: deleteCalendar, allowed: (calendar) => !calendar.systemKey }}
        moreActions={(calendar) => (
          <RowAction label={`Holidays of ${calendar.name}`} onClick={() => dialog.open('holidays', calendar)}>
            Holidays
          </RowAction>
        )}
        columns={[
          {
            header: 'Name',
            strong: true,
            cell: (calendar) => (
              <>
                {calendar.name}
                <BuiltInBadge systemKey={calendar.systemKey} />
              </>
            ),
          },
          { header: 'Time zone', nowrap: true, cell: (calendar) => calendar.timeZone },
          {
            header: 'Hours',
            cell: (calendar) => (
              <Text size="sm" lineClamp={2}>
                {describeWeek(calendar.windows)}
              </Text>
            ),
          },
          { header: 'Holidays', nowrap: true, cell: (calendar) => countOf(calendar.holidays.length, 'holiday', 'holidays') },
          {
            header: 'Used by',
            nowrap: true,
            cell: (calendar) =>
              calendar.departments > 0 ? (
                countOf(calendar.departments, 'department', 'departments')
              ) : (
                <Dimmed size="sm">No department</Dimmed>
              ),
          },
        ]}
      />
      <CalendarFormModal opened={dialog.isOpen('form')} calendar={dialog.recordFor('form')} onClose={dialog.close} />
      <CalendarHolidaysModal
        calendar={dialog.recordFor('holidays')}
        onClose={dialog.close}
        onLoadPublicHolidays={(calendar) => dialog.open('public-holidays', calendar)}
      />
      <PublicHolidaysModal
        calendar={dialog.recordFor('public-holidays')}
        onDone={() => {
          const calendar = dialog.recordFor('public-holidays');
          if (calendar) dialog.open('holidays', calendar);
        }}
      />
    </>
  );
}
