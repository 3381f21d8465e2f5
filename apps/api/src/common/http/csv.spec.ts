import { describe, expect, it } from '@jest/globals';
import { csvAttachment, writeCsv, type CsvCell } from './csv.js';

const BOM = '\uFEFF';

/** The CSV of one column holding one cell, without the BOM and the header line. */
function cellLine(value: CsvCell): string {
  const csv = writeCsv([{ header: 'value', value: (row: { v: CsvCell }) => row.v }], [{ v: value }]);
  expect(csv.startsWith(`${BOM}value\r\n`)).toBe(true);
  return csv.slice(`${BOM}value\r\n`.length);
}

describe(writeCsv.name, () => {
  it.each([
    ['= (a HYPERLINK call)', '=HYPERLINK("http://evil.test","click")', `"'=HYPERLINK(""http://evil.test"",""click"")"\r\n`],
    ['=', '=1+1', `'=1+1\r\n`],
    ['+', '+1', `'+1\r\n`],
    ['-', '-2', `'-2\r\n`],
    ['- (a sum)', '-2+3', `'-2+3\r\n`],
    ['@', '@SUM(A1)', `'@SUM(A1)\r\n`],
    ['tab', '\tTabbed', `'\tTabbed\r\n`],
    ['CR', '\rReturn', `"'\rReturn"\r\n`],
    ['LF', '\nNewline', `"'\nNewline"\r\n`],
    ['full-width =', '\uFF1D1+1', `'\uFF1D1+1\r\n`],
  ])('neutralises a text cell starting with %s', (_, value, line) => {
    expect(cellLine(value)).toBe(line);
  });

  it.each([
    ['a plain name', 'Public Works', 'Public Works\r\n'],
    ['a prefix character later in the text', 'Parks = fun - 1', 'Parks = fun - 1\r\n'],
    ['a date', '2026-01-31', '2026-01-31\r\n'],
    ['an empty string', '', '\r\n'],
  ])('leaves %s as it is', (_, value, line) => {
    expect(cellLine(value)).toBe(line);
  });

  it.each([
    ['a negative number', -2, '-2\r\n'],
    ['zero', 0, '0\r\n'],
    ['a fraction', 0.125, '0.125\r\n'],
    ['a large count of cents', 123456789012, '123456789012\r\n'],
    ['null', null, '\r\n'],
    ['true', true, 'true\r\n'],
    ['false', false, 'false\r\n'],
  ])('writes %s as a value, not as text to neutralise', (_, value, line) => {
    expect(cellLine(value)).toBe(line);
  });

  it.each([
    ['a comma', 'Parks, Recreation', '"Parks, Recreation"\r\n'],
    ['a quote', 'The "new" desk', '"The ""new"" desk"\r\n'],
    ['a line feed', 'two\nlines', '"two\nlines"\r\n'],
    ['a CRLF', 'two\r\nlines', '"two\r\nlines"\r\n'],
    ['a carriage return inside', 'a\rb', '"a\rb"\r\n'],
    ['a neutralised cell with a comma', '=A1,B1', `"'=A1,B1"\r\n`],
  ])('quotes a cell holding %s (RFC 4180)', (_, value, line) => {
    expect(cellLine(value)).toBe(line);
  });

  it('writes the header, then one CRLF-terminated record per row, columns in order', () => {
    const rows = [
      { name: 'Fire', cents: 1250 },
      { name: '-Water', cents: -3 },
    ];
    const csv = writeCsv(
      [
        { header: 'department', value: (r: (typeof rows)[number]) => r.name },
        { header: 'totalCents', value: (r: (typeof rows)[number]) => r.cents },
      ],
      rows,
    );
    expect(csv).toBe(`${BOM}department,totalCents\r\nFire,1250\r\n'-Water,-3\r\n`);
  });

  it('writes only the header for no rows', () => {
    expect(writeCsv([{ header: 'a', value: () => 1 }], [])).toBe(`${BOM}a\r\n`);
  });

  it('refuses a number that is not finite rather than writing NaN', () => {
    expect(() => writeCsv([{ header: 'rate', value: () => Number.NaN }], [{}])).toThrow(/rate/);
  });
});

describe(csvAttachment.name, () => {
  it('names the file and keeps anything odd out of the quoted name', () => {
    expect(csvAttachment('civicdesk-spend-2025-07-01-2026-06-30.csv')).toBe(
      'attachment; filename="civicdesk-spend-2025-07-01-2026-06-30.csv"',
    );
    expect(csvAttachment('a"b\r\n.csv')).toBe('attachment; filename="a_b__.csv"');
  });
});
