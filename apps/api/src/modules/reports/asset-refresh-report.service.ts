import { Injectable } from '@nestjs/common';
import { SqlParams } from '../../common/db/sql-params.js';
import type { Actor } from '../../common/security/actor.js';
import type { AssetType } from '../assets/domain/asset-vocabulary.js';
import { gridRows } from './domain/report-rows.js';
import type { AssetRefreshReportDto, AssetRepairDto } from './dto/asset-refresh-report.dto.js';
import { REPAIR_LIMIT_DEFAULT, type AssetRefreshQueryDto } from './dto/report-query.dto.js';
import { ReportScopeService } from './report-scope.js';
import { andAll, groupSql, PeriodBuckets } from './report-sql.js';
import { ReportReader } from './report-reader.js';

const DEFAULT_REPAIR_SHARE = 0.5;

interface RefreshFact {
  kind: 'due' | 'overdue' | 'undated';
  periodStart: string | null;
  groupKey: string | null;
  groupName: string | null;
  assetCount: number;
  replacementCostCents: string;
  unpricedCount: number;
}

interface RepairRow {
  assetId: string;
  tag: string;
  name: string;
  type: AssetType;
  departmentId: string;
  departmentName: string;
  purchaseDate: string | null;
  replacementDue: string | null;
  replacementCostCents: string;
  repairCostCents: string;
  /** Every asset over the share, before the limit. */
  count: number;
}

/** When an asset's replacement falls due: its purchase date plus its lifecycle years (29 Feb → 28 Feb). */
const REPLACEMENT_DUE = `(a.purchase_date + make_interval(years => a.lifecycle_years))::date`;

/**
 * The asset refresh forecast per fiscal year and the assets whose repairs cost more than a share
 * of their replacement: two statements over the assets in use (not retired), whatever the range.
 */
@Injectable()
export class AssetRefreshReportService {
  constructor(
    private readonly reader: ReportReader,
    private readonly scopes: ReportScopeService,
  ) {}

  async report(actor: Actor, query: AssetRefreshQueryDto): Promise<AssetRefreshReportDto> {
    const scope = await this.scopes.resolve(actor, query, { interval: 'fiscal_year', groupBy: null, range: 'forecast' });
    const repairShare = query.repairShare ?? DEFAULT_REPAIR_SHARE;
    const group = groupSql(scope.groupBy);

    const q = new SqlParams();
    const [from, to] = [q.add(scope.range.from, 'date'), q.add(scope.range.to, 'date')];
    const inDepartment = scope.filters.departmentId ? [`a.department_id = ${q.add(scope.filters.departmentId, 'uuid')}`] : [];
    const buckets = new PeriodBuckets(scope.periods, q, q.lazy(scope.timeZone, 'text'));
    const facts: RefreshFact[] = await this.reader.query(
      `WITH x AS (
         SELECT ${REPLACEMENT_DUE} AS due, a.cost_cents, ${group.key('a')} AS group_key
           FROM assets a
          WHERE a.status <> 'retired'${andAll(inDepartment)}
       ), a AS (
         SELECT CASE WHEN x.due IS NULL THEN 'undated' WHEN x.due < ${from} THEN 'overdue' ELSE 'due' END AS kind,
                CASE WHEN x.due >= ${from} THEN ${buckets.ofDay('x.due')} END AS bucket, x.group_key,
                count(*)::int AS asset_count, coalesce(sum(x.cost_cents), 0) AS cost, count(*) FILTER (WHERE x.cost_cents IS NULL)::int AS unpriced
           FROM x WHERE x.due IS NULL OR x.due <= ${to}
          GROUP BY 1, 2, 3
       )
       SELECT a.kind, ${buckets.startOf('a.bucket')} AS "periodStart", a.group_key::text AS "groupKey", ${group.name} AS "groupName",
              a.asset_count AS "assetCount", a.cost AS "replacementCostCents", a.unpriced AS "unpricedCount"
         FROM a ${group.join}`,
      q.values,
    );

    const due = facts.filter((f): f is RefreshFact & { periodStart: string } => f.kind === 'due' && f.periodStart !== null);
    const rows = gridRows(scope.periods, scope.groupBy, due, (f) => ({
      assetCount: f?.assetCount ?? 0,
      replacementCostCents: Number(f?.replacementCostCents ?? 0),
      unpricedCount: f?.unpricedCount ?? 0,
    }));
    const overdue = { assetCount: 0, replacementCostCents: 0, unpricedCount: 0 };
    for (const f of facts.filter((f) => f.kind === 'overdue')) {
      overdue.assetCount += f.assetCount;
      overdue.replacementCostCents += Number(f.replacementCostCents);
      overdue.unpricedCount += f.unpricedCount;
    }

    return {
      from: scope.range.from,
      to: scope.range.to,
      groupBy: scope.groupBy === 'department' ? 'department' : null,
      fiscalYearStartMonth: scope.fiscalYearStartMonth,
      asOf: scope.today,
      repairShare,
      overdue,
      withoutPurchaseDate: facts.filter((f) => f.kind === 'undated').reduce((n, f) => n + f.assetCount, 0),
      rows,
      ...(await this.repairs(
        scope.filters.departmentId,
        repairShare,
        query.format === 'csv' ? null : (query.repairLimit ?? REPAIR_LIMIT_DEFAULT),
      )),
    };
  }

  /**
   * Assets in use whose reactive spend to date exceeds `share` of their purchase cost. Reactive
   * spend is counted as the asset page counts it: the labour of its reactive tickets, expenses
   * linked to it on reactive tickets, and expenses of its reactive tickets linked to no other
   * asset. The asset_repair_spend rollup keeps it per asset (migration AssetRepairSpend): its
   * folded totals and pending changes, added up in one snapshot, are exact.
   */
  private async repairs(
    departmentId: string | undefined,
    share: number,
    limit: number | null,
  ): Promise<{ repairs: AssetRepairDto[]; repairCount: number }> {
    const q = new SqlParams();
    const inDepartment = departmentId ? [`a.department_id = ${q.add(departmentId, 'uuid')}`] : [];
    const rows: RepairRow[] = await this.reader.query(
      `WITH r AS (
         SELECT x.asset_id, sum(x.cents) AS cents
           FROM (SELECT s.asset_id, s.cents FROM asset_repair_spend s
                 UNION ALL
                 SELECT c.asset_id, c.cents FROM asset_repair_spend_changes c) x
          GROUP BY x.asset_id
       )
       SELECT a.id AS "assetId", a.tag, a.name, a.type, a.department_id AS "departmentId", d.name AS "departmentName",
              to_char(a.purchase_date, 'YYYY-MM-DD') AS "purchaseDate", to_char(${REPLACEMENT_DUE}, 'YYYY-MM-DD') AS "replacementDue",
              a.cost_cents AS "replacementCostCents", r.cents AS "repairCostCents", count(*) OVER ()::int AS "count"
         FROM r JOIN assets a ON a.id = r.asset_id JOIN departments d ON d.id = a.department_id
        WHERE a.status <> 'retired' AND a.cost_cents > 0 AND r.cents > ${q.add(share, 'numeric')} * a.cost_cents${andAll(inDepartment)}
        ORDER BY r.cents::float8 / a.cost_cents DESC, a.tag
        ${limit === null ? '' : `LIMIT ${q.add(limit, 'int')}`}`,
      q.values,
    );
    const repairs = rows.map(({ count: _, ...r }) => {
      const [replacementCostCents, repairCostCents] = [Number(r.replacementCostCents), Number(r.repairCostCents)];
      return { ...r, replacementCostCents, repairCostCents, repairRatio: repairCostCents / replacementCostCents };
    });
    // The count is over every row before the limit; with none listed, there are none to count.
    return { repairs, repairCount: rows[0]?.count ?? 0 };
  }
}
