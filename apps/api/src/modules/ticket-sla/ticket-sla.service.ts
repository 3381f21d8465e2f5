import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TicketClock } from '@civicdesk/sla';
import { POLICIES_STAMP_SQL, SlaPoliciesService, type ResolvedSlaPolicy } from '../sla-policies/sla-policies.service.js';
import type { Priority, TicketKind, TicketStatus } from '../tickets/domain/ticket-vocabulary.js';
import { CALENDAR_STAMPS_SQL, loadCalendars, type SlaCalendar } from './calendar-source.js';
import { CLOCK_EVENT_TYPES, type ClockEventRow } from './domain/clock-events.js';
import { SLA_COLUMN_TYPES, slaColumns, type SlaColumns } from './domain/clock-columns.js';
import { replayClock } from './domain/replay-clock.js';

/** Why the policy was matched again (recorded on the SLA timeline). */
export type RematchReason = 'created' | 'priority' | 'department' | 'category' | 'escalation';

export interface ClockTicket {
  id: string;
  number: string;
  title: string;
  status: TicketStatus;
  kind: TicketKind;
  priority: Priority;
  department_id: string;
  category_id: string | null;
  queue_id: string;
  assignee_id: string | null;
  requester_id: string;
  sla_policy_version_id: string | null;
  /** A maintenance ticket's due date (its resolution target). */
  maintenance_due_at: Date | null;
  /** The department's calendar, else the city's office hours. */
  department_calendar_id: string;
  /** Levels fired so far, as `firedKey` strings. */
  fired: string[];
}

/** A ticket as loaded for its clock: its facts, the trail the clock replays, and the stamps of what it reads. */
interface LoadedTicket extends ClockTicket {
  /** The trail's clock events, in order. */
  events: ClockEventRow[];
  /** POLICIES_STAMP_SQL as of the load. */
  policies_stamp: string;
  /** Each calendar's row version as of the load (CALENDAR_STAMPS_SQL). */
  calendar_stamps: Record<string, string>;
}

/** A ticket's clock as of a moment, with what it was computed from. */
export interface SlaEvaluation {
  ticket: ClockTicket;
  /** The version in force (the last matched). */
  version: ResolvedSlaPolicy;
  calendar: SlaCalendar;
  clock: TicketClock;
  fired: Set<string>;
  /** The ticket_events rows the clock replayed (for the timeline). */
  events: ClockEventRow[];
  versions: Map<string, ResolvedSlaPolicy>;
}

/** What a new ticket's clock reads besides the ticket: read in the filing's own lookup statement. */
export interface NewTicketClockInputs {
  /** The department's calendar, else the city's office hours. */
  department_calendar_id: string;
  /** POLICIES_STAMP_SQL as of the lookup. */
  policies_stamp: string;
  /** CALENDAR_STAMPS_SQL as of the lookup. */
  calendar_stamps: Record<string, string>;
}

/** The select-list items a filing's lookup adds for `clockForNew`, given the SQL of the department's calendar_id. */
export function newTicketClockInputsSql(departmentCalendarId: string): string {
  return `COALESCE(${departmentCalendarId}, (SELECT id FROM calendars WHERE system_key = 'city_office_hours')) AS department_calendar_id,
          ${POLICIES_STAMP_SQL} AS policies_stamp, ${CALENDAR_STAMPS_SQL} AS calendar_stamps`;
}

/** A new ticket's policy and clock, to be written with its row and its trail. */
export interface NewTicketClock {
  versionId: string;
  /** The data of the ticket's `sla_policy_matched` event. */
  matched: Record<string, unknown>;
  /** The SLA columns of the row. */
  columns: SlaColumns & { sla_calendar_id: string };
}

const DONE: readonly TicketStatus[] = ['resolved', 'closed', 'canceled'];
/** Tickets refreshed per batch of statements (a calendar change may re-time thousands). */
const BATCH = 500;

/**
 * The ticket clock in the database: re-matches a ticket's SLA policy when its facts change and
 * stores what `computeTicketClock` says in the ticket's SLA columns, inside the caller's
 * transaction, so every ticket change and its clock are written together.
 */
@Injectable()
export class TicketSlaService {
  constructor(private readonly policies: SlaPoliciesService) {}

  /**
   * After a change to one ticket (already written in this transaction): re-match the policy when
   * a matched fact changed, then store the clock. A re-match that finds no policy keeps the one
   * the ticket has; elapsed and paused time are kept either way (brief rule 5). Two statements
   * (three with a new policy match) while the policies and calendars are the ones already read.
   */
  async refresh(
    manager: EntityManager,
    ticketId: string,
    now: Date,
    rematch?: { reason: RematchReason; actorId: string | null },
  ): Promise<SlaEvaluation | null> {
    const tickets = await this.load(manager, [ticketId]);
    if (rematch) await this.rematchLoaded(manager, tickets, now, rematch);
    const evaluations = await this.evaluateLoaded(manager, tickets, now);
    await this.store(manager, evaluations);
    return evaluations[0] ?? null;
  }

  /**
   * The policy and clock of a ticket about to be filed, before its INSERT: the replay `refresh`
   * runs after a filing, of the trail the filing writes (`created`, then `sla_policy_matched`,
   * both at `now`). Writing the row with its clock spares two UPDATEs of the new row (each one
   * a new row version in every index of tickets, its foreign keys checked again and the rollup
   * trigger run) and three statements. No statement while the policies and calendars are those
   * cached. Null when no policy matches: the ticket has none, as after `refresh`.
   */
  async clockForNew(
    manager: EntityManager,
    ticket: {
      kind: TicketKind;
      priority: Priority;
      departmentId: string;
      categoryId: string | null;
      maintenanceDueAt: Date | null;
      createdData: Record<string, unknown>;
    },
    inputs: NewTicketClockInputs,
    now: Date,
  ): Promise<NewTicketClock | null> {
    const match = await this.policies.matcher(manager, inputs.policies_stamp);
    const m = match({
      kind: ticket.kind,
      priority: ticket.priority,
      departmentId: ticket.departmentId,
      categoryId: ticket.categoryId,
    });
    if (!m) return null;
    const versions = await this.policies.versionsById(manager, [m.versionId], inputs.policies_stamp);
    const version = versions.get(m.versionId)!;
    const calendarId = version.calendarId ?? inputs.department_calendar_id;
    const calendar = (await loadCalendars(manager, [calendarId], inputs.calendar_stamps)).get(calendarId)!;
    const matched = { versionId: m.versionId, policyId: m.policyId, name: m.name, version: m.version, reason: 'created' };
    // Who filed does not move a clock; the events' types, data and times do.
    const events: ClockEventRow[] = [
      { type: 'created', data: ticket.createdData, created_at: now, actor_role: null },
      { type: 'sla_policy_matched', data: matched, created_at: now, actor_role: null },
    ];
    const clock = replayClock(
      { kind: ticket.kind, maintenanceDueAt: ticket.maintenanceDueAt },
      events,
      versions,
      version,
      calendar,
      now,
    );
    return {
      versionId: m.versionId,
      matched,
      columns: { sla_calendar_id: calendar.id, ...slaColumns(clock, true, new Set(), version.active) },
    };
  }

  /**
   * Matches the policies again for these tickets and records each change of version on the
   * ticket's trail; a ticket nothing matches keeps its policy. Two statements however many tickets.
   */
  async rematch(
    manager: EntityManager,
    ticketIds: readonly string[],
    now: Date,
    reason: { reason: RematchReason; actorId: string | null },
  ): Promise<void> {
    await this.rematchLoaded(manager, await this.load(manager, ticketIds), now, reason);
  }

  /**
   * The re-match on loaded tickets: the trail event and the new version in one statement, and the
   * loaded tickets updated to match (the event as the database wrote it), so the clock that
   * follows needs no second read.
   */
  private async rematchLoaded(
    manager: EntityManager,
    tickets: LoadedTicket[],
    now: Date,
    { reason, actorId }: { reason: RematchReason; actorId: string | null },
  ): Promise<void> {
    if (tickets.length === 0) return;
    const match = await this.policies.matcher(manager, tickets[0]!.policies_stamp);
    const changes = tickets.flatMap((t) => {
      const m = match({ kind: t.kind, priority: t.priority, departmentId: t.department_id, categoryId: t.category_id });
      return m && m.versionId !== t.sla_policy_version_id ? [{ ticket: t, m }] : [];
    });
    if (changes.length === 0) return;
    const written: { ticket_id: string; data: Record<string, unknown>; created_at: Date }[] = await manager.query(
      `WITH c AS (SELECT * FROM json_to_recordset($1::json) AS c(ticket_id uuid, version_id uuid, data jsonb, ord int)),
            moved AS (UPDATE tickets t SET sla_policy_version_id = c.version_id FROM c WHERE t.id = c.ticket_id)
       INSERT INTO ticket_events (ticket_id, actor_id, type, public, data, created_at)
       SELECT c.ticket_id, $2, 'sla_policy_matched', false, c.data, $3 FROM c ORDER BY c.ord
       RETURNING ticket_id, data, created_at`,
      [
        JSON.stringify(
          changes.map(({ ticket, m }, ord) => ({
            ticket_id: ticket.id,
            version_id: m.versionId,
            data: { versionId: m.versionId, policyId: m.policyId, name: m.name, version: m.version, reason },
            ord,
          })),
        ),
        actorId,
        now,
      ],
    );
    const byTicket = new Map(written.map((w) => [w.ticket_id, w]));
    for (const { ticket, m } of changes) {
      const event = byTicket.get(ticket.id)!;
      ticket.sla_policy_version_id = m.versionId;
      // Who matched does not move a clock; the event's data and time do.
      ticket.events.push({
        type: 'sla_policy_matched',
        data: event.data,
        created_at: new Date(event.created_at),
        actor_role: null,
      });
    }
  }

  /** Recomputes and stores the clocks of these tickets, in batches of a few statements each. */
  async refreshMany(manager: EntityManager, ticketIds: readonly string[], now: Date): Promise<SlaEvaluation[]> {
    const all: SlaEvaluation[] = [];
    for (let i = 0; i < ticketIds.length; i += BATCH) {
      const evaluations = await this.evaluate(manager, ticketIds.slice(i, i + BATCH), now);
      await this.store(manager, evaluations);
      all.push(...evaluations);
    }
    return all;
  }

  /** The open tickets timed on a calendar, after it changed (brief rule 7). Returns how many. */
  refreshOpenOnCalendar(manager: EntityManager, calendarId: string, now: Date): Promise<number> {
    return this.refreshOpen(manager, 'sla_calendar_id', calendarId, now);
  }

  /** The open tickets of a department, after its calendar changed. */
  refreshOpenOfDepartment(manager: EntityManager, departmentId: string, now: Date): Promise<number> {
    return this.refreshOpen(manager, 'department_id', departmentId, now);
  }

  /** Open, clocked tickets by one column (the literal status list matches the partial index's predicate). */
  private async refreshOpen(
    manager: EntityManager,
    column: 'sla_calendar_id' | 'department_id',
    id: string,
    now: Date,
  ): Promise<number> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM tickets WHERE ${column} = $1 AND status NOT IN ('resolved', 'closed', 'canceled')
          AND sla_policy_version_id IS NOT NULL`,
      [id],
    );
    await this.refreshMany(
      manager,
      rows.map((r) => r.id),
      now,
    );
    return rows.length;
  }

  /** Clocks without storing them (the timeline, the escalation sweep). Tickets without a policy are left out. */
  async evaluate(manager: EntityManager, ticketIds: readonly string[], now: Date): Promise<SlaEvaluation[]> {
    return this.evaluateLoaded(manager, await this.load(manager, ticketIds), now);
  }

  /**
   * The clocks of loaded tickets. The policy versions and calendars come from their caches when
   * the stamps read with the tickets say they are unchanged, else one statement each.
   */
  private async evaluateLoaded(manager: EntityManager, loaded: readonly LoadedTicket[], now: Date): Promise<SlaEvaluation[]> {
    const tickets = loaded.filter((t) => t.sla_policy_version_id !== null);
    if (tickets.length === 0) return [];
    const versions = await this.policies.versionsById(
      manager,
      [
        ...tickets.map((t) => t.sla_policy_version_id!),
        ...tickets.flatMap((t) => t.events.filter((e) => e.type === 'sla_policy_matched').map((e) => e.data.versionId as string)),
      ],
      tickets[0]!.policies_stamp,
    );
    const calendarOf = (t: ClockTicket) => versions.get(t.sla_policy_version_id!)?.calendarId ?? t.department_calendar_id;
    const calendars = await loadCalendars(manager, tickets.map(calendarOf), tickets[0]!.calendar_stamps);

    return tickets.map((ticket) => {
      const { events, policies_stamp: _policies, calendar_stamps: _calendars, ...facts } = ticket;
      const version = versions.get(ticket.sla_policy_version_id!)!;
      const calendar = calendars.get(calendarOf(ticket))!;
      const clock = replayClock(
        { kind: ticket.kind, maintenanceDueAt: ticket.maintenance_due_at },
        events,
        versions,
        version,
        calendar,
        now,
      );
      return { ticket: facts, version, calendar, clock, fired: new Set(ticket.fired), events, versions };
    });
  }

  /**
   * Tickets with what their clocks need, in one statement: their facts, the events the clock
   * replays (in order), the levels fired, and the stamps of the policies and calendars.
   */
  private async load(manager: EntityManager, ids: readonly string[]): Promise<LoadedTicket[]> {
    const rows: (Omit<LoadedTicket, 'events'> & { events: (Omit<ClockEventRow, 'created_at'> & { created_at: string })[] })[] =
      await manager.query(
        `SELECT t.id, t.number, t.title, t.status, t.kind, t.priority, t.department_id, t.category_id, t.queue_id,
                t.assignee_id, t.requester_id, t.sla_policy_version_id, t.maintenance_due_at,
                COALESCE(d.calendar_id, (SELECT id FROM calendars WHERE system_key = 'city_office_hours')) AS department_calendar_id,
                ARRAY(SELECT x.target || ':' || x.cycle || ':' || x.level FROM sla_escalations x WHERE x.ticket_id = t.id) AS fired,
                (SELECT coalesce(json_agg(json_build_object('type', e.type, 'data', e.data, 'created_at', e.created_at,
                                                            'actor_role', u.role) ORDER BY e.id), '[]')
                   FROM ticket_events e LEFT JOIN users u ON u.id = e.actor_id
                  WHERE e.ticket_id = t.id AND e.type = ANY($2::text[])) AS events,
                ${POLICIES_STAMP_SQL} AS policies_stamp, ${CALENDAR_STAMPS_SQL} AS calendar_stamps
           FROM tickets t JOIN departments d ON d.id = t.department_id
          WHERE t.id = ANY($1::uuid[])`,
        [ids, CLOCK_EVENT_TYPES],
      );
    return rows.map((row) => ({ ...row, events: row.events.map((e) => ({ ...e, created_at: new Date(e.created_at) })) }));
  }

  private async store(manager: EntityManager, evaluations: readonly SlaEvaluation[]): Promise<void> {
    if (evaluations.length === 0) return;
    const rows = evaluations.map((e) => ({
      id: e.ticket.id,
      sla_calendar_id: e.calendar.id,
      ...slaColumns(e.clock, !DONE.includes(e.ticket.status), e.fired, e.version.active),
    }));
    const columns = Object.keys(SLA_COLUMN_TYPES) as (keyof typeof SLA_COLUMN_TYPES)[];
    await manager.query(
      `UPDATE tickets t SET ${columns.map((c) => `${c} = s.${c}`).join(', ')}
         FROM json_to_recordset($1::json) AS s(id uuid, ${columns.map((c) => `${c} ${SLA_COLUMN_TYPES[c]}`).join(', ')})
        WHERE t.id = s.id`,
      [JSON.stringify(rows)],
    );
  }
}
