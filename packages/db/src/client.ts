import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";

import * as schema from "./schema";

export type Database = NodePgDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** A query function accepts either the database or an open transaction. */
export type Executor = Database | Transaction;

export interface DbHandle {
  db: Database;
  pool: pg.Pool;
  close: () => Promise<void>;
}

/**
 * One pool per process. Against the embedded server the pool must stay under the
 * server's maxConnections (see embedded.ts), so callers size it explicitly.
 */
export function createDb(url: string, { max = 10 }: { max?: number } = {}): DbHandle {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  // An idle client that loses its server (a restart) must not crash the process.
  pool.on("error", (err) => console.error("[db] idle client error:", err.message));
  const db = drizzle(pool, { schema, casing: "snake_case" });
  return { db, pool, close: () => pool.end() };
}
