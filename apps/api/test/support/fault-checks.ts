import type { DataSource } from 'typeorm';
import type { ApiClient } from './test-app.js';
import type { TicketLoad } from './ticket-load.js';

/**
 * Checks of the database after a fault (a killed process, a lost database). Each returns the
 * problems it found as readable lines, so a test asserts `toEqual([])` and a failure says what
 * is wrong. They read the tables directly and derive what must be there from the ticket trail,
 * independently of the services that wrote it.
 */

interface TicketRow {
  id: string;
  number: string;
  status: string;
  queue_id: string;
  requester_id: string;
  assignee_id: string | null;
  first_response_at: Date | null;
  sla_policy_version_id: string | null;
}
interface EventRow {
  ticket_id: string;
  type: string;
  public: boolean;
  actor_id: string | null;
  actor_role: string | null;
  data: Record<string, unknown>;
}

/** Every create, comment, assignment and status change the server acknowledged is in the database. */
export async function missingAcknowledged(db: DataSource, load: TicketLoad): Promise<string[]> {
  const problems: string[] = [];
  const tickets: { id: string; number: string }[] = await db.query(
    `SELECT id, number FROM tickets WHERE maintenance_plan_id IS NULL`,
  );
  const numberOf = new Map(tickets.map((t) => [t.id, t.number]));
  for (const t of load.tickets) {
    if (numberOf.get(t.id) !== t.number) problems.push(`acknowledged ticket ${t.number} (${t.id}) is missing`);
  }
  const comments: { id: string; ticket_id: string; internal: boolean; author_id: string }[] = await db.query(
    `SELECT id, ticket_id, internal, author_id FROM ticket_comments`,
  );
  const commentById = new Map(comments.map((c) => [c.id, c]));
  for (const c of load.comments) {
    const stored = commentById.get(c.id);
    if (!stored || stored.ticket_id !== c.ticketId || stored.internal !== c.internal || stored.author_id !== c.authorId) {
      problems.push(`acknowledged comment ${c.id} on ${numberOf.get(c.ticketId) ?? c.ticketId} is missing or altered`);
    }
  }
  const changes: { ticket_id: string; type: string; actor_id: string; to: string }[] = await db.query(
    `SELECT ticket_id, type, actor_id, data->>'to' AS to FROM ticket_events WHERE type IN ('status_changed', 'assigned')`,
  );
  const recorded = new Set(changes.map((e) => `${e.ticket_id} ${e.type} ${e.to} ${e.actor_id}`));
  for (const c of load.changes) {
    const key = `${c.ticketId} ${c.field === 'status' ? 'status_changed' : 'assigned'} ${c.to} ${c.actorId}`;
    if (!recorded.has(key))
      problems.push(`acknowledged change of ${c.field} to ${c.to} on ${numberOf.get(c.ticketId)} is missing`);
  }
  // A ticket nobody was told about can only come from a create whose answer was lost.
  if (tickets.length > load.tickets.length + load.createsUnacknowledged) {
    problems.push(
      `${tickets.length} tickets exist, but ${load.tickets.length} creates were acknowledged and ${load.createsUnacknowledged} were not`,
    );
  }
  return problems;
}

/**
 * Ticket numbers: each once, well formed, and drawn from the sequence only by creates; a create
 * that failed may leave a gap (the README's promise), nothing else may.
 */
export async function numberProblems(db: DataSource, load: TicketLoad): Promise<string[]> {
  const rows: { number: string }[] = await db.query(`SELECT number FROM tickets WHERE kind = 'incident' ORDER BY number`);
  const problems: string[] = [];
  const numbers = rows.map((r) => r.number);
  const duplicated = numbers.filter((n, i) => numbers.indexOf(n) !== i);
  if (duplicated.length) problems.push(`numbers used twice: ${duplicated.join(', ')}`);
  const malformed = numbers.filter((n) => !/^INC-\d{6}$/.test(n));
  if (malformed.length) problems.push(`malformed numbers: ${malformed.join(', ')}`);
  const highest = Math.max(0, ...numbers.map((n) => Number(n.slice(4))));
  if (highest > load.createsSent) problems.push(`number ${highest} drawn by ${load.createsSent} creates`);
  const gaps = highest - new Set(numbers).size;
  if (gaps > load.createsUnacknowledged) {
    problems.push(`${gaps} gaps in the numbers, but only ${load.createsUnacknowledged} creates failed`);
  }
  return problems;
}

/**
 * Nothing half-written: each ticket has its one creation event and its policy match, its status,
 * assignee and first response agree with its trail, each comment has its one event (and each
 * comment event its comment), and each ticket has exactly the notifications its trail calls for,
 * each with its e-mail when e-mail is on. (Escalation notifications are checked by the tests that
 * fire escalations.)
 */
export async function halfWritten(db: DataSource, options: { emails: boolean }): Promise<string[]> {
  const problems: string[] = [];
  const tickets: TicketRow[] = await db.query(
    `SELECT id, number, status, queue_id, requester_id, assignee_id, first_response_at, sla_policy_version_id
       FROM tickets WHERE maintenance_plan_id IS NULL`,
  );
  const events: EventRow[] = await db.query(
    `SELECT e.ticket_id, e.type, e.public, e.actor_id, u.role AS actor_role, e.data
       FROM ticket_events e LEFT JOIN users u ON u.id = e.actor_id ORDER BY e.ticket_id, e.id`,
  );
  const trail = new Map<string, EventRow[]>(tickets.map((t) => [t.id, []]));
  for (const e of events) trail.get(e.ticket_id)?.push(e);
  const members = new Map<string, string[]>();
  const memberships = await db.query<{ queue_id: string; user_id: string }[]>(`SELECT queue_id, user_id FROM queue_members`);
  for (const m of memberships) members.set(m.queue_id, [...(members.get(m.queue_id) ?? []), m.user_id]);
  const notified = new Map<string, number>();
  const notifications = await db.query<{ ticket_id: string; user_id: string; type: string; n: number }[]>(
    `SELECT ticket_id, user_id, type, count(*)::int AS n FROM notifications WHERE type <> 'sla_escalation' GROUP BY 1, 2, 3`,
  );
  for (const n of notifications) notified.set(`${n.ticket_id} ${n.type} ${n.user_id}`, n.n);

  for (const t of tickets) {
    const own = trail.get(t.id)!;
    const count = (type: string): number => own.filter((e) => e.type === type).length;
    if (count('created') !== 1) problems.push(`${t.number}: ${count('created')} creation events`);
    const matches = own.filter((e) => e.type === 'sla_policy_matched');
    if (t.sla_policy_version_id !== ((matches.at(-1)?.data.versionId as string | undefined) ?? null)) {
      problems.push(`${t.number}: policy version ${t.sla_policy_version_id} but its trail matched ${matches.length} times`);
    }
    const moves = own.filter((e) => e.type === 'status_changed');
    const status = (moves.at(-1)?.data.to as string | undefined) ?? 'new';
    if (t.status !== status) problems.push(`${t.number}: status ${t.status}, its trail says ${status}`);
    const assignee = (own.filter((e) => e.type === 'assigned').at(-1)?.data.to as string | null | undefined) ?? null;
    if (t.assignee_id !== assignee) problems.push(`${t.number}: assignee ${t.assignee_id}, its trail says ${assignee}`);
    const responded = own.some(
      (e) =>
        (e.type === 'status_changed' && e.data.to === 'in_progress' && e.actor_role !== 'requester') ||
        (e.type === 'commented' && e.public && e.actor_role !== 'requester'),
    );
    if ((t.first_response_at !== null) !== responded) {
      problems.push(`${t.number}: first response ${t.first_response_at?.toISOString() ?? 'none'}, its trail says ${responded}`);
    }

    // The notifications the trail calls for, replayed in order (see TicketNotifier).
    const expected = new Map<string, number>();
    const tell = (type: string, userId: string | null, actorId: string | null): void => {
      if (!userId || userId === actorId) return;
      const key = `${t.id} ${type} ${userId}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    };
    let queue = (own.find((e) => e.type === 'field_changed' && e.data.field === 'queueId')?.data.from as string) ?? t.queue_id;
    let assignedTo: string | null = null;
    for (const e of own) {
      if (e.type === 'created') for (const m of members.get(queue) ?? []) tell('ticket_created_in_queue', m, e.actor_id);
      if (e.type === 'field_changed' && e.data.field === 'queueId') {
        queue = e.data.to as string;
        for (const m of members.get(queue) ?? []) tell('ticket_created_in_queue', m, e.actor_id);
      }
      if (e.type === 'assigned') {
        assignedTo = (e.data.to as string | null) ?? null;
        tell('ticket_assigned', assignedTo, e.actor_id);
      }
      if (e.type === 'commented' && e.public) {
        tell('public_reply', e.actor_role === 'requester' ? assignedTo : t.requester_id, e.actor_id);
      }
      if (e.type === 'status_changed' && e.data.to === 'resolved') tell('ticket_resolved', t.requester_id, e.actor_id);
    }
    const keys = new Set([...expected.keys(), ...[...notified.keys()].filter((k) => k.startsWith(`${t.id} `))]);
    for (const key of keys) {
      const [, type, userId] = key.split(' ');
      if ((expected.get(key) ?? 0) !== (notified.get(key) ?? 0)) {
        problems.push(
          `${t.number}: ${notified.get(key) ?? 0} ${type} notifications to ${userId}, its trail calls for ${expected.get(key) ?? 0}`,
        );
      }
    }
  }

  const commentEvents: { id: string; events: number }[] = await db.query(
    `SELECT c.id, (SELECT count(*)::int FROM ticket_events e WHERE e.type = 'commented' AND e.data->>'commentId' = c.id::text) AS events
       FROM ticket_comments c`,
  );
  for (const c of commentEvents.filter((c) => c.events !== 1)) problems.push(`comment ${c.id}: ${c.events} events`);
  const orphans: { comment_id: string }[] = await db.query(
    `SELECT e.data->>'commentId' AS comment_id FROM ticket_events e
      WHERE e.type = 'commented' AND NOT EXISTS (SELECT 1 FROM ticket_comments c WHERE c.id::text = e.data->>'commentId')`,
  );
  for (const o of orphans) problems.push(`comment event for ${o.comment_id}, which does not exist`);

  const [{ unmailed, mailed }] = await db.query<[{ unmailed: number; mailed: number }]>(
    `SELECT count(*) FILTER (WHERE o.id IS NULL)::int AS unmailed, count(o.id)::int AS mailed
       FROM notifications n LEFT JOIN email_outbox o ON o.notification_id = n.id`,
  );
  if (options.emails && unmailed > 0) problems.push(`${unmailed} notifications without their e-mail`);
  if (!options.emails && mailed > 0) problems.push(`${mailed} e-mails queued with e-mail off`);
  return problems;
}

/**
 * The SLA columns stored with each ticket agree with its clock replayed from the trail
 * (`GET /api/tickets/:id/sla`, as a member of staff) at the same moment.
 */
export async function slaColumnMismatches(db: DataSource, staff: ApiClient): Promise<string[]> {
  const rows: {
    id: string;
    number: string;
    status: string;
    sla_policy_version_id: string | null;
    due_at: Date | null;
    first_response_due_at: Date | null;
    resolution_due_at: Date | null;
    first_response_minutes: number | null;
    resolution_minutes: number | null;
    sla_paused: boolean;
  }[] = await db.query(
    `SELECT id, number, status, sla_policy_version_id, due_at, first_response_due_at, resolution_due_at,
            first_response_minutes, resolution_minutes, sla_paused
       FROM tickets WHERE maintenance_plan_id IS NULL`,
  );
  const time = (d: Date | string | null | undefined): number | null => (d ? new Date(d).getTime() : null);
  const achieved = (target: { state: string; elapsedMinutes: number } | null): number | null =>
    target && (target.state === 'met' || target.state === 'breached') ? target.elapsedMinutes : null;
  const problems: string[] = [];
  for (const t of rows) {
    const res = await staff.get(`/api/tickets/${t.id}/sla`);
    if (res.status !== 200) {
      problems.push(`${t.number}: GET sla answered ${res.status}`);
      continue;
    }
    const sla = res.body;
    const stored = {
      policy: t.sla_policy_version_id,
      firstResponseDue: time(t.first_response_due_at),
      resolutionDue: time(t.resolution_due_at),
      firstResponseMinutes: t.first_response_minutes,
      resolutionMinutes: t.resolution_minutes,
      paused: t.sla_paused,
      ...(['resolved', 'closed', 'canceled'].includes(t.status) ? {} : { due: time(t.due_at) }),
    };
    const replayed = {
      policy: sla.policy?.versionId ?? null,
      firstResponseDue: time(sla.targets.firstResponse?.dueAt),
      resolutionDue: time(sla.targets.resolution?.dueAt),
      firstResponseMinutes: achieved(sla.targets.firstResponse),
      resolutionMinutes: achieved(sla.targets.resolution),
      paused: sla.targets.resolution?.state === 'paused',
      ...(['resolved', 'closed', 'canceled'].includes(t.status) ? {} : { due: time(sla.dueAt) }),
    };
    if (JSON.stringify(stored) !== JSON.stringify(replayed)) {
      problems.push(`${t.number}: stored ${JSON.stringify(stored)}, replayed ${JSON.stringify(replayed)}`);
    }
  }
  return problems;
}
