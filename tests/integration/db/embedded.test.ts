import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createDb, runMigrations } from "@tandem/db";
import { startEmbeddedDb } from "@tandem/db/embedded";
import { createWorkspace, getWorkspaceBySlug } from "@tandem/db/queries";
import { afterAll, describe, expect, it } from "vitest";

import { createTestAuth, signUpUser } from "../support/auth";

describe("embedded database", () => {
  const dir = mkdtempSync(join(tmpdir(), "tandem-embedded-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps data across a restart and serves two processes' pools at once", async () => {
    const first = await startEmbeddedDb({ dataDir: dir, maxConnections: 12 });
    const a = createDb(first.url, { max: 4 });
    const b = createDb(first.url, { max: 4 });
    await runMigrations(a.db);
    const owner = await signUpUser(createTestAuth(a.db), { name: "Persist", email: "persist@e.test" });
    await a.db.transaction((tx) => createWorkspace(tx, { slug: "kept", name: "Kept", ownerId: owner.userId, ownerSide: "it" }));
    // Both pools see the committed row and can run concurrently without interleaving transactions.
    const reads = await Promise.all(Array.from({ length: 8 }, (_, i) => getWorkspaceBySlug((i % 2 ? a : b).db, "kept")));
    expect(reads.every((r) => r?.name === "Kept")).toBe(true);
    await a.close();
    await b.close();
    await first.stop();

    const second = await startEmbeddedDb({ dataDir: dir });
    const c = createDb(second.url, { max: 1 });
    await runMigrations(c.db); // idempotent on an existing database
    expect((await getWorkspaceBySlug(c.db, "kept"))?.name).toBe("Kept");
    await c.close();
    await second.stop();
  });

  it("refuses a connection beyond maxConnections rather than hanging", async () => {
    const db = await startEmbeddedDb({ maxConnections: 1 });
    const one = createDb(db.url, { max: 1 });
    const two = createDb(db.url, { max: 1 });
    await one.pool.query("select 1");
    await expect(two.pool.query("select 1")).rejects.toThrow();
    await one.close();
    await two.close().catch(() => {});
    await db.stop();
  });
});
