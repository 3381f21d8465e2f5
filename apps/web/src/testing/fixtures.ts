import type {
  Asset,
  Category,
  Department,
  Me,
  Queue,
  Role,
  TicketComment,
  TicketCounts,
  TicketDetail,
  TicketEvent,
  TicketListItem,
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
    ...overrides,
  };
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
