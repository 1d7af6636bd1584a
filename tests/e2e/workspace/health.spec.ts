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
