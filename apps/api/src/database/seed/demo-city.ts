import type { DataSource, EntityManager } from 'typeorm';
import { PasswordHasher } from '../../common/security/password-hasher.js';
import type { Clock } from '../../common/time/clock.js';
import type { Role } from '../../modules/users/domain/role.js';
import { seedDemoCalendars } from './demo-calendars.js';
import { seedDemoRates, seedDemoTicketCosts } from './demo-costs.js';
import { HISTORY_GAP_MS, seedDemoHistory } from './demo-history.js';
import { oldestDemoTicketHours, seedDemoServiceDesk, seedDemoTickets } from './demo-helpdesk.js';
import { generateDemoMaintenanceHistory, HISTORY_DAYS, seedDemoMaintenancePlans } from './demo-maintenance.js';
import { businessMinutesBefore, cityCalendar, clockDemoTickets, seedDemoSlaPolicies } from './demo-sla.js';
import { people } from './history/people.js';
import { Random } from './history/random.js';
import type { Schedule } from './history/seasonality.js';

export const DEMO_PASSWORD = 'civicdesk-demo';

/** The demo city's dice: the same seed, the same city. */
export const DEMO_SEED = 311;

export const DEMO_DEPARTMENTS = [
  { code: 'CH', name: 'City Hall', lifeSafety: false, employees: 30 },
  { code: 'FIN', name: 'Finance', lifeSafety: false, employees: 28 },
  { code: 'PD', name: 'Police', lifeSafety: true, employees: 60 },
  { code: 'FD', name: 'Fire', lifeSafety: true, employees: 40 },
  { code: 'PW', name: 'Public Works', lifeSafety: false, employees: 35 },
  { code: 'PARKS', name: 'Parks & Recreation', lifeSafety: false, employees: 20 },
  { code: 'LIB', name: 'Library', lifeSafety: false, employees: 22 },
  { code: 'UTIL', name: 'Utilities', lifeSafety: false, employees: 25 },
  { code: 'IT', name: 'Information Technology', lifeSafety: false, employees: 4 },
  { code: 'HR', name: 'Human Resources', lifeSafety: false, employees: 12 },
  { code: 'PLAN', name: 'Planning & Building', lifeSafety: false, employees: 16 },
  { code: 'COURT', name: 'Municipal Court', lifeSafety: false, employees: 10 },
] as const;

type DepartmentCode = (typeof DEMO_DEPARTMENTS)[number]['code'];

/** How each department works: police and fire around the clock, the library its long hours. */
const SCHEDULES = new Map<string, Schedule>([
  ['PD', 'around_the_clock'],
  ['FD', 'around_the_clock'],
  ['LIB', 'library'],
]);

/** The demo sign-ins (printed at start). */
export const DEMO_USERS: { email: string; name: string; role: Role; department: DepartmentCode }[] = [
  { email: 'admin@civicdesk.test', name: 'Alex Admin', role: 'admin', department: 'IT' },
  { email: 'manager@civicdesk.test', name: 'Morgan Manager', role: 'manager', department: 'IT' },
  { email: 'tech@civicdesk.test', name: 'Taylor Tech', role: 'technician', department: 'IT' },
  { email: 'tech2@civicdesk.test', name: 'Jordan Rivera', role: 'technician', department: 'IT' },
  { email: 'employee@civicdesk.test', name: 'Erin Employee', role: 'requester', department: 'FIN' },
  { email: 'officer@civicdesk.test', name: 'Owen Officer', role: 'requester', department: 'PD' },
  { email: 'firefighter@civicdesk.test', name: 'Frankie Firefighter', role: 'requester', department: 'FD' },
  { email: 'clerk@civicdesk.test', name: 'Casey Clerk', role: 'requester', department: 'CH' },
  { email: 'librarian@civicdesk.test', name: 'Lee Librarian', role: 'requester', department: 'LIB' },
];

/** Taylor's and Jordan's ten colleagues: twelve technicians in all. */
export const DEMO_TECHNICIANS = [
  'Priya Shah',
  'Marcus Bell',
  'Dana Whitfield',
  'Luis Ortega',
  'Grace Kim',
  'Omar Haddad',
  'Nina Petrova',
  'Sam Okafor',
  'Riley Chen',
  'Ben Carter',
].map((name) => ({ name, email: `${name.toLowerCase().replace(' ', '.')}@civicdesk.test` }));

/** Everyone who works for the demo city: the sign-ins, the technicians and about 300 employees. */
export function demoStaff(seed = DEMO_SEED): { email: string; name: string; role: Role; department: string }[] {
  const named = [...DEMO_USERS, ...DEMO_TECHNICIANS.map((t) => ({ ...t, role: 'technician' as const, department: 'IT' }))];
  const random = Random.seeded(seed);
  const taken = new Set(named.map((u) => u.email));
  const employees = DEMO_DEPARTMENTS.flatMap((d) => {
    const already = DEMO_USERS.filter((u) => u.department === d.code && u.role === 'requester').length;
    const folks = people(random, Math.max(0, d.employees - already), taken);
    for (const p of folks) taken.add(p.email);
    return folks.map((p) => ({ ...p, role: 'requester' as const, department: d.code }));
  });
  return [...named, ...employees];
}

/**
 * The whole demo city on a fresh database: the city with its history (one transaction), then
 * its maintenance plans run over their last months as the generation job would have.
 */
export async function loadDemoCity(dataSource: DataSource, clock: Clock, options: DemoCityOptions): Promise<LoadedDemoCity> {
  const city = await seedDemoCity(dataSource, clock, (p) => new PasswordHasher().hash(p), options);
  await generateDemoMaintenanceHistory(dataSource, clock);
  return city;
}

/** True when no user exists yet: a fresh database. */
export async function isFreshDatabase(dataSource: DataSource): Promise<boolean> {
  const [{ exists }] = await dataSource.query(`SELECT EXISTS (SELECT 1 FROM users) AS exists`);
  return !exists;
}

export interface DemoCityOptions {
  /** Years of history before the current tickets (0: none). */
  historyYears: number;
  /** Ticket volume of the history (1: the demo city's, about 7,000 tickets a year). */
  historyScale: number;
  seed?: number;
}

export interface LoadedDemoCity {
  historyTickets: number;
  /** How long generating and writing the history took. */
  historySeconds: number;
}

/**
 * Loads the demo city in one transaction: departments, everyone who works there (the demo
 * sign-ins with the password "civicdesk-demo", twelve technicians, ~300 employees), calendars
 * and SLA policies, the service desk's queues, categories and devices, rates, years of history
 * written through the live rules, then the current tickets on their SLA clocks, maintenance
 * plans and costs. Never runs in production (config refuses DEMO_DATA there).
 */
export async function seedDemoCity(
  dataSource: DataSource,
  clock: Clock,
  hashPassword: (p: string) => Promise<string>,
  options: DemoCityOptions,
): Promise<LoadedDemoCity> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = clock.now();
  const seed = options.seed ?? DEMO_SEED;
  return dataSource.transaction(async (manager: EntityManager) => {
    const ids = new Map<string, string>();
    const departments: { id: string; code: string }[] = await manager.query(
      `INSERT INTO departments (name, code, life_safety, created_at, updated_at)
       SELECT d.name, d.code, d.life_safety, $2, $2 FROM json_to_recordset($1::json) AS d(name text, code text, life_safety boolean)
       RETURNING id, code`,
      [JSON.stringify(DEMO_DEPARTMENTS.map((d) => ({ name: d.name, code: d.code, life_safety: d.lifeSafety }))), now],
    );
    for (const d of departments) ids.set(d.code, d.id);
    const staff = demoStaff(seed);
    const inserted: { id: string; email: string }[] = await manager.query(
      `INSERT INTO users (email, name, role, department_id, password_hash, password_changed_at, created_at, updated_at)
       SELECT u.email, u.name, u.role::user_role, u.department_id, $2, $3, $3, $3
         FROM json_to_recordset($1::json) AS u(email text, name text, role text, department_id uuid)
       RETURNING id, email`,
      [
        JSON.stringify(staff.map((u) => ({ email: u.email, name: u.name, role: u.role, department_id: ids.get(u.department) }))),
        passwordHash,
        now,
      ],
    );
    const users = new Map(inserted.map((u) => [u.email, u.id]));
    const adminId = users.get('admin@civicdesk.test')!;
    await seedDemoCalendars(manager, now, ids, options.historyYears);
    await seedDemoSlaPolicies(manager, now, { departments: ids, adminId });
    const city = await cityCalendar(manager);
    const desk = await seedDemoServiceDesk(manager, now, { departments: ids, users }, Random.seeded(seed + 1));
    await seedDemoRates(
      manager,
      now,
      users,
      DEMO_TECHNICIANS.map((t) => t.email),
    );
    // The past first, so ticket numbers read in the order tickets were filed.
    const history = await seedDemoHistory(
      manager,
      dataSource,
      clock,
      { schedules: SCHEDULES, assets: desk.assets, plannerId: adminId },
      {
        years: options.historyYears,
        scale: options.historyScale,
        seed: seed + 2,
        end: new Date(now.getTime() - oldestDemoTicketHours() * 60 * 60 * 1000 - HISTORY_GAP_MS),
        plansFrom: new Date(now.getTime() - HISTORY_DAYS * 24 * 60 * 60 * 1000),
      },
    );
    const current = await seedDemoTickets(
      manager,
      now,
      { departments: ids, users, businessMinutesAgo: (minutes) => businessMinutesBefore(city, now, minutes) },
      desk,
    );
    await clockDemoTickets(manager, dataSource, clock, current);
    await seedDemoMaintenancePlans(manager, now, { departments: ids, users, adminId, timeZone: city.timeZone });
    await seedDemoTicketCosts(manager, now, current);
    return { historyTickets: history.tickets, historySeconds: history.seconds };
  });
}
