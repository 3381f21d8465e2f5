import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/time/clock.js';
import { HISTORY_BATCH, TicketHistoryWriter } from '../ticket-history/ticket-history.writer.js';
import { appendEventsToTickets } from '../tickets/ticket-events.js';
import { JobRunner } from '../jobs/job-runner.service.js';
import { dateReader } from './domain/import-dates.js';
import {
  IMPORTED_WORK_NOTE,
  ticketRowReader,
  type ImportLookups,
  type ImportRecord,
  type ImportRowError,
  type ImportedRow,
} from './domain/ticket-import-row.js';
import type { TicketImportOptions } from './domain/ticket-import-options.js';
import { readImportFile } from './import-file-reader.js';

/** The problems a run keeps for its report; the count goes on past it. */
export const MAX_STORED_ERRORS = 10_000;
/**
 * Memory for the final rows' mapped cells, kept from the first read of the file (an event log's
 * 25,000 incidents take a few MB); a file with more is read a second time instead.
 */
const FINAL_ROWS_BUDGET = 64 * 1024 * 1024;
const ROW_OVERHEAD_BYTES = 400;
/** A running run whose worker has not beaten for this long is taken over (its instance died). */
export const STALE_RUN_MS = 5 * 60 * 1000;
/** A run taken over this often is given up on: something in it kills its workers. */
const MAX_ATTEMPTS = 3;
/** All runs' batches take turns: two imports never write the same external id at once. */
const WRITE_LOCK = 'civicdesk:ticket-import';

interface ClaimedRun {
  id: string;
  file_id: string | null;
  file_name: string;
  dry_run: boolean;
  options: TicketImportOptions;
  created_by_id: string;
  claim_token: string;
  rows_read: number;
  last_line: number;
}

interface Tally {
  ticketsDone: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: number;
}

/** The claim was taken over (this worker was thought dead): stop without touching the run. */
class LostClaimError extends Error {}

/** The instance is shutting down: the run goes back to the queue after the batch it committed. */
class StoppingError extends Error {}

/** Uploaded files are kept this long for re-runs, then removed once no run waits for them. */
const FILE_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Works ticket import runs. A run is claimed with UPDATE … FOR UPDATE SKIP LOCKED, so with many
 * instances each run has one worker; the worker beats with every batch and a run whose worker
 * stopped beating is taken over and resumes after its last committed line.
 *
 * A run reads the file twice, streaming: first for the last line of each external id (an event
 * log lists an incident many times; its last row is its final state), then it reads those final
 * rows into tickets, a batch of 1000 at a time. Each batch commits in one transaction with the
 * run's progress: its tickets, their trail, the problems found and the counters, or none of it.
 * A failed run says the last line committed; running the import again is safe, because tickets
 * are matched by external id and those already imported with the same facts are left alone.
 */
@Injectable()
export class TicketImportProcessor {
  private readonly logger = new Logger(TicketImportProcessor.name);
  private stopping = false;
  /** See FINAL_ROWS_BUDGET; tests set 0 to take the second read. */
  finalRowsBudget = FINAL_ROWS_BUDGET;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly writer: TicketHistoryWriter,
    private readonly runner: JobRunner,
  ) {}

  /** Works runs until none is waiting; returns how many this instance worked. */
  async runPending(): Promise<{ runs: number }> {
    let runs = 0;
    for (let run = await this.claim(); run; run = await this.claim()) {
      runs++;
      await this.work(run);
    }
    return { runs };
  }

  /** Stop taking runs; a run in progress stops after its current batch. */
  stop(): void {
    this.stopping = true;
  }

  /** Files older than FILE_RETENTION_MS that no queued or running run still needs. */
  async removeOldFiles(): Promise<number> {
    const [, removed]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM import_files f WHERE f.created_at < $1
          AND NOT EXISTS (SELECT 1 FROM import_runs r WHERE r.file_id = f.id AND r.status IN ('queued', 'running'))`,
      [new Date(this.clock.now().getTime() - FILE_RETENTION_MS)],
    );
    return removed;
  }

  private async claim(): Promise<ClaimedRun | null> {
    if (this.stopping) return null;
    const now = this.clock.now();
    const stale = new Date(now.getTime() - STALE_RUN_MS);
    await this.dataSource.query(
      `UPDATE import_runs SET status = 'failed', finished_at = $1, claim_token = NULL,
              failure = 'the import stopped ' || attempts || ' times without finishing (its worker died each time)'
        WHERE status = 'running' AND heartbeat_at < $2 AND attempts >= $3`,
      [now, stale, MAX_ATTEMPTS],
    );
    const [rows]: [ClaimedRun[], number] = await this.dataSource.query(
      `UPDATE import_runs SET status = 'running', claimed_by = $1, claim_token = gen_random_uuid(), heartbeat_at = $2,
              started_at = coalesce(started_at, $2), attempts = attempts + 1
        WHERE id = (SELECT id FROM import_runs
                     WHERE status = 'queued' OR (status = 'running' AND heartbeat_at < $3)
                     ORDER BY created_at, id
                     LIMIT 1
                       FOR UPDATE SKIP LOCKED)
        RETURNING id, file_id, file_name, dry_run, options, created_by_id, claim_token, rows_read, last_line`,
      [this.runner.instance, now, stale],
    );
    return rows[0] ?? null;
  }

  private async work(run: ClaimedRun): Promise<void> {
    try {
      await this.process(run);
      await this.finish(run, 'succeeded', null);
    } catch (error) {
      if (error instanceof LostClaimError) return;
      if (error instanceof StoppingError) {
        await this.dataSource.query(
          `UPDATE import_runs SET status = 'queued', claim_token = NULL, attempts = attempts - 1 WHERE id = $1 AND claim_token = $2`,
          [run.id, run.claim_token],
        );
        return;
      }
      this.logger.error({ err: error, importRunId: run.id }, 'ticket import failed');
      const message = error instanceof Error ? error.message : String(error);
      await this.finish(run, 'failed', message.slice(0, 2000)).catch(() => undefined);
    }
  }

  private async finish(run: ClaimedRun, status: 'succeeded' | 'failed', failure: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE import_runs SET status = $3, finished_at = $4, failure = $5, claim_token = NULL
        WHERE id = $1 AND claim_token = $2`,
      [run.id, run.claim_token, status, this.clock.now(), failure],
    );
  }

  private async process(run: ClaimedRun): Promise<void> {
    if (!run.file_id) throw new Error('the uploaded file was removed before the import ran');
    const options = run.options;
    const externalIdColumn = options.columns.externalId!;

    // Pass 1: the final (last) line of every external id, and rows with none. The final rows'
    // mapped cells are kept while they fit in FINAL_ROWS_BUDGET, sparing a second read of the file.
    let header: readonly string[] | null = null;
    let idIndex = -1;
    let mapped: boolean[] = [];
    const finalLine = new Map<string, number>();
    let kept: Map<string, ImportRecord> | null = new Map();
    let keptBytes = 0;
    const shapeErrors: ImportRowError[] = [];
    let rowsRead = 0;
    for await (const record of readImportFile(this.dataSource, run.file_id)) {
      if (!header) {
        header = record.cells.map((c) => c.trim());
        idIndex = header.indexOf(externalIdColumn);
        const used = new Set(Object.values(options.columns));
        mapped = header.map((name) => used.has(name));
        continue;
      }
      rowsRead++;
      const problem = shapeProblem(record, header, idIndex, options);
      if (problem) {
        shapeErrors.push(problem);
        continue;
      }
      const id = record.cells[idIndex]!.trim();
      finalLine.set(id, record.line);
      if (kept) {
        const cells = record.cells.map((cell, i) => (mapped[i] ? cell : ''));
        keptBytes += ROW_OVERHEAD_BYTES + 2 * cells.reduce((n, c) => n + c.length, 0);
        kept.set(id, { line: record.line, cells });
        if (keptBytes > this.finalRowsBudget) kept = null;
      }
    }
    if (!header) throw new Error('the file has no header row');
    let stored = await this.storedErrorCount(run.id);
    if (run.rows_read === 0) {
      // First time through: the file's counts and the rows it cannot even place, with the claim.
      await this.dataSource.transaction(async (manager) => {
        await this.fence(manager, run);
        stored += await insertErrors(manager, run.id, shapeErrors, stored);
        await manager.query(
          `UPDATE import_runs SET rows_read = $2, tickets_found = $3, rows_superseded = $4,
                  rows_skipped = rows_skipped + $5, error_count = error_count + $5
            WHERE id = $1`,
          [run.id, rowsRead, finalLine.size, rowsRead - shapeErrors.length - finalLine.size, shapeErrors.length],
        );
      });
    }

    // Pass 2: the final rows, in file order, in batches.
    const read = ticketRowReader(options, header, await loadLookups(this.dataSource), {
      actorId: run.created_by_id,
      now: this.clock.now(),
      cityTimeZone: await cityTimeZone(this.dataSource),
      readDate: dateReader(options.dateFormat, options.timeZone),
    });
    let batch = newBatch();
    const commit = async () => {
      if (batch.lines === 0) return;
      const current = batch;
      batch = newBatch();
      stored += await this.commitBatch(run, current, stored);
    };
    for await (const record of kept ? inLineOrder(kept) : finalRecords(this.dataSource, run.file_id, idIndex, finalLine)) {
      if (record.line <= run.last_line) continue;
      const result = read(record);
      if (result.ok) batch.rows.push(result.row);
      else {
        batch.errors.push(...result.errors);
        batch.skipped++;
      }
      batch.lines++;
      batch.lastLine = record.line;
      if (batch.lines >= HISTORY_BATCH) {
        await commit();
        if (this.stopping) throw new StoppingError();
      }
    }
    await commit();
  }

  /** One batch, one transaction: its tickets, trail, problems and progress together. */
  private async commitBatch(run: ClaimedRun, batch: Batch, stored: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      if (!run.dry_run) await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [WRITE_LOCK]);
      await this.fence(manager, run);
      const tally: Tally = {
        ticketsDone: batch.lines,
        created: 0,
        updated: 0,
        unchanged: 0,
        skipped: batch.skipped,
        errors: batch.errors.length,
      };
      const plan = await planWrites(manager, batch.rows);
      tally.unchanged = plan.unchanged;
      if (run.dry_run) {
        tally.created = plan.write.filter((w) => !w.exists).length;
        tally.updated = plan.write.length - tally.created;
      } else if (plan.write.length > 0) {
        const now = this.clock.now();
        await replaceImportedLabour(manager, plan.replaceLabourOf, run.created_by_id, now);
        const written = await this.writer.write(
          manager,
          plan.write.map((w) => w.ticket),
          now,
        );
        tally.created = written.created;
        tally.updated = written.updated;
        await recordImport(manager, run, plan.write, written.ids, now);
      }
      const added = await insertErrors(manager, run.id, batch.errors, stored);
      await manager.query(
        `UPDATE import_runs SET tickets_done = tickets_done + $2, tickets_created = tickets_created + $3,
                tickets_updated = tickets_updated + $4, tickets_unchanged = tickets_unchanged + $5,
                rows_skipped = rows_skipped + $6, error_count = error_count + $7, last_line = $8
          WHERE id = $1`,
        [run.id, tally.ticketsDone, tally.created, tally.updated, tally.unchanged, tally.skipped, tally.errors, batch.lastLine],
      );
      return added;
    });
  }

  /** The heartbeat, and proof this worker still holds the run: else the batch rolls back. */
  private async fence(manager: EntityManager, run: ClaimedRun): Promise<void> {
    const [rows]: [unknown[], number] = await manager.query(
      `UPDATE import_runs SET heartbeat_at = $3 WHERE id = $1 AND claim_token = $2 AND status = 'running' RETURNING id`,
      [run.id, run.claim_token, this.clock.now()],
    );
    if (rows.length === 0) throw new LostClaimError(`import run ${run.id} was taken over`);
  }

  private async storedErrorCount(runId: string): Promise<number> {
    const [row]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM import_run_errors WHERE run_id = $1`,
      [runId],
    );
    return row!.n;
  }
}

/** Final rows read into tickets (or problems), committed together. */
interface Batch {
  rows: ImportedRow[];
  errors: ImportRowError[];
  /** Rows with problems: not imported. */
  skipped: number;
  lines: number;
  lastLine: number;
}

function newBatch(): Batch {
  return { rows: [], errors: [], skipped: 0, lines: 0, lastLine: 0 };
}

function* inLineOrder(rows: ReadonlyMap<string, ImportRecord>): Generator<ImportRecord> {
  yield* [...rows.values()].sort((a, b) => a.line - b.line);
}

/** The file read again, keeping each external id's final row (the header and earlier rows are passed over). */
async function* finalRecords(
  db: DataSource,
  fileId: string,
  idIndex: number,
  finalLine: ReadonlyMap<string, number>,
): AsyncGenerator<ImportRecord> {
  for await (const record of readImportFile(db, fileId)) {
    if (finalLine.get((record.cells[idIndex] ?? '').trim()) === record.line) yield record;
  }
}

/** A row the import cannot even place: the wrong number of cells, or no external id. */
function shapeProblem(
  record: ImportRecord,
  header: readonly string[],
  idIndex: number,
  options: TicketImportOptions,
): ImportRowError | null {
  if (record.cells.length !== header.length) {
    return {
      line: record.line,
      column: null,
      value: null,
      reason: `expected ${header.length} values (one per column), found ${record.cells.length}`,
    };
  }
  const id = record.cells[idIndex]!.trim();
  if (id === '' || options.missingValues.includes(id)) {
    return { line: record.line, column: options.columns.externalId!, value: id, reason: 'the external id is empty' };
  }
  if (id.length > 200) {
    return {
      line: record.line,
      column: options.columns.externalId!,
      value: id.slice(0, 200),
      reason: 'the external id is longer than 200 characters',
    };
  }
  return null;
}

interface PlannedWrite {
  row: ImportedRow;
  ticket: ImportedRow['ticket'];
  fingerprint: string;
  exists: boolean;
}

/**
 * Which rows to write: a ticket imported before with the same facts is left alone. A ticket
 * whose labour changed gets its imported work log replaced; one whose labour did not keeps it
 * (the writer would otherwise log it again).
 */
async function planWrites(
  manager: EntityManager,
  rows: readonly ImportedRow[],
): Promise<{ write: PlannedWrite[]; unchanged: number; replaceLabourOf: string[] }> {
  if (rows.length === 0) return { write: [], unchanged: 0, replaceLabourOf: [] };
  const known: {
    external_id: string;
    ticket_id: string | null;
    fingerprint: string | null;
    labour_minutes: number | null;
    labour_cost_cents: string | null;
  }[] = await manager.query(
    `SELECT t.external_id, i.ticket_id, i.fingerprint, i.labour_minutes, i.labour_cost_cents
         FROM tickets t LEFT JOIN imported_tickets i ON i.external_id = t.external_id
        WHERE t.external_id = ANY($1::text[])`,
    [rows.map((r) => r.externalId)],
  );
  const byId = new Map(known.map((k) => [k.external_id, k]));
  const write: PlannedWrite[] = [];
  const replaceLabourOf: string[] = [];
  let unchanged = 0;
  for (const row of rows) {
    const fingerprint = fingerprintOf(row);
    const before = byId.get(row.externalId);
    if (before?.fingerprint === fingerprint) {
      unchanged++;
      continue;
    }
    let ticket = row.ticket;
    if (before?.ticket_id) {
      const sameLabour =
        before.labour_minutes === row.labourMinutes &&
        (before.labour_cost_cents === null ? null : Number(before.labour_cost_cents)) === row.labourCostCents;
      if (sameLabour) ticket = { ...ticket, workLogs: [] };
      else replaceLabourOf.push(before.ticket_id);
    }
    write.push({ row, ticket, fingerprint, exists: before !== undefined });
  }
  return { write, unchanged, replaceLabourOf };
}

/** What the import says of a ticket, without who ran it: importing again by another admin changes nothing. */
function fingerprintOf(row: ImportedRow): string {
  const { ticket: t } = row;
  const facts = [
    t.kind,
    t.title,
    t.description,
    t.impact,
    t.urgency,
    t.priority,
    t.departmentId,
    t.queueId,
    t.categoryId,
    t.requesterId,
    t.assigneeId,
    t.openedAt.toISOString(),
    t.firstResponseAt?.toISOString() ?? null,
    t.resolvedAt?.toISOString() ?? null,
    t.closedAt?.toISOString() ?? null,
    t.canceled ?? false,
    row.labourMinutes,
    row.labourCostCents,
  ];
  return createHash('sha256').update(JSON.stringify(facts)).digest('base64url');
}

/** Removes the work logs an earlier import wrote, with the trail's record of each, as a deletion by hand would. */
async function replaceImportedLabour(
  manager: EntityManager,
  ticketIds: readonly string[],
  actorId: string,
  now: Date,
): Promise<void> {
  if (ticketIds.length === 0) return;
  await manager.query(
    `WITH gone AS (
       DELETE FROM ticket_work_logs WHERE ticket_id = ANY($1::uuid[]) AND note = $2
       RETURNING id, ticket_id, user_id, work_date, minutes, rate_cents, cost_cents)
     INSERT INTO ticket_events (ticket_id, actor_id, type, public, data, created_at)
     SELECT g.ticket_id, $3, 'work_log_deleted', false,
            jsonb_build_object('workLogId', g.id, 'userId', g.user_id, 'userName', u.name, 'workDate', to_char(g.work_date, 'YYYY-MM-DD'),
                               'minutes', g.minutes, 'rateCents', g.rate_cents, 'costCents', g.cost_cents), $4
       FROM gone g JOIN users u ON u.id = g.user_id`,
    [ticketIds, IMPORTED_WORK_NOTE, actorId, now],
  );
}

/** The trail's record of the import, and the fingerprint that lets the next import skip an unchanged ticket. */
async function recordImport(
  manager: EntityManager,
  run: ClaimedRun,
  writes: readonly PlannedWrite[],
  ticketIds: readonly string[],
  now: Date,
): Promise<void> {
  await appendEventsToTickets(
    manager,
    run.created_by_id,
    now,
    writes.map((w, i) => ({
      ticketId: ticketIds[i]!,
      event: {
        type: 'imported',
        public: false,
        data: {
          importRunId: run.id,
          fileName: run.file_name,
          line: w.row.line,
          externalId: w.row.externalId,
          sourceNumber: w.row.sourceNumber,
          change: w.exists ? 'updated' : 'created',
        },
      },
    })),
  );
  await manager.query(
    `INSERT INTO imported_tickets (external_id, ticket_id, fingerprint, labour_minutes, labour_cost_cents, run_id, line, imported_at)
     SELECT r.external_id, r.ticket_id, r.fingerprint, r.labour_minutes, r.labour_cost_cents, $2, r.line, $3
       FROM json_to_recordset($1::json) AS r(external_id text, ticket_id uuid, fingerprint text, labour_minutes int,
                                             labour_cost_cents bigint, line int)
     ON CONFLICT (external_id) DO UPDATE SET ticket_id = excluded.ticket_id, fingerprint = excluded.fingerprint,
            labour_minutes = excluded.labour_minutes, labour_cost_cents = excluded.labour_cost_cents,
            run_id = excluded.run_id, line = excluded.line, imported_at = excluded.imported_at`,
    [
      JSON.stringify(
        writes.map((w, i) => ({
          external_id: w.row.externalId,
          ticket_id: ticketIds[i],
          fingerprint: w.fingerprint,
          labour_minutes: w.row.labourMinutes,
          labour_cost_cents: w.row.labourCostCents,
          line: w.row.line,
        })),
      ),
      run.id,
      now,
    ],
  );
}

/** Keeps problems up to MAX_STORED_ERRORS in all; returns how many it stored. */
async function insertErrors(
  manager: EntityManager,
  runId: string,
  errors: readonly ImportRowError[],
  alreadyStored: number,
): Promise<number> {
  const kept = errors.slice(0, Math.max(0, MAX_STORED_ERRORS - alreadyStored));
  if (kept.length === 0) return 0;
  await manager.query(
    `INSERT INTO import_run_errors (run_id, line, column_name, value, reason)
     SELECT $1, r.line, r.column_name, r.value, r.reason
       FROM json_to_recordset($2::json) AS r(line int, column_name text, value text, reason text)`,
    [runId, JSON.stringify(kept.map((e) => ({ line: e.line, column_name: e.column, value: e.value, reason: e.reason })))],
  );
  return kept.length;
}

/** Every record a file's names may refer to, and the rates that price its labour: a handful of statements per run. */
async function loadLookups(db: DataSource): Promise<ImportLookups> {
  const [departments, categories, queues, people, rates] = await Promise.all([
    db.query(`SELECT id, name, code, life_safety AS "lifeSafety" FROM departments`),
    db.query(
      `SELECT id, name, system_key AS code, default_queue_id AS "defaultQueueId", default_kind AS "defaultKind" FROM categories`,
    ),
    db.query(`SELECT id, name, system_key AS code FROM queues`),
    db.query(`SELECT id, email, name, role, department_id AS "departmentId" FROM users`),
    db.query(
      `SELECT user_id AS "userId", role, hourly_rate_cents AS "hourlyRateCents", to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom"
         FROM labor_rates`,
    ),
  ]);
  return { departments, categories, queues, people, rates };
}

/** The city's zone (its office-hours calendar's): work logs are dated in it. */
async function cityTimeZone(db: DataSource): Promise<string> {
  const [row]: { zone: string | null }[] = await db.query(
    `SELECT (SELECT time_zone FROM calendars WHERE system_key = 'city_office_hours') AS zone`,
  );
  return row?.zone ?? 'UTC';
}
