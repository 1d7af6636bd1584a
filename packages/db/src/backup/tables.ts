/** Something that runs one SQL statement: a pg client or a PGlite instance. */
export type RunSql = (sql: string) => Promise<{ rows: Record<string, unknown>[] }>;

/** Row counts of every table in the public schema: what a backup records and a restore checks. */
export async function countRows(run: RunSql): Promise<Record<string, number>> {
  const { rows } = await run(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of rows) {
    const quoted = `"${String(name).replaceAll('"', '""')}"`;
    const r = await run(`select count(*)::text as n from ${quoted}`);
    counts[String(name)] = Number(r.rows[0]?.n);
  }
  return counts;
}

/** The tables whose counts differ, in words; empty when the restore holds what the backup did. */
export function countDifferences(expected: Record<string, number>, actual: Record<string, number>): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return names.filter((n) => expected[n] !== actual[n]).map((n) => `${n}: ${expected[n] ?? "absent"} in the backup, ${actual[n] ?? "absent"} restored`);
}
