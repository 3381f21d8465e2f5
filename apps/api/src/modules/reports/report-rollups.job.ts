import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { JobRunner } from '../jobs/job-runner.service.js';
import { ResponseTimesCache } from './response-times-cache.js';

/** Each rollup: its folded table (and month table), its table of pending changes, its key and its counters. */
const ROLLUPS = [
  {
    name: 'ticketDays',
    table: 'report_ticket_days',
    months: 'report_ticket_months',
    changes: 'report_ticket_changes',
    key: ['dim', 'day', 'key'],
    measures: [
      'created',
      'reactive_created',
      'response_met',
      'response_breached',
      'resolution_met',
      'resolution_breached',
      'resolved',
      'done',
      'open_now',
      'anomalies',
    ],
  },
  {
    name: 'costDays',
    table: 'report_cost_days',
    months: 'report_cost_months',
    changes: 'report_cost_changes',
    key: ['dim', 'day', 'key'],
    measures: [
      'cost_rows',
      'class_rows',
      'minutes',
      'labour_cents',
      'expense_cents',
      'proactive_minutes',
      'proactive_cents',
      'reactive_cents',
    ],
  },
  {
    name: 'queueCounts',
    table: 'queue_open_counts',
    months: null,
    changes: 'queue_open_count_changes',
    key: ['queue_id', 'unassigned'],
    measures: ['tickets'],
  },
  {
    name: 'assetRepairSpend',
    table: 'asset_repair_spend',
    months: null,
    changes: 'asset_repair_spend_changes',
    key: ['asset_id'],
    measures: ['cents'],
  },
] as const;

/**
 * Folds the rollups' pending changes (rows the triggers append in every ticket, work log and
 * expense write) into their totals, so what readers add up stays small. Readers are exact either
 * way: they read totals and pending changes in one snapshot, and a fold moves rows between the two
 * atomically. Rows a write commits while a fold runs are not in its snapshot and wait for the next.
 */
@Injectable()
export class ReportRollupsJob implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: JobRunner,
  ) {}

  onModuleInit(): void {
    this.runner.register({ name: 'report-rollups', everyMs: 30 * 1000, run: () => this.run() });
  }

  async run(): Promise<Record<string, number>> {
    const stats: Record<string, number> = {};
    await this.dataSource.transaction(async (manager) => {
      for (const r of ROLLUPS) {
        const columns = [...r.key, ...r.measures].join(', ');
        const upsert = (table: string, key: readonly string[], select: string) =>
          `INSERT INTO ${table} AS t (${columns}) ${select}
           ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${r.measures.map((m) => `${m} = t.${m} + EXCLUDED.${m}`).join(', ')}
           RETURNING 1`;
        const sums = r.measures.map((m) => `sum(${m})`).join(', ');
        // One statement: the changes leave and land in the totals (and their months) together.
        const [result]: { folded: number }[] = await manager.query(
          `WITH moved AS (DELETE FROM ${r.changes} RETURNING *),
                totals AS (${upsert(r.table, r.key, `SELECT ${r.key.join(', ')}, ${sums} FROM moved GROUP BY ${r.key.join(', ')}`)})
                ${
                  r.months
                    ? `, months AS (${upsert(
                        r.months,
                        r.key,
                        `SELECT dim, date_trunc('month', day)::date AS day, key, ${sums} FROM moved GROUP BY 1, 2, 3`,
                      )})`
                    : ''
                }
           SELECT count(*)::int AS folded FROM moved`,
        );
        stats[r.name] = result?.folded ?? 0;
      }
    });
    // Its own transaction: the horizon it locks holds up the reports' cache stores until it ends.
    const cache = await this.dataSource.transaction((manager) => ResponseTimesCache.maintain(manager));
    stats.responseTimesDropped = cache.dropped;
    stats.responseTimesPruned = cache.pruned;
    return stats;
  }
}
