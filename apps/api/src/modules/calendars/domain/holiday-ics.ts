import ICAL from 'ical.js';

export interface HolidayInput {
  date: string;
  name: string;
  yearly: boolean;
  observed: boolean;
}

/**
 * Holidays from an iCalendar file (RFC 5545, parsed by ical.js): every VEVENT's start date and
 * summary; an event repeating yearly (RRULE FREQ=YEARLY) becomes a yearly holiday. Events with a
 * time of day are taken for their local date. Throws with a readable message on a malformed file.
 */
export function parseHolidayIcs(text: string): HolidayInput[] {
  let component: ICAL.Component;
  try {
    component = new ICAL.Component(ICAL.parse(text));
  } catch (error) {
    throw new Error(`not an iCalendar file: ${(error as Error).message}`, { cause: error });
  }
  const calendar = component.name === 'vcalendar' ? component : component.getFirstSubcomponent('vcalendar');
  if (!calendar) throw new Error('not an iCalendar file: no VCALENDAR');
  return calendar.getAllSubcomponents('vevent').flatMap((vevent) => {
    const event = new ICAL.Event(vevent);
    const start = event.startDate;
    if (!start) return [];
    const rule = vevent.getFirstPropertyValue('rrule');
    const yearly = rule instanceof ICAL.Recur && rule.freq === 'YEARLY';
    const date = `${String(start.year).padStart(4, '0')}-${String(start.month).padStart(2, '0')}-${String(start.day).padStart(2, '0')}`;
    return [{ date, name: (event.summary || 'Holiday').trim().slice(0, 200), yearly, observed: false }];
  });
}

/** An iCalendar file of a calendar's holidays: all-day events, yearly ones with an RRULE. */
export function holidaysToIcs(calendarName: string, holidays: readonly (HolidayInput & { id: string })[], stamp: Date): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('prodid', '-//CivicDesk//Holidays//EN');
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('x-wr-calname', `${calendarName} holidays`);
  for (const h of holidays) {
    const vevent = new ICAL.Component('vevent');
    vevent.updatePropertyWithValue('uid', `${h.id}@civicdesk`);
    vevent.updatePropertyWithValue('dtstamp', ICAL.Time.fromJSDate(stamp, true));
    const start = ICAL.Time.fromDateString(h.date);
    const end = start.clone();
    end.adjust(1, 0, 0, 0);
    vevent.updatePropertyWithValue('dtstart', start);
    vevent.updatePropertyWithValue('dtend', end);
    vevent.updatePropertyWithValue('summary', h.name);
    if (h.yearly) vevent.updatePropertyWithValue('rrule', new ICAL.Recur({ freq: 'YEARLY' }));
    calendar.addSubcomponent(vevent);
  }
  return calendar.toString();
}
