import type { DataSource, EntityManager } from 'typeorm';
import { businessMinutesBetween, type Calendar } from '@civicdesk/sla';
import type { Clock } from '../../common/time/clock.js';
import type { PolicyEscalation } from '../../modules/sla-policies/domain/sla-policy-vocabulary.js';
import { SlaPoliciesService } from '../../modules/sla-policies/sla-policies.service.js';
import type { Priority, TicketKind } from '../../modules/tickets/domain/ticket-vocabulary.js';
import { loadCalendars } from '../../modules/ticket-sla/calendar-source.js';
import { TicketSlaService } from '../../modules/ticket-sla/ticket-sla.service.js';

interface DemoPolicy {
  name: string;
  kinds?: TicketKind[];
  priorities?: Priority[];
  lifeSafety?: boolean;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  nextResponseMinutes?: number;
  escalations: PolicyEscalation[];
}

/** The usual ladder: the assignee at half time, the queue lead at 75 %, managers and a priority raise at 100 %. */
const LADDER: PolicyEscalation[] = [
  { target: 'first_response', percent: 100, level: 1, actions: ['notify_assignee', 'notify_queue_lead'] },
  { target: 'resolution', percent: 50, level: 1, actions: ['notify_assignee'] },
  { target: 'resolution', percent: 75, level: 2, actions: ['notify_assignee', 'notify_queue_lead'] },
  { target: 'resolution', percent: 100, level: 3, actions: ['notify_managers', 'raise_priority'] },
];
const HOUR = 60;
const DAY = 9 * HOUR; // one business day of the city's 08:00–17:00

/**
 * First match wins: life-safety departments (police, fire) first and stricter, on their 24×7
 * calendar; then incidents by priority; service requests; a fallback without conditions.
 */
const POLICIES: DemoPolicy[] = [
  {
    name: 'Life safety – P1',
    lifeSafety: true,
    priorities: ['P1'],
    firstResponseMinutes: 15,
    resolutionMinutes: 2 * HOUR,
    escalations: LADDER,
  },
  { name: 'Life safety', lifeSafety: true, firstResponseMinutes: 30, resolutionMinutes: 8 * HOUR, escalations: LADDER },
  {
    name: 'P1 – critical incident',
    kinds: ['incident'],
    priorities: ['P1'],
    firstResponseMinutes: 30,
    resolutionMinutes: 4 * HOUR,
    escalations: LADDER,
  },
  {
    name: 'P2 – high',
    kinds: ['incident'],
    priorities: ['P2'],
    firstResponseMinutes: HOUR,
    resolutionMinutes: DAY,
    escalations: LADDER,
  },
  {
    name: 'P3 – normal',
    kinds: ['incident'],
    priorities: ['P3'],
    firstResponseMinutes: 4 * HOUR,
    resolutionMinutes: 3 * DAY,
    nextResponseMinutes: DAY,
    escalations: LADDER,
  },
  {
    name: 'P4 – low',
    kinds: ['incident'],
    priorities: ['P4'],
    firstResponseMinutes: DAY,
    resolutionMinutes: 5 * DAY,
    escalations: LADDER,
  },
  {
    name: 'Service requests',
    kinds: ['service_request'],
    firstResponseMinutes: DAY,
    resolutionMinutes: 10 * DAY,
    escalations: [{ target: 'resolution', percent: 100, level: 1, actions: ['notify_assignee', 'notify_queue_lead'] }],
  },
  { name: 'Default', firstResponseMinutes: DAY, resolutionMinutes: 10 * DAY, escalations: [] },
];

/** The demo SLA policies, each as version 1. */
export async function seedDemoSlaPolicies(
  manager: EntityManager,
  now: Date,
  ids: { departments: Map<string, string>; adminId: string },
): Promise<void> {
  const lifeSafety = [ids.departments.get('PD')!, ids.departments.get('FD')!];
  for (const [index, p] of POLICIES.entries()) {
    const [policy] = await manager.query(
      `INSERT INTO sla_policies (position, active, created_at, updated_at) VALUES ($1, true, $2, $2) RETURNING id`,
      [index + 1, now],
    );
    const [version] = await manager.query(
      `INSERT INTO sla_policy_versions (policy_id, version, name, kinds, priorities, department_ids, first_response_minutes,
                                        resolution_minutes, next_response_minutes, escalations, created_at, created_by)
       VALUES ($1, 1, $2, $3::ticket_kind[], $4::ticket_priority[], $5::uuid[], $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        policy.id,
        p.name,
        p.kinds ?? [],
        p.priorities ?? [],
        p.lifeSafety ? lifeSafety : [],
        p.firstResponseMinutes,
        p.resolutionMinutes,
        p.nextResponseMinutes ?? null,
        JSON.stringify(p.escalations),
        now,
        ids.adminId,
      ],
    );
    await manager.query(`UPDATE sla_policies SET current_version_id = $2 WHERE id = $1`, [policy.id, version.id]);
  }
}

/**
 * Puts the demo's current tickets on their clocks as if CivicDesk had run all along: the policy
 * matched at creation (recorded in the trail), then the clock replayed up to now and stored.
 */
export async function clockDemoTickets(
  manager: EntityManager,
  dataSource: DataSource,
  clock: Clock,
  ticketIds: readonly string[],
): Promise<void> {
  const policies = new SlaPoliciesService(dataSource, clock);
  const sla = new TicketSlaService(policies);
  const tickets: {
    id: string;
    kind: TicketKind;
    priority: Priority;
    department_id: string;
    category_id: string | null;
    created_at: Date;
    requester_id: string;
  }[] = await manager.query(
    `SELECT id, kind, priority, department_id, category_id, created_at, requester_id FROM tickets WHERE id = ANY($1::uuid[]) ORDER BY created_at`,
    [ticketIds],
  );
  for (const t of tickets) {
    const match = await policies.resolveForTicket(manager, {
      kind: t.kind,
      priority: t.priority,
      departmentId: t.department_id,
      categoryId: t.category_id,
    });
    if (!match) continue;
    await manager.query(`UPDATE tickets SET sla_policy_version_id = $2 WHERE id = $1`, [t.id, match.versionId]);
    await manager.query(
      `INSERT INTO ticket_events (ticket_id, actor_id, type, public, data, created_at) VALUES ($1, $2, 'sla_policy_matched', false, $3, $4)`,
      [
        t.id,
        t.requester_id,
        JSON.stringify({
          versionId: match.versionId,
          policyId: match.policyId,
          name: match.name,
          version: match.version,
          reason: 'created',
        }),
        t.created_at,
      ],
    );
  }
  await sla.refreshMany(
    manager,
    tickets.map((t) => t.id),
    clock.now(),
  );
}

const MINUTE = 60 * 1000;

/** The latest instant from which `minutes` business minutes of the calendar run until `now` (a binary search). */
export function businessMinutesBefore(calendar: Calendar, now: Date, minutes: number): Date {
  const at = (m: number) => new Date(now.getTime() - m * MINUTE);
  let lo = minutes; // wall minutes back: never more business minutes than wall minutes
  let hi = Math.max(minutes, 60);
  while (businessMinutesBetween(at(hi), now, calendar) < minutes) hi *= 2;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (businessMinutesBetween(at(mid), now, calendar) >= minutes) hi = mid;
    else lo = mid + 1;
  }
  return at(lo);
}

/** The city's office-hours calendar, for placing demo tickets in business time. */
export async function cityCalendar(manager: EntityManager): Promise<Calendar> {
  const [city]: { id: string }[] = await manager.query(`SELECT id FROM calendars WHERE system_key = 'city_office_hours'`);
  return (await loadCalendars(manager, [city!.id])).get(city!.id)!;
}
