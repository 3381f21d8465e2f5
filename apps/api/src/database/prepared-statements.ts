import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * Statements PostgreSQL keeps prepared on each connection (pg's named statements): parsed,
 * analysed and planned on a connection's first use, then only bound and executed. Parsing and
 * planning were about 40 % of PostgreSQL's CPU in a ticket create (issue 7), more than running
 * the statements. Opt-in, for hot statements with key lookups only: after five runs PostgreSQL
 * may keep a generic plan, which a report over skewed data must not get. Texts are a bounded
 * set (code, not input); past the cap a text simply runs unprepared.
 */
const names = new Map<string, string>();
const MAX_TEXTS = 200;

/** Marks `sql` for preparing; returns it unchanged, for `manager.query(prepared(sql), params)`. */
export function prepared(sql: string): string {
  if (names.size < MAX_TEXTS && !names.has(sql)) names.set(sql, nameOf(sql));
  return sql;
}

/** The statement's name on a connection: one per text, the same on every connection. */
function nameOf(sql: string): string {
  return `civicdesk_${createHash('sha256').update(sql).digest('base64url').slice(0, 32)}`;
}

class PreparingClient extends pg.Client {
  // pg's overloads; TypeORM calls query(text, values).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(config: any, values?: any, callback?: any): any {
    const name = typeof config === 'string' ? names.get(config) : undefined;
    if (name !== undefined) return super.query({ name, text: config, values: values ?? [] }, callback);
    return super.query(config, values, callback);
  }
}

class PreparingPool extends pg.Pool {
  constructor(options?: pg.PoolConfig) {
    super({ ...options, Client: PreparingClient });
  }
}

/** The pg module TypeORM loads (its `driver` option), with clients that prepare the marked statements. */
export const preparingPg: typeof pg = Object.assign(Object.create(pg) as typeof pg, {
  Pool: PreparingPool,
  Client: PreparingClient,
});
