import { createDb, runMigrations } from "@tandem/db";
import { startEmbeddedDb } from "@tandem/db/embedded";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe("embedded database under concurrent connections", () => {
  let stop: () => Promise<void>;
  let url: string;
  beforeAll(async () => {
    const db = await startEmbeddedDb({ maxConnections: 24 });
    stop = db.stop;
    url = db.url;
    const h = createDb(url, { max: 1 });
    await runMigrations(h.db);
    await h.close();
  });
  afterAll(async () => stop?.());

  it("keeps each connection's extended-protocol queries and transactions whole when many run at once", async () => {
    // Two processes' pools, as web and realtime have: parameterised queries (Parse/Bind/Execute/Sync)
    // and transactions from both, all at once. pglite-socket's own queue interleaved these.
    const a = createDb(url, { max: 8 });
    const b = createDb(url, { max: 8 });
    await a.pool.query("create table if not exists counter (id int primary key, n int not null)");
    await a.pool.query("insert into counter values (1, 0) on conflict do nothing");
    const work = Array.from({ length: 200 }, async (_, i) => {
      const pool = (i % 2 ? a : b).pool;
      if (i % 3 === 0) {
        const c = await pool.connect();
        try {
          await c.query("begin");
          const { rows } = await c.query("select n from counter where id = $1 for update", [1]);
          await c.query("update counter set n = $1 where id = $2", [rows[0].n + 1, 1]);
          await c.query("commit");
        } finally {
          c.release();
        }
        return "tx";
      }
      const { rows } = await pool.query("select $1::int * 2 as doubled, $2::text as tag", [i, `q${i}`]);
      expect(rows[0]).toEqual({ doubled: i * 2, tag: `q${i}` });
      return "q";
    });
    const results = await Promise.all(work);
    const { rows } = await a.pool.query("select n from counter where id = 1");
    expect(rows[0].n).toBe(results.filter((r) => r === "tx").length);
    await a.close();
    await b.close();
  }, 60_000);
});
