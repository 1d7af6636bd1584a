import { appRouter, createCaller, createRateLimits, createTRPCContext, parseLimitOverrides, type RateLimits, retryAfterMeta } from "@tandem/api";
import type { Auth } from "@tandem/auth";
import { schema } from "@tandem/db";
import { listLogAfter } from "@tandem/db/queries";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { trpcError } from "../support/api";
import { createTestAuth, signUpUser, type TestUser } from "../support/auth";
import { DB_KINDS, startTestDb, type TestDb } from "../support/db";

describe.each(DB_KINDS)("rate limits on %s", (kind) => {
  let t: TestDb;
  let auth: Auth;
  let ann: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    t = await startTestDb(kind);
    auth = createTestAuth(t.db);
    ann = await signUpUser(auth, { name: "Ann", email: "ann@limits.test" });
    bob = await signUpUser(auth, { name: "Bob", email: "bob@limits.test" });
  });
  afterAll(async () => t?.close());

  const callerWith = async (user: TestUser, limits: RateLimits, ip = "203.0.113.7") => {
    const headers = new Headers(user.headers);
    headers.set("x-forwarded-for", ip);
    return createCaller(await createTRPCContext({ headers, db: t.db, auth, limits }));
  };

  it("refuses a person's changes past the limit with TOO_MANY_REQUESTS and when to retry, writes nothing, and leaves reads and others alone", async () => {
    const limits = createRateLimits(t.db, { mutation: { points: 2, duration: 60 } });
    const api = await callerWith(ann, limits);
    const ws = await api.workspace.create({ name: "Limited", slug: `limited-${kind}`, side: "it" });
    const members = await api.member.list({ workspaceSlug: ws.slug });
    await api.member.update({ workspaceSlug: ws.slug, memberId: members[0]!.id, side: "marketing" });

    const err = await trpcError(api.member.update({ workspaceSlug: ws.slug, memberId: members[0]!.id, side: "it" }));
    expect(err.code).toBe("TOO_MANY_REQUESTS");
    expect(err.message).toMatch(/^You're making changes faster than Tandem takes them\. This one wasn't saved: try again in \d+ seconds?\.$/);
    const wait = (err.cause as unknown as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    // The refused change wrote nothing; reads go on; someone else's changes are their own count.
    expect((await listLogAfter(t.db, { workspaceId: ws.id, afterSeq: 0 })).map((e) => e.action)).toEqual(["workspace.created", "member.updated"]);
    expect((await api.member.list({ workspaceSlug: ws.slug }))[0]!.side).toBe("marketing");
    await expect((await callerWith(bob, limits, "198.51.100.9")).workspace.create({ name: "Bob's", slug: `bobs-${kind}`, side: "it" })).resolves.toBeTruthy();
  });

  it("counts in the database, so two web nodes share one allowance", async () => {
    const overrides = { mutation: { points: 3, duration: 60 } };
    const nodeA = await callerWith(bob, createRateLimits(t.db, overrides), "198.51.100.10");
    const nodeB = await callerWith(bob, createRateLimits(t.db, overrides), "198.51.100.10");
    // Bob's one change so far (the last test) counts on both nodes.
    await nodeA.workspace.create({ name: "A1", slug: `a1-${kind}`, side: "it" });
    await nodeB.workspace.create({ name: "B1", slug: `b1-${kind}`, side: "it" });
    expect((await trpcError(nodeA.workspace.create({ name: "A2", slug: `a2-${kind}`, side: "it" }))).code).toBe("TOO_MANY_REQUESTS");
    const rows = await t.db.select().from(schema.rateLimit);
    expect(rows.find((r) => r.key === `mutation:${bob.userId}`)?.points).toBeGreaterThanOrEqual(3);
  });

  it("limits one address across people, and invite links per person on top of changes", async () => {
    const limits = createRateLimits(t.db, { mutationByIp: { points: 2, duration: 60 }, invitation: { points: 1, duration: 3600 } });
    const carol = await signUpUser(auth, { name: "Carol", email: "carol@limits.test" });
    const dave = await signUpUser(auth, { name: "Dave", email: "dave@limits.test" });
    const office = "192.0.2.44";
    const asCarol = await callerWith(carol, limits, office);
    const ws = await asCarol.workspace.create({ name: "Office", slug: `office-${kind}`, side: "it" });
    await asCarol.invitation.create({ workspaceSlug: ws.slug, side: "marketing", role: "member", expiresInDays: 7 });
    // Dave shares Carol's address: the address has used its two changes.
    expect((await trpcError((await callerWith(dave, limits, office)).workspace.create({ name: "D", slug: `d-${kind}`, side: "it" }))).code).toBe(
      "TOO_MANY_REQUESTS",
    );
    // From elsewhere, Carol's second invite link is over her hourly allowance for links.
    const err = await trpcError(
      (await callerWith(carol, limits, "192.0.2.45")).invitation.create({ workspaceSlug: ws.slug, side: "it", role: "member", expiresInDays: 7 }),
    );
    expect(err.code).toBe("TOO_MANY_REQUESTS");
    expect((err.cause as unknown as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(60);
  });

  it("answers 429 with Retry-After over HTTP", async () => {
    const limits = createRateLimits(t.db, { mutation: { points: 1, duration: 60 } });
    const erin = await signUpUser(auth, { name: "Erin", email: "erin@limits.test" });
    const send = (slug: string) =>
      fetchRequestHandler({
        endpoint: "/api/trpc",
        req: new Request("http://tandem.test/api/trpc/workspace.create", {
          method: "POST",
          headers: { ...Object.fromEntries(erin.headers), "content-type": "application/json", "x-forwarded-for": "192.0.2.99" },
          body: JSON.stringify({ json: { name: "Erin's", slug, side: "it" } }),
        }),
        router: appRouter,
        createContext: () =>
          createTRPCContext({ headers: new Headers({ ...Object.fromEntries(erin.headers), "x-forwarded-for": "192.0.2.99" }), db: t.db, auth, limits }),
        responseMeta: retryAfterMeta,
      });
    expect((await send(`erin-${kind}`)).status).toBe(200);
    const refused = await send(`erin2-${kind}`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await refused.json()) as { error: { json: { message: string; data: { retryAfterSeconds: number } } } };
    expect(body.error.json.data.retryAfterSeconds).toBe(Number(refused.headers.get("retry-after")));
  });

  it("reads operator overrides, and refuses a misspelt one rather than ignoring it", () => {
    expect(parseLimitOverrides("signUp=200, mutation=600")).toEqual({ signUp: { points: 200 }, mutation: { points: 600 } });
    expect(parseLimitOverrides(undefined)).toEqual({});
    expect(() => parseLimitOverrides("signup=200")).toThrow(/signup=200/);
    expect(() => parseLimitOverrides("mutation=0")).toThrow();
  });
});
