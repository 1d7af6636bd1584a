import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { appRouter, createRealtimeNotifier, createTRPCContext } from "@tandem/api";
import { REQUEST_ID_HEADER, requestIdOf } from "@tandem/api/logger";
import type { Auth } from "@tandem/auth";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestAuth, signUpUser, type TestUser } from "../support/auth";
import { DB_KINDS, startTestDb, type TestDb } from "../support/db";

describe.each(DB_KINDS)("a request's id on %s", (kind) => {
  let t: TestDb;
  let auth: Auth;
  let ann: TestUser;
  const pokes: (string | undefined)[] = [];
  const realtime = createServer((req, res) => {
    pokes.push(req.headers[REQUEST_ID_HEADER] as string | undefined);
    req.resume();
    res.end("{}");
  });

  beforeAll(async () => {
    t = await startTestDb(kind);
    auth = createTestAuth(t.db);
    ann = await signUpUser(auth, { name: "Ann", email: "ann@reqid.test" });
    await new Promise<void>((resolve) => realtime.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    realtime.close();
    await t?.close();
  });

  it("goes from the request through the API to the realtime poke its write causes, and back in the response", async () => {
    const notifier = createRealtimeNotifier({ url: `http://127.0.0.1:${(realtime.address() as AddressInfo).port}`, secret: "s" });
    const headers = new Headers(ann.headers);
    headers.set(REQUEST_ID_HEADER, "req-from-the-proxy-42");
    const res = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request("http://tandem.test/api/trpc/workspace.create", {
        method: "POST",
        headers: { ...Object.fromEntries(headers), "content-type": "application/json" },
        body: JSON.stringify({ json: { name: "Traced", slug: `traced-${kind}`, side: "it" } }),
      }),
      router: appRouter,
      createContext: () => createTRPCContext({ headers, db: t.db, auth, realtime: notifier }),
      responseMeta: ({ ctx }) => ({ headers: new Headers(ctx ? { [REQUEST_ID_HEADER]: ctx.requestId } : {}) }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get(REQUEST_ID_HEADER)).toBe("req-from-the-proxy-42");
    await expect.poll(() => pokes).toContain("req-from-the-proxy-42");
  });

  it("makes a new id when none came, or when what came is not a sane id", () => {
    expect(requestIdOf(new Headers())).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf(new Headers({ [REQUEST_ID_HEADER]: "x".repeat(500) }))).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf(new Headers({ [REQUEST_ID_HEADER]: "bad id; injected=yes" }))).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf(new Headers({ [REQUEST_ID_HEADER]: "abc-123" }))).toBe("abc-123");
  });
});
