import { sql } from "drizzle-orm";

import type { Executor } from "../client";

/** Round-trips a trivial query; returns its latency in ms. */
export async function pingDb(db: Executor): Promise<number> {
  const started = performance.now();
  await db.execute(sql`select 1`);
  return Math.round((performance.now() - started) * 10) / 10;
}
