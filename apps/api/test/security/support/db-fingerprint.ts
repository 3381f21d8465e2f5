import type { DataSource } from 'typeorm';

/**
 * Tables a refused request may legitimately touch: the caller's session (last seen), sign-in
 * throttling, job bookkeeping and the audit log (which records refusals by design).
 */
const VOLATILE = /^(sessions|login_attempts|job_runs|migrations|typeorm_metadata)$|audit/;

export interface Fingerprint {
  /** Row count and content hash per table. */
  tables: Map<string, { rows: number; hash: string }>;
}

let statement: Promise<string> | undefined;

/**
 * Every row of every application table, hashed in one statement: a refused write must leave all
 * of them as they were (no half-written record, nothing updated on the way to the refusal).
 */
export async function fingerprint(db: DataSource): Promise<Fingerprint> {
  statement ??= (async () => {
    const tables: { name: string }[] = await db.query(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
    );
    return tables
      .filter((t) => !VOLATILE.test(t.name))
      .map(
        (t) =>
          `SELECT '${t.name}' AS name, count(*)::int AS rows, coalesce(md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))), '') AS hash FROM "${t.name}" x`,
      )
      .join(' UNION ALL ');
  })();
  const rows: { name: string; rows: number; hash: string }[] = await db.query(await statement);
  return { tables: new Map(rows.map((r) => [r.name, { rows: r.rows, hash: r.hash }])) };
}

/** The tables whose rows differ, with their row counts before and after. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const changed: string[] = [];
  for (const [name, b] of before.tables) {
    const a = after.tables.get(name);
    if (!a || a.hash !== b.hash) changed.push(`${name} (${b.rows} → ${a?.rows ?? '?'} rows)`);
  }
  return changed;
}
