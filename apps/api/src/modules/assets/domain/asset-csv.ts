import { CsvError, parse, type Info } from 'csv-parse/sync';
import { isCalendarDate } from '../../../common/time/calendar-date.js';
import { ASSET_LIMITS } from './asset-limits.js';
import { ASSET_STATUSES, ASSET_TYPES, type AssetStatus, type AssetType } from './asset-vocabulary.js';

/**
 * The asset CSV import as pure functions: parse the text, then validate every row against lookup
 * maps the service loads in a constant number of queries. Every problem is collected (not just the
 * first), each naming its line in the file (the header is line 1) and its column, so an admin can
 * fix a spreadsheet in one pass.
 */

export const ASSET_CSV_COLUMNS = [
  'tag',
  'name',
  'type',
  'department',
  'location',
  'serial',
  'purchase_date',
  'cost',
  'warranty_end',
  'lifecycle_years',
  'status',
  'assigned_to',
] as const;
export type AssetCsvColumn = (typeof ASSET_CSV_COLUMNS)[number];

/** The other columns may be left out of the file; their values then default (status, lifecycle) or stay empty. */
export const REQUIRED_ASSET_CSV_COLUMNS: readonly AssetCsvColumn[] = ['tag', 'name', 'type', 'department'];

export const MAX_ASSET_CSV_ROWS = 10_000;

export interface AssetCsvError {
  /** 1-based line in the file; the header is line 1. */
  line: number;
  /** The column the problem is in; null when it concerns the whole line or file. */
  column: string | null;
  message: string;
}

export interface AssetCsvRecord {
  /** Line the record starts on (a quoted value may span lines). */
  line: number;
  values: Partial<Record<AssetCsvColumn, string>>;
}

export interface ParsedAssetCsv {
  /** Data rows in the file, valid or not (blank lines are not rows). */
  rowCount: number;
  /** Rows whose shape is right, ready for validateAssetCsvRows; none when the header is wrong. */
  records: AssetCsvRecord[];
  /** Problems with the file itself: CSV syntax, header, rows with the wrong number of fields. */
  errors: AssetCsvError[];
  /** Set when the file holds more rows than one import takes; nothing else is then checked. */
  tooManyRows: AssetCsvError | null;
}

export interface AssetCsvLookups {
  /** Department id by code, upper case. */
  departmentIdByCode: ReadonlyMap<string, string>;
  /** Active user id by e-mail, lower case. */
  userIdByEmail: ReadonlyMap<string, string>;
  /** Tags of existing assets, lower case. */
  existingTags: ReadonlySet<string>;
  /** The lifecycle an asset of each type gets when the file leaves it empty (the setting). */
  lifecycleYearsByType: Readonly<Record<AssetType, number>>;
}

export interface NewAssetRow {
  line: number;
  tag: string;
  name: string;
  type: AssetType;
  departmentId: string;
  location: string | null;
  serial: string | null;
  purchaseDate: string | null;
  costCents: number | null;
  warrantyEnd: string | null;
  lifecycleYears: number;
  status: AssetStatus;
  assignedUserId: string | null;
}

export function parseAssetCsv(text: string, maxRows = MAX_ASSET_CSV_ROWS): ParsedAssetCsv {
  let parsed: { record: string[]; info: Info }[];
  try {
    // Line endings are unified first: csv-parse counts "\r\n" inside a quoted value as two lines,
    // which would shift the line number of every later row.
    parsed = parse(text.replace(/\r\n?/g, '\n'), {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      // The header, the allowed rows and one more to tell that the file is too long: parsing stops there.
      to: maxRows + 2,
    }) as unknown as { record: string[]; info: Info }[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === 'number' ? error.lines : 1;
    return {
      rowCount: 0,
      records: [],
      errors: [{ line, column: null, message: `Not valid CSV: ${error.message}` }],
      tooManyRows: null,
    };
  }

  const [header, ...rows] = parsed;
  if (!header) {
    const empty = { line: 1, column: null, message: 'The file is empty; line 1 must be the header' };
    return { rowCount: 0, records: [], errors: [empty], tooManyRows: null };
  }
  const excess = rows[maxRows];
  if (excess) {
    const message = `A file may hold at most ${maxRows} rows; split it`;
    return { rowCount: rows.length, records: [], errors: [], tooManyRows: { line: startLine(excess), column: null, message } };
  }
  const columns = header.record.map((name) => name.trim().toLowerCase());
  const headerErrors = checkHeader(columns, startLine(header));
  if (headerErrors.length > 0) return { rowCount: rows.length, records: [], errors: headerErrors, tooManyRows: null };

  const records: AssetCsvRecord[] = [];
  const errors: AssetCsvError[] = [];
  for (const row of rows) {
    const line = startLine(row);
    if (row.record.length !== columns.length) {
      errors.push({
        line,
        column: null,
        message: `Expected ${columns.length} values (one per column), found ${row.record.length}`,
      });
      continue;
    }
    const values: AssetCsvRecord['values'] = {};
    columns.forEach((column, index) => {
      values[column as AssetCsvColumn] = row.record[index]!.trim();
    });
    records.push({ line, values });
  }
  return { rowCount: rows.length, records, errors, tooManyRows: null };
}

/** The keys the service looks up (once each, for the whole file) before validateAssetCsvRows. */
export function assetCsvLookupKeys(records: readonly AssetCsvRecord[]): {
  tags: string[];
  departmentCodes: string[];
  emails: string[];
} {
  const collect = (column: AssetCsvColumn, normalise: (v: string) => string): string[] => [
    ...new Set(records.map((r) => normalise(r.values[column] ?? '')).filter((v) => v !== '')),
  ];
  return {
    tags: collect('tag', (v) => v.toLowerCase()),
    departmentCodes: collect('department', (v) => v.toUpperCase()),
    emails: collect('assigned_to', (v) => v.toLowerCase()),
  };
}

/** Validates every row and returns the rows to insert, or every problem found. */
export function validateAssetCsvRows(
  records: readonly AssetCsvRecord[],
  lookups: AssetCsvLookups,
): { rows: NewAssetRow[]; errors: AssetCsvError[] } {
  const rows: NewAssetRow[] = [];
  const errors: AssetCsvError[] = [];
  const firstLineOfTag = new Map<string, number>();

  for (const { line, values } of records) {
    const rowErrors: AssetCsvError[] = [];
    const fail = (column: AssetCsvColumn, message: string): null => {
      rowErrors.push({ line, column, message });
      return null;
    };
    const cell = (column: AssetCsvColumn): string => values[column] ?? '';

    const tag = required(cell('tag'), 'tag', ASSET_LIMITS.tag, fail);
    if (tag !== null) {
      const key = tag.toLowerCase();
      const first = firstLineOfTag.get(key);
      if (first !== undefined) fail('tag', `Tag "${shown(tag)}" is also on line ${first}`);
      else if (lookups.existingTags.has(key)) fail('tag', `An asset with tag "${shown(tag)}" already exists`);
      if (first === undefined) firstLineOfTag.set(key, line);
    }
    const name = required(cell('name'), 'name', ASSET_LIMITS.name, fail);
    const type = vocabulary(cell('type'), 'type', ASSET_TYPES, fail);
    const departmentId = department(cell('department'), lookups, fail);
    const location = optionalText(cell('location'), 'location', ASSET_LIMITS.location, fail);
    const serial = optionalText(cell('serial'), 'serial', ASSET_LIMITS.serial, fail);
    const purchaseDate = date(cell('purchase_date'), 'purchase_date', fail);
    const costCents = cost(cell('cost'), fail);
    const warrantyEnd = date(cell('warranty_end'), 'warranty_end', fail);
    const lifecycleYears = lifecycle(cell('lifecycle_years'), type, lookups, fail);
    const status = cell('status') === '' ? 'in_service' : vocabulary(cell('status'), 'status', ASSET_STATUSES, fail);
    const assignedUserId = assignee(cell('assigned_to'), lookups, fail);

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    rows.push({
      line,
      tag: tag!,
      name: name!,
      type: type!,
      departmentId: departmentId!,
      location: location ?? null,
      serial: serial ?? null,
      purchaseDate: purchaseDate ?? null,
      costCents: costCents ?? null,
      warrantyEnd: warrantyEnd ?? null,
      lifecycleYears: lifecycleYears!,
      status: status!,
      assignedUserId: assignedUserId ?? null,
    });
  }
  return { rows, errors };
}

const DOLLARS = /^\$?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * "1234.50", "$1,234.5" or "80" dollars as integer cents, from the digits (never through a float,
 * which would turn 0.29 into 28.999...). Null when the text is not such an amount or exceeds a safe integer.
 */
export function parseDollarsToCents(text: string): number | null {
  const match = DOLLARS.exec(text.trim());
  if (!match) return null;
  const cents = BigInt(match[1]!.replaceAll(',', '')) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
  return cents <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(cents) : null;
}

type Fail = (column: AssetCsvColumn, message: string) => null;

function checkHeader(columns: readonly string[], line: number): AssetCsvError[] {
  const errors: AssetCsvError[] = [];
  const seen = new Set<string>();
  for (const column of columns) {
    if (!(ASSET_CSV_COLUMNS as readonly string[]).includes(column)) {
      errors.push({
        line,
        column,
        message: `Unknown column "${shown(column)}"; the columns are ${ASSET_CSV_COLUMNS.join(', ')}`,
      });
    } else if (seen.has(column)) {
      errors.push({ line, column, message: `Column "${column}" appears more than once` });
    }
    seen.add(column);
  }
  for (const column of REQUIRED_ASSET_CSV_COLUMNS) {
    if (!seen.has(column)) errors.push({ line, column, message: `Required column "${column}" is missing` });
  }
  return errors;
}

/** The line a record starts on: csv-parse reports the line it ends on, and quoted values may hold newlines. */
function startLine({ record, info }: { record: string[]; info: Info }): number {
  const innerNewlines = record.reduce((n, value) => n + (value.match(/\n/g)?.length ?? 0), 0);
  return info.lines - innerNewlines;
}

function required(value: string, column: AssetCsvColumn, max: number, fail: Fail): string | null {
  if (value === '') return fail(column, `${column} is required`);
  if (value.length > max) return fail(column, `${column} is longer than ${max} characters`);
  return value;
}

/** undefined means "left empty" (stored as null); null means the value was refused. */
function optionalText(value: string, column: AssetCsvColumn, max: number, fail: Fail): string | null | undefined {
  if (value === '') return undefined;
  if (value.length > max) return fail(column, `${column} is longer than ${max} characters`);
  return value;
}

function vocabulary<T extends string>(value: string, column: AssetCsvColumn, allowed: readonly T[], fail: Fail): T | null {
  if (value === '') return fail(column, `${column} is required`);
  // Spreadsheet-friendly: "Mobile phone" and "in-service" mean mobile_phone and in_service.
  const normalised = value.toLowerCase().replace(/[\s-]+/g, '_');
  if ((allowed as readonly string[]).includes(normalised)) return normalised as T;
  return fail(column, `${column} "${shown(value)}" is not one of ${allowed.join(', ')}`);
}

function department(value: string, lookups: AssetCsvLookups, fail: Fail): string | null {
  if (value === '') return fail('department', 'department is required (a department code)');
  const id = lookups.departmentIdByCode.get(value.toUpperCase());
  return id ?? fail('department', `No department has the code "${shown(value)}"`);
}

function date(value: string, column: AssetCsvColumn, fail: Fail): string | null | undefined {
  if (value === '') return undefined;
  return isCalendarDate(value) ? value : fail(column, `${column} "${shown(value)}" is not a real date YYYY-MM-DD`);
}

function cost(value: string, fail: Fail): number | null | undefined {
  if (value === '') return undefined;
  const cents = parseDollarsToCents(value);
  return cents ?? fail('cost', `cost "${shown(value)}" is not an amount in dollars like 1234.50`);
}

function lifecycle(value: string, type: AssetType | null, lookups: AssetCsvLookups, fail: Fail): number | null {
  // Left empty, it follows the type's usual refresh cycle (unknown while the type is invalid).
  if (value === '') return type === null ? null : lookups.lifecycleYearsByType[type];
  const years = /^\d{1,2}$/.test(value) ? Number(value) : NaN;
  if (years >= ASSET_LIMITS.lifecycleYearsMin && years <= ASSET_LIMITS.lifecycleYearsMax) return years;
  return fail(
    'lifecycle_years',
    `lifecycle_years "${shown(value)}" is not a whole number of years from ${ASSET_LIMITS.lifecycleYearsMin} to ${ASSET_LIMITS.lifecycleYearsMax}`,
  );
}

function assignee(value: string, lookups: AssetCsvLookups, fail: Fail): string | null | undefined {
  if (value === '') return undefined;
  const id = lookups.userIdByEmail.get(value.toLowerCase());
  return id ?? fail('assigned_to', `No active user has the e-mail "${shown(value)}"`);
}

/** A cell quoted in a message, cut short so a stray paragraph does not flood the error list. */
function shown(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}
