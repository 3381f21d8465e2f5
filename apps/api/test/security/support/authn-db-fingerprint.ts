import type { DataSource } from 'typeorm';

/**
 * A fingerprint of every table of the app's schema (each row as text, hashed in a stable order):
 * two equal fingerprints mean no row was added, changed or removed anywhere in between.
 */
export async function tableFingerprints(db: DataSource): Promise<Record<string, string>> {
  const tables: { name: string }[] = await db.query(
    `SELECT quote_ident(table_name) AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const union = tables
    .map(
      ({ name }) =>
        `SELECT '${name}' AS name, md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), '')) AS hash FROM ${name} t`,
    )
    .join(' UNION ALL ');
  const rows: { name: string; hash: string }[] = await db.query(union);
  return Object.fromEntries(rows.map((r) => [r.name, r.hash]));
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((name) => before[name] !== after[name]);
}
