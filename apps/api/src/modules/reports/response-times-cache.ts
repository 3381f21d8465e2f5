import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { SqlParams } from '../../common/db/sql-params.js';
import { addDays } from './domain/report-dates.js';
import type { ReportScope } from './report-scope.js';
import {
  dimKeySql,
  groupSql,
  KEY_OF,
  PeriodBuckets,
  rangeInstants,
  ticketRollupSelection,
  type RollupDim,
} from './report-sql.js';
import { ReportReader } from './report-reader.js';

/** One group's figures in a period, as the report's aggregates name them, under its dimension key. */
export type TimesFacts = Record<string, unknown> & { key: string | null };

/** A fact of the report: its period's first day, its group, and the aggregates. */
export type PeriodFact = Record<string, unknown> & { periodStart: string; groupKey: string | null; groupName: string | null };

/** A period's days as the report counts them: the range cuts the first and last periods short. */
interface PeriodDays {
  periodStart: string;
  from: string;
  to: string;
}

/** A period computed from the tickets: every group's facts. */
type ComputedPeriod = PeriodDays & { facts: TimesFacts[] };

/** A change row the cache row's snapshot did not see committed: the period's figures are stale. */
const STALE = `EXISTS (SELECT 1 FROM report_times_changes d
                        WHERE d.day BETWEEN c.period_from AND c.period_to AND NOT pg_visible_in_snapshot(d.xid, c.snapshot))`;

/** Cached periods are recomputed after this long even when nothing changed, so odd ranges do not pile up. */
const MAX_AGE = `interval '30 days'`;

/**
 * The response-times report's figures per period, cached with the snapshot they were read in and
 * used while no change to a ticket created in the period has committed since (migration
 * ResponseTimesCache explains the tables and why it is exact). A report reads the periods still
 * valid, computes the others from the tickets in one statement, and stores them.
 *
 * A period's row holds every group of one rollup dimension, so it serves the same selections the
 * rollups do: all tickets, or split or filtered by one dimension. A technician's report that is
 * not split by queue adds up several queues, and percentiles do not add up: that one reads the
 * tickets every time (it is small).
 */
@Injectable()
export class ResponseTimesCache {
  /** Computations under way in this process, by what they read: the same report asked for at once is read once. */
  private readonly inFlight = new Map<string, Promise<PeriodFact[]>>();

  constructor(
    private readonly reader: ReportReader,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * The report's facts, from the cache and the tickets; or null when the cache cannot serve this
   * selection. `aggregates` are the report's aggregate columns over tickets alias `t`.
   *
   * Reports of the same periods and dimension asked for while one is being answered wait for it,
   * then read the cache it filled in a snapshot of their own: fifty managers opening the
   * dashboard after a busy night read the tickets once, not fifty times.
   */
  async facts(scope: ReportScope, aggregates: readonly string[]): Promise<PeriodFact[] | null> {
    const dim = ticketRollupSelection(scope, new SqlParams())?.dim;
    if (dim === undefined || (scope.groupBy === null && scope.memberOf !== null && !scope.filters.queueId)) return null;
    const key = JSON.stringify([scope.timeZone, dim, scope.interval, scope.range]);
    const running = this.inFlight.get(key);
    if (running) {
      await running.catch(() => undefined);
      return this.answer(scope, dim, aggregates);
    }
    const answering = this.answer(scope, dim, aggregates);
    this.inFlight.set(key, answering);
    try {
      return await answering;
    } finally {
      this.inFlight.delete(key);
    }
  }

  /** The valid cached periods, and the others read from the tickets and stored. */
  private async answer(scope: ReportScope, dim: RollupDim, aggregates: readonly string[]): Promise<PeriodFact[]> {
    const periods = periodDays(scope);
    const cached = await this.read(scope, periods);
    const missing = periods.filter((p) => !cached.has(p.from));
    if (missing.length === 0) return this.named(scope, dim, [...cached.values()].flat());
    // The periods from the first missing one to the last are read again, with the groups of the selection.
    const computed = await this.compute(scope, dim, missing, aggregates);
    await this.store(scope.timeZone, dim, computed.snapshot, computed.periods);
    const fresh = new Set(computed.periods.map((p) => p.from));
    const kept = [...cached].filter(([from]) => !fresh.has(from)).flatMap(([, facts]) => facts);
    return this.named(scope, dim, [...kept, ...computed.selected]);
  }

  /** The valid cached periods (by first counted day), each with the selection's facts. */
  private async read(scope: ReportScope, periods: readonly PeriodDays[]): Promise<Map<string, PeriodFact[]>> {
    const q = new SqlParams();
    const selection = ticketRollupSelection(scope, q)!;
    const column = <K extends keyof PeriodDays>(key: K, type: string) =>
      q.add(
        periods.map((p) => p[key]),
        type,
      );
    const rows: { from: string; periodStart: string; fact: TimesFacts | null }[] = await this.reader.query(
      `SELECT to_char(c.period_from, 'YYYY-MM-DD') AS "from", p.start AS "periodStart", r.fact
         FROM unnest(${column('from', 'date[]')}, ${column('to', 'date[]')}, ${column('periodStart', 'text[]')}) AS p(day_from, day_to, start)
         JOIN report_times_cache c ON c.zone = ${q.add(scope.timeZone, 'text')} AND c.dim = ${q.add(selection.dim, 'report_dim')}
                                  AND c.period_from = p.day_from AND c.period_to = p.day_to
         LEFT JOIN LATERAL (SELECT c.dim, f.fact->>'key' AS key, f.fact FROM jsonb_array_elements(c.facts) AS f(fact)) r
           ON ${selection.where.join(' AND ')}
        WHERE NOT ${STALE}`,
      q.values,
    );
    const byPeriod = new Map<string, PeriodFact[]>();
    for (const row of rows) {
      const facts = byPeriod.get(row.from) ?? [];
      if (row.fact) facts.push(toFact(row.periodStart, scope.groupBy !== null, row.fact));
      byPeriod.set(row.from, facts);
    }
    return byPeriod;
  }

  /**
   * Every group's facts in the periods from the first missing one to the last, from the tickets
   * in one statement, with the snapshot it ran in; and the facts of the groups the selection
   * takes (marked by its own conditions in the same statement).
   */
  private async compute(
    scope: ReportScope,
    dim: RollupDim,
    missing: readonly PeriodDays[],
    aggregates: readonly string[],
  ): Promise<{ snapshot: string; periods: ComputedPeriod[]; selected: PeriodFact[] }> {
    const span = { from: missing[0]!.from, to: missing[missing.length - 1]!.to };
    const q = new SqlParams();
    const selection = ticketRollupSelection(scope, q)!;
    const { tz, start, end } = rangeInstants({ ...scope, range: span }, q);
    const buckets = new PeriodBuckets(scope.periods, q, () => tz);
    const [row]: { snapshot: string; facts: (TimesFacts & { bucket: number; selected: boolean })[] }[] = await this.reader.query(
      `SELECT pg_current_snapshot()::text AS snapshot,
              coalesce((SELECT json_agg(a) FROM (
                SELECT x.*, (SELECT ${selection.where.join(' AND ')} FROM (SELECT ${q.add(dim, 'report_dim')} AS dim, x.key) r) AS selected
                  FROM (SELECT ${buckets.ofInstant('t.created_at')} AS bucket, ${dimKeySql(dim, 't')} AS key,
                               count(*)::int AS "ticketCount", ${aggregates.join(',\n')}
                          FROM tickets t WHERE t.created_at >= ${start} AND t.created_at < ${end}
                         GROUP BY 1, 2) x) a), '[]') AS facts`,
      q.values,
    );
    const periods: ComputedPeriod[] = periodDays(scope)
      .map((p, index) => ({ ...p, index: index + 1 }))
      .filter((p) => p.from >= span.from && p.to <= span.to)
      .map(({ index, ...p }) => ({
        ...p,
        facts: row!.facts.filter((f) => f.bucket === index).map(({ bucket: _, selected: __, ...f }) => f),
      }));
    const selected = row!.facts
      .filter((f) => f.selected)
      .map(({ bucket, selected: _, ...f }) => toFact(scope.periods[bucket - 1]!.periodStart, scope.groupBy !== null, f));
    return { snapshot: row!.snapshot, periods, selected };
  }

  /**
   * Stores computed periods with their snapshot, unless a change this snapshot may not have seen
   * was pruned meanwhile (its oldest running id is behind the horizon). A row read in an older
   * snapshot than the one stored already is not stored.
   */
  private async store(zone: string, dim: RollupDim, snapshot: string, periods: readonly ComputedPeriod[]): Promise<void> {
    await this.dataSource.query(
      `WITH h AS (SELECT horizon FROM report_times_horizon FOR SHARE)
       INSERT INTO report_times_cache AS c (zone, dim, period_from, period_to, snapshot, facts, computed_at)
       SELECT $1, $2::report_dim, p.period_from, p.period_to, $3::pg_snapshot, p.facts, now()
         FROM h, jsonb_to_recordset($4::jsonb) AS p(period_from date, period_to date, facts jsonb)
        WHERE pg_snapshot_xmin($3::pg_snapshot) >= h.horizon
       ON CONFLICT (zone, dim, period_from, period_to) DO UPDATE
          SET snapshot = EXCLUDED.snapshot, facts = EXCLUDED.facts, computed_at = EXCLUDED.computed_at
        WHERE pg_snapshot_xmin(c.snapshot) <= pg_snapshot_xmin(EXCLUDED.snapshot)`,
      [zone, dim, snapshot, JSON.stringify(periods.map((p) => ({ period_from: p.from, period_to: p.to, facts: p.facts })))],
    );
  }

  /** Names the groups: a department, category or queue by its current name, a vocabulary word by itself. */
  private async named(scope: ReportScope, dim: RollupDim, facts: PeriodFact[]): Promise<PeriodFact[]> {
    const group = groupSql(scope.groupBy);
    if (scope.groupBy === null || group.join === '') {
      for (const f of facts) f.groupName = f.groupKey;
      return facts;
    }
    const keys = [...new Set(facts.map((f) => f.groupKey).filter((k) => k !== null))];
    const names: { key: string; name: string | null }[] =
      keys.length === 0
        ? []
        : await this.reader.query(
            `SELECT a.key, ${group.name} AS name
               FROM (SELECT r.key, ${KEY_OF[dim]} AS group_key FROM unnest($1::text[]) AS r(key)) a ${group.join}`,
            [keys],
          );
    const byKey = new Map(names.map((n) => [n.key, n.name]));
    for (const f of facts) f.groupName = f.groupKey === null ? null : (byKey.get(f.groupKey) ?? null);
    return facts;
  }

  /**
   * Drops stale and old periods, moves the snapshot of the periods still valid to now, and prunes
   * the change rows every cached snapshot sees. The horizon row is locked first: stores in flight
   * finish, and new ones wait, so the oldest snapshot read below is the oldest there is.
   */
  static async maintain(manager: EntityManager): Promise<{ dropped: number; pruned: number }> {
    const [, dropped] = await manager.query(
      `DELETE FROM report_times_cache c WHERE c.computed_at < now() - ${MAX_AGE} OR ${STALE}`,
    );
    await manager.query(`UPDATE report_times_cache c SET snapshot = pg_current_snapshot() WHERE NOT ${STALE}`);
    await manager.query(`SELECT 1 FROM report_times_horizon FOR UPDATE`);
    await manager.query(
      `UPDATE report_times_horizon
          SET horizon = greatest(horizon, coalesce((SELECT min(pg_snapshot_xmin(snapshot)) FROM report_times_cache),
                                                   pg_snapshot_xmin(pg_current_snapshot())))`,
    );
    const [, pruned] = await manager.query(
      `DELETE FROM report_times_changes WHERE xid < (SELECT horizon FROM report_times_horizon)`,
    );
    return { dropped: Number(dropped), pruned: Number(pruned) };
  }
}

/** Each period's first and last counted day: the range cuts the first and the last short. */
function periodDays(scope: ReportScope): PeriodDays[] {
  return scope.periods.map((p) => ({
    periodStart: p.periodStart,
    from: p.periodStart < scope.range.from ? scope.range.from : p.periodStart,
    to: addDays(p.nextStart, -1) > scope.range.to ? scope.range.to : addDays(p.nextStart, -1),
  }));
}

function toFact(periodStart: string, grouped: boolean, figures: TimesFacts): PeriodFact {
  // In place: a report by department may have thousands of facts.
  return Object.assign(figures, { periodStart, groupKey: grouped ? figures.key : null, groupName: null });
}
