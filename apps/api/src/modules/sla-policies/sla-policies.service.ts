import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import type { ClockPolicy } from '@civicdesk/sla';
import { AppError, notFound, validationFailed, type FieldError } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/security/actor.js';
import { Clock } from '../../common/time/clock.js';
import { AuditLog, systemAuditLog } from '../audit/audit-log.service.js';
import type { AuditDetail } from '../audit/domain/audit-detail.js';
import { matchPolicy, toClockPolicy, type MatchableVersion, type TicketFacts } from './domain/policy-matcher.js';
import type { PolicyEscalation } from './domain/sla-policy-vocabulary.js';
import type {
  CreateSlaPolicyDto,
  SlaPolicyDetailDto,
  SlaPolicyDto,
  SlaPolicyVersionSummaryDto,
  UpdateSlaPolicyDto,
} from './dto/sla-policy.dto.js';

/** The fields of one version, as a PATCH merges them. */
type VersionFields = Pick<
  SlaPolicyDto,
  | 'name'
  | 'kinds'
  | 'priorities'
  | 'departmentIds'
  | 'categoryIds'
  | 'firstResponseMinutes'
  | 'resolutionMinutes'
  | 'nextResponseMinutes'
  | 'pauseStatuses'
  | 'calendarId'
  | 'escalations'
>;

interface PolicyRow {
  id: string;
  position: number;
  active: boolean;
  created_at: Date;
  updated_at: Date;
  version_id: string;
  version: number;
  name: string;
  kinds: SlaPolicyDto['kinds'];
  priorities: SlaPolicyDto['priorities'];
  department_ids: string[];
  category_ids: string[];
  first_response_minutes: number | null;
  resolution_minutes: number | null;
  next_response_minutes: number | null;
  pause_statuses: SlaPolicyDto['pauseStatuses'];
  calendar_id: string | null;
  escalations: PolicyEscalation[];
}

// Enum arrays come back as text[] so the driver parses them into JS arrays.
const POLICY_COLUMNS = `
  p.id, p.position, p.active, p.created_at, p.updated_at,
  v.id AS version_id, v.version, v.name, v.kinds::text[] AS kinds, v.priorities::text[] AS priorities,
  v.department_ids, v.category_ids, v.first_response_minutes, v.resolution_minutes, v.next_response_minutes,
  v.pause_statuses::text[] AS pause_statuses, v.calendar_id, v.escalations`;
const SELECT_POLICIES = `SELECT ${POLICY_COLUMNS} FROM sla_policies p JOIN sla_policy_versions v ON v.id = p.current_version_id`;

/** Serialises writes to the policy order (new positions, reorders). */
const ORDER_LOCK = `SELECT pg_advisory_xact_lock(hashtext('sla_policies.position'))`;

export interface ResolvedSlaPolicy {
  /** The sla_policy_versions row the ticket matched: store it on the ticket. */
  versionId: string;
  policyId: string;
  name: string;
  version: number;
  /** The policy is switched on (an inactive policy's escalations do not fire). */
  active: boolean;
  policy: ClockPolicy;
  /** The version's calendar; null means the ticket department's calendar. */
  calendarId: string | null;
  /** The escalation levels with their actions. */
  escalations: PolicyEscalation[];
}

/**
 * The stamp of the policies (each row's id and row version), as a scalar subquery a statement
 * adds to its select list; equal stamps, equal policies (see cacheFor).
 */
export const POLICIES_STAMP_SQL = `(SELECT coalesce(string_agg(sp.id::text || ':' || sp.xmin::text, ',' ORDER BY sp.id), '') FROM sla_policies sp)`;

interface PoliciesCache {
  stamp: string;
  active: (MatchableVersion & { resolved: ResolvedSlaPolicy })[];
  versions: Map<string, ResolvedSlaPolicy>;
}

function matchable(rows: readonly PolicyRow[]): (MatchableVersion & { resolved: ResolvedSlaPolicy })[] {
  return rows.map((row) => ({ ...toDto(row), id: row.version_id, resolved: toResolved(row) }));
}

@Injectable()
export class SlaPoliciesService {
  private cache: PoliciesCache | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    // Demo data and benchmarks build the matcher without Nest; they get the app's own audit writer.
    private readonly audit: AuditLog = systemAuditLog(dataSource, clock),
  ) {}

  /** Every policy in matching order, with its current version. */
  async list(): Promise<SlaPolicyDto[]> {
    const rows: PolicyRow[] = await this.dataSource.query(`${SELECT_POLICIES} ORDER BY p.position`);
    return rows.map(toDto);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<SlaPolicyDetailDto> {
    const [row]: PolicyRow[] = await manager.query(`${SELECT_POLICIES} WHERE p.id = $1`, [id]);
    if (!row) throw notFound('SLA policy');
    const versions: { id: string; version: number; name: string; created_at: Date; created_by: string; creator: string }[] =
      await manager.query(
        `SELECT v.id, v.version, v.name, v.created_at, v.created_by, u.name AS creator
           FROM sla_policy_versions v JOIN users u ON u.id = v.created_by
          WHERE v.policy_id = $1 ORDER BY v.version DESC`,
        [id],
      );
    return {
      ...toDto(row),
      versions: versions.map((v): SlaPolicyVersionSummaryDto => ({
        id: v.id,
        version: v.version,
        name: v.name,
        createdAt: new Date(v.created_at).toISOString(),
        createdById: v.created_by,
        createdBy: v.creator,
      })),
    };
  }

  /** A new policy (version 1), last in the matching order. */
  async create(actor: Actor, input: CreateSlaPolicyDto): Promise<SlaPolicyDetailDto> {
    const fields: VersionFields = {
      name: input.name,
      kinds: input.kinds ?? [],
      priorities: input.priorities ?? [],
      departmentIds: input.departmentIds ?? [],
      categoryIds: input.categoryIds ?? [],
      firstResponseMinutes: input.firstResponseMinutes ?? null,
      resolutionMinutes: input.resolutionMinutes ?? null,
      nextResponseMinutes: input.nextResponseMinutes ?? null,
      pauseStatuses: input.pauseStatuses ?? ['waiting_on_requester', 'waiting_on_vendor'],
      calendarId: input.calendarId ?? null,
      escalations: input.escalations ?? [],
    };
    assertVersionRules(fields);
    return this.dataSource.transaction(async (manager) => {
      await assertReferencesExist(manager, fields);
      await manager.query(ORDER_LOCK);
      const now = this.clock.now();
      const [policy]: { id: string }[] = await manager.query(
        `INSERT INTO sla_policies (position, active, created_at, updated_at)
         SELECT coalesce(max(position), 0) + 1, true, $1, $1 FROM sla_policies RETURNING id`,
        [now],
      );
      await this.insertVersion(manager, policy!.id, 1, fields, actor, now);
      await this.audit.record(manager, {
        action: 'sla_policy.created',
        targetId: policy!.id,
        detail: { name: fields.name, version: 1 },
      });
      return this.get(policy!.id, manager);
    });
  }

  /**
   * Edits make a new version with the merged fields and point the policy at it; earlier versions
   * stay as they were (tickets keep the version they matched).
   */
  async update(actor: Actor, id: string, input: UpdateSlaPolicyDto): Promise<SlaPolicyDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      // The row lock makes concurrent edits of one policy take turns (each gets its own version number).
      const locked: unknown[] = await manager.query(`SELECT id FROM sla_policies WHERE id = $1 FOR UPDATE`, [id]);
      if (locked.length === 0) throw notFound('SLA policy');
      const current = await this.get(id, manager);
      const fields: VersionFields = {
        name: input.name ?? current.name,
        kinds: input.kinds ?? current.kinds,
        priorities: input.priorities ?? current.priorities,
        departmentIds: input.departmentIds ?? current.departmentIds,
        categoryIds: input.categoryIds ?? current.categoryIds,
        firstResponseMinutes:
          input.firstResponseMinutes !== undefined ? input.firstResponseMinutes : current.firstResponseMinutes,
        resolutionMinutes: input.resolutionMinutes !== undefined ? input.resolutionMinutes : current.resolutionMinutes,
        nextResponseMinutes: input.nextResponseMinutes !== undefined ? input.nextResponseMinutes : current.nextResponseMinutes,
        pauseStatuses: input.pauseStatuses ?? current.pauseStatuses,
        calendarId: input.calendarId !== undefined ? input.calendarId : current.calendarId,
        escalations: input.escalations ?? current.escalations,
      };
      assertVersionRules(fields);
      await assertReferencesExist(manager, fields);
      const [latest]: { next: number }[] = await manager.query(
        `SELECT coalesce(max(version), 0) + 1 AS next FROM sla_policy_versions WHERE policy_id = $1`,
        [id],
      );
      await this.insertVersion(manager, id, latest!.next, fields, actor, this.clock.now());
      await this.audit.record(manager, {
        action: 'sla_policy.updated',
        targetId: id,
        detail: { name: fields.name, version: latest!.next, changes: versionChanges(current, fields) },
      });
      return this.get(id, manager);
    });
  }

  /**
   * Switches a policy on or off. Off: no new ticket matches it and its escalations stop on open
   * tickets. On again: the escalation sweep re-evaluates its open tickets at once.
   */
  async setActive(id: string, active: boolean): Promise<SlaPolicyDetailDto> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const [, changed]: [unknown, number] = await manager.query(
        `UPDATE sla_policies SET active = $2, updated_at = $3 WHERE id = $1 AND active <> $2`,
        [id, active, now],
      );
      if (changed === 0) {
        await this.get(id, manager);
        return;
      }
      await this.audit.record(manager, { action: active ? 'sla_policy.activated' : 'sla_policy.deactivated', targetId: id });
      await manager.query(
        `UPDATE tickets SET next_escalation_at = ${active ? '$2' : 'NULL'}
          WHERE sla_policy_version_id IN (SELECT v.id FROM sla_policy_versions v WHERE v.policy_id = $1)
            AND status NOT IN ('resolved', 'closed', 'canceled')`,
        active ? [id, now] : [id],
      );
    });
    return this.get(id);
  }

  /** A new matching order: every policy exactly once, in one transaction. */
  async reorder(ids: string[]): Promise<SlaPolicyDto[]> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(ORDER_LOCK);
      const rows: { id: string }[] = await manager.query(`SELECT id FROM sla_policies`);
      const known = new Set(rows.map((r) => r.id));
      const given = new Set(ids);
      if (given.size !== ids.length || given.size !== known.size || ids.some((id) => !known.has(id))) {
        throw validationFailed([{ field: 'ids', messages: ['ids must list every SLA policy exactly once'] }]);
      }
      // The position key is deferred: it is checked at commit, once every position has moved.
      const [, moved]: [unknown, number] = await manager.query(
        `UPDATE sla_policies p SET position = o.ord, updated_at = $2
           FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, ord)
          WHERE p.id = o.id AND p.position IS DISTINCT FROM o.ord`,
        [ids, this.clock.now()],
      );
      // The order decides which policy a ticket falls under.
      if (moved > 0) await this.audit.record(manager, { action: 'sla_policy.reordered', detail: { order: ids } });
    });
    return this.list();
  }

  /**
   * Deletes the policy and its versions. Once tickets reference versions (a foreign key to
   * sla_policy_versions), a policy a ticket matched answers 409 through the key's violation:
   * 23001 for ON DELETE RESTRICT, 23503 for NO ACTION.
   */
  async remove(id: string): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const [policy]: { name: string }[] = await manager.query(
          `SELECT v.name FROM sla_policies p JOIN sla_policy_versions v ON v.id = p.current_version_id WHERE p.id = $1`,
          [id],
        );
        const [, deleted]: [unknown, number] = await manager.query(`DELETE FROM sla_policies WHERE id = $1`, [id]);
        if (deleted === 0 || !policy) throw notFound('SLA policy');
        await this.audit.record(manager, { action: 'sla_policy.deleted', targetId: id, detail: { name: policy.name } });
      });
    } catch (error) {
      const sqlState = error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
      if (sqlState === '23001' || sqlState === '23503') {
        throw new AppError('conflict', 'Tickets follow a version of this SLA policy; deactivate it instead');
      }
      throw error;
    }
  }

  /**
   * The SLA policy version a ticket with these facts falls under: the first active policy (in
   * order) whose current version's conditions match, or null when none does. One statement.
   */
  async resolveForTicket(manager: EntityManager, facts: TicketFacts): Promise<ResolvedSlaPolicy | null> {
    return (await this.matcher(manager))(facts);
  }

  /**
   * Loads the active policies once and matches any number of tickets against them: one statement,
   * or none when `stamp` (POLICIES_STAMP_SQL, read in the caller's statement) says the policies
   * are those already loaded.
   */
  async matcher(manager: EntityManager, stamp?: string): Promise<(facts: TicketFacts) => ResolvedSlaPolicy | null> {
    const versions =
      stamp === undefined ? matchable(await this.activeRows(manager)) : (await this.cacheFor(manager, stamp)).active;
    return (facts) => {
      const match = matchPolicy(versions, facts);
      return match ? match.resolved : null;
    };
  }

  /**
   * Versions by id (any policy, active or not), as the ticket clock replays them. One statement,
   * or none when `stamp` says the policies are unchanged and the versions were read before
   * (a version never changes; its policy's switch is part of the stamp).
   */
  async versionsById(manager: EntityManager, ids: readonly string[], stamp?: string): Promise<Map<string, ResolvedSlaPolicy>> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return new Map();
    const cache = stamp === undefined ? null : await this.cacheFor(manager, stamp);
    const missing = cache ? wanted.filter((id) => !cache.versions.has(id)) : wanted;
    const found = new Map(wanted.flatMap((id) => (cache?.versions.has(id) ? [[id, cache.versions.get(id)!] as const] : [])));
    if (missing.length > 0) {
      const rows: PolicyRow[] = await manager.query(
        `SELECT ${POLICY_COLUMNS} FROM sla_policy_versions v JOIN sla_policies p ON p.id = v.policy_id WHERE v.id = ANY($1::uuid[])`,
        [missing],
      );
      for (const row of rows) {
        const resolved = toResolved(row);
        found.set(row.version_id, resolved);
        cache?.versions.set(row.version_id, resolved);
      }
    }
    return found;
  }

  private activeRows(manager: EntityManager): Promise<PolicyRow[]> {
    return manager.query(`${SELECT_POLICIES} WHERE p.active ORDER BY p.position`);
  }

  /**
   * The policies as of a stamp, loaded once per stamp. A stamp lists each policy row with its row
   * version (xmin), which any change of the row (switch, order, new version) renews, and which no
   * other transaction sees before the change commits; so equal stamps mean equal policies.
   */
  private async cacheFor(manager: EntityManager, stamp: string): Promise<PoliciesCache> {
    if (this.cache?.stamp === stamp) return this.cache;
    const active = matchable(await this.activeRows(manager));
    this.cache = { stamp, active, versions: new Map(active.map((v) => [v.resolved.versionId, v.resolved])) };
    return this.cache;
  }

  private async insertVersion(
    manager: EntityManager,
    policyId: string,
    version: number,
    f: VersionFields,
    actor: Actor,
    now: Date,
  ): Promise<void> {
    const [inserted]: { id: string }[] = await manager.query(
      `INSERT INTO sla_policy_versions (policy_id, version, name, kinds, priorities, department_ids, category_ids,
                                        first_response_minutes, resolution_minutes, next_response_minutes, pause_statuses,
                                        calendar_id, escalations, created_at, created_by)
       VALUES ($1, $2, $3, $4::ticket_kind[], $5::ticket_priority[], $6::uuid[], $7::uuid[], $8, $9, $10,
               $11::ticket_status[], $12, $13, $14, $15)
       RETURNING id`,
      [
        policyId,
        version,
        f.name,
        f.kinds,
        f.priorities,
        f.departmentIds,
        f.categoryIds,
        f.firstResponseMinutes,
        f.resolutionMinutes,
        f.nextResponseMinutes,
        f.pauseStatuses,
        f.calendarId,
        JSON.stringify(f.escalations.map(({ target, percent, level, actions }) => ({ target, percent, level, actions }))),
        now,
        actor.id,
      ],
    );
    await manager.query(`UPDATE sla_policies SET current_version_id = $2, updated_at = $3 WHERE id = $1`, [
      policyId,
      inserted!.id,
      now,
    ]);
  }
}

/** Rules across fields of one version (single fields are checked by the DTO). */
function assertVersionRules(f: VersionFields): void {
  const errors: FieldError[] = [];
  if (f.firstResponseMinutes === null && f.resolutionMinutes === null) {
    const messages = ['a policy needs a first response or a resolution target'];
    errors.push({ field: 'firstResponseMinutes', messages }, { field: 'resolutionMinutes', messages });
  }
  const escalationProblems: string[] = [];
  const seen = new Set<string>();
  const minutesOf = {
    first_response: f.firstResponseMinutes,
    resolution: f.resolutionMinutes,
    next_response: f.nextResponseMinutes,
  };
  for (const e of f.escalations) {
    const key = `${e.target}:${e.level}`;
    if (seen.has(key)) escalationProblems.push(`level ${e.level} of ${e.target} appears more than once`);
    seen.add(key);
    if (minutesOf[e.target] === null) escalationProblems.push(`${e.target} has no target to escalate on`);
  }
  if (escalationProblems.length) errors.push({ field: 'escalations', messages: [...new Set(escalationProblems)] });
  if (errors.length) throw validationFailed(errors);
}

/** Calendar, departments and categories must exist; a missing one is a 400 naming its field. */
async function assertReferencesExist(manager: EntityManager, f: VersionFields): Promise<void> {
  const [missing]: { calendar: boolean; departments: string[]; categories: string[] }[] = await manager.query(
    `SELECT ($1::uuid IS NOT NULL AND NOT EXISTS (SELECT 1 FROM calendars WHERE id = $1::uuid)) AS calendar,
            ARRAY(SELECT d FROM unnest($2::uuid[]) AS d WHERE NOT EXISTS (SELECT 1 FROM departments WHERE id = d))::text[] AS departments,
            ARRAY(SELECT c FROM unnest($3::uuid[]) AS c WHERE NOT EXISTS (SELECT 1 FROM categories WHERE id = c))::text[] AS categories`,
    [f.calendarId, f.departmentIds, f.categoryIds],
  );
  const errors: FieldError[] = [];
  if (missing!.calendar) errors.push({ field: 'calendarId', messages: ['no such calendar'] });
  if (missing!.departments.length) {
    errors.push({ field: 'departmentIds', messages: [`no such department: ${missing!.departments.join(', ')}`] });
  }
  if (missing!.categories.length) {
    errors.push({ field: 'categoryIds', messages: [`no such category: ${missing!.categories.join(', ')}`] });
  }
  if (errors.length) throw validationFailed(errors);
}

function toResolved(row: PolicyRow): ResolvedSlaPolicy {
  const dto = toDto(row);
  return {
    versionId: row.version_id,
    policyId: row.id,
    name: row.name,
    version: row.version,
    active: row.active,
    policy: toClockPolicy({ ...dto, id: row.version_id }),
    calendarId: row.calendar_id,
    escalations: row.escalations,
  };
}

function toDto(row: PolicyRow): SlaPolicyDto {
  return {
    id: row.id,
    position: row.position,
    active: row.active,
    versionId: row.version_id,
    version: row.version,
    name: row.name,
    kinds: row.kinds,
    priorities: row.priorities,
    departmentIds: row.department_ids,
    categoryIds: row.category_ids,
    firstResponseMinutes: row.first_response_minutes,
    resolutionMinutes: row.resolution_minutes,
    nextResponseMinutes: row.next_response_minutes,
    pauseStatuses: row.pause_statuses,
    calendarId: row.calendar_id,
    escalations: row.escalations,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The fields an edit changed, from and to, for the audit log (the versions keep the rest). */
function versionChanges(current: VersionFields, next: VersionFields): AuditDetail {
  const changes: Record<string, AuditDetail> = {};
  for (const key of Object.keys(next) as (keyof VersionFields)[]) {
    const [from, to] = [JSON.stringify(current[key]), JSON.stringify(next[key])];
    if (from !== to) changes[key] = { from: JSON.parse(from) as AuditDetail[string], to: JSON.parse(to) as AuditDetail[string] };
  }
  return changes;
}
