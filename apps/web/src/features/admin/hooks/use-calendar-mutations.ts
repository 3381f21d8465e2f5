import { useMutation, useQueryClient } from '@tanstack/react-query';
import { referenceKeys } from '../../../lib/reference-data/reference-data.queries';
import { adminKeys } from '../api/admin.queries';
import {
  addHoliday,
  createCalendar,
  deleteCalendar,
  deleteHoliday,
  importHolidays,
  loadPublicHolidays,
  updateCalendar,
} from '../api/calendars.queries';

/**
 * The list and each calendar's own query (the SLA preview reads those) show hours and holidays;
 * the city calendar's zone says what "today" is.
 */
function useCalendarChanged() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: adminKeys.calendars() }),
      queryClient.invalidateQueries({ queryKey: referenceKeys.cityTimeZone() }),
    ]);
}

export function useCreateCalendar() {
  return useMutation({ mutationFn: createCalendar, onSuccess: useCalendarChanged() });
}

export function useUpdateCalendar() {
  return useMutation({ mutationFn: updateCalendar, onSuccess: useCalendarChanged() });
}

export function useDeleteCalendar() {
  return useMutation({ mutationFn: deleteCalendar, onSuccess: useCalendarChanged() });
}

export function useAddHoliday() {
  return useMutation({ mutationFn: addHoliday, onSuccess: useCalendarChanged() });
}

/** Deleting one of this calendar's holidays, by the holiday's id. */
export function useDeleteHoliday(calendarId: string) {
  return useMutation({
    mutationFn: (holidayId: string) => deleteHoliday({ calendarId, holidayId }),
    onSuccess: useCalendarChanged(),
  });
}

export function useImportHolidays() {
  return useMutation({ mutationFn: importHolidays, onSuccess: useCalendarChanged() });
}

export function useLoadPublicHolidays() {
  return useMutation({ mutationFn: loadPublicHolidays, onSuccess: useCalendarChanged() });
}
