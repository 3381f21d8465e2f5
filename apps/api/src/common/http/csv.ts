import { stringify } from 'csv-stringify/sync';

/** A cell: numbers stay numbers (a negative number is a number, not a formula); text is always text. */
export type CsvCell = string | number | boolean | null;

/** One column of an export: its header and how a row fills it. */
export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvCell;
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/**
 * The one CSV writer of the API (reports, error reports of imports): RFC 4180 through csv-stringify
 * (CRLF records; cells holding a comma, quote or line break quoted, quotes doubled), a UTF-8 byte
 * order mark so spreadsheet programs read accented names right, and every text cell starting with
 * `=`, `+`, `-`, `@`, tab, CR, LF or the full-width `＝＋－＠` prefixed with `'` so a spreadsheet
 * shows it instead of running it as a formula (csv-stringify's `escape_formulas`, which leaves real
 * numbers, negative ones too, alone, plus LF, which OWASP's testing guide lists and it does not).
 * Numbers must be finite; null is an empty cell.
 */
export function writeCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const records = rows.map((row) =>
    columns.map((column) => {
      const value = column.value(row);
      if (typeof value === 'number' && !Number.isFinite(value)) {
        throw new Error(`CSV column ${column.header}: ${value} is not a finite number`);
      }
      return value;
    }),
  );
  return stringify(records, {
    bom: true,
    header: true,
    columns: columns.map((column, index) => ({ key: String(index), header: column.header })),
    record_delimiter: 'windows',
    // Giving a record delimiter turns off quoting of lone \n and \r; a cell holding one must be quoted too.
    quote_record_delimiter: true,
    escape_formulas: true,
    cast: {
      boolean: (value) => (value ? 'true' : 'false'),
      // Runs before escape_formulas, which then sees the apostrophe and leaves the cell alone.
      string: (value) => (value.startsWith('\n') ? `'${value}` : value),
    },
  });
}

/**
 * A Content-Disposition value for a download. The name is made from fixed words, dates and
 * allowlisted values; anything else is replaced so it can never break out of the quotes.
 */
export function csvAttachment(filename: string): string {
  return `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`;
}
