import { createCaller, createTRPCContext, renameReservedWorkspaces } from "@tandem/api";
import type { Auth } from "@tandem/auth";
import { createWorkspace, getWorkspaceBySlug, listLogAfter, removeMember } from "@tandem/db/queries";
import { verifyWorkspaceLog } from "@tandem/db/log";
import { describeEntry } from "@tandem/domain/actions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { callerFor, errorCode, trpcError } from "../support/api";
import { createTestAuth, signUpUser, type TestUser } from "../support/auth";
import { DB_KINDS, startTestDb, type TestDb } from "../support/db";

/** The field errors of a refused input, as the error formatter hands them to forms. */
function fieldErrors(cause: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of (cause as { issues: { path: PropertyKey[]; message: string }[] }).issues) {
    const key = String(issue.path[0]);
    out[key] = [...(out[key] ?? []), issue.message];
  }
  return out;
}

describe.each(DB_KINDS)("workspace addresses on %s", (kind) => {
  let t: TestDb;
  let auth: Auth;
  let ann: TestUser;

  beforeAll(async () => {
    t = await startTestDb(kind);
    auth = createTestAuth(t.db);
    ann = await signUpUser(auth, { name: "Ann", email: "ann@addr.test" });
  });
  afterAll(async () => t?.close());

  it("refuses a reserved address with a field error on the slug, and a bad name with one on the name", async () => {
    const api = await callerFor(t.db, auth, ann);
    const err = await trpcError(api.workspace.create({ name: "Status", slug: "status", side: "it" }));
    expect(err.code).toBe("BAD_REQUEST");
    expect(fieldErrors(err.cause)).toEqual({ slug: ["“status” is reserved — choose another"] });
    const bad = await trpcError(api.workspace.create({ name: "N\u0000", slug: "fine-slug", side: "it" }));
    expect(Object.keys(fieldErrors(bad.cause))).toEqual(["name"]);
    expect(await getWorkspaceBySlug(t.db, "status")).toBeNull();
  });

  it("creates a workspace through the one data path: its first entry, verified, and a poke for its new chain", async () => {
    const pokes: [string, number | undefined][] = [];
    const realtime = { membershipChanged: async () => {}, logAppended: async (id: string, seq?: number) => void pokes.push([id, seq]) };
    const api = createCaller(await createTRPCContext({ headers: ann.headers, db: t.db, auth, realtime }));
    const ws = await api.workspace.create({ name: "Initech", slug: "initech", side: "marketing" });
    const entries = await listLogAfter(t.db, { workspaceId: ws.id, afterSeq: 0 });
    expect(entries.map((e) => [e.seq, e.action, e.actorId])).toEqual([[1, "workspace.created", ann.userId]]);
    expect(entries[0]!.summary).toMatchObject({ label: "Initech", after: { slug: "initech", name: "Initech" } });
    expect(pokes).toEqual([[ws.id, 1]]);
    expect((await verifyWorkspaceLog(t.db, ws.id)).ok).toBe(true);
  });

  it("moves workspaces off reserved addresses at start-up, to the first free one, logged as workspace.renamed, once", async () => {
    // Made before these addresses were reserved: straight into the database.
    const status = await t.db.transaction((tx) => createWorkspace(tx, { slug: "status", name: "Status Co", ownerId: ann.userId, ownerSide: "it" }));
    const api1 = await t.db.transaction((tx) => createWorkspace(tx, { slug: "api", name: "API Guild", ownerId: ann.userId, ownerSide: "it" }));
    await t.db.transaction((tx) => createWorkspace(tx, { slug: "status-1", name: "Taken", ownerId: ann.userId, ownerSide: "it" }));

    const moved = await renameReservedWorkspaces(t.db);
    expect(moved.map((m) => [m.from, m.to]).sort()).toEqual([
      ["api", "api-1"],
      ["status", "status-2"],
    ]);
    expect((await getWorkspaceBySlug(t.db, "status-2"))?.id).toBe(status.id);
    expect((await getWorkspaceBySlug(t.db, "api-1"))?.id).toBe(api1.id);
    expect(await getWorkspaceBySlug(t.db, "status")).toBeNull();

    const [entry] = await listLogAfter(t.db, { workspaceId: status.id, afterSeq: 0 });
    expect(entry).toMatchObject({ seq: 1, action: "workspace.renamed", actorId: null, entityType: "workspace", entityId: status.id });
    expect(entry!.summary).toMatchObject({ before: { slug: "status" }, after: { slug: "status-2", name: "Status Co" } });
    expect(describeEntry(entry!).text).toBe("moved the workspace ‘Status Co’ from /status to /status-2");
    expect((await verifyWorkspaceLog(t.db, status.id)).ok).toBe(true);

    // Its members reach it at the new address, and are told in their inbox.
    const api = await callerFor(t.db, auth, ann);
    expect((await api.workspace.get({ workspaceSlug: "status-2" })).workspace.name).toBe("Status Co");
    expect(entry!.summary).toMatchObject({ notify: [ann.userId] });
    const inbox = await api.inbox.list({ workspaceSlug: "status-2" });
    expect(inbox).toEqual([expect.objectContaining({ kind: "notice", actorName: "Tandem", title: "Status Co is now at /status-2", readAt: null })]);
    expect(inbox[0]!.excerpt).toContain("/status no longer leads here");

    expect(await renameReservedWorkspaces(t.db)).toEqual([]);
    expect(await listLogAfter(t.db, { workspaceId: status.id, afterSeq: 1 })).toEqual([]);
  });

  it("resolves a workspace once per request for all the procedures of a batch, and afresh after a write", async () => {
    const ben = await signUpUser(auth, { name: "Ben", email: "ben@addr.test" });
    const owner = await callerFor(t.db, auth, ben);
    const ws = await owner.workspace.create({ name: "Memo", slug: "memo", side: "it" });

    const ctx = await createTRPCContext({ headers: ben.headers, db: t.db, auth });
    const api = createCaller(ctx);
    await Promise.all([api.workspace.get({ workspaceSlug: "memo" }), api.member.list({ workspaceSlug: "memo" }), api.project.list({ workspaceSlug: "memo" })]);
    expect([...ctx.memberships.keys()]).toEqual(["memo"]);
    const memo = ctx.memberships.get("memo");
    await api.workspace.get({ workspaceSlug: "memo" });
    expect(ctx.memberships.get("memo")).toBe(memo);

    // Within the request the answer holds; a new request sees the change.
    const [me] = (await api.member.list({ workspaceSlug: "memo" })).filter((m) => m.userId === ben.userId);
    await t.db.transaction((tx) => removeMember(tx, { workspaceId: ws.id, memberId: me!.id }));
    expect((await api.workspace.get({ workspaceSlug: "memo" })).workspace.id).toBe(ws.id);
    expect(await errorCode(owner.workspace.get({ workspaceSlug: "memo" }))).toBe("NOT_FOUND");

    // A mutation reads membership itself and leaves nothing remembered behind it.
    expect(await errorCode(api.project.create({ workspaceSlug: "memo", name: "P", sides: { marketing: { leadId: me!.id }, it: { leadId: me!.id } } }))).toBe(
      "NOT_FOUND",
    );
    expect(ctx.memberships.size).toBe(0);
    expect(await errorCode(api.workspace.get({ workspaceSlug: "memo" }))).toBe("NOT_FOUND");
  });
});
