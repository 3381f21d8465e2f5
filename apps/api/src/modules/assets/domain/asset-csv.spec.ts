import { describe, expect, it } from '@jest/globals';
import {
  assetCsvLookupKeys,
  parseAssetCsv,
  parseDollarsToCents,
  validateAssetCsvRows,
  type AssetCsvLookups,
} from './asset-csv.js';
import { DEFAULT_LIFECYCLE_YEARS } from './asset-vocabulary.js';

const lookups: AssetCsvLookups = {
  departmentIdByCode: new Map([
    ['FIN', 'dept-fin'],
    ['POLICE', 'dept-police'],
  ]),
  userIdByEmail: new Map([['pat@city.gov', 'user-pat']]),
  existingTags: new Set(['it-0001']),
  // The setting, changed from the default for laptops: an empty lifecycle cell follows it.
  lifecycleYearsByType: { ...DEFAULT_LIFECYCLE_YEARS, laptop: 2 },
};

const HEADER = 'tag,name,type,department,location,serial,purchase_date,cost,warranty_end,lifecycle_years,status,assigned_to';

function run(text: string) {
  const parsed = parseAssetCsv(text);
  const validated = validateAssetCsvRows(parsed.records, lookups);
  return { parsed, ...validated, errors: [...parsed.errors, ...validated.errors] };
}

describe(parseAssetCsv.name, () => {
  it('reads every column, trims values and gives each record its line in the file', () => {
    const parsed = parseAssetCsv(
      `\ufeff${HEADER}\n\nFIN-001 , Laptop ,laptop,FIN,"Room 2,\nCity Hall",SN1,2024-07-01,1234.50,2027-07-01,,,pat@city.gov\nFIN-002,Desk phone,desk_phone,FIN,,,,,,,,\n`,
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.rowCount).toBe(2);
    expect(parsed.records.map((r) => r.line)).toEqual([3, 5]);
    expect(parsed.records[0]!.values).toMatchObject({ tag: 'FIN-001', name: 'Laptop', location: 'Room 2,\nCity Hall' });
  });

  it('counts lines the same with Windows line endings, also inside quoted values', () => {
    const parsed = parseAssetCsv(
      `tag,name,type,department\r\nA,"two\r\nlines",laptop,FIN\r\nB,b,laptop,FIN\r\n\r\nC,c,laptop,FIN`,
    );
    expect(parsed.records.map((r) => r.line)).toEqual([2, 4, 6]);
  });

  it('accepts the required columns alone, in any order and case', () => {
    const parsed = parseAssetCsv('Department,TYPE,name,tag\nFIN,laptop,L,T-1\n');
    expect(parsed.errors).toEqual([]);
    expect(parsed.records[0]!.values).toEqual({ department: 'FIN', type: 'laptop', name: 'L', tag: 'T-1' });
  });

  it('names each unknown, repeated or missing column on line 1, and validates no row', () => {
    const parsed = parseAssetCsv('tag,name,colour,name\nA,B,red,B\n');
    expect(parsed.records).toEqual([]);
    expect(parsed.rowCount).toBe(1);
    expect(parsed.errors).toEqual([
      { line: 1, column: 'colour', message: expect.stringContaining('Unknown column "colour"') },
      { line: 1, column: 'name', message: 'Column "name" appears more than once' },
      { line: 1, column: 'type', message: 'Required column "type" is missing' },
      { line: 1, column: 'department', message: 'Required column "department" is missing' },
    ]);
  });

  it('refuses an empty file and a row with the wrong number of values', () => {
    expect(parseAssetCsv('').errors).toEqual([{ line: 1, column: null, message: expect.stringContaining('empty') }]);
    const parsed = parseAssetCsv('tag,name,type,department\nA,a,laptop\nB,b,laptop,FIN\n');
    expect(parsed.errors).toEqual([{ line: 2, column: null, message: 'Expected 4 values (one per column), found 3' }]);
    expect(parsed.records.map((r) => r.line)).toEqual([3]);
    expect(parsed.rowCount).toBe(2);
  });

  it('stops at the first row over the limit and names its line', () => {
    const parsed = parseAssetCsv('tag,name,type,department\nA,a,other,FIN\n\nB,b,other,FIN\nC,c,other,FIN\n"unclosed\n', 2);
    expect(parsed.tooManyRows).toEqual({ line: 5, column: null, message: 'A file may hold at most 2 rows; split it' });
    expect(parsed.records).toEqual([]);
    expect(parseAssetCsv('tag,name,type,department\nA,a,other,FIN\nB,b,other,FIN\n', 2).tooManyRows).toBeNull();
  });

  it('reports broken CSV quoting as one error with its line', () => {
    const parsed = parseAssetCsv('tag,name,type,department\nA,"unclosed,laptop,FIN\n');
    expect(parsed.errors).toEqual([{ line: expect.any(Number), column: null, message: expect.stringMatching(/^Not valid CSV/) }]);
    expect(parsed.records).toEqual([]);
  });
});

describe(validateAssetCsvRows.name, () => {
  it('turns a good row into an asset: cents from dollars, defaults for status and lifecycle (the setting), ids from the lookups', () => {
    const { rows, errors } = run(
      `${HEADER}\nFIN-001,Laptop,Laptop,fin,Room 2,SN1,2024-07-01,"$1,234.5",2027-07-01,,,PAT@city.gov\n`,
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        tag: 'FIN-001',
        name: 'Laptop',
        type: 'laptop',
        departmentId: 'dept-fin',
        location: 'Room 2',
        serial: 'SN1',
        purchaseDate: '2024-07-01',
        costCents: 123450,
        warrantyEnd: '2027-07-01',
        lifecycleYears: 2,
        status: 'in_service',
        assignedUserId: 'user-pat',
      },
    ]);
  });

  it('keeps an explicit lifecycle and status, and stores empty optional cells as null', () => {
    const { rows } = run('tag,name,type,department,lifecycle_years,status,cost\nR-1,Radio,radio,POLICE,10,In repair,\n');
    expect(rows[0]).toMatchObject({
      lifecycleYears: 10,
      status: 'in_repair',
      costCents: null,
      location: null,
      serial: null,
      purchaseDate: null,
      warrantyEnd: null,
      assignedUserId: null,
    });
  });

  it('collects every problem of every row with its line and column, and returns no rows then', () => {
    const { rows, errors } = run(
      [
        HEADER,
        'OK-1,Fine,desktop,FIN,,,,,,,,',
        'IT-0001,Taken,desktop,FIN,,,,,,,,',
        ',No tag,toaster,NOPE,,,2025-02-29,12.345,2026-13-01,0,lost,nobody@city.gov',
        'ok-1,Duplicate in file,desktop,FIN,,,,-5,,51,,',
      ].join('\n'),
    );
    expect(rows.map((r) => r.tag)).toEqual(['OK-1']);
    expect(errors).toEqual([
      { line: 3, column: 'tag', message: 'An asset with tag "IT-0001" already exists' },
      { line: 4, column: 'tag', message: 'tag is required' },
      { line: 4, column: 'type', message: expect.stringContaining('type "toaster" is not one of desktop, laptop') },
      { line: 4, column: 'department', message: 'No department has the code "NOPE"' },
      { line: 4, column: 'purchase_date', message: 'purchase_date "2025-02-29" is not a real date YYYY-MM-DD' },
      { line: 4, column: 'cost', message: 'cost "12.345" is not an amount in dollars like 1234.50' },
      { line: 4, column: 'warranty_end', message: 'warranty_end "2026-13-01" is not a real date YYYY-MM-DD' },
      { line: 4, column: 'lifecycle_years', message: expect.stringContaining('lifecycle_years "0"') },
      { line: 4, column: 'status', message: 'status "lost" is not one of in_service, in_repair, retired' },
      { line: 4, column: 'assigned_to', message: 'No active user has the e-mail "nobody@city.gov"' },
      { line: 5, column: 'tag', message: 'Tag "ok-1" is also on line 2' },
      { line: 5, column: 'cost', message: expect.stringContaining('cost "-5"') },
      { line: 5, column: 'lifecycle_years', message: expect.stringContaining('lifecycle_years "51"') },
    ]);
  });

  it('refuses over-long values', () => {
    const { errors } = run(`tag,name,type,department\n${'x'.repeat(65)},${'n'.repeat(201)},other,FIN\n`);
    expect(errors.map((e) => [e.column, e.message])).toEqual([
      ['tag', 'tag is longer than 64 characters'],
      ['name', 'name is longer than 200 characters'],
    ]);
  });
});

describe(assetCsvLookupKeys.name, () => {
  it('collects each tag, department code and e-mail once, normalised as the lookups store them', () => {
    const { records } = parseAssetCsv('tag,name,type,department,assigned_to\nA-1,a,other,fin,Pat@City.gov\na-1,b,other,FIN,\n');
    expect(assetCsvLookupKeys(records)).toEqual({ tags: ['a-1'], departmentCodes: ['FIN'], emails: ['pat@city.gov'] });
  });
});

describe(parseDollarsToCents.name, () => {
  it('reads dollars as integer cents without floating-point error', () => {
    expect(parseDollarsToCents('1234.50')).toBe(123450);
    expect(parseDollarsToCents('0.29')).toBe(29);
    expect(parseDollarsToCents('80')).toBe(8000);
    expect(parseDollarsToCents('$1,234,567.8')).toBe(123456780);
    expect(parseDollarsToCents('90071992547409.91')).toBe(9007199254740991);
  });

  it('refuses anything else', () => {
    for (const text of ['', '-5', '1.234', '1,23', '12,34.00', 'abc', '1e3', '.5', '5.', '90071992547409.92', 'USD 5']) {
      expect(parseDollarsToCents(text)).toBeNull();
    }
  });
});
