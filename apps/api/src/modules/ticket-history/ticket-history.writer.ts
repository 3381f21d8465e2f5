import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { labourCostCents, rateInForce, type DatedRate } from '../costs/domain/labour-cost.js';
import type { ExpenseType } from '../costs/domain/cost-vocabulary.js';
import type { TicketFacts } from '../sla-policies/domain/policy-matcher.js';
import { SlaPoliciesService, type ResolvedSlaPolicy } from '../sla-policies/sla-policies.service.js';
import { loadCalendars, type SlaCalendar } from '../ticket-sla/calendar-source.js';
import { firedKey, levelsToFire, SLA_COLUMN_TYPES, slaColumns, type LevelState } from '../ticket-sla/domain/clock-columns.js';
import { CLOCK_EVENT_TYPES, type ClockEventRow } from '../ticket-sla/domain/clock-events.js';
import { replayClock } from '../ticket-sla/domain/replay-clock.js';
import { TicketSlaService } from '../ticket-sla/ticket-sla.service.js';
import {
  defaultWorkClass,
  formatTicketNumber,
  type Impact,
  type Priority,
  type TicketKind,
  type TicketSource,
  type Urgency,
  type WorkClass,
} from '../tickets/domain/ticket-vocabulary.js';
import type { Role } from '../users/domain/role.js';
import { historyTrail, type HistoryTrail, type TicketMilestones, type TrailEvent } from './domain/history-trail.js';

export interface HistoricalWorkLog {
  userId: string;
  /** 'YYYY-MM-DD' in the city. */
  workDate: string;
  minutes: number;
  note?: string;
  /** The cost as the old helpdesk recorded it; left out, the rate in force on the day prices it. */
  costCents?: number;
}

export interface HistoricalExpense {
  type: ExpenseType;
  amountCents: number;
  vendor: string | null;
  spentOn: string;
  description: string;
  assetId: string | null;
  userId: string;
}

/** A ticket's facts and its past: everything a history import or the demo city writes. */
export interface HistoricalTicket extends TicketMilestones {
  /** Set by callers that need to refer to the ticket before it is written (seeded demo data). */
  id?: string;
  /** The ticket's id in the helpdesk it came from: writing it again updates the ticket. */
  externalId?: string | null;
  kind: TicketKind;
  workClass?: WorkClass;
  title: string;
  description?: string;
  impact: Impact;
  urgency: Urgency;
  priority: Priority;
  departmentId: string;
  queueId: string;
  categoryId: string | null;
  assetId?: string | null;
  source: TicketSource;
  maintenancePlanId?: string | null;
  maintenanceDueAt?: Date | null;
  workLogs?: readonly HistoricalWorkLog[];
  expenses?: readonly HistoricalExpense[];
}

export interface HistoryWriteResult {
  created: number;
  updated: number;
  /** Written tickets' ids, in the order given. */
  ids: string[];
}

/** Tickets per round of statements: big enough to amortise each statement, small enough for memory. */
export const HISTORY_BATCH = 1000;

const DONE = new Set(['resolved', 'closed', 'canceled']);

/**
 * Writes tickets that happened before CivicDesk knew of them (a history import, the demo city's
 * years) through the same rules as live tickets: the audit trail the live API would have
 * written, the SLA policy matched when each was opened, the clock replayed over that trail and
 * stored, work logs costed at the rate in force on their day, and the ticket's cost totals. A
 * constant number of statements per batch of tickets, inside the caller's transaction.
 *
 * Escalation levels that fell due before the ticket was written are recorded as passed, without
 * their actions: history is not live, and nobody is to be paged about last year's ticket.
 */
@Injectable()
export class TicketHistoryWriter {
  constructor(
    private readonly policies: SlaPoliciesService,
    private readonly sla: TicketSlaService,
  ) {}

  async write(manager: EntityManager, tickets: readonly HistoricalTicket[], now: Date): Promise<HistoryWriteResult> {
    const result: HistoryWriteResult = { created: 0, updated: 0, ids: [] };
    const externalIds = tickets.flatMap((t) => (t.externalId ? [t.externalId] : []));
    if (new Set(externalIds).size !== externalIds.length) throw new Error('each external id may appear once in a write');
    const context: WriteContext = {
      match: await this.policies.matcher(manager),
      staff: await loadStaff(manager),
      departmentCalendars: await loadDepartmentCalendars(manager),
    };
    // Pipelined: the next batch is built in memory while the database writes this one.
    let writing: Promise<void> = Promise.resolve();
    try {
      for (let i = 0; i < tickets.length; i += HISTORY_BATCH) {
        const batch = await prepareBatch(manager, tickets.slice(i, i + HISTORY_BATCH), context, now);
        await writing;
        writing = this.flush(manager, batch, now);
        // Awaited with the next batch or at the end; a failure meanwhile is not left unhandled.
        writing.catch(() => undefined);
        result.created += batch.fresh.length;
        result.updated += batch.again.length;
        result.ids.push(...batch.written.map((w) => w.id));
      }
      await writing;
    } catch (error) {
      // Never leave a statement of this write in flight when the caller rolls back.
      await writing.catch(() => undefined);
      throw error;
    }
    return result;
  }

  /** A batch's statements, in order: a constant number however many tickets it holds. */
  private async flush(manager: EntityManager, batch: PreparedBatch, now: Date): Promise<void> {
    if (batch.ticketRows !== null) await insertTickets(manager, batch.ticketRows);
    await this.updateTickets(manager, batch.again);
    await insertEvents(manager, batch.events);
    await insertCosts(manager, batch.costs);
    await insertPassedLevels(manager, batch.passed, now);
    if (batch.again.length > 0) {
      const ids = batch.again.map((w) => w.id);
      await refreshTotals(manager, ids);
      await this.storeClocks(manager, ids, now);
    }
  }

  /** A ticket imported again: its facts as now, and the milestones it reached since. */
  private async updateTickets(manager: EntityManager, rows: readonly Written[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `UPDATE tickets t SET title = r.title, description = r.description, status = r.status::ticket_status,
              work_class = r.work_class::work_class, impact = r.impact::ticket_impact, urgency = r.urgency::ticket_urgency,
              priority = r.priority::ticket_priority, requester_id = r.requester_id, department_id = r.department_id,
              queue_id = r.queue_id, assignee_id = r.assignee_id, category_id = r.category_id, asset_id = r.asset_id,
              updated_at = greatest(t.updated_at, r.updated_at), first_response_at = r.first_response_at,
              resolved_at = r.resolved_at, closed_at = r.closed_at, reopen_count = greatest(t.reopen_count, r.reopen_count),
              sla_policy_version_id = coalesce(r.sla_policy_version_id, t.sla_policy_version_id), version = t.version + 1
         FROM json_to_recordset($1::json) AS r(id uuid, title text, description text, status text, work_class text, impact text,
              urgency text, priority text, requester_id uuid, department_id uuid, queue_id uuid, assignee_id uuid,
              category_id uuid, asset_id uuid, updated_at timestamptz, first_response_at timestamptz, resolved_at timestamptz,
              closed_at timestamptz, reopen_count int, sla_policy_version_id uuid)
        WHERE t.id = r.id`,
      [JSON.stringify(rows.map((w) => ({ ...ticketColumns(w), id: w.id })))],
    );
  }

  /**
   * Replays and stores the clocks of tickets written again (their trails are partly in the
   * database); levels already due are recorded as passed (no actions), then the clocks are
   * stored again so no ticket waits in the escalation sweep for history.
   */
  private async storeClocks(manager: EntityManager, ids: readonly string[], now: Date): Promise<void> {
    const evaluations = await this.sla.refreshMany(manager, ids, now);
    const passed = evaluations.flatMap((e) =>
      DONE.has(e.ticket.status)
        ? []
        : levelsToFire(e.clock, e.fired).map((l) => passedLevel(e.ticket.id, e.version.versionId, l)),
    );
    if (passed.length === 0) return;
    await insertPassedLevels(manager, passed, now);
    await this.sla.refreshMany(manager, [...new Set(passed.map((p) => p.ticket_id))], now);
  }
}

interface WriteContext {
  match: (facts: TicketFacts) => ResolvedSlaPolicy | null;
  staff: Staff;
  departmentCalendars: ReadonlyMap<string, string>;
}

/** A batch as the database takes it: every statement's parameters, built in memory. */
interface PreparedBatch {
  written: Written[];
  fresh: Written[];
  again: Written[];
  /** The new tickets' rows (JSON), with their numbers, clocks and totals; null when none is new. */
  ticketRows: string | null;
  events: EventColumns;
  costs: { logs: PricedLog[]; expenses: ExpenseRow[] };
  passed: PassedLevel[];
}

/** Tickets built between two turns of the event loop, so the batch being written keeps the database busy. */
const YIELD_EVERY = 100;
const yieldToDatabase = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Everything a batch writes, worked out in memory: each ticket's trail and policy, a new
 * ticket's clock (replayed from the trail about to be written, as the live clock replays the
 * stored one) and totals, costs at the rate of the day, and the numbers of new tickets (taken
 * in the order given, so numbers follow the tickets' order).
 */
async function prepareBatch(
  manager: EntityManager,
  tickets: readonly HistoricalTicket[],
  { match, staff, departmentCalendars }: WriteContext,
  now: Date,
): Promise<PreparedBatch> {
  const existing = await existingByExternalId(manager, tickets);
  const written: Written[] = [];
  for (const [k, t] of tickets.entries()) {
    if (k % YIELD_EVERY === YIELD_EVERY - 1) await yieldToDatabase();
    const found = t.externalId ? existing.get(t.externalId) : undefined;
    written.push({
      t,
      trail: historyTrail(t),
      id: found?.id ?? t.id ?? randomUUID(),
      policy: match({ kind: t.kind, priority: t.priority, departmentId: t.departmentId, categoryId: t.categoryId }),
      since: found?.updated_at ?? null,
    });
  }
  const fresh = written.filter((w) => w.since === null);
  const again = written.filter((w) => w.since !== null);
  const costs = priceCosts(written, staff);
  const clocks = await clocksOf(manager, fresh, departmentCalendars, staff.roles, now);
  const totals = totalsOf(costs);
  const numbers =
    fresh.length > 0
      ? await nextNumbers(
          manager,
          fresh.map((w) => w.t.kind),
        )
      : [];
  const rows: string[] = [];
  for (const [k, w] of fresh.entries()) {
    if (k % YIELD_EVERY === YIELD_EVERY - 1) await yieldToDatabase();
    rows.push(
      JSON.stringify({
        ...ticketColumns(w),
        ...(totals.get(w.id) ?? NO_COSTS),
        ...(clocks.get(w.id)?.columns ?? NO_CLOCK),
        id: w.id,
        number: numbers[k],
      }),
    );
  }
  return {
    written,
    fresh,
    again,
    ticketRows: rows.length > 0 ? `[${rows.join(',')}]` : null,
    events: eventColumns(written),
    costs,
    passed: [...clocks.values()].flatMap((c) => c.passed),
  };
}

/** New tickets with their clocks and totals, in one statement. */
async function insertTickets(manager: EntityManager, rows: string): Promise<void> {
  await manager.query(
    `INSERT INTO tickets (id, number, kind, work_class, title, description, status, impact, urgency, priority, requester_id,
                          department_id, queue_id, assignee_id, category_id, asset_id, source, created_by_id, created_at,
                          updated_at, first_response_at, resolved_at, closed_at, reopen_count, sla_policy_version_id,
                          maintenance_plan_id, maintenance_due_at, external_id, labour_minutes, labour_cost_cents, expense_cents,
                          ${CLOCK_COLUMNS.join(', ')})
     SELECT r.id, r.number, r.kind::ticket_kind, r.work_class::work_class, r.title, r.description, r.status::ticket_status,
            r.impact::ticket_impact, r.urgency::ticket_urgency, r.priority::ticket_priority, r.requester_id, r.department_id,
            r.queue_id, r.assignee_id, r.category_id, r.asset_id, r.source::ticket_source, r.created_by_id, r.created_at,
            r.updated_at, r.first_response_at, r.resolved_at, r.closed_at, r.reopen_count, r.sla_policy_version_id,
            r.maintenance_plan_id, r.maintenance_due_at, r.external_id, r.labour_minutes, r.labour_cost_cents, r.expense_cents,
            ${CLOCK_COLUMNS.map((c) => `r.${c}`).join(', ')}
       FROM json_to_recordset($1::json) AS r(id uuid, number text, kind text, work_class text, title text, description text,
            status text, impact text, urgency text, priority text, requester_id uuid, department_id uuid, queue_id uuid,
            assignee_id uuid, category_id uuid, asset_id uuid, source text, created_by_id uuid, created_at timestamptz,
            updated_at timestamptz, first_response_at timestamptz, resolved_at timestamptz, closed_at timestamptz,
            reopen_count int, sla_policy_version_id uuid, maintenance_plan_id uuid, maintenance_due_at timestamptz,
            external_id text, labour_minutes int, labour_cost_cents bigint, expense_cents bigint,
            ${CLOCK_COLUMNS.map((c) => `${c} ${SLA_COLUMN_TYPES[c]}`).join(', ')})`,
    [rows],
  );
}

interface Written {
  t: HistoricalTicket;
  trail: HistoryTrail;
  id: string;
  /** The policy matching the ticket's facts (for a ticket written again: its facts now). */
  policy: ResolvedSlaPolicy | null;
  /** A ticket written before: when its trail ends; only later milestones are added to it. */
  since: Date | null;
}

function ticketColumns({ t, trail, policy }: Written) {
  return {
    kind: t.kind,
    work_class: t.workClass ?? defaultWorkClass(t.kind),
    title: t.title,
    description: t.description ?? '',
    status: trail.status,
    impact: t.impact,
    urgency: t.urgency,
    priority: t.priority,
    requester_id: t.requesterId,
    department_id: t.departmentId,
    queue_id: t.queueId,
    assignee_id: t.assigneeId,
    category_id: t.categoryId,
    asset_id: t.assetId ?? null,
    source: t.source,
    created_by_id: t.createdById,
    created_at: t.openedAt,
    updated_at: trail.lastAt,
    first_response_at: t.firstResponseAt,
    resolved_at: t.resolvedAt,
    closed_at: t.closedAt,
    reopen_count: trail.reopenCount,
    sla_policy_version_id: policy?.versionId ?? null,
    maintenance_plan_id: t.maintenancePlanId ?? null,
    maintenance_due_at: t.maintenanceDueAt ?? null,
    external_id: t.externalId ?? null,
  };
}

/** The next number of each kind, one statement per kind in the batch. */
async function nextNumbers(manager: EntityManager, kinds: readonly TicketKind[]): Promise<string[]> {
  const pools = new Map<TicketKind, number[]>();
  for (const kind of new Set(kinds)) {
    const count = kinds.filter((k) => k === kind).length;
    const rows: { n: number }[] = await manager.query(
      `SELECT nextval($1::regclass)::int AS n FROM generate_series(1, $2) ORDER BY 1`,
      [`ticket_number_${kind}`, count],
    );
    pools.set(
      kind,
      rows.map((r) => r.n),
    );
  }
  const taken = new Map<TicketKind, number>();
  return kinds.map((kind) => {
    const k = taken.get(kind) ?? 0;
    taken.set(kind, k + 1);
    return formatTicketNumber(kind, pools.get(kind)![k]!);
  });
}

async function existingByExternalId(
  manager: EntityManager,
  batch: readonly HistoricalTicket[],
): Promise<Map<string, { id: string; updated_at: Date }>> {
  const ids = batch.flatMap((t) => (t.externalId ? [t.externalId] : []));
  if (ids.length === 0) return new Map();
  const rows: { id: string; external_id: string; updated_at: Date }[] = await manager.query(
    `SELECT id, external_id, updated_at FROM tickets WHERE external_id = ANY($1::text[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.external_id, { id: r.id, updated_at: new Date(r.updated_at) }]));
}

/**
 * The events to write for a ticket, in order: created, the policy match (when opened), then the
 * milestones. A ticket written again gets only what happened after its trail ended, and a policy
 * match when its facts now match another policy.
 */
function trailOf(w: Written): TrailEvent[] {
  const [created, ...rest] = w.trail.events;
  const match: TrailEvent[] = w.policy
    ? [
        {
          at: w.since ?? w.t.openedAt,
          actorId: null,
          event: {
            type: 'sla_policy_matched',
            public: false,
            data: {
              versionId: w.policy.versionId,
              policyId: w.policy.policyId,
              name: w.policy.name,
              version: w.policy.version,
              reason: 'created',
            },
          },
        },
      ]
    : [];
  return w.since === null ? [created!, ...match, ...rest] : rest.filter((e) => e.at > w.since!);
}

/** The events of a batch as parallel columns, each ticket's in order. */
interface EventColumns {
  ticketIds: string[];
  actorIds: (string | null)[];
  types: string[];
  public: boolean[];
  data: string[];
  at: Date[];
}

function eventColumns(rows: readonly Written[]): EventColumns {
  const columns: EventColumns = { ticketIds: [], actorIds: [], types: [], public: [], data: [], at: [] };
  for (const w of rows) {
    for (const e of trailOf(w)) {
      columns.ticketIds.push(w.id);
      columns.actorIds.push(e.actorId);
      columns.types.push(e.event.type);
      columns.public.push(e.event.public);
      columns.data.push(JSON.stringify(e.event.data ?? {}));
      columns.at.push(e.at);
    }
  }
  return columns;
}

/**
 * Every event of the batch in one statement, in order. The columns go as parallel arrays:
 * PostgreSQL reads them without parsing a JSON document per field, which matters at the hundreds
 * of thousands of events a city's years make.
 */
async function insertEvents(manager: EntityManager, e: EventColumns): Promise<void> {
  if (e.ticketIds.length === 0) return;
  await manager.query(
    `INSERT INTO ticket_events (ticket_id, actor_id, type, public, data, created_at)
     SELECT e.ticket_id, e.actor_id, e.type, e.public, e.data, e.created_at
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::boolean[], $5::jsonb[], $6::timestamptz[])
            WITH ORDINALITY AS e(ticket_id, actor_id, type, public, data, created_at, ord)
      ORDER BY e.ord`,
    [e.ticketIds, e.actorIds, e.types, e.public, e.data, e.at],
  );
}

interface RateRow extends DatedRate {
  role: Role | null;
}

interface Staff {
  rates: RateRow[];
  /** Every staff member's role; anyone else is a requester. */
  roles: Map<string, Role>;
}

/** Every rate and every staff member's role: history spans years of rate changes. */
async function loadStaff(manager: EntityManager): Promise<Staff> {
  const rates: { user_id: string | null; role: Role | null; hourly_rate_cents: number; effective_from: string }[] =
    await manager.query(
      `SELECT user_id, role, hourly_rate_cents, to_char(effective_from, 'YYYY-MM-DD') AS effective_from FROM labor_rates`,
    );
  const users: { id: string; role: Role }[] = await manager.query(`SELECT id, role FROM users WHERE role <> 'requester'`);
  return {
    rates: rates.map((r) => ({
      userId: r.user_id,
      role: r.role,
      hourlyRateCents: r.hourly_rate_cents,
      effectiveFrom: r.effective_from,
    })),
    roles: new Map(users.map((u) => [u.id, u.role])),
  };
}

/** Each department's calendar, the city's office hours when it has none of its own (as the live clock times it). */
async function loadDepartmentCalendars(manager: EntityManager): Promise<Map<string, string>> {
  const rows: { id: string; calendar_id: string }[] = await manager.query(
    `SELECT d.id, COALESCE(d.calendar_id, (SELECT id FROM calendars WHERE system_key = 'city_office_hours')) AS calendar_id
       FROM departments d`,
  );
  return new Map(rows.map((r) => [r.id, r.calendar_id]));
}

interface PricedLog {
  ticket_id: string;
  user_id: string;
  work_date: string;
  minutes: number;
  note: string;
  rate_cents: number;
  cost_cents: number;
  created_at: Date;
}

interface ExpenseRow {
  ticket_id: string;
  type: ExpenseType;
  amount_cents: number;
  vendor: string | null;
  spent_on: string;
  description: string;
  asset_id: string | null;
  created_by_id: string;
  created_at: Date;
}

/** Work logs priced at the rate in force on their day (or the cost the old helpdesk recorded), and expenses. */
function priceCosts(rows: readonly Written[], { rates, roles }: Staff): { logs: PricedLog[]; expenses: ExpenseRow[] } {
  const ratesOf = new Map<string, RateRow[]>();
  const ratesFor = (userId: string) => {
    let own = ratesOf.get(userId);
    if (!own) {
      const role = roles.get(userId);
      own = rates.filter((r) => r.userId === userId || (r.userId === null && r.role === role));
      ratesOf.set(userId, own);
    }
    return own;
  };
  const logs = rows.flatMap((w) =>
    (w.t.workLogs ?? []).map((log): PricedLog => {
      const rate =
        log.costCents !== undefined
          ? Math.round((log.costCents * 60) / log.minutes)
          : rateInForce(ratesFor(log.userId), log.workDate);
      if (rate === null) throw new Error(`no hourly rate is in force for user ${log.userId} on ${log.workDate}`);
      return {
        ticket_id: w.id,
        user_id: log.userId,
        work_date: log.workDate,
        minutes: log.minutes,
        note: log.note ?? '',
        rate_cents: rate,
        cost_cents: log.costCents ?? labourCostCents(log.minutes, rate),
        created_at: w.t.resolvedAt ?? w.t.closedAt ?? w.t.openedAt,
      };
    }),
  );
  const expenses = rows.flatMap((w) =>
    (w.t.expenses ?? []).map((e): ExpenseRow => ({
      ticket_id: w.id,
      type: e.type,
      amount_cents: e.amountCents,
      vendor: e.vendor,
      spent_on: e.spentOn,
      description: e.description,
      asset_id: e.assetId,
      created_by_id: e.userId,
      created_at: w.t.resolvedAt ?? w.t.closedAt ?? w.t.openedAt,
    })),
  );
  return { logs, expenses };
}

interface Totals {
  labour_minutes: number;
  labour_cost_cents: number;
  expense_cents: number;
}

const NO_COSTS: Totals = { labour_minutes: 0, labour_cost_cents: 0, expense_cents: 0 };

/** A new ticket's totals: the sums of the entries written with it. */
function totalsOf({ logs, expenses }: { logs: readonly PricedLog[]; expenses: readonly ExpenseRow[] }): Map<string, Totals> {
  const totals = new Map<string, Totals>();
  const of = (id: string) => {
    let t = totals.get(id);
    if (!t) totals.set(id, (t = { ...NO_COSTS }));
    return t;
  };
  for (const log of logs) {
    const t = of(log.ticket_id);
    t.labour_minutes += log.minutes;
    t.labour_cost_cents += log.cost_cents;
  }
  for (const e of expenses) of(e.ticket_id).expense_cents += e.amount_cents;
  return totals;
}

async function insertCosts(
  manager: EntityManager,
  { logs, expenses }: { logs: readonly PricedLog[]; expenses: readonly ExpenseRow[] },
): Promise<void> {
  if (logs.length > 0) {
    await manager.query(
      `WITH logs AS (
         INSERT INTO ticket_work_logs (ticket_id, user_id, work_date, minutes, note, rate_cents, cost_cents, created_by_id, created_at, updated_at)
         SELECT r.ticket_id, r.user_id, r.work_date, r.minutes, r.note, r.rate_cents, r.cost_cents, r.user_id, r.created_at, r.created_at
           FROM json_to_recordset($1::json) AS r(ticket_id uuid, user_id uuid, work_date date, minutes int, note text,
                                                 rate_cents int, cost_cents int, created_at timestamptz)
         RETURNING id, ticket_id, user_id, work_date, minutes, rate_cents, cost_cents, created_at)
       INSERT INTO ticket_events (ticket_id, actor_id, type, public, data, created_at)
       SELECT l.ticket_id, l.user_id, 'work_logged', false,
              jsonb_build_object('workLogId', l.id, 'userId', l.user_id, 'userName', u.name, 'workDate', to_char(l.work_date, 'YYYY-MM-DD'),
                                 'minutes', l.minutes, 'rateCents', l.rate_cents, 'costCents', l.cost_cents), l.created_at
         FROM logs l JOIN users u ON u.id = l.user_id`,
      [JSON.stringify(logs)],
    );
  }
  if (expenses.length > 0) {
    await manager.query(
      `WITH added AS (
         INSERT INTO ticket_expenses (ticket_id, type, amount_cents, vendor, spent_on, description, asset_id, created_by_id, created_at, updated_at)
         SELECT r.ticket_id, r.type::expense_type, r.amount_cents, r.vendor, r.spent_on, r.description, r.asset_id, r.created_by_id, r.created_at, r.created_at
           FROM json_to_recordset($1::json) AS r(ticket_id uuid, type text, amount_cents bigint, vendor text, spent_on date,
                                                 description text, asset_id uuid, created_by_id uuid, created_at timestamptz)
         RETURNING id, ticket_id, type, amount_cents, vendor, spent_on, created_by_id, created_at)
       INSERT INTO ticket_events (ticket_id, actor_id, type, public, data, created_at)
       SELECT a.ticket_id, a.created_by_id, 'expense_added', false,
              jsonb_build_object('expenseId', a.id, 'type', a.type, 'amountCents', a.amount_cents, 'vendor', a.vendor,
                                 'spentOn', to_char(a.spent_on, 'YYYY-MM-DD')), a.created_at
         FROM added a`,
      [JSON.stringify(expenses)],
    );
  }
}

/** The SLA columns a ticket stores, as the clock columns of `tickets`. */
const CLOCK_COLUMNS = Object.keys(SLA_COLUMN_TYPES) as (keyof typeof SLA_COLUMN_TYPES)[];

/** What a ticket no policy matched stores: the columns' defaults. */
const NO_CLOCK: Record<(typeof CLOCK_COLUMNS)[number], unknown> = {
  ...(Object.fromEntries(CLOCK_COLUMNS.map((c) => [c, null])) as Record<(typeof CLOCK_COLUMNS)[number], null>),
  sla_paused_minutes: 0,
  sla_paused: false,
  next_response_breached: false,
};

interface PassedLevel {
  ticket_id: string;
  target: string;
  cycle: number;
  level: number;
  percent: number;
  policy_version_id: string;
  due_at: Date | null;
}

interface StoredClock {
  columns: Record<(typeof CLOCK_COLUMNS)[number], unknown>;
  passed: PassedLevel[];
}

const passedLevel = (ticketId: string, versionId: string, l: LevelState): PassedLevel => ({
  ticket_id: ticketId,
  target: l.target,
  cycle: l.cycle,
  level: l.level,
  percent: l.percent,
  policy_version_id: versionId,
  due_at: l.dueAt,
});

/**
 * New tickets' clocks, replayed from the trail about to be written exactly as the live clock
 * replays it from the stored one (the same events, actors' roles and policy version): the
 * columns to store, and the escalation levels already due, recorded as passed.
 */
async function clocksOf(
  manager: EntityManager,
  rows: readonly Written[],
  departmentCalendars: ReadonlyMap<string, string>,
  roles: ReadonlyMap<string, Role>,
  now: Date,
): Promise<Map<string, StoredClock>> {
  const clocked = rows.filter((w): w is Written & { policy: ResolvedSlaPolicy } => w.policy !== null);
  const calendarOf = (w: Written & { policy: ResolvedSlaPolicy }) =>
    w.policy.calendarId ?? departmentCalendars.get(w.t.departmentId)!;
  const calendars = await loadCalendars(manager, clocked.map(calendarOf));
  const clocks = new Map<string, StoredClock>();
  for (const [k, w] of clocked.entries()) {
    if (k % YIELD_EVERY === YIELD_EVERY - 1) await yieldToDatabase();
    const calendar: SlaCalendar = calendars.get(calendarOf(w))!;
    const clock = replayClock(
      { kind: w.t.kind, maintenanceDueAt: w.t.maintenanceDueAt ?? null },
      clockEventRows(w, roles),
      new Map([[w.policy.versionId, w.policy]]),
      w.policy,
      calendar,
      now,
    );
    const open = !DONE.has(w.trail.status);
    const passed = open ? levelsToFire(clock, new Set()) : [];
    const fired = new Set(passed.map((l) => firedKey(l.target, l.cycle, l.level)));
    clocks.set(w.id, {
      columns: { sla_calendar_id: calendar.id, ...slaColumns(clock, open, fired, w.policy.active) },
      passed: passed.map((l) => passedLevel(w.id, w.policy.versionId, l)),
    });
  }
  return clocks;
}

const CLOCK_TYPES: ReadonlySet<string> = new Set(CLOCK_EVENT_TYPES);

/** The rows the clock would read back for a new ticket: its trail's clock events in the order written. */
function clockEventRows(w: Written, roles: ReadonlyMap<string, Role>): ClockEventRow[] {
  return trailOf(w)
    .filter((e) => CLOCK_TYPES.has(e.event.type))
    .map((e) => ({
      type: e.event.type,
      data: e.event.data ?? {},
      created_at: e.at,
      actor_role: e.actorId === null ? null : (roles.get(e.actorId) ?? 'requester'),
    }));
}

/** Levels that fell due before the ticket was written: recorded as passed, with no actions. */
async function insertPassedLevels(manager: EntityManager, passed: readonly PassedLevel[], now: Date): Promise<void> {
  if (passed.length === 0) return;
  await manager.query(
    `INSERT INTO sla_escalations (ticket_id, target, cycle, level, percent, policy_version_id, actions, due_at, fired_at)
     SELECT r.ticket_id, r.target, r.cycle, r.level, r.percent, r.policy_version_id, '[]'::jsonb, r.due_at, $2
       FROM json_to_recordset($1::json) AS r(ticket_id uuid, target text, cycle int, level int, percent int,
                                             policy_version_id uuid, due_at timestamptz)
     ON CONFLICT (ticket_id, target, cycle, level) DO NOTHING`,
    [JSON.stringify(passed), now],
  );
}

/** The tickets' stored totals from their entries, in one statement. */
async function refreshTotals(manager: EntityManager, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await manager.query(
    `UPDATE tickets t SET
        labour_minutes = coalesce((SELECT sum(w.minutes) FROM ticket_work_logs w WHERE w.ticket_id = t.id), 0),
        labour_cost_cents = coalesce((SELECT sum(w.cost_cents) FROM ticket_work_logs w WHERE w.ticket_id = t.id), 0),
        expense_cents = coalesce((SELECT sum(e.amount_cents) FROM ticket_expenses e WHERE e.ticket_id = t.id), 0)
      WHERE t.id = ANY($1::uuid[])`,
    [ids],
  );
}
