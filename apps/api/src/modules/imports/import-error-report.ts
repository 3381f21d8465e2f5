import { stringify } from 'csv-stringify/sync';
import type { ImportRunErrorDto } from './dto/import-run.dto.js';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/**
 * A run's problems as CSV for a spreadsheet (csv-stringify: RFC 4180, CRLF records, a UTF-8 byte
 * order mark). Cells are the file's own values, so any starting with =, +, -, @, tab or CR get a
 * leading ' (escape_formulas) and are shown, never run as a formula.
 */
export function errorReportCsv(errors: readonly ImportRunErrorDto[]): string {
  return stringify(
    errors.map((e) => [e.line, e.column, e.value, e.reason]),
    {
      bom: true,
      header: true,
      columns: ['line', 'column', 'value', 'reason'],
      record_delimiter: 'windows',
      // With a record delimiter given, a cell holding a lone \n or \r must still be quoted.
      quote_record_delimiter: true,
      escape_formulas: true,
    },
  );
}

/** The download's Content-Disposition; the name is made of fixed words and an id. */
export function attachment(filename: string): string {
  return `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`;
}
