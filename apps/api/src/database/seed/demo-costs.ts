import type { EntityManager } from 'typeorm';
import { cityToday } from '../../common/time/city-today.js';
import { addExpense, addWorkLog, type NewExpense } from '../../modules/costs/cost-writes.js';
import type { TicketKind, TicketStatus } from '../../modules/tickets/domain/ticket-vocabulary.js';

const HOUR = 60 * 60 * 1000;

/** Expenses on named demo tickets: what a city IT team typically pays for besides its time. */
const EXPENSES: Record<string, Omit<NewExpense, 'spentOn' | 'assetId'> & { onAsset?: boolean }> = {
  'Laptop battery swollen': {
    type: 'parts',
    amountCents: 8_900,
    vendor: 'CDW-G',
    description: 'Replacement battery',
    onAsset: true,
  },
  'Wi-Fi drops in the children’s area': {
    type: 'parts',
    amountCents: 74_000,
    vendor: 'HPE Aruba',
    description: 'Replacement access point',
    onAsset: true,
  },
  'Station alerting speaker crackles': {
    type: 'vendor',
    amountCents: 45_000,
    vendor: 'Westnet',
    description: 'Vendor call-out to Station 1',
  },
  'SCADA historian disk almost full': {
    type: 'parts',
    amountCents: 38_000,
    vendor: 'Dell',
    description: 'Two 4 TB SSDs',
    onAsset: true,
  },
  'Request: install GIS viewer': { type: 'software', amountCents: 12_000, vendor: 'Esri', description: 'GIS viewer licence' },
  'Website calendar shows wrong time zone': {
    type: 'contract',
    amountCents: 60_000,
    vendor: 'CivicPlus',
    description: 'Website support contract: two hours of vendor support',
  },
};

/** Minutes a piece of work takes, cycled so the totals vary without randomness. */
const MINUTES = [30, 45, 60, 90, 20, 120, 15, 75];

const NOTES: Record<TicketKind, string[]> = {
  incident: ['Diagnosis', 'Fix and test', 'Follow-up with the user'],
  service_request: ['Set-up', 'Handover'],
  maintenance: ['Worked the checklist', 'Verified and recorded'],
};

/**
 * The demo city's rates: role defaults since 2020, the technicians' own rates (Taylor's changed
 * last July, so the rates page shows history; their colleagues' rise every July), so that every
 * day of the history has a rate in force. `colleagues`: the other technicians' e-mails.
 */
export async function seedDemoRates(
  manager: EntityManager,
  now: Date,
  users: Map<string, string>,
  colleagues: readonly string[],
): Promise<void> {
  const user = (email: string): string => users.get(email)!;
  const year = now.getUTCFullYear();
  const rates: [string | null, string | null, number, string][] = [
    [null, 'technician', 5_500, '2020-01-01'],
    [null, 'manager', 7_500, '2020-01-01'],
    [null, 'admin', 7_000, '2020-01-01'],
    [user('tech@civicdesk.test'), null, 5_800, `${year - 3}-07-01`],
    [user('tech@civicdesk.test'), null, 6_200, `${year - 1}-07-01`],
    [user('tech2@civicdesk.test'), null, 6_000, `${year - 2}-01-01`],
  ];
  colleagues.forEach((email, i) => {
    // Juniors to seniors, $52–$68 an hour four years ago, 3 % more each July since.
    let cents = 5_200 + i * 160;
    for (let y = year - 4; y <= year; y++) {
      if (y > year - 4) cents = Math.round((cents * 1.03) / 10) * 10;
      if (`${y}-07-01` <= now.toISOString().slice(0, 10)) rates.push([user(email), null, cents, `${y}-07-01`]);
    }
  });
  await manager.query(
    `INSERT INTO labor_rates (user_id, role, hourly_rate_cents, effective_from, created_by_id, created_at)
     SELECT r.user_id, r.role::user_role, r.cents, r.from_date, $2, $3
       FROM json_to_recordset($1::json) AS r(user_id uuid, role text, cents int, from_date date)`,
    [
      JSON.stringify(rates.map(([userId, role, cents, from]) => ({ user_id: userId, role, cents, from_date: from }))),
      user('admin@civicdesk.test'),
      now,
    ],
  );
}

/**
 * Costs on the demo's current tickets: work logs and expenses, mostly on the resolved and closed
 * ones. Written by the same functions the API uses, so every stored rate, cost, total and ticket
 * event is what the API would have written.
 */
export async function seedDemoTicketCosts(manager: EntityManager, now: Date, ticketIds: readonly string[]): Promise<void> {
  // Retired demo assets were retired some months ago.
  await manager.query(`UPDATE assets SET retired_at = $1 WHERE status = 'retired' AND retired_at IS NULL`, [
    new Date(now.getTime() - 120 * 24 * HOUR),
  ]);

  const tickets: {
    id: string;
    title: string;
    kind: TicketKind;
    status: TicketStatus;
    assignee_id: string;
    worked_at: Date;
    asset_id: string | null;
  }[] = await manager.query(
    `SELECT id, title, kind, status, assignee_id, least(coalesce(resolved_at, created_at), $1) AS worked_at, asset_id FROM tickets
      WHERE id = ANY($2::uuid[]) AND assignee_id IS NOT NULL AND status NOT IN ('new', 'assigned', 'canceled') ORDER BY created_at, number`,
    [now, ticketIds],
  );
  let n = 0;
  for (const t of tickets) {
    // Finished work has a full record; open work the time spent so far. Dated the day it was done, in the city.
    const entries = t.status === 'resolved' || t.status === 'closed' ? 1 + (n % 3) : 1;
    const workDate = await cityToday(manager, t.worked_at);
    const notes = NOTES[t.kind];
    for (let i = 0; i < entries; i++) {
      n += 1;
      const note = notes[Math.min(i, notes.length - 1)]!;
      await addWorkLog(
        manager,
        t.id,
        { userId: t.assignee_id, workDate, minutes: MINUTES[n % MINUTES.length]!, note },
        t.assignee_id,
        now,
      );
    }
    const expense = EXPENSES[t.title];
    if (expense) {
      const { onAsset, ...fields } = expense;
      await addExpense(manager, t.id, { ...fields, spentOn: workDate, assetId: onAsset ? t.asset_id : null }, t.assignee_id, now);
    } else if (t.kind === 'incident' && (t.status === 'resolved' || t.status === 'closed') && n % 4 === 0) {
      await addExpense(
        manager,
        t.id,
        { type: 'other', amountCents: 2_500, vendor: null, spentOn: workDate, description: 'Cables and adapters', assetId: null },
        t.assignee_id,
        now,
      );
    }
  }
}
