import { E2E } from "../fixtures/env";
import { expect, test } from "../fixtures/workspace";

test("liveness and readiness answer apart, with no store in between", async ({ request }) => {
  const live = await request.get("/api/health/live");
  expect(live.status()).toBe(200);
  expect(await live.json()).toEqual({ status: "ok" });
  const ready = await request.get("/api/health/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({ status: "ok", database: { ok: true } });
  expect(ready.headers()["cache-control"]).toBe("no-store");
  // The whole picture, realtime included, stays where people and the start script read it.
  expect(await (await request.get("/api/health")).json()).toMatchObject({ database: { ok: true } });
});

test("Prometheus metrics come only with the token, and time the procedures the app just ran", async ({ request }) => {
  expect((await request.get("/api/metrics")).status()).toBe(401);
  expect((await request.get("/api/metrics", { headers: { authorization: "Bearer not-the-token-at-all" } })).status()).toBe(401);
  // Any page load runs procedures; the sign-in page's session check is enough to count one.
  await request.get("/api/trpc/workspace.list");
  const res = await request.get("/api/metrics", { headers: { authorization: `Bearer ${E2E.metricsToken}` } });
  expect(res.status()).toBe(200);
  const text = await res.text();
  expect(text).toMatch(/^tandem_api_procedure_duration_seconds_count\{[^}]*procedure="workspace\.list"[^}]*\} \d+$/m);
  expect(text).toContain("tandem_web_process_resident_memory_bytes");
});
