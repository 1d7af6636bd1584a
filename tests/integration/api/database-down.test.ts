import { appRouter, createCaller, createTRPCContext } from "@tandem/api";
import { createAuth } from "@tandem/auth";
import { createDb, runMigrations } from "@tandem/db";
import { startEmbeddedDb } from "@tandem/db/embedded";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";

import { trpcError } from "../support/api";
import { signUpUser, TEST_BASE_URL } from "../support/auth";

const MESSAGE = "Tandem can't reach its database right now. Nothing was changed; try again in a moment.";

/** A database server with a pool on it, and a way to take the server away while the pool stays (a restart, as the web process sees it). */
async function database() {
  const embedded = await startEmbeddedDb();
  const handle = createDb(embedded.url, { max: 4 });
  await runMigrations(handle.db);
  const auth = createAuth({ db: handle.db, secret: "integration-test-secret-0123456789abcdef", baseURL: TEST_BASE_URL, rateLimit: false });
  return { ...handle, auth, stopServer: () => embedded.stop(), close: () => handle.close().catch(() => {}) };
}

describe("while the database is away", () => {
  it("a signed-in request fails fast with 503 and a plain message, not 500 or a sign-in", async () => {
    const d = await database();
    try {
      const ann = await signUpUser(d.auth, { name: "Ann", email: "ann@down.test" });
      const call = () =>
        fetchRequestHandler({
          endpoint: "/api/trpc",
          req: new Request("http://tandem.test/api/trpc/workspace.list", { headers: ann.headers }),
          router: appRouter,
          createContext: () => createTRPCContext({ headers: ann.headers, db: d.db, auth: d.auth }),
        });
      expect((await call()).status).toBe(200);
      await d.stopServer();
      for (let attempt = 0; attempt < 2; attempt++) {
        const started = performance.now();
        const res = await call();
        expect(res.status).toBe(503);
        const body = (await res.json()) as { error: { json: { message: string; data: { code: string } } } };
        expect(body.error.json).toMatchObject({ message: MESSAGE, data: { code: "SERVICE_UNAVAILABLE" } });
        expect(performance.now() - started).toBeLessThan(3_000);
      }
    } finally {
      await d.close();
    }
  });

  it("a procedure whose database goes after the session was read answers SERVICE_UNAVAILABLE too", async () => {
    const sessions = await database();
    const work = await database();
    try {
      const ann = await signUpUser(sessions.auth, { name: "Ann", email: "ann@down2.test" });
      const ctx = await createTRPCContext({ headers: ann.headers, db: sessions.db, auth: sessions.auth });
      const api = createCaller({ ...ctx, db: work.db });
      await expect(api.workspace.list()).resolves.toEqual([]);
      await work.stopServer();
      const err = await trpcError(api.workspace.list());
      expect(err.code).toBe("SERVICE_UNAVAILABLE");
      expect(err.message).toBe(MESSAGE);
    } finally {
      await sessions.close();
      await work.close();
      await sessions.stopServer();
    }
  });
});
