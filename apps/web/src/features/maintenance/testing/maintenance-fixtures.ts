import type {
  CalendarFeed,
  CalendarItem,
  CreatedCalendarFeed,
  MaintenancePlan,
  MaintenancePreview,
} from '../api/maintenance-types';

let sequence = 0;
/** Ids in a range of their own (…-9000-…), apart from those of the shared fixtures. */
const nextId = () => `00000000-0000-4000-9000-${String((sequence += 1)).padStart(12, '0')}`;

/** Patching on the 2nd Tuesday of each month at 08:00 in New York, created a week ahead. */
export function aPlan(overrides: Partial<MaintenancePlan> = {}): MaintenancePlan {
  return {
    id: nextId(),
    name: 'Monthly server patching',
    titleTemplate: 'Patch {{asset}} by {{due_date}}',
    descriptionTemplate: '- [ ] Take a backup\n- [ ] Apply the updates',
    categoryId: null,
    queueId: nextId(),
    assigneeId: null,
    departmentId: nextId(),
    estimatedMinutes: 90,
    rule: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2',
    ruleText: 'every month on the 2nd Tuesday',
    startsOn: '2026-01-01',
    dueTime: '08:00',
    endsOn: null,
    timeZone: 'America/New_York',
    leadDays: 7,
    mode: 'fixed',
    intervalDays: null,
    fanOut: 'none',
    assetIds: [],
    assetType: null,
    assetDepartmentId: null,
    active: true,
    version: 3,
    generated: 0,
    createdAt: '2026-01-01T09:00:00-05:00',
    updatedAt: '2026-01-01T09:00:00-05:00',
    ...overrides,
  };
}

export function aPreview(overrides: Partial<MaintenancePreview> = {}): MaintenancePreview {
  return {
    text: 'every month on the 2nd Tuesday at 08:00, created 7 days ahead',
    occurrences: [
      { dueAt: '2026-03-10T12:00:00.000Z', createAt: '2026-03-03T13:00:00.000Z', dueText: 'Tue 10 Mar 2026, 08:00', asset: null },
      { dueAt: '2026-04-14T12:00:00.000Z', createAt: '2026-04-07T12:00:00.000Z', dueText: 'Tue 14 Apr 2026, 08:00', asset: null },
    ],
    ...overrides,
  };
}

export function aCalendarItem(overrides: Partial<CalendarItem> = {}): CalendarItem {
  return {
    id: nextId(),
    projected: false,
    dueAt: '2026-03-10T12:00:00.000Z',
    createAt: '2026-03-03T13:00:00.000Z',
    title: 'Patch the file servers',
    plan: { id: nextId(), name: 'Monthly server patching' },
    queue: { id: nextId(), name: 'Service Desk' },
    assignee: null,
    number: 'MNT-000001',
    status: 'assigned',
    asset: null,
    tickets: 1,
    estimatedMinutes: 90,
    ...overrides,
  };
}

/** Work not generated yet: no ticket number or status. */
export function aProjectedItem(overrides: Partial<CalendarItem> = {}): CalendarItem {
  return aCalendarItem({ projected: true, number: null, status: null, ...overrides });
}

export function aFeed(overrides: Partial<CalendarFeed> = {}): CalendarFeed {
  return { id: nextId(), queue: null, createdAt: '2026-03-01T09:00:00-05:00', revokedAt: null, ...overrides };
}

export function aCreatedFeed(overrides: Partial<CreatedCalendarFeed> = {}): CreatedCalendarFeed {
  return {
    ...aFeed(),
    url: 'https://civicdesk.example.gov/api/maintenance/feeds/s3cr3t-token-0123456789abcdefghijklmnopqrstu/calendar.ics',
    ...overrides,
  };
}
