import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { notFound, validationFailed, type FieldError } from '../../common/errors/app-error.js';
import { decodeCursor, encodeCursor, invalidCursor } from '../../common/http/cursor.js';
import { writeCsv, type CsvColumn } from '../../common/http/csv.js';
import type { Actor } from '../../common/security/actor.js';
import { Clock } from '../../common/time/clock.js';
import { AuditLog } from '../audit/audit-log.service.js';
import { isStaff, type Role } from '../users/domain/role.js';
import { dateFormatProblem, isKnownTimeZone } from './domain/import-dates.js';
import { checkColumns, type TicketImportOptions } from './domain/ticket-import-options.js';
import type { ImportRunStatus } from './domain/import-run-status.js';
import type {
  ImportRunDetailDto,
  ImportRunDto,
  ImportRunErrorDto,
  ImportRunListDto,
  ListImportRunsQueryDto,
} from './dto/import-run.dto.js';
import type { CreateTicketImportDto } from './dto/ticket-import.dto.js';
import { ImportFilesService } from './import-files.service.js';
import { ImportWorker } from './import-worker.js';

const DEFAULT_PAGE = 50;
/** Problems shown with a run; the CSV report has every one kept. */
const ERRORS_SHOWN = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface RunRow {
  id: string;
  status: ImportRunStatus;
  dry_run: boolean;
  file_id: string | null;
  file_name: string;
  created_by_id: string;
  created_by_name: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  rows_read: number;
  rows_superseded: number;
  rows_skipped: number;
  tickets_found: number;
  tickets_done: number;
  tickets_created: number;
  tickets_updated: number;
  tickets_unchanged: number;
  error_count: number;
  last_line: number;
  failure: string | null;
}

/** The problem report: the file's own values, so the shared writer neutralises formula-like cells. */
const ERROR_REPORT: readonly CsvColumn<ImportRunErrorDto>[] = [
  { header: 'line', value: (e) => e.line },
  { header: 'column', value: (e) => e.column },
  { header: 'value', value: (e) => e.value },
  { header: 'reason', value: (e) => e.reason },
];

const RUN_COLUMNS = `r.id, r.status, r.dry_run, r.file_id, r.file_name, r.created_by_id, u.name AS created_by_name, r.created_at,
  r.started_at, r.finished_at, r.rows_read, r.rows_superseded, r.rows_skipped, r.tickets_found, r.tickets_done,
  r.tickets_created, r.tickets_updated, r.tickets_unchanged, r.error_count, r.last_line, r.failure`;

/**
 * Ticket history imports: checks a mapping against its uploaded file and queues a run (the
 * request returns at once; a worker does the reading and writing), and shows runs and their
 * problems. Only admins reach it.
 */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly files: ImportFilesService,
    private readonly worker: ImportWorker,
    private readonly audit: AuditLog,
  ) {}

  async createTicketImport(actor: Actor, input: CreateTicketImportDto): Promise<ImportRunDto> {
    const file = await this.files.get(input.fileId);
    if (!file) throw notFound('Import file');
    const options: TicketImportOptions = {
      columns: Object.fromEntries(Object.entries(input.columns).filter(([, v]) => v !== undefined)),
      dateFormat: input.dateFormat,
      timeZone: input.timeZone,
      missingValues: (input.missingValues ?? []).map((v) => v.trim()).filter((v) => v !== ''),
      valueMaps: { ...input.valueMaps },
      matching: { department: 'name', category: 'name', queue: 'name', people: 'email', ...input.matching },
      unmatched: {
        department: 'default',
        queue: 'default',
        requester: 'default',
        category: 'none',
        assignee: 'none',
        ...input.unmatched,
      },
      defaults: {
        departmentId: input.defaults.departmentId,
        queueId: input.defaults.queueId,
        requesterId: input.defaults.requesterId,
        categoryId: input.defaults.categoryId ?? null,
        kind: input.defaults.kind ?? 'incident',
        priority: input.defaults.priority ?? null,
        workerId: input.defaults.workerId ?? null,
      },
    };
    const problems: FieldError[] = checkColumns(
      options,
      file.columns.map((c) => c.name),
    ).map((p) => ({ field: p.field, messages: [p.message] }));
    const formatProblem = dateFormatProblem(options.dateFormat);
    if (formatProblem) problems.push({ field: 'dateFormat', messages: [formatProblem] });
    if (!isKnownTimeZone(options.timeZone)) {
      problems.push({ field: 'timeZone', messages: [`"${options.timeZone}" is not an IANA time zone`] });
    }
    problems.push(...(await this.checkDefaults(options)));
    if (problems.length > 0) throw validationFailed(problems);

    const runId = await this.dataSource.transaction(async (manager) => {
      const [run]: { id: string }[] = await manager.query(
        `INSERT INTO import_runs (file_id, file_name, dry_run, options, created_by_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [file.id, file.name, input.dryRun, JSON.stringify(options), actor.id, this.clock.now()],
      );
      await this.audit.record(manager, {
        action: input.dryRun ? 'import.dry_run_started' : 'import.run_started',
        targetId: run!.id,
        detail: { fileId: file.id, fileName: file.name, rows: file.rowCount },
      });
      return run!.id;
    });
    this.worker.wake();
    return this.requireRun(runId);
  }

  /** The defaults must name records that exist (and staff, for the worker): a 400 naming the field, not a failed run. */
  private async checkDefaults({ defaults }: TicketImportOptions): Promise<FieldError[]> {
    const [found]: {
      department: boolean;
      queue: boolean;
      requester: boolean;
      category: boolean;
      worker_role: Role | null;
    }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM departments WHERE id = $1) AS department,
              EXISTS (SELECT 1 FROM queues WHERE id = $2) AS queue,
              EXISTS (SELECT 1 FROM users WHERE id = $3) AS requester,
              ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM categories WHERE id = $4)) AS category,
              (SELECT role FROM users WHERE id = $5::uuid) AS worker_role`,
      [defaults.departmentId, defaults.queueId, defaults.requesterId, defaults.categoryId, defaults.workerId],
    );
    const problems: FieldError[] = [];
    const missing = (field: string, what: string) =>
      problems.push({ field: `defaults.${field}`, messages: [`no ${what} has this id`] });
    if (!found!.department) missing('departmentId', 'department');
    if (!found!.queue) missing('queueId', 'queue');
    if (!found!.requester) missing('requesterId', 'user');
    if (!found!.category) missing('categoryId', 'category');
    if (defaults.workerId && (!found!.worker_role || !isStaff(found!.worker_role))) {
      problems.push({ field: 'defaults.workerId', messages: ['the worker must be an IT staff member'] });
    }
    return problems;
  }

  /** Newest first, keyset-paginated by (created_at, id). */
  async list(query: ListImportRunsQueryDto): Promise<ImportRunListDto> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const params: unknown[] = [limit + 1];
    let after = '';
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor, ['string', 'string']) as [string, string];
      if (!UUID.test(id) || Number.isNaN(Date.parse(at))) throw invalidCursor();
      params.push(at, id);
      after = `WHERE (r.created_at, r.id) < ($2::timestamptz, $3::uuid)`;
    }
    const rows: RunRow[] = await this.dataSource.query(
      `SELECT ${RUN_COLUMNS} FROM import_runs r JOIN users u ON u.id = r.created_by_id ${after}
        ORDER BY r.created_at DESC, r.id DESC LIMIT $1`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toRunDto),
      nextCursor: rows.length > limit && last ? encodeCursor([new Date(last.created_at).toISOString(), last.id]) : null,
    };
  }

  async get(id: string): Promise<ImportRunDetailDto> {
    const run = await this.requireRun(id);
    return { ...run, errors: await this.errors(id, ERRORS_SHOWN) };
  }

  /** Every problem the run kept, as CSV (line, column, value, reason). */
  async errorReport(id: string): Promise<{ fileName: string; csv: string }> {
    const run = await this.requireRun(id);
    return { fileName: `import-${run.id.slice(0, 8)}-problems.csv`, csv: writeCsv(ERROR_REPORT, await this.errors(id, null)) };
  }

  private async errors(runId: string, limit: number | null): Promise<ImportRunErrorDto[]> {
    const rows: { line: number; column_name: string | null; value: string | null; reason: string }[] =
      await this.dataSource.query(
        `SELECT line, column_name, value, reason FROM import_run_errors WHERE run_id = $1 ORDER BY line, id LIMIT $2`,
        [runId, limit],
      );
    return rows.map((r) => ({ line: r.line, column: r.column_name, value: r.value, reason: r.reason }));
  }

  private async requireRun(id: string): Promise<ImportRunDto> {
    const [row]: RunRow[] = await this.dataSource.query(
      `SELECT ${RUN_COLUMNS} FROM import_runs r JOIN users u ON u.id = r.created_by_id WHERE r.id = $1`,
      [id],
    );
    if (!row) throw notFound('Import');
    return toRunDto(row);
  }
}

function toRunDto(row: RunRow): ImportRunDto {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: row.id,
    status: row.status,
    dryRun: row.dry_run,
    fileId: row.file_id,
    fileName: row.file_name,
    createdBy: { id: row.created_by_id, name: row.created_by_name },
    createdAt: new Date(row.created_at).toISOString(),
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    rowsRead: row.rows_read,
    rowsSuperseded: row.rows_superseded,
    rowsSkipped: row.rows_skipped,
    ticketsFound: row.tickets_found,
    ticketsDone: row.tickets_done,
    ticketsCreated: row.tickets_created,
    ticketsUpdated: row.tickets_updated,
    ticketsUnchanged: row.tickets_unchanged,
    errorCount: row.error_count,
    lastLine: row.last_line,
    failure: row.failure,
  };
}
