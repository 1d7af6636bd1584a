import { describe, expect, it } from "vitest";

import { type GuardOptions, guardRequest, REQUEST_BODY_MAX_BYTES } from "./http-guard";

const APP = "https://tandem.example";
const opts = { trustedOrigins: [APP] };
const post = (headers: Record<string, string>, body: RequestInit["body"] = "{}") =>
  new Request(`${APP}/api/trpc/task.create`, { method: "POST", headers: { host: "tandem.example", ...headers }, body, duplex: "half" } as RequestInit);

async function statusOf(req: Request, o: GuardOptions = opts) {
  const r = await guardRequest(req, o);
  return "refused" in r ? r.refused.status : 200;
}

describe("guardRequest", () => {
  it("lets the app's own pages write, from its URL or the address it was opened at, and scripts that send no Origin", async () => {
    expect(await statusOf(post({ origin: APP }))).toBe(200);
    expect(await statusOf(post({ origin: "http://tandem.example" }))).toBe(200);
    expect(await statusOf(post({ origin: "http://192.168.1.20:3000", host: "192.168.1.20:3000" }))).toBe(200);
    expect(await statusOf(post({}))).toBe(200);
    expect(await statusOf(post({ "sec-fetch-site": "same-origin" }))).toBe(200);
  });

  it("refuses a write from another site with 403, whether the browser says so by Origin or by Sec-Fetch-Site", async () => {
    const r = await guardRequest(post({ origin: "http://evil.example" }), opts);
    expect("refused" in r && r.refused.status).toBe(403);
    if ("refused" in r) expect(await r.refused.json()).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("http://evil.example") });
    expect(await statusOf(post({ origin: "null" }))).toBe(403);
    expect(await statusOf(post({ "sec-fetch-site": "cross-site" }))).toBe(403);
    // A foreign origin that merely starts like ours is still foreign.
    expect(await statusOf(post({ origin: `${APP}.evil.example` }))).toBe(403);
  });

  it("never refuses a read for its origin: other sites may link to Tandem", async () => {
    const get = new Request(`${APP}/api/trpc/task.list`, { headers: { origin: "http://evil.example", host: "tandem.example" } });
    expect(await statusOf(get)).toBe(200);
  });

  it("refuses a body over the cap with 413 from its Content-Length, before reading it", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled += 1;
        c.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const req = post({ origin: APP, "content-length": String(10 * 1_000_000) }, endless);
    const r = await guardRequest(req, opts);
    expect("refused" in r && r.refused.status).toBe(413);
    if ("refused" in r) expect(await r.refused.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    // The stream starts one chunk ahead on its own; nothing more was read.
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it("counts a body sent without a length and stops reading as soon as it passes the cap", async () => {
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        sent += 64 * 1024;
        c.enqueue(new Uint8Array(64 * 1024));
      },
    });
    expect(await statusOf(post({ origin: APP }, endless))).toBe(413);
    expect(sent).toBeLessThan(REQUEST_BODY_MAX_BYTES + 3 * 64 * 1024);
  });

  it("hands on a body under the cap unchanged, readable by the handler", async () => {
    const body = JSON.stringify({ title: "é".repeat(1000) });
    const r = await guardRequest(post({ origin: APP }, body), opts);
    expect("request" in r).toBe(true);
    if ("request" in r) expect(await r.request.text()).toBe(body);
    expect(await statusOf(post({ origin: APP }, "x".repeat(70_000)), { ...opts, maxBytes: 64 * 1024 })).toBe(413);
  });
});
