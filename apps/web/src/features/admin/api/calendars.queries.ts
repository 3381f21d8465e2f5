import { queryOptions } from '@tanstack/react-query';
import type {
  Calendar,
  CreateCalendarInput,
  HolidayImportResult,
  HolidayInput,
  PublicHolidaysInput,
  UpdateCalendarInput,
} from '../../../lib/api/api-types';
import { api, unwrap } from '../../../lib/api/client';
import { adminKeys } from './admin.queries';

/** Every calendar with its windows and holidays. */
export function calendarListQueryOptions() {
  return queryOptions({
    queryKey: adminKeys.calendarList(),
    queryFn: async ({ signal }): Promise<Calendar[]> => (await unwrap(api.GET('/api/calendars', { signal }))).items,
  });
}

/** One calendar with its holidays, as the SLA clock needs it. */
export function calendarQueryOptions(id: string) {
  return queryOptions({
    queryKey: adminKeys.calendar(id),
    queryFn: ({ signal }): Promise<Calendar> => unwrap(api.GET('/api/calendars/{id}', { params: { path: { id } }, signal })),
  });
}

/** Where the browser downloads a calendar's holidays as an iCalendar file (the session cookie goes along). */
export function calendarIcsUrl(id: string): string {
  return `/api/calendars/${encodeURIComponent(id)}/holidays.ics`;
}

export function createCalendar(input: CreateCalendarInput): Promise<Calendar> {
  return unwrap(api.POST('/api/calendars', { body: input }));
}

export function updateCalendar({ id, changes }: { id: string; changes: UpdateCalendarInput }): Promise<Calendar> {
  return unwrap(api.PATCH('/api/calendars/{id}', { params: { path: { id } }, body: changes }));
}

export async function deleteCalendar(id: string): Promise<void> {
  await unwrap(api.DELETE('/api/calendars/{id}', { params: { path: { id } } }));
}

export function addHoliday({ calendarId, holiday }: { calendarId: string; holiday: HolidayInput }): Promise<Calendar> {
  return unwrap(api.POST('/api/calendars/{id}/holidays', { params: { path: { id: calendarId } }, body: holiday }));
}

export async function deleteHoliday({ calendarId, holidayId }: { calendarId: string; holidayId: string }): Promise<void> {
  await unwrap(api.DELETE('/api/calendars/{id}/holidays/{holidayId}', { params: { path: { id: calendarId, holidayId } } }));
}

/** Sends an .ics file as it is (text/calendar, not JSON); dates the calendar already has are skipped. */
export function importHolidays({ calendarId, ics }: { calendarId: string; ics: string }): Promise<HolidayImportResult> {
  return unwrap(
    api.POST('/api/calendars/{id}/holidays/import', {
      params: { path: { id: calendarId } },
      body: ics,
      bodySerializer: (body: string) => body,
      headers: { 'Content-Type': 'text/calendar' },
    }),
  );
}

export function loadPublicHolidays({
  calendarId,
  region,
}: {
  calendarId: string;
  region: PublicHolidaysInput;
}): Promise<HolidayImportResult> {
  return unwrap(api.POST('/api/calendars/{id}/holidays/public', { params: { path: { id: calendarId } }, body: region }));
}
