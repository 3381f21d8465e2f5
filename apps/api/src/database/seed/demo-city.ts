import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../../common/time/clock.js';
import type { Role } from '../../modules/users/domain/role.js';
import { seedDemoCalendars } from './demo-calendars.js';
import { seedDemoHelpdesk } from './demo-helpdesk.js';
import { seedDemoCosts } from './demo-costs.js';
import { seedDemoMaintenancePlans } from './demo-maintenance.js';
import { businessMinutesBefore, cityCalendar, clockDemoTickets, seedDemoSlaPolicies } from './demo-sla.js';

export const DEMO_PASSWORD = 'civicdesk-demo';

export const DEMO_DEPARTMENTS = [
  { code: 'CH', name: 'City Hall', lifeSafety: false },
  { code: 'FIN', name: 'Finance', lifeSafety: false },
  { code: 'PD', name: 'Police', lifeSafety: true },
  { code: 'FD', name: 'Fire', lifeSafety: true },
  { code: 'PW', name: 'Public Works', lifeSafety: false },
  { code: 'PARKS', name: 'Parks & Recreation', lifeSafety: false },
  { code: 'LIB', name: 'Library', lifeSafety: false },
  { code: 'UTIL', name: 'Utilities', lifeSafety: false },
  { code: 'IT', name: 'Information Technology', lifeSafety: false },
] as const;

type DepartmentCode = (typeof DEMO_DEPARTMENTS)[number]['code'];

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

/** True when no user exists yet: a fresh database. */
export async function isFreshDatabase(dataSource: DataSource): Promise<boolean> {
  const [{ exists }] = await dataSource.query(`SELECT EXISTS (SELECT 1 FROM users) AS exists`);
  return !exists;
}

/**
 * Loads the demo city in one transaction: departments, demo users of every role (all with the
 * password "civicdesk-demo"), calendars and SLA policies, and the helpdesk's queues, categories, assets and
 * tickets on their SLA clocks. Never runs in production (config refuses DEMO_DATA there).
 */
export async function seedDemoCity(
  dataSource: DataSource,
  clock: Clock,
  hashPassword: (p: string) => Promise<string>,
): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = clock.now();
  await dataSource.transaction(async (manager: EntityManager) => {
    const ids = new Map<string, string>();
    for (const d of DEMO_DEPARTMENTS) {
      const [row] = await manager.query(
        `INSERT INTO departments (name, code, life_safety, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING id`,
        [d.name, d.code, d.lifeSafety, now],
      );
      ids.set(d.code, row.id);
    }
    const users = new Map<string, string>();
    for (const u of DEMO_USERS) {
      const [row] = await manager.query(
        `INSERT INTO users (email, name, role, department_id, password_hash, password_changed_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6, $6) RETURNING id`,
        [u.email, u.name, u.role, ids.get(u.department), passwordHash, now],
      );
      users.set(u.email, row.id);
    }
    await seedDemoCalendars(manager, now, ids);
    await seedDemoSlaPolicies(manager, now, { departments: ids, adminId: users.get('admin@civicdesk.test')! });
    const city = await cityCalendar(manager);
    await seedDemoHelpdesk(manager, now, {
      departments: ids,
      users,
      businessMinutesAgo: (minutes) => businessMinutesBefore(city, now, minutes),
    });
    await clockDemoTickets(manager, dataSource, clock);
    await seedDemoMaintenancePlans(manager, now, {
      departments: ids,
      users,
      adminId: users.get('admin@civicdesk.test')!,
      timeZone: city.timeZone,
    });
    await seedDemoCosts(manager, now, users);
  });
}
