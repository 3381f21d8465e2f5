import { stringify } from 'csv-stringify/sync';
import { packPayloads, XSS_CORPUS, type XssPayload } from './xss-corpus';
import type { FieldLedger } from './xss-seed';

/** A value as the API quotes it in a problem: trimmed, and cut at `limit` characters ("…" after the first limit − 3). */
const quoted = (limit: number) => (payload: XssPayload) => {
  const value = payload.text.trim();
  return value.length > limit ? value.slice(0, limit - 3) : value;
};

const FILE_NAME_MAX = 200;

/** Payloads put in the priority and in the status column: each value gets a select in the mapping form. */
const MAPPED = 8;

/**
 * The history import's CSV: every payload as a title, and each also as a raw value: a few as
 * priorities and statuses (the mapping form lists them in its value maps), the rest as opening
 * times. The dry run's problems quote every value it could not read: each payload opening time,
 * and each priority or status nothing maps.
 */
export function historyImportFile(ledger: FieldLedger): { name: string; csv: Buffer; expected: string[]; expectedName: string } {
  const rows = XSS_CORPUS.map((payload, index) => ({
    external_id: `xss-${payload.id}`,
    title: payload.text,
    priority: index < MAPPED ? payload.text : 'P3',
    status: index >= MAPPED && index < 2 * MAPPED ? payload.text : 'New',
    opened_at: index >= 2 * MAPPED ? payload.text : '2024-01-15 10:00',
  }));
  ledger.accept(
    'history import value',
    XSS_CORPUS.map((p) => p.id),
  );
  const name = packPayloads(XSS_CORPUS, FILE_NAME_MAX).packs[0]!;
  ledger.accept('history import file name', name.ids);
  return {
    name: name.text,
    csv: Buffer.from(
      stringify(rows, { header: true, columns: ['external_id', 'title', 'priority', 'status', 'opened_at'] }),
      'utf8',
    ),
    // Each value is quoted by a problem or listed in a value map (a guess mapped it), or both.
    expected: XSS_CORPUS.map(quoted(200)),
    expectedName: name.text,
  };
}

/** The asset import's CSV: payloads as the type and department code, which the check's problems quote back. */
export function assetImportCsv(ledger: FieldLedger): { csv: string; expected: string[] } {
  const rows = XSS_CORPUS.map((payload) => ({
    tag: `xss-import-${payload.id}`,
    name: payload.text.slice(0, 200),
    type: payload.text,
    department: payload.text,
  }));
  ledger.accept(
    'asset import value',
    XSS_CORPUS.map((p) => p.id),
  );
  return {
    csv: stringify(rows, { header: true, columns: ['tag', 'name', 'type', 'department'] }),
    expected: XSS_CORPUS.map(quoted(60)),
  };
}
