import type { DataSource } from 'typeorm';
import { createDepartment, createUser, type UserRecord } from '../factories/identity.factory.js';
import { createQueue } from '../factories/reference.factory.js';
import type { ApiClient, ApiResponse } from './test-app.js';
import type { LoadPerson } from './ticket-load.js';

/** The people of the fault tests' city: who files, who works, who is told. */
export interface FaultCity {
  waterDept: string;
  fieldQueue: string;
  lead: UserRecord;
  admin: UserRecord;
  manager: UserRecord;
  technicians: UserRecord[];
  requesters: UserRecord[];
}

/** Water's requesters, a Field IT queue of four technicians and a lead, an admin and a manager. */
export async function createFaultCity(db: DataSource, requesterCount = 8): Promise<FaultCity> {
  const waterDept = (await createDepartment(db, { name: 'Water' })).id;
  const technicians = await Promise.all([1, 2, 3, 4].map(() => createUser(db, { role: 'technician' })));
  const lead = await createUser(db, { role: 'technician' });
  const fieldQueue = (
    await createQueue(db, { name: 'Field IT', leadId: lead.id, memberIds: [...technicians, lead].map((u) => u.id) })
  ).id;
  const requesters = await Promise.all(
    Array.from({ length: requesterCount }, () => createUser(db, { role: 'requester', departmentId: waterDept })),
  );
  const admin = await createUser(db, { role: 'admin' });
  const manager = await createUser(db, { role: 'manager' });
  return { waterDept, fieldQueue, lead, admin, manager, technicians, requesters };
}

/** Everyone signed in at once, each with a browser-like client of their own. */
export function signInAll(users: readonly UserRecord[], client: () => ApiClient): Promise<LoadPerson[]> {
  return Promise.all(
    users.map(async (user) => {
      const c = client();
      await c.login(user.email, user.password);
      return { ...user, client: c };
    }),
  );
}

/** First response and resolution targets of Water's tickets on a 24×7 calendar (business minutes = minutes). */
export const FAULT_SLA = { firstResponseMinutes: 60, resolutionMinutes: 120 } as const;

/**
 * Water's SLA policy, through the API as an admin sets it up: 24×7, escalating at 50 % and 100 %
 * of the first response (assignee, then managers) and at 50 % of the resolution (queue lead).
 */
export async function configureWaterSla(admin: ApiClient, waterDept: string): Promise<void> {
  const calendar = expectStatus(
    await admin.post('/api/calendars', {
      name: 'Always',
      timeZone: 'America/New_York',
      windows: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, start: '00:00', end: '24:00' })),
    }),
    201,
    'calendar',
  );
  expectStatus(
    await admin.post('/api/sla-policies', {
      name: 'Water',
      departmentIds: [waterDept],
      calendarId: calendar.body.id,
      ...FAULT_SLA,
      escalations: [
        { target: 'first_response', percent: 50, level: 1, actions: ['notify_assignee'] },
        { target: 'first_response', percent: 100, level: 2, actions: ['notify_managers'] },
        { target: 'resolution', percent: 50, level: 1, actions: ['notify_queue_lead'] },
      ],
    }),
    201,
    'policy',
  );
}

export function expectStatus<T>(res: ApiResponse<T>, status: number, what: string): ApiResponse<T> {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}
