import type {
  Asset,
  AssetDetail,
  Expense,
  Rate,
  Settings,
  TicketCosts,
  WorkLog,
  Calendar,
  Category,
  Department,
  Holiday,
  Me,
  Queue,
  Role,
  SlaPolicy,
  SlaPolicyDetail,
  SlaPolicyVersion,
  TicketComment,
  TicketCounts,
  TicketDetail,
  TicketEvent,
  TicketListItem,
  TicketSla,
  TicketSlaSummary,
  SlaTargetClock,
  AppNotification,
  User,
} from '../lib/api/api-types';

let sequence = 0;
function nextId(): string {
  sequence += 1;
  return `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
}

const NAMES: Record<Role, string> = {
  requester: 'Erin Employee',
  technician: 'Terry Technician',
  manager: 'Morgan Manager',
  admin: 'Avery Admin',
};

export function aMe(overrides: Partial<Me> = {}): Me {
  const role = overrides.role ?? 'requester';
  return {
    id: nextId(),
    email: `${role}@civicdesk.test`,
    name: NAMES[role],
    role,
    departmentId: null,
    departmentName: null,
    mustChangePassword: false,
    ...overrides,
  };
}

export function aUser(overrides: Partial<User> = {}): User {
  return {
    id: nextId(),
    email: 'jane.doe@city.gov',
    name: 'Jane Doe',
    role: 'requester',
    departmentId: null,
    departmentName: null,
    active: true,
    mustChangePassword: false,
    createdAt: '2025-01-06T09:00:00-05:00',
    updatedAt: '2025-01-06T09:00:00-05:00',
    ...overrides,
  };
}

export function aDepartment(overrides: Partial<Department> = {}): Department {
  return {
    id: nextId(),
    name: 'Finance',
    code: 'FIN',
    lifeSafety: false,
    calendarId: null,
    createdAt: '2025-01-06T09:00:00-05:00',
    updatedAt: '2025-01-06T09:00:00-05:00',
    ...overrides,
  };
}

let ticketSequence = 0;

export function aTicketListItem(overrides: Partial<TicketListItem> = {}): TicketListItem {
  ticketSequence += 1;
  return {
    id: nextId(),
    number: `INC-${String(ticketSequence).padStart(6, '0')}`,
    kind: 'incident',
    title: 'Laptop will not connect to Wi-Fi',
    status: 'new',
    priority: 'P3',
    impact: 'one_person',
    urgency: 'work_degraded',
    requester: { id: nextId(), name: 'Erin Employee' },
    department: { id: nextId(), name: 'Finance' },
    queue: { id: nextId(), name: 'Service Desk' },
    assignee: null,
    category: null,
    asset: null,
    createdAt: '2025-01-06T09:00:00-05:00',
    updatedAt: '2025-01-06T09:00:00-05:00',
    dueAt: null,
    sla: anSlaSummary(),
    ...overrides,
  };
}

/** A ticket's SLA at a glance; no policy (state none) unless told. */
export function anSlaSummary(overrides: Partial<TicketSlaSummary> = {}): TicketSlaSummary {
  return { state: 'none', atRiskAt: null, breachedAt: null, paused: false, ...overrides };
}

export function aTicket(overrides: Partial<TicketDetail> = {}): TicketDetail {
  return {
    ...aTicketListItem(),
    description: 'It says "no networks found" since this morning.',
    workClass: 'reactive',
    priorityOverrideReason: null,
    source: 'web',
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    reopenCount: 0,
    version: 1,
    allowedStatuses: [],
    can: { work: false, commentInternal: false, confirm: false, reopen: false },
    ...overrides,
  };
}

/** A ticket as staff see it: they may work it and write internal notes. */
export function aStaffTicket(overrides: Partial<TicketDetail> = {}): TicketDetail {
  return aTicket({
    allowedStatuses: ['assigned', 'in_progress', 'waiting_on_requester', 'waiting_on_vendor', 'resolved', 'canceled'],
    can: { work: true, commentInternal: true, confirm: true, reopen: true },
    ...overrides,
  });
}

export function aComment(overrides: Partial<TicketComment> = {}): TicketComment {
  return {
    id: nextId(),
    body: 'Thanks, we are looking at it.',
    internal: false,
    author: { id: nextId(), name: 'Terry Technician', staff: true },
    createdAt: '2025-01-06T09:30:00-05:00',
    ...overrides,
  };
}

export function anEvent(overrides: Partial<TicketEvent> = {}): TicketEvent {
  return {
    id: String(nextId()),
    type: 'created',
    actor: { id: nextId(), name: 'Erin Employee' },
    data: {},
    createdAt: '2025-01-06T09:00:00-05:00',
    ...overrides,
  };
}

export function someCounts(overrides: Partial<TicketCounts> = {}): TicketCounts {
  return { mine: 0, unassigned: 0, open: 0, queues: [], ...overrides };
}

export function aQueue(overrides: Partial<Queue> = {}): Queue {
  return {
    id: nextId(),
    name: 'Service Desk',
    restricted: false,
    systemKey: null,
    lead: null,
    members: [],
    createdAt: '2025-01-06T09:00:00-05:00',
    updatedAt: '2025-01-06T09:00:00-05:00',
    ...overrides,
  };
}

export function aCategory(overrides: Partial<Category> = {}): Category {
  return {
    id: nextId(),
    name: 'Hardware',
    defaultQueue: { id: nextId(), name: 'Service Desk' },
    defaultKind: null,
    systemKey: null,
    active: true,
    ...overrides,
  };
}

export function anAsset(overrides: Partial<Asset> = {}): Asset {
  return {
    id: nextId(),
    tag: 'FIN-LT-0042',
    name: 'Dell Latitude 5450',
    type: 'laptop',
    department: { id: nextId(), name: 'Finance' },
    location: null,
    serial: null,
    purchaseDate: '2023-07-01',
    costCents: 129900,
    warrantyEnd: '2026-07-01',
    lifecycleYears: 4,
    status: 'in_service',
    assignedUser: null,
    createdAt: '2025-01-06T09:00:00-05:00',
    updatedAt: '2025-01-06T09:00:00-05:00',
    ...overrides,
  };
}

const OFFICE_HOURS = [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '17:00' }));

export function aHoliday(overrides: Partial<Holiday> = {}): Holiday {
  return { id: nextId(), date: '2026-07-03', name: 'Independence Day', yearly: false, observed: false, ...overrides };
}

/** Monday to Friday 08:00–17:00 in New York, no holidays. */
export function aCalendar(overrides: Partial<Calendar> = {}): Calendar {
  return {
    id: nextId(),
    name: 'City office hours',
    timeZone: 'America/New_York',
    windows: OFFICE_HOURS,
    holidays: [],
    systemKey: null,
    departments: 0,
    ...overrides,
  };
}

/** A one-hour first response and eight-hour resolution for every ticket, on the department's calendar. */
export function anSlaPolicy(overrides: Partial<SlaPolicy> = {}): SlaPolicy {
  return {
    id: nextId(),
    position: 1,
    active: true,
    versionId: nextId(),
    version: 1,
    name: 'Standard',
    kinds: [],
    priorities: [],
    departmentIds: [],
    categoryIds: [],
    firstResponseMinutes: 60,
    resolutionMinutes: 480,
    nextResponseMinutes: null,
    pauseStatuses: ['waiting_on_requester', 'waiting_on_vendor'],
    calendarId: null,
    escalations: [],
    createdAt: '2025-01-06T09:00:00-05:00',
    updatedAt: '2025-01-06T09:00:00-05:00',
    ...overrides,
  };
}

/** The policy with its history: one version per number, newest first. */
export function anSlaPolicyDetail(policy: SlaPolicy, versions: Partial<SlaPolicyVersion>[] = [{}]): SlaPolicyDetail {
  return {
    ...policy,
    versions: versions.map((version, index) => ({
      id: index === 0 ? policy.versionId : nextId(),
      version: policy.version - index,
      name: policy.name,
      createdAt: '2025-01-06T09:00:00-05:00',
      createdById: nextId(),
      createdBy: 'Avery Admin',
      ...version,
    })),
  };
}

/** A running target: `elapsedMinutes` of `targetMinutes` gone, due at `dueAt`. */
export function anSlaTarget(overrides: Partial<SlaTargetClock> = {}): SlaTargetClock {
  const targetMinutes = overrides.targetMinutes ?? 480;
  const elapsedMinutes = overrides.elapsedMinutes ?? 120;
  return {
    targetMinutes,
    elapsedMinutes,
    pausedMinutes: 0,
    remainingMinutes: targetMinutes - elapsedMinutes,
    dueAt: '2025-01-07T11:00:00-05:00',
    state: 'running',
    breached: false,
    breachedAt: null,
    stoppedAt: null,
    ...overrides,
  };
}

/** The SLA timeline of a P3 incident on the city's office hours, resolution running; no escalations. */
export function aTicketSla(overrides: Partial<TicketSla> = {}): TicketSla {
  const policy = { id: nextId(), versionId: nextId(), name: 'P3 – normal', version: 1, active: true };
  return {
    computedAt: '2025-01-06T11:00:00-05:00',
    state: 'on_time',
    policy,
    calendar: { id: nextId(), name: 'City office hours', timeZone: 'America/New_York' },
    targets: {
      firstResponse: anSlaTarget({
        targetMinutes: 240,
        elapsedMinutes: 30,
        remainingMinutes: 0,
        state: 'met',
        dueAt: '2025-01-06T13:00:00-05:00',
        stoppedAt: '2025-01-06T09:30:00-05:00',
      }),
      resolution: anSlaTarget({ targetMinutes: 1620, elapsedMinutes: 120, dueAt: '2025-01-09T11:00:00-05:00' }),
      nextResponse: null,
    },
    dueAt: '2025-01-09T11:00:00-05:00',
    reopenCount: 0,
    firstResolutionMinutes: null,
    nextResponseCycles: 0,
    segments: [{ from: '2025-01-06T09:00:00-05:00', to: '2025-01-06T11:00:00-05:00', state: 'running' }],
    policyMatches: [{ at: '2025-01-06T09:00:00-05:00', policy, reason: 'created' }],
    escalations: [],
    ...overrides,
  };
}

export function aNotification(overrides: Partial<AppNotification> = {}): AppNotification {
  return {
    id: nextId(),
    ticketId: nextId(),
    type: 'ticket_assigned',
    title: 'INC-000123 was assigned to you',
    body: '"Laptop will not connect to Wi-Fi" is yours to work on.',
    link: '/tickets/INC-000123',
    createdAt: '2025-01-06T09:00:00-05:00',
    readAt: null,
    ...overrides,
  };
}

export function aWorkLog(overrides: Partial<WorkLog> = {}): WorkLog {
  const user = overrides.user ?? { id: nextId(), name: 'Terry Technician' };
  return {
    id: nextId(),
    user,
    workDate: '2026-03-02',
    minutes: 60,
    note: '',
    rateCents: 8500,
    costCents: 8500,
    createdBy: user,
    createdAt: '2026-03-02T10:00:00-05:00',
    updatedAt: '2026-03-02T10:00:00-05:00',
    can: { change: true },
    ...overrides,
  };
}

export function anExpense(overrides: Partial<Expense> = {}): Expense {
  return {
    id: nextId(),
    type: 'parts',
    amountCents: 4599,
    vendor: 'CDW',
    spentOn: '2026-03-02',
    description: 'USB-C dock',
    asset: null,
    createdBy: { id: nextId(), name: 'Terry Technician' },
    createdAt: '2026-03-02T10:00:00-05:00',
    updatedAt: '2026-03-02T10:00:00-05:00',
    can: { change: true },
    ...overrides,
  };
}

/** A ticket's costs, the totals summed from the entries given (none unless told). */
export function someTicketCosts(workLogs: WorkLog[] = [], expenses: Expense[] = []): TicketCosts {
  const labourCostCents = workLogs.reduce((sum, log) => sum + log.costCents, 0);
  const expensesCents = expenses.reduce((sum, expense) => sum + expense.amountCents, 0);
  return {
    labourMinutes: workLogs.reduce((sum, log) => sum + log.minutes, 0),
    labourCostCents,
    expensesCents,
    totalCents: labourCostCents + expensesCents,
    workLogs,
    expenses,
  };
}

/** The technicians' default rate, in force today. */
export function aRate(overrides: Partial<Rate> = {}): Rate {
  return {
    id: nextId(),
    user: null,
    role: 'technician',
    hourlyRateCents: 8500,
    effectiveFrom: '2025-01-01',
    period: 'current',
    createdAt: '2025-01-01T09:00:00-05:00',
    ...overrides,
  };
}

/** A laptop with its lifecycle and, as staff see it, its cost to date. */
export function anAssetDetail(overrides: Partial<AssetDetail> = {}): AssetDetail {
  return {
    ...anAsset(),
    retiredAt: null,
    lifecycle: { replacementDue: '2027-07-01', ageMonths: 40, monthsToReplacement: 7, replacementOverdue: false },
    costToDate: {
      reactiveCents: 0,
      serviceCents: 0,
      proactiveCents: 0,
      labourCents: 0,
      expensesCents: 0,
      totalCents: 0,
      labourMinutes: 0,
    },
    statusHistory: [],
    ...overrides,
  };
}

export function someSettings(overrides: Partial<Settings> = {}): Settings {
  return {
    autoCloseResolvedAfterDays: 5,
    fiscalYearStartMonth: 7,
    assetLifecycleYears: {
      desktop: 4,
      laptop: 3,
      tablet: 3,
      mobile_phone: 4,
      desk_phone: 4,
      printer: 5,
      server: 5,
      storage: 5,
      network_switch: 7,
      router: 7,
      firewall: 7,
      wireless_access_point: 7,
      ups: 4,
      mobile_data_terminal: 4,
      radio: 8,
      camera: 6,
      software: 3,
      other: 5,
    },
    ...overrides,
  };
}
