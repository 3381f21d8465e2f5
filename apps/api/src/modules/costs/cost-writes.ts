import type { EntityManager } from 'typeorm';
import { validationFailed } from '../../common/errors/app-error.js';
import { cityToday } from '../../common/time/city-today.js';
import { appendTicketEvents } from '../tickets/ticket-events.js';
import { isStaff, type Role } from '../users/domain/role.js';
import type { ExpenseType } from './domain/cost-vocabulary.js';
import { labourCostCents, rateInForce, type DatedRate } from './domain/labour-cost.js';

/**
 * The cost writes every path shares (the API and the demo data): each runs inside the caller's
 * transaction, records its ticket event and rewrites the ticket's stored totals, so an entry,
 * its event and the totals are written together or not at all.
 */

export interface NewWorkLog {
  userId: string;
  workDate: string;
  minutes: number;
  note: string;
}

export interface NewExpense {
  type: ExpenseType;
  amountCents: number;
  vendor: string | null;
  spentOn: string;
  description: string;
  assetId: string | null;
}

/** Cost writes on one ticket take turns, so each recomputed total sees every committed entry. */
export async function lockTicketCosts(manager: EntityManager, ticketId: string): Promise<void> {
  await manager.query(`SELECT 1 FROM tickets WHERE id = $1 FOR UPDATE`, [ticketId]);
}

/** The technician's name; refuses anyone who is not active staff. */
export async function assertWorker(manager: EntityManager, userId: string): Promise<string> {
  const [user]: { name: string; role: Role; active: boolean }[] = await manager.query(
    `SELECT name, role, active FROM users WHERE id = $1`,
    [userId],
  );
  if (!user || !user.active || !isStaff(user.role)) {
    throw validationFailed([{ field: 'userId', messages: ['userId must name an active technician, manager or admin'] }]);
  }
  return user.name;
}

/**
 * The rate in force for the technician on the day and the cost of the minutes at it. No rate
 * (neither their own nor their role's default) refuses the entry rather than cost it at zero.
 */
export async function priceWork(
  manager: EntityManager,
  userId: string,
  workDate: string,
  minutes: number,
  now: Date,
): Promise<{ rateCents: number; costCents: number }> {
  if (workDate > (await cityToday(manager, now))) {
    throw validationFailed([{ field: 'workDate', messages: ['workDate must not be in the future'] }]);
  }
  const rows: { user_id: string | null; hourly_rate_cents: number; effective_from: string }[] = await manager.query(
    `SELECT r.user_id, r.hourly_rate_cents, to_char(r.effective_from, 'YYYY-MM-DD') AS effective_from
       FROM labor_rates r JOIN users u ON u.id = $1
      WHERE (r.user_id = u.id OR (r.user_id IS NULL AND r.role = u.role)) AND r.effective_from <= $2::date`,
    [userId, workDate],
  );
  const rates: DatedRate[] = rows.map((r) => ({
    userId: r.user_id,
    hourlyRateCents: r.hourly_rate_cents,
    effectiveFrom: r.effective_from,
  }));
  const rateCents = rateInForce(rates, workDate);
  if (rateCents === null) {
    throw validationFailed([
      {
        field: 'workDate',
        messages: [`no hourly rate is in force for this technician on ${workDate}; an admin sets rates and role defaults`],
      },
    ]);
  }
  return { rateCents, costCents: labourCostCents(minutes, rateCents) };
}

export async function assertAssetExists(manager: EntityManager, assetId: string): Promise<void> {
  const rows: unknown[] = await manager.query(`SELECT 1 FROM assets WHERE id = $1`, [assetId]);
  if (rows.length === 0) throw validationFailed([{ field: 'assetId', messages: ['assetId names no asset'] }]);
}

/** Rewrites the ticket's stored totals from its entries (the ticket row is locked by the caller). */
export async function refreshTicketCostTotals(manager: EntityManager, ticketId: string): Promise<void> {
  await manager.query(
    `UPDATE tickets SET
        labour_minutes = (SELECT coalesce(sum(w.minutes), 0) FROM ticket_work_logs w WHERE w.ticket_id = $1),
        labour_cost_cents = (SELECT coalesce(sum(w.cost_cents), 0) FROM ticket_work_logs w WHERE w.ticket_id = $1),
        expense_cents = (SELECT coalesce(sum(e.amount_cents), 0) FROM ticket_expenses e WHERE e.ticket_id = $1)
      WHERE id = $1`,
    [ticketId],
  );
}

/** Adds a work log costed at the rate in force on its day; returns its id. */
export async function addWorkLog(
  manager: EntityManager,
  ticketId: string,
  log: NewWorkLog,
  actorId: string,
  now: Date,
): Promise<string> {
  await lockTicketCosts(manager, ticketId);
  const userName = await assertWorker(manager, log.userId);
  const { rateCents, costCents } = await priceWork(manager, log.userId, log.workDate, log.minutes, now);
  const [row]: { id: string }[] = await manager.query(
    `INSERT INTO ticket_work_logs (ticket_id, user_id, work_date, minutes, note, rate_cents, cost_cents, created_by_id, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
    [ticketId, log.userId, log.workDate, log.minutes, log.note, rateCents, costCents, actorId, now],
  );
  await appendTicketEvents(manager, ticketId, actorId, now, [
    {
      type: 'work_logged',
      public: false,
      data: {
        workLogId: row!.id,
        userId: log.userId,
        userName,
        workDate: log.workDate,
        minutes: log.minutes,
        rateCents,
        costCents,
      },
    },
  ]);
  await refreshTicketCostTotals(manager, ticketId);
  return row!.id;
}

/** Adds an expense; returns its id. */
export async function addExpense(
  manager: EntityManager,
  ticketId: string,
  expense: NewExpense,
  actorId: string,
  now: Date,
): Promise<string> {
  await lockTicketCosts(manager, ticketId);
  if (expense.assetId) await assertAssetExists(manager, expense.assetId);
  const [row]: { id: string }[] = await manager.query(
    `INSERT INTO ticket_expenses (ticket_id, type, amount_cents, vendor, spent_on, description, asset_id, created_by_id, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
    [
      ticketId,
      expense.type,
      expense.amountCents,
      expense.vendor,
      expense.spentOn,
      expense.description,
      expense.assetId,
      actorId,
      now,
    ],
  );
  await appendTicketEvents(manager, ticketId, actorId, now, [
    {
      type: 'expense_added',
      public: false,
      data: {
        expenseId: row!.id,
        type: expense.type,
        amountCents: expense.amountCents,
        vendor: expense.vendor,
        spentOn: expense.spentOn,
        assetId: expense.assetId,
      },
    },
  ]);
  await refreshTicketCostTotals(manager, ticketId);
  return row!.id;
}
