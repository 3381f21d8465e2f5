import type { EntityManager } from 'typeorm';
import type { AssetType } from '../../modules/assets/domain/asset-vocabulary.js';
import { computePriority } from '../../modules/tickets/domain/priority.js';
import {
  defaultWorkClass,
  formatTicketNumber,
  type Impact,
  type TicketKind,
  type TicketStatus,
  type Urgency,
} from '../../modules/tickets/domain/ticket-vocabulary.js';
import { planFleet, type FleetGroup, type PlannedAsset } from './history/fleet.js';
import type { Random } from './history/random.js';

interface Ids {
  /** Department id by code. */
  departments: Map<string, string>;
  /** User id by e-mail. */
  users: Map<string, string>;
  /** The instant this many business minutes of the city's office hours before now. */
  businessMinutesAgo: (minutes: number) => Date;
}

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/** The technicians of each queue: Taylor and Jordan (the demo sign-ins) and their ten colleagues. */
const QUEUES = [
  {
    name: 'Network',
    restricted: false,
    members: ['tech@civicdesk.test', 'tech2@civicdesk.test', 'luis.ortega@civicdesk.test', 'omar.haddad@civicdesk.test'],
  },
  {
    name: 'Public Safety Systems',
    restricted: true,
    members: ['tech2@civicdesk.test', 'dana.whitfield@civicdesk.test', 'ben.carter@civicdesk.test'],
  },
  {
    name: 'Field Services',
    restricted: false,
    members: ['tech@civicdesk.test', 'riley.chen@civicdesk.test', 'nina.petrova@civicdesk.test', 'marcus.bell@civicdesk.test'],
  },
] as const;

/** The built-in queues' members. */
const BUILT_IN_QUEUE_MEMBERS = [
  [
    'Service Desk',
    [
      'tech@civicdesk.test',
      'tech2@civicdesk.test',
      'priya.shah@civicdesk.test',
      'marcus.bell@civicdesk.test',
      'grace.kim@civicdesk.test',
      'sam.okafor@civicdesk.test',
    ],
  ],
  ['Security', ['tech@civicdesk.test', 'omar.haddad@civicdesk.test', 'grace.kim@civicdesk.test']],
] as const;

const CATEGORIES: { name: string; queue: string; kind?: TicketKind }[] = [
  { name: 'Hardware', queue: 'Field Services' },
  { name: 'Software', queue: 'Service Desk' },
  { name: 'Network', queue: 'Network' },
  { name: 'Account / access', queue: 'Service Desk', kind: 'service_request' },
  { name: 'Telecom', queue: 'Network' },
  { name: 'Website', queue: 'Service Desk' },
  { name: 'Public safety systems', queue: 'Public Safety Systems' },
  { name: 'New equipment', queue: 'Field Services', kind: 'service_request' },
  { name: 'Other', queue: 'Service Desk' },
];

/** Devices each department has: [type, how many, name, unit cost in dollars]. */
const FLEET: Record<string, readonly FleetGroup[]> = {
  CH: [
    ['desktop', 18, 'Dell OptiPlex 7010', 980],
    ['laptop', 8, 'Lenovo ThinkPad T14', 1450],
    ['printer', 4, 'HP LaserJet M611', 1250],
    ['desk_phone', 14, 'Cisco IP Phone 8845', 310],
  ],
  FIN: [
    ['desktop', 14, 'Dell OptiPlex 7010', 980],
    ['laptop', 10, 'Lenovo ThinkPad T14', 1450],
    ['printer', 3, 'HP LaserJet M611', 1250],
    ['desk_phone', 10, 'Cisco IP Phone 8845', 310],
  ],
  PD: [
    ['mobile_data_terminal', 24, 'Panasonic Toughbook 40', 4200],
    ['desktop', 16, 'Dell OptiPlex 7010', 980],
    ['radio', 12, 'Motorola APX 6000', 5200],
    ['camera', 6, 'Axis Q1656 camera', 1600],
  ],
  FD: [
    ['mobile_data_terminal', 10, 'Panasonic Toughbook 40', 4200],
    ['desktop', 8, 'Dell OptiPlex 7010', 980],
    ['tablet', 8, 'iPad 10th gen', 520],
    ['radio', 10, 'Motorola APX 6000', 5200],
  ],
  PW: [
    ['laptop', 12, 'Dell Latitude 5440', 1300],
    ['tablet', 10, 'Samsung Galaxy Tab Active5', 690],
    ['mobile_phone', 14, 'iPhone 15', 830],
  ],
  PARKS: [
    ['laptop', 6, 'Dell Latitude 5440', 1300],
    ['desktop', 6, 'Dell OptiPlex 7010', 980],
    ['mobile_phone', 8, 'iPhone 15', 830],
  ],
  LIB: [
    ['desktop', 24, 'Dell OptiPlex 7010', 980],
    ['printer', 4, 'Xerox VersaLink C405', 890],
    ['wireless_access_point', 6, 'Aruba AP-515', 740],
  ],
  UTIL: [
    ['laptop', 8, 'Dell Latitude 5440', 1300],
    ['server', 2, 'SCADA historian server', 9800],
    ['tablet', 6, 'Samsung Galaxy Tab Active5', 690],
  ],
  IT: [
    ['server', 10, 'Dell PowerEdge R750', 11200],
    ['storage', 2, 'NetApp AFF A250', 38000],
    ['network_switch', 16, 'Cisco Catalyst 9300', 6400],
    ['router', 3, 'Cisco ISR 4451', 8900],
    ['firewall', 2, 'Palo Alto PA-3410', 21000],
    ['ups', 8, 'APC Smart-UPS 3000', 2100],
    ['laptop', 8, 'Lenovo ThinkPad X1 Carbon', 1900],
  ],
  HR: [
    ['desktop', 8, 'Dell OptiPlex 7010', 980],
    ['laptop', 4, 'Lenovo ThinkPad T14', 1450],
    ['printer', 1, 'HP LaserJet M611', 1250],
    ['desk_phone', 8, 'Cisco IP Phone 8845', 310],
  ],
  PLAN: [
    ['desktop', 10, 'Dell Precision 3680', 1900],
    ['laptop', 4, 'Dell Latitude 5440', 1300],
    ['tablet', 6, 'Samsung Galaxy Tab Active5', 690],
    ['printer', 1, 'HP DesignJet T1700 plotter', 6800],
  ],
  COURT: [
    ['desktop', 10, 'Dell OptiPlex 7010', 980],
    ['printer', 2, 'HP LaserJet M611', 1250],
    ['camera', 2, 'Axis Q1656 camera', 1600],
    ['desk_phone', 8, 'Cisco IP Phone 8845', 310],
  ],
};

const TYPE_CODE: Record<AssetType, string> = {
  desktop: 'PC',
  laptop: 'LT',
  tablet: 'TB',
  mobile_phone: 'MP',
  desk_phone: 'PH',
  printer: 'PR',
  server: 'SV',
  storage: 'ST',
  network_switch: 'SW',
  router: 'RT',
  firewall: 'FW',
  wireless_access_point: 'AP',
  ups: 'UPS',
  mobile_data_terminal: 'MDT',
  radio: 'RD',
  camera: 'CM',
  software: 'SW',
  other: 'OT',
};

const BUILDINGS: Record<string, string> = {
  CH: 'City Hall',
  FIN: 'City Hall, 2nd floor',
  PD: 'Police HQ',
  FD: 'Fire Station 1',
  PW: 'Public Works Yard',
  PARKS: 'Parks Office',
  LIB: 'Main Library',
  UTIL: 'Water Treatment Plant',
  IT: 'City Hall data center',
  HR: 'City Hall, 3rd floor',
  PLAN: 'Development Services Center',
  COURT: 'Municipal Court',
};

interface DemoTicket {
  title: string;
  description: string;
  requester: string;
  category: string;
  impact: Impact;
  urgency: Urgency;
  status: TicketStatus;
  assignee?: string;
  /** Hours before now the ticket was filed. */
  age: number;
  /** Instead of `age`: business minutes of the city's office hours before now (clocks in a chosen state). */
  businessAge?: number;
  asset?: string;
  reply?: string;
  note?: string;
}

const TICKETS: DemoTicket[] = [
  {
    title: 'Printer on 2nd floor jams on every page',
    description: 'The HP in the copy room jams on every print job since this morning.',
    requester: 'employee@civicdesk.test',
    category: 'Hardware',
    impact: 'several_people',
    urgency: 'work_degraded',
    status: 'new',
    age: 2,
    asset: 'FIN-PR',
  },
  {
    title: 'Cannot open the budget workbook',
    description: 'Excel says the file is locked for editing by another user, but nobody has it open.',
    requester: 'employee@civicdesk.test',
    category: 'Software',
    impact: 'one_person',
    urgency: 'work_degraded',
    status: 'assigned',
    assignee: 'tech@civicdesk.test',
    age: 5,
  },
  {
    title: 'In-car terminal in unit 14 freezes at login',
    description: 'Toughbook in patrol unit 14 hangs on the login screen after the update.',
    requester: 'officer@civicdesk.test',
    category: 'Public safety systems',
    impact: 'one_person',
    urgency: 'work_stopped',
    status: 'in_progress',
    assignee: 'tech2@civicdesk.test',
    age: 3,
    asset: 'PD-MDT',
    note: 'Likely the VPN client update from Tuesday; rolling back on a spare first.',
  },
  {
    title: 'Dispatch map layer not refreshing',
    description: 'The AVL layer on the dispatch map shows vehicle positions from an hour ago.',
    requester: 'officer@civicdesk.test',
    category: 'Public safety systems',
    impact: 'department',
    urgency: 'work_degraded',
    status: 'new',
    age: 1,
  },
  {
    title: 'Wi-Fi drops in the children’s area',
    description: 'Patrons say the wireless drops every few minutes near the children’s section.',
    requester: 'librarian@civicdesk.test',
    category: 'Network',
    impact: 'several_people',
    urgency: 'inconvenience',
    status: 'in_progress',
    assignee: 'tech@civicdesk.test',
    age: 26,
    asset: 'LIB-AP',
    reply: 'We are replacing the access point near the children’s area tomorrow morning.',
  },
  {
    title: 'Need access to the permits system for a new clerk',
    description: 'New clerk Sam Ortiz starts Monday and needs the permits system and a shared mailbox.',
    requester: 'clerk@civicdesk.test',
    category: 'Account / access',
    impact: 'one_person',
    urgency: 'inconvenience',
    status: 'waiting_on_requester',
    assignee: 'tech@civicdesk.test',
    age: 30,
    reply: 'Could you send us the approval from the department head?',
  },
  {
    title: 'Station alerting speaker crackles',
    description: 'Station 1 alerting speakers crackle during tones; crews can still hear them.',
    requester: 'firefighter@civicdesk.test',
    category: 'Telecom',
    impact: 'department',
    urgency: 'work_degraded',
    status: 'waiting_on_vendor',
    assignee: 'tech@civicdesk.test',
    age: 50,
    note: 'Vendor ticket 55123 opened with the alerting system supplier.',
  },
  {
    title: 'Laptop battery swollen',
    description: 'The battery on my laptop is bulging and the trackpad is lifting.',
    requester: 'employee@civicdesk.test',
    category: 'Hardware',
    impact: 'one_person',
    urgency: 'work_degraded',
    status: 'resolved',
    assignee: 'tech@civicdesk.test',
    age: 72,
    asset: 'FIN-LT',
    reply: 'Battery replaced and the old one recycled safely. Please confirm all is well.',
  },
  {
    title: 'Website calendar shows wrong time zone',
    description: 'Council meeting times on the public website are one hour off since the clocks changed.',
    requester: 'clerk@civicdesk.test',
    category: 'Website',
    impact: 'city_wide',
    urgency: 'work_degraded',
    status: 'in_progress',
    assignee: 'tech2@civicdesk.test',
    age: 8,
  },
  {
    title: 'New monitor for the front desk',
    description: 'The reception desk needs a second monitor for the visitor sign-in screen.',
    requester: 'clerk@civicdesk.test',
    category: 'New equipment',
    impact: 'one_person',
    urgency: 'can_wait',
    status: 'new',
    age: 40,
  },
  {
    title: 'Core switch in City Hall logging errors',
    description: 'Monitoring shows CRC errors on uplink port 1/1/48 of the City Hall core switch.',
    requester: 'manager@civicdesk.test',
    category: 'Network',
    impact: 'city_wide',
    urgency: 'inconvenience',
    status: 'assigned',
    assignee: 'tech2@civicdesk.test',
    age: 6,
    asset: 'IT-SW',
  },
  {
    title: 'Scanner not saving to the shared drive',
    description: 'Scans from the copier go nowhere since the password change.',
    requester: 'employee@civicdesk.test',
    category: 'Hardware',
    impact: 'several_people',
    urgency: 'inconvenience',
    status: 'closed',
    assignee: 'tech@civicdesk.test',
    age: 120,
    reply: 'Updated the scan-to-folder credentials on the copier.',
  },
  {
    title: 'Parks booking tablet will not charge',
    description: 'The tablet at the pavilion desk does not charge with any cable.',
    requester: 'clerk@civicdesk.test',
    category: 'Hardware',
    impact: 'one_person',
    urgency: 'inconvenience',
    status: 'new',
    age: 12,
  },
  {
    title: 'Voicemail PIN reset',
    description: 'I forgot my voicemail PIN.',
    requester: 'librarian@civicdesk.test',
    category: 'Telecom',
    impact: 'one_person',
    urgency: 'can_wait',
    status: 'canceled',
    age: 200,
  },
  {
    title: 'SCADA historian disk almost full',
    description: 'The historian server at the treatment plant is at 92% disk usage.',
    requester: 'manager@civicdesk.test',
    category: 'Hardware',
    impact: 'department',
    urgency: 'work_degraded',
    status: 'in_progress',
    assignee: 'tech@civicdesk.test',
    age: 20,
    asset: 'UTIL-SV',
  },
  {
    title: 'Body camera docking station offline',
    description: 'Dock 3 in the sally port shows offline and cameras are not uploading.',
    requester: 'officer@civicdesk.test',
    category: 'Public safety systems',
    impact: 'several_people',
    urgency: 'work_degraded',
    status: 'assigned',
    assignee: 'tech2@civicdesk.test',
    age: 4,
  },
  {
    title: 'Outlook keeps asking for my password',
    description: 'Every few minutes Outlook prompts for my password again.',
    requester: 'firefighter@civicdesk.test',
    category: 'Software',
    impact: 'one_person',
    urgency: 'work_degraded',
    status: 'new',
    age: 0.5,
  },
  {
    title: 'Request: install GIS viewer',
    description: 'Please install the GIS viewer on the planning desktop for the new zoning maps.',
    requester: 'clerk@civicdesk.test',
    category: 'Software',
    impact: 'one_person',
    urgency: 'can_wait',
    status: 'waiting_on_requester',
    assignee: 'tech@civicdesk.test',
    age: 90,
    reply: 'Which desktop is it? Please send the asset tag on the sticker.',
  },
];

/** Everyday problems that fill the queues, cycled through departments and statuses. */
const EVERYDAY: [string, string, Impact, Urgency][] = [
  ['Computer very slow after update', 'Software', 'one_person', 'work_degraded'],
  ['Cannot connect to the shared drive', 'Network', 'one_person', 'work_stopped'],
  ['Second monitor not detected', 'Hardware', 'one_person', 'inconvenience'],
  ['Password expired while on leave', 'Account / access', 'one_person', 'work_stopped'],
  ['Desk phone shows "registering"', 'Telecom', 'one_person', 'work_degraded'],
  ['Teams meeting audio cuts out', 'Software', 'several_people', 'inconvenience'],
  ['Label printer prints blank labels', 'Hardware', 'several_people', 'work_degraded'],
  ['Request a loaner laptop for travel', 'New equipment', 'one_person', 'can_wait'],
  ['Form on the city website returns an error', 'Website', 'city_wide', 'inconvenience'],
  ['Badge reader at the side door rejects badges', 'Hardware', 'department', 'work_degraded'],
];
const REQUESTERS = [
  'employee@civicdesk.test',
  'officer@civicdesk.test',
  'firefighter@civicdesk.test',
  'clerk@civicdesk.test',
  'librarian@civicdesk.test',
];
const CYCLE: [TicketStatus, string | undefined][] = [
  ['new', undefined],
  ['assigned', 'tech@civicdesk.test'],
  ['in_progress', 'tech2@civicdesk.test'],
  ['waiting_on_requester', 'tech@civicdesk.test'],
  ['new', undefined],
  ['in_progress', 'tech@civicdesk.test'],
  ['waiting_on_vendor', 'tech2@civicdesk.test'],
  ['resolved', 'tech@civicdesk.test'],
  ['closed', 'tech2@civicdesk.test'],
  ['assigned', 'tech2@civicdesk.test'],
];

/**
 * P3 incidents from Finance (3 business days to resolve, 1,620 minutes) placed so that, whenever
 * the demo is loaded, the queue shows every countdown state: on time, at risk (past 75 %),
 * breached, and paused while waiting on the requester.
 */
const SLA_SHOWCASE: DemoTicket[] = [
  ['Budget report macro runs slowly', 'in_progress', 300],
  ['Shared drive mapping drops after lunch', 'in_progress', 1400],
  ['Accounts payable scanner rejects batches', 'in_progress', 1900],
  ['Timesheet app shows the wrong pay period', 'waiting_on_requester', 900],
].map(([title, status, businessAge]) => ({
  title: title as string,
  description: `${title as string}; several invoices are waiting on it.`,
  requester: 'employee@civicdesk.test',
  category: 'Software',
  impact: 'one_person',
  urgency: 'work_degraded',
  status: status as TicketStatus,
  assignee: 'tech@civicdesk.test',
  age: 0,
  businessAge: businessAge as number,
  reply: 'Thanks, we are looking into it.',
}));

/** How long ago the oldest of the current demo tickets was filed: history ends before it, so numbers read in order. */
export function oldestDemoTicketHours(): number {
  return Math.max(...demoTickets().map((t) => t.age));
}

/** The named demo tickets plus everyday ones: a few dozen open tickets in every status. */
function demoTickets(): DemoTicket[] {
  const everyday = Array.from({ length: 40 }, (_, i): DemoTicket => {
    const [title, category, impact, urgency] = EVERYDAY[i % EVERYDAY.length]!;
    const [status, assignee] = CYCLE[(i * 3) % CYCLE.length]!;
    return {
      title,
      description: `${title}. Reported from ${['the front counter', 'the back office', 'a field crew', 'the conference room'][i % 4]}.`,
      requester: REQUESTERS[i % REQUESTERS.length]!,
      category,
      impact,
      urgency,
      status,
      ...(assignee ? { assignee } : {}),
      age: 1 + ((i * 37) % 160),
      ...(status === 'resolved' || status === 'waiting_on_requester'
        ? { reply: 'Please check whether it works for you now and let us know.' }
        : {}),
    };
  });
  return [...TICKETS, ...everyday, ...SLA_SHOWCASE];
}

/** A planned device of the demo city, as stored. */
export interface DemoAsset extends PlannedAsset {
  id: string;
  tag: string;
}

export interface DemoServiceDesk {
  queues: Map<string, string>;
  categories: Map<string, { id: string; queueId: string }>;
  assets: DemoAsset[];
}

/**
 * The demo city's service desk: queues with their members, categories, and ~390 devices across
 * the departments with the ages a city's fleet has (see planFleet). Deterministic.
 */
export async function seedDemoServiceDesk(
  manager: EntityManager,
  now: Date,
  ids: Pick<Ids, 'departments' | 'users'>,
  random: Random,
): Promise<DemoServiceDesk> {
  const user = (email: string): string => ids.users.get(email)!;
  const queues = new Map<string, string>();
  for (const row of await manager.query(`SELECT id, name FROM queues`)) queues.set(row.name, row.id);
  for (const q of QUEUES) {
    const [row] = await manager.query(
      `INSERT INTO queues (name, restricted, created_at, updated_at) VALUES ($1, $2, $3, $3) RETURNING id`,
      [q.name, q.restricted, now],
    );
    queues.set(q.name, row.id);
  }
  const members = [...QUEUES.map((q) => [q.name, q.members] as const), ...BUILT_IN_QUEUE_MEMBERS].flatMap(([queue, emails]) =>
    emails.map((email) => ({ queue_id: queues.get(queue), user_id: user(email) })),
  );
  await manager.query(
    `INSERT INTO queue_members (queue_id, user_id) SELECT m.queue_id, m.user_id FROM json_to_recordset($1::json) AS m(queue_id uuid, user_id uuid)`,
    [JSON.stringify(members)],
  );
  await manager.query(`UPDATE queues SET lead_id = $1 WHERE name = 'Service Desk'`, [user('manager@civicdesk.test')]);
  await manager.query(`UPDATE queues SET lead_id = $1 WHERE name = 'Public Safety Systems'`, [user('tech2@civicdesk.test')]);

  const categories = new Map<string, { id: string; queueId: string }>();
  for (const row of await manager.query(`SELECT id, name, default_queue_id FROM categories`))
    categories.set(row.name, { id: row.id, queueId: row.default_queue_id });
  for (const c of CATEGORIES) {
    const [row] = await manager.query(
      `INSERT INTO categories (name, default_queue_id, default_kind, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING id`,
      [c.name, queues.get(c.queue), c.kind ?? null, now],
    );
    categories.set(c.name, { id: row.id, queueId: queues.get(c.queue)! });
  }

  // Assets: tags like FIN-LT-0003, warranties of three years, one statement.
  const planned = planFleet(random, now, FLEET);
  const rows = planned.map((a, serial) => {
    const warranty = new Date(`${a.purchaseDate}T00:00:00Z`);
    warranty.setUTCFullYear(warranty.getUTCFullYear() + 3);
    return {
      tag: `${a.departmentCode}-${TYPE_CODE[a.type]}-${String(a.index).padStart(4, '0')}`,
      name: a.name,
      type: a.type,
      department_id: ids.departments.get(a.departmentCode),
      location: BUILDINGS[a.departmentCode] ?? null,
      serial: `SN${(100000 + (serial + 1) * 7919).toString(36).toUpperCase()}`,
      purchase_date: a.purchaseDate,
      cost_cents: a.costCents,
      warranty_end: warranty.toISOString().slice(0, 10),
      lifecycle_years: a.lifecycleYears,
      // The lemons wait for their replacement in service; the first of each kind is the named tickets' device, in use.
      status: a.lemon || a.index === 1 ? 'in_service' : a.status,
      retired_at: a.lemon || a.index === 1 ? null : a.retiredAt,
      assigned_user_id:
        a.departmentCode === 'FIN' && a.type === 'laptop' && a.index === 1 ? user('employee@civicdesk.test') : null,
    };
  });
  const inserted: { id: string; tag: string }[] = await manager.query(
    `INSERT INTO assets (tag, name, type, department_id, location, serial, purchase_date, cost_cents, warranty_end, lifecycle_years, status,
                         retired_at, assigned_user_id, created_at, updated_at)
     SELECT a.tag, a.name, a.type::asset_type, a.department_id, a.location, a.serial, a.purchase_date, a.cost_cents, a.warranty_end,
            a.lifecycle_years, a.status::asset_status, a.retired_at, a.assigned_user_id, $2, $2
       FROM json_to_recordset($1::json) AS a(tag text, name text, type text, department_id uuid, location text, serial text,
            purchase_date date, cost_cents bigint, warranty_end date, lifecycle_years int, status text, retired_at timestamptz,
            assigned_user_id uuid)
     RETURNING id, tag`,
    [JSON.stringify(rows), now],
  );
  const idOf = new Map(inserted.map((r) => [r.tag, r.id]));
  const assets = planned.map((a, k): DemoAsset => {
    const tag = rows[k]!.tag;
    return { ...a, status: rows[k]!.status, retiredAt: rows[k]!.retired_at, id: idOf.get(tag)!, tag };
  });
  return { queues, categories, assets };
}

/**
 * The demo's current tickets, in every status with replies, notes and a consistent audit
 * trail, filed over the last few days (after the history). Deterministic. Returns their ids.
 */
export async function seedDemoTickets(manager: EntityManager, now: Date, ids: Ids, desk: DemoServiceDesk): Promise<string[]> {
  const user = (email: string): string => ids.users.get(email)!;
  // The first device of each department and type (FIN-LT-0001…), which the named tickets are about.
  const assetByPrefix = new Map<string, string>();
  for (const a of desk.assets) {
    const prefix = a.tag.slice(0, a.tag.lastIndexOf('-'));
    if (a.index === 1) assetByPrefix.set(prefix, a.id);
  }
  const lifeSafety = new Map<string, boolean>();
  for (const row of await manager.query(`SELECT id, life_safety FROM departments`)) lifeSafety.set(row.id, row.life_safety);
  const created: string[] = [];
  for (const t of demoTickets()) {
    created.push(
      await seedTicket(manager, now, t, {
        user,
        categories: desk.categories,
        assets: assetByPrefix,
        lifeSafety,
        ago: ids.businessMinutesAgo,
      }),
    );
  }
  return created;
}

async function seedTicket(
  manager: EntityManager,
  now: Date,
  t: DemoTicket,
  refs: {
    user: (email: string) => string;
    categories: Map<string, { id: string; queueId: string }>;
    assets: Map<string, string>;
    lifeSafety: Map<string, boolean>;
    ago: (businessMinutes: number) => Date;
  },
): Promise<string> {
  const category = refs.categories.get(t.category)!;
  const requesterId = refs.user(t.requester);
  const [{ department_id: departmentId }] = await manager.query(`SELECT department_id FROM users WHERE id = $1`, [requesterId]);
  const kind: TicketKind =
    t.category === 'New equipment' || t.category === 'Account / access' || t.title.startsWith('Request')
      ? 'service_request'
      : 'incident';
  const created = t.businessAge !== undefined ? refs.ago(t.businessAge) : new Date(now.getTime() - t.age * HOUR);
  const span = now.getTime() - created.getTime();
  // Assigned within 10 minutes and answered within 20, as a staffed desk does; later steps spread over the ticket's life.
  const step = (n: number): Date =>
    new Date(
      created.getTime() +
        (n === 1
          ? Math.min(0.2 * span, 10 * MINUTE)
          : n === 2
            ? Math.min(0.4 * span, 20 * MINUTE)
            : Math.min(n * 0.2, 0.9) * span),
    );
  const assigneeId = t.assignee ? refs.user(t.assignee) : null;
  const path = statusPath(t.status);
  const [{ n }] = await manager.query(`SELECT nextval($1::regclass)::int AS n`, [`ticket_number_${kind}`]);
  const reached = (s: TicketStatus): boolean => path.includes(s);
  const [row] = await manager.query(
    `INSERT INTO tickets (number, kind, work_class, title, description, status, impact, urgency, priority, requester_id, department_id, queue_id,
                          assignee_id, category_id, asset_id, source, created_by_id, created_at, updated_at, first_response_at, resolved_at, closed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 'web', $10, $16, $17, $18, $19, $20) RETURNING id`,
    [
      formatTicketNumber(kind, n),
      kind,
      defaultWorkClass(kind),
      t.title,
      t.description,
      t.status,
      t.impact,
      t.urgency,
      computePriority(t.impact, t.urgency, refs.lifeSafety.get(departmentId) === true),
      requesterId,
      departmentId,
      category.queueId,
      assigneeId,
      category.id,
      t.asset ? (refs.assets.get(t.asset) ?? null) : null,
      created,
      step(path.length),
      reached('in_progress') || t.reply ? step(2) : null,
      reached('resolved') ? step(path.indexOf('resolved')) : null,
      t.status === 'closed' || t.status === 'canceled' ? step(path.length - 1) : null,
    ],
  );
  const events: [string | null, string, boolean, Record<string, unknown>, Date][] = [
    [requesterId, 'created', true, { onBehalf: false }, created],
  ];
  if (assigneeId) events.push([assigneeId, 'assigned', false, { from: null, to: assigneeId }, step(1)]);
  path
    .slice(1)
    .forEach((status, i) =>
      events.push([
        status === 'canceled' ? requesterId : assigneeId,
        'status_changed',
        true,
        { from: path[i], to: status },
        step(i + 1),
      ]),
    );
  if (t.status === 'closed') events.push([requesterId, 'confirmed', true, {}, step(path.length - 1)]);
  for (const [body, internal] of [
    [t.reply, false],
    [t.note, true],
  ] as const) {
    if (!body || !assigneeId) continue;
    const [comment] = await manager.query(
      `INSERT INTO ticket_comments (ticket_id, author_id, body, internal, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [row.id, assigneeId, body, internal, step(2)],
    );
    events.push([assigneeId, 'commented', !internal, { commentId: comment.id, internal }, step(2)]);
  }
  events.sort((a, b) => a[4].getTime() - b[4].getTime());
  for (const [actor, type, isPublic, data, at] of events) {
    await manager.query(
      `INSERT INTO ticket_events (ticket_id, actor_id, type, public, data, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [row.id, actor, type, isPublic, JSON.stringify(data), at],
    );
  }
  return row.id;
}

/** The statuses a demo ticket passed through to reach its current one. */
function statusPath(status: TicketStatus): TicketStatus[] {
  switch (status) {
    case 'new':
      return ['new'];
    case 'assigned':
      return ['new', 'assigned'];
    case 'in_progress':
      return ['new', 'assigned', 'in_progress'];
    case 'waiting_on_requester':
    case 'waiting_on_vendor':
      return ['new', 'assigned', 'in_progress', status];
    case 'resolved':
      return ['new', 'assigned', 'in_progress', 'resolved'];
    case 'closed':
      return ['new', 'assigned', 'in_progress', 'resolved', 'closed'];
    case 'canceled':
      return ['new', 'canceled'];
  }
}
