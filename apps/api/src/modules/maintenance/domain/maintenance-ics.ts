import ICAL from 'ical.js';
import type { MaintenanceCalendarItemDto } from '../dto/maintenance-calendar.dto.js';

/** An iCalendar feed of maintenance work that Outlook or Google Calendar can subscribe to. */
export function maintenanceToIcs(
  name: string,
  items: readonly MaintenanceCalendarItemDto[],
  stamp: Date,
  appUrl: string,
): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('prodid', '-//CivicDesk//Maintenance//EN');
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('x-wr-calname', name);
  for (const item of items) {
    const vevent = new ICAL.Component('vevent');
    const start = new Date(item.dueAt);
    const end = new Date(start.getTime() + (item.estimatedMinutes ?? 60) * 60 * 1000);
    vevent.updatePropertyWithValue('uid', `${item.id}@civicdesk`);
    vevent.updatePropertyWithValue('dtstamp', ICAL.Time.fromJSDate(stamp, true));
    vevent.updatePropertyWithValue('dtstart', ICAL.Time.fromJSDate(start, true));
    vevent.updatePropertyWithValue('dtend', ICAL.Time.fromJSDate(end, true));
    vevent.updatePropertyWithValue('summary', item.projected ? `(planned) ${item.title}` : `${item.number} ${item.title}`);
    const lines = [
      `Plan: ${item.plan.name}`,
      `Queue: ${item.queue.name}`,
      item.assignee ? `Assignee: ${item.assignee.name}` : 'Unassigned',
      ...(item.asset ? [`Asset: ${item.asset}`] : []),
      ...(item.status ? [`Status: ${item.status.replace(/_/g, ' ')}`] : []),
      ...(item.projected && item.tickets > 1 ? [`${item.tickets} tickets, one per asset`] : []),
    ];
    vevent.updatePropertyWithValue('description', lines.join('\n'));
    if (item.number) vevent.updatePropertyWithValue('url', `${appUrl}/tickets/${item.number}`);
    calendar.addSubcomponent(vevent);
  }
  return calendar.toString();
}
