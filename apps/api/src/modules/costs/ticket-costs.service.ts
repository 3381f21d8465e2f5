import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError, notFound } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/security/actor.js';
import { Clock } from '../../common/time/clock.js';
import { AuditLog } from '../audit/audit-log.service.js';
import type { AuditDetail } from '../audit/domain/audit-detail.js';
import { canOnTicket } from '../tickets/domain/ticket.policy.js';
import type { TicketEventType } from '../tickets/dto/ticket-output.dto.js';
import { loadTicketFor } from '../tickets/ticket-access.js';
import { appendTicketEvents } from '../tickets/ticket-events.js';
import { buildSet } from '../tickets/tickets.service.js';
import { addExpense, addWorkLog, assertAssetExists, lockTicketCosts, priceWork, refreshTicketCostTotals } from './cost-writes.js';
import { canChangeCostEntry } from './domain/cost-entry.policy.js';
import type { ExpenseType } from './domain/cost-vocabulary.js';
import type { CreateExpenseDto, ExpenseDto, ExpenseListDto, UpdateExpenseDto } from './dto/expense.dto.js';
import type { TicketCostsDto } from './dto/ticket-costs.dto.js';
import type { CreateWorkLogDto, UpdateWorkLogDto, WorkLogDto, WorkLogListDto } from './dto/work-log.dto.js';

interface EntryRow {
  id: string;
  created_by_id: string;
  created_by_name: string;
  created_at: Date;
  updated_at: Date;
}

interface WorkLogRow extends EntryRow {
  user_id: string;
  user_name: string;
  work_date: string;
  minutes: number;
  note: string;
  rate_cents: number;
  cost_cents: number;
}

interface ExpenseRow extends EntryRow {
  type: ExpenseType;
  amount_cents: string;
  vendor: string | null;
  spent_on: string;
  description: string;
  asset_id: string | null;
  asset_tag: string | null;
  asset_name: string | null;
}

/** One changed field of an entry: its column, and the values before and after for the trail. */
interface FieldChange {
  field: string;
  column: string;
  from: unknown;
  to: unknown;
}

/** What differs between an entry kind's rows; the rest of editing and deleting is the same for both. */
interface EntryKind<Row extends EntryRow> {
  table: 'ticket_work_logs' | 'ticket_expenses';
  label: string;
  idKey: 'workLogId' | 'expenseId';
  changed: TicketEventType;
  deleted: TicketEventType;
  /** Deleting an entry takes money or time out of the figures: audited besides the ticket's trail. */
  audited: 'ticket.work_log_deleted' | 'ticket.expense_deleted';
  select(db: DataSource | EntityManager, ticketId: string, entryId?: string): Promise<Row[]>;
  /** What the trail keeps of a deleted entry. */
  snapshot(row: Row): Record<string, unknown>;
}

// Dates as text: a DATE parsed into a JS Date would shift by the server's time zone.
const WORK_LOGS: EntryKind<WorkLogRow> = {
  table: 'ticket_work_logs',
  label: 'Work log',
  idKey: 'workLogId',
  changed: 'work_log_changed',
  deleted: 'work_log_deleted',
  audited: 'ticket.work_log_deleted',
  select: (db, ticketId, entryId) =>
    db.query(
      `SELECT w.id, w.user_id, u.name AS user_name, to_char(w.work_date, 'YYYY-MM-DD') AS work_date, w.minutes, w.note,
              w.rate_cents, w.cost_cents, w.created_by_id, c.name AS created_by_name, w.created_at, w.updated_at
         FROM ticket_work_logs w JOIN users u ON u.id = w.user_id JOIN users c ON c.id = w.created_by_id
        WHERE w.ticket_id = $1 AND ($2::uuid IS NULL OR w.id = $2)
        ORDER BY w.work_date, w.created_at, w.id`,
      [ticketId, entryId ?? null],
    ),
  snapshot: (r) => ({
    userId: r.user_id,
    userName: r.user_name,
    workDate: r.work_date,
    minutes: r.minutes,
    rateCents: r.rate_cents,
    costCents: r.cost_cents,
  }),
};

const EXPENSES: EntryKind<ExpenseRow> = {
  table: 'ticket_expenses',
  label: 'Expense',
  idKey: 'expenseId',
  changed: 'expense_changed',
  deleted: 'expense_deleted',
  audited: 'ticket.expense_deleted',
  select: (db, ticketId, entryId) =>
    db.query(
      `SELECT e.id, e.type, e.amount_cents, e.vendor, to_char(e.spent_on, 'YYYY-MM-DD') AS spent_on, e.description,
              e.asset_id, a.tag AS asset_tag, a.name AS asset_name, e.created_by_id, c.name AS created_by_name, e.created_at, e.updated_at
         FROM ticket_expenses e JOIN users c ON c.id = e.created_by_id LEFT JOIN assets a ON a.id = e.asset_id
        WHERE e.ticket_id = $1 AND ($2::uuid IS NULL OR e.id = $2)
        ORDER BY e.spent_on, e.created_at, e.id`,
      [ticketId, entryId ?? null],
    ),
  snapshot: (r) => ({
    type: r.type,
    amountCents: Number(r.amount_cents),
    vendor: r.vendor,
    spentOn: r.spent_on,
    assetId: r.asset_id,
  }),
};

/**
 * Time and money on a ticket. Staff who work the ticket add entries; the author or a manager
 * edits or deletes them. Requesters get 404 from every route, exactly as for a missing ticket:
 * costs are not theirs to see, nor to learn exist.
 */
@Injectable()
export class TicketCostsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async costs(actor: Actor, idOrNumber: string): Promise<TicketCostsDto> {
    const ticketId = await this.costTicket(actor, idOrNumber);
    const [totals]: { labour_minutes: number; labour_cost_cents: string; expense_cents: string }[] = await this.dataSource.query(
      `SELECT labour_minutes, labour_cost_cents, expense_cents FROM tickets WHERE id = $1`,
      [ticketId],
    );
    const labourCostCents = Number(totals!.labour_cost_cents);
    const expensesCents = Number(totals!.expense_cents);
    return {
      labourMinutes: totals!.labour_minutes,
      labourCostCents,
      expensesCents,
      totalCents: labourCostCents + expensesCents,
      workLogs: (await WORK_LOGS.select(this.dataSource, ticketId)).map((r) => toWorkLog(r, actor)),
      expenses: (await EXPENSES.select(this.dataSource, ticketId)).map((r) => toExpense(r, actor)),
    };
  }

  async listWorkLogs(actor: Actor, idOrNumber: string): Promise<WorkLogListDto> {
    const ticketId = await this.costTicket(actor, idOrNumber);
    return { items: (await WORK_LOGS.select(this.dataSource, ticketId)).map((r) => toWorkLog(r, actor)) };
  }

  /** Technicians log their own time; managers and admins may log a technician's. */
  async addWorkLog(actor: Actor, idOrNumber: string, input: CreateWorkLogDto): Promise<WorkLogDto> {
    const ticketId = await this.costTicket(actor, idOrNumber);
    const userId = input.userId ?? actor.id;
    if (userId !== actor.id && actor.role === 'technician') {
      throw new AppError('forbidden_fields', 'Only managers and admins may log time for someone else', [
        { field: 'userId', messages: ['userId may name someone else for managers and admins only'] },
      ]);
    }
    const id = await this.dataSource.transaction((manager) =>
      addWorkLog(
        manager,
        ticketId,
        { userId, workDate: input.workDate, minutes: input.minutes, note: input.note ?? '' },
        actor.id,
        this.clock.now(),
      ),
    );
    return this.one(WORK_LOGS, ticketId, id, (r) => toWorkLog(r, actor));
  }

  /** A changed date or number of minutes re-costs the entry at the rate in force on its (new) date. */
  async updateWorkLog(actor: Actor, idOrNumber: string, logId: string, input: UpdateWorkLogDto): Promise<WorkLogDto> {
    const ticketId = await this.costTicket(actor, idOrNumber);
    await this.change(actor, ticketId, logId, WORK_LOGS, async (manager, row, now) => {
      const changes = differences(row, [
        ['workDate', 'work_date', input.workDate],
        ['minutes', 'minutes', input.minutes],
        ['note', 'note', input.note],
      ]);
      if (changes.some((c) => c.field === 'workDate' || c.field === 'minutes')) {
        const priced = await priceWork(manager, row.user_id, input.workDate ?? row.work_date, input.minutes ?? row.minutes, now);
        changes.push(
          ...differences(row, [
            ['rateCents', 'rate_cents', priced.rateCents],
            ['costCents', 'cost_cents', priced.costCents],
          ]),
        );
      }
      return changes;
    });
    return this.one(WORK_LOGS, ticketId, logId, (r) => toWorkLog(r, actor));
  }

  async deleteWorkLog(actor: Actor, idOrNumber: string, logId: string): Promise<void> {
    await this.remove(actor, await this.costTicket(actor, idOrNumber), logId, WORK_LOGS);
  }

  async listExpenses(actor: Actor, idOrNumber: string): Promise<ExpenseListDto> {
    const ticketId = await this.costTicket(actor, idOrNumber);
    return { items: (await EXPENSES.select(this.dataSource, ticketId)).map((r) => toExpense(r, actor)) };
  }

  async addExpense(actor: Actor, idOrNumber: string, input: CreateExpenseDto): Promise<ExpenseDto> {
    const ticketId = await this.costTicket(actor, idOrNumber);
    const id = await this.dataSource.transaction((manager) =>
      addExpense(
        manager,
        ticketId,
        {
          type: input.type,
          amountCents: input.amountCents,
          vendor: input.vendor ?? null,
          spentOn: input.spentOn,
          description: input.description ?? '',
          assetId: input.assetId ?? null,
        },
        actor.id,
        this.clock.now(),
      ),
    );
    return this.one(EXPENSES, ticketId, id, (r) => toExpense(r, actor));
  }

  async updateExpense(actor: Actor, idOrNumber: string, expenseId: string, input: UpdateExpenseDto): Promise<ExpenseDto> {
    const ticketId = await this.costTicket(actor, idOrNumber);
    await this.change(actor, ticketId, expenseId, EXPENSES, async (manager, row) => {
      if (input.assetId) await assertAssetExists(manager, input.assetId);
      return differences({ ...row, amount_cents: Number(row.amount_cents) }, [
        ['type', 'type', input.type],
        ['amountCents', 'amount_cents', input.amountCents],
        ['vendor', 'vendor', input.vendor],
        ['spentOn', 'spent_on', input.spentOn],
        ['description', 'description', input.description],
        ['assetId', 'asset_id', input.assetId],
      ]);
    });
    return this.one(EXPENSES, ticketId, expenseId, (r) => toExpense(r, actor));
  }

  async deleteExpense(actor: Actor, idOrNumber: string, expenseId: string): Promise<void> {
    await this.remove(actor, await this.costTicket(actor, idOrNumber), expenseId, EXPENSES);
  }

  /** The ticket's id when the actor works it; 404 otherwise, for requesters too. */
  private async costTicket(actor: Actor, idOrNumber: string): Promise<string> {
    const { row, actor: ticketActor } = await loadTicketFor(this.dataSource, actor, idOrNumber);
    const facts = { requesterId: row.requester_id, queueId: row.queue_id, queueRestricted: row.queue_restricted };
    if (!canOnTicket(ticketActor, facts, 'work')) throw notFound('Ticket');
    return row.id;
  }

  private async one<Row extends EntryRow, Dto>(
    kind: EntryKind<Row>,
    ticketId: string,
    entryId: string,
    toDto: (row: Row) => Dto,
  ): Promise<Dto> {
    const [row] = await kind.select(this.dataSource, ticketId, entryId);
    if (!row) throw notFound(kind.label);
    return toDto(row);
  }

  /** In one transaction: locks the ticket, loads the entry, checks the author rule, then does the work. */
  private async locked<Row extends EntryRow, T>(
    actor: Actor,
    ticketId: string,
    entryId: string,
    kind: EntryKind<Row>,
    work: (manager: EntityManager, row: Row, now: Date) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await lockTicketCosts(manager, ticketId);
      const [row] = await kind.select(manager, ticketId, entryId);
      if (!row) throw notFound(kind.label);
      if (!canChangeCostEntry(actor, { createdById: row.created_by_id })) {
        throw new AppError('forbidden', `Only its author or a manager may change this ${kind.label.toLowerCase()}`);
      }
      return work(manager, row, this.clock.now());
    });
  }

  private async change<Row extends EntryRow>(
    actor: Actor,
    ticketId: string,
    entryId: string,
    kind: EntryKind<Row>,
    diff: (manager: EntityManager, row: Row, now: Date) => Promise<FieldChange[]>,
  ): Promise<void> {
    await this.locked(actor, ticketId, entryId, kind, async (manager, row, now) => {
      const changes = await diff(manager, row, now);
      if (changes.length === 0) return;
      const update = buildSet({ ...Object.fromEntries(changes.map((c) => [c.column, c.to])), updated_at: now }, 2);
      await manager.query(`UPDATE ${kind.table} SET ${update.clause} WHERE id = $1`, [entryId, ...update.values]);
      await appendTicketEvents(manager, ticketId, actor.id, now, [
        {
          type: kind.changed,
          public: false,
          data: { [kind.idKey]: entryId, changes: Object.fromEntries(changes.map((c) => [c.field, { from: c.from, to: c.to }])) },
        },
      ]);
      await refreshTicketCostTotals(manager, ticketId);
    });
  }

  /** A real delete; the trail keeps what was deleted. */
  private async remove<Row extends EntryRow>(
    actor: Actor,
    ticketId: string,
    entryId: string,
    kind: EntryKind<Row>,
  ): Promise<void> {
    await this.locked(actor, ticketId, entryId, kind, async (manager, row, now) => {
      await manager.query(`DELETE FROM ${kind.table} WHERE id = $1`, [entryId]);
      const snapshot = { [kind.idKey]: entryId, ...kind.snapshot(row) };
      await appendTicketEvents(manager, ticketId, actor.id, now, [{ type: kind.deleted, public: false, data: snapshot }]);
      await refreshTicketCostTotals(manager, ticketId);
      await this.audit.record(manager, { action: kind.audited, targetId: ticketId, detail: snapshot as AuditDetail });
    });
  }
}

/** The fields given (not undefined) whose value differs from the row's column. */
function differences<Row extends object>(
  row: Row,
  given: [field: string, column: keyof Row & string, value: unknown][],
): FieldChange[] {
  return given
    .filter(([, column, value]) => value !== undefined && value !== row[column])
    .map(([field, column, value]) => ({ field, column, from: row[column], to: value }));
}

function entryMeta(row: EntryRow, actor: Actor) {
  return {
    createdBy: { id: row.created_by_id, name: row.created_by_name },
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    can: { change: canChangeCostEntry(actor, { createdById: row.created_by_id }) },
  };
}

function toWorkLog(r: WorkLogRow, actor: Actor): WorkLogDto {
  return {
    id: r.id,
    user: { id: r.user_id, name: r.user_name },
    workDate: r.work_date,
    minutes: r.minutes,
    note: r.note,
    rateCents: r.rate_cents,
    costCents: r.cost_cents,
    ...entryMeta(r, actor),
  };
}

function toExpense(r: ExpenseRow, actor: Actor): ExpenseDto {
  return {
    id: r.id,
    type: r.type,
    amountCents: Number(r.amount_cents),
    vendor: r.vendor,
    spentOn: r.spent_on,
    description: r.description,
    asset:
      r.asset_id && r.asset_tag !== null && r.asset_name !== null
        ? { id: r.asset_id, tag: r.asset_tag, name: r.asset_name }
        : null,
    ...entryMeta(r, actor),
  };
}
