import type { EntityManager } from 'typeorm';
import { SqlParams } from '../../common/db/sql-params.js';
import { prepared } from '../../database/prepared-statements.js';
import { SLA_COLUMN_TYPES } from '../ticket-sla/domain/clock-columns.js';
import type { NewTicketClock } from '../ticket-sla/ticket-sla.service.js';
import {
  defaultWorkClass,
  formatTicketNumber,
  type Impact,
  type Priority,
  type TicketKind,
  type TicketSource,
  type Urgency,
} from './domain/ticket-vocabulary.js';

/** A ticket as it is filed: by a person on the web, or by a maintenance plan. */
export interface NewTicket {
  kind: TicketKind;
  title: string;
  description: string;
  impact: Impact;
  urgency: Urgency;
  priority: Priority;
  requesterId: string;
  departmentId: string;
  queueId: string;
  assigneeId?: string | null;
  categoryId: string | null;
  assetId: string | null;
  source: TicketSource;
  createdById: string;
  at: Date;
  maintenancePlanId?: string | null;
  maintenanceDueAt?: Date | null;
}

/** How a ticket is filed along with its row (TicketsService): its trail, clock and notifications, in one statement. */
export interface TicketFiling {
  actorId: string | null;
  /** The data of its "created" event. */
  data: Record<string, unknown>;
  /** Its policy and clock (TicketSlaService.clockForNew), and with them its "sla_policy_matched" event. */
  sla?: NewTicketClock | null;
  /** The id and number drawn beforehand (a filing draws its number in its lookup); else the row gets new ones. */
  drawn?: { id: string; number: string };
  /** The parameters the FilingSql was written with; the statement adds its own. */
  params?: SqlParams;
}

/** What a filing's statement adds, written with TicketFiling.params. */
export interface FilingSql {
  /** More CTEs of the same statement (the filing's notifications). */
  ctes: readonly string[];
  /** The select list of the statement's row, over the new row `t`. */
  select: string;
}

/**
 * Inserts the row with the next number of its kind (new, or assigned when it has an assignee),
 * and with `filing` its "created" trail event (and what TicketFiling and FilingSql add) in the
 * same statement; returns the row of `more.select` (else the id).
 */
export async function insertTicket<Row extends { id: string } = { id: string }>(
  manager: EntityManager,
  t: NewTicket,
  filing?: TicketFiling,
  more?: FilingSql,
): Promise<{ id: string; number: string; row: Row }> {
  let number = filing?.drawn?.number;
  if (number === undefined) {
    const [{ n }] = await manager.query(`SELECT nextval($1::regclass)::int AS n`, [`ticket_number_${t.kind}`]);
    number = formatTicketNumber(t.kind, n);
  }
  const params = filing?.params ?? new SqlParams();
  const at = params.add(t.at, 'timestamptz');
  const row: [column: string, placeholder: string][] = [
    ['number', params.add(number, 'text')],
    ['kind', params.add(t.kind, 'ticket_kind')],
    ['work_class', params.add(defaultWorkClass(t.kind), 'work_class')],
    ['title', params.add(t.title, 'text')],
    ['description', params.add(t.description, 'text')],
    ['status', params.add(t.assigneeId ? 'assigned' : 'new', 'ticket_status')],
    ['impact', params.add(t.impact, 'ticket_impact')],
    ['urgency', params.add(t.urgency, 'ticket_urgency')],
    ['priority', params.add(t.priority, 'ticket_priority')],
    ['requester_id', params.add(t.requesterId, 'uuid')],
    ['department_id', params.add(t.departmentId, 'uuid')],
    ['queue_id', params.add(t.queueId, 'uuid')],
    ['assignee_id', params.add(t.assigneeId ?? null, 'uuid')],
    ['category_id', params.add(t.categoryId, 'uuid')],
    ['asset_id', params.add(t.assetId, 'uuid')],
    ['source', params.add(t.source, 'ticket_source')],
    ['created_by_id', params.add(t.createdById, 'uuid')],
    ['created_at', at],
    ['updated_at', at],
    ['maintenance_plan_id', params.add(t.maintenancePlanId ?? null, 'uuid')],
    ['maintenance_due_at', params.add(t.maintenanceDueAt ?? null, 'timestamptz')],
  ];
  if (filing?.drawn) row.push(['id', params.add(filing.drawn.id, 'uuid')]);
  const sla = filing?.sla;
  if (sla) {
    row.push(['sla_policy_version_id', params.add(sla.versionId, 'uuid')]);
    for (const [column, type] of Object.entries(SLA_COLUMN_TYPES) as [keyof typeof SLA_COLUMN_TYPES, string][]) {
      row.push([column, params.add(sla.columns[column], type)]);
    }
  }
  const insert = `INSERT INTO tickets (${row.map(([column]) => column).join(', ')})
     VALUES (${row.map(([, placeholder]) => placeholder).join(', ')}) RETURNING ${more ? '*' : 'id'}`;
  if (!filing) {
    const [inserted]: Row[] = await manager.query(insert, params.values);
    return { id: inserted!.id, number, row: inserted! };
  }
  const events = [`(1, 'created', true, ${params.add(JSON.stringify(filing.data), 'jsonb')})`];
  if (sla) events.push(`(2, 'sla_policy_matched', false, ${params.add(JSON.stringify(sla.matched), 'jsonb')})`);
  const ctes = [
    `t AS (${insert})`,
    `e AS (INSERT INTO ticket_events (ticket_id, actor_id, type, public, data, created_at)
           SELECT t.id, ${params.add(filing.actorId, 'uuid')}, v.type, v.public, v.data, ${at} FROM t,
                  (VALUES ${events.join(', ')}) AS v(ord, type, public, data)
            ORDER BY v.ord)`,
    ...(more?.ctes ?? []),
  ];
  const select = more?.select ?? 't.id';
  const [inserted]: Row[] = await manager.query(prepared(`WITH ${ctes.join(',\n')} SELECT ${select} FROM t`), params.values);
  return { id: inserted!.id, number, row: inserted! };
}
