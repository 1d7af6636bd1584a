import { createTRPCContext } from "@tandem/api";
import type { Auth } from "@tandem/auth";
import { addMember, listMembers } from "@tandem/db/queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { callerFor, trpcError } from "../support/api";
import { createTestAuth, signUpUser, type TestUser } from "../support/auth";
import { mutationRefusal } from "../support/http";
import { DB_KINDS, startTestDb, type TestDb } from "../support/db";
import { createFixture, type Fixture } from "../support/workspace";

/** What the fuzz suites found answering 500, each pinned to the answer a caller gets now. */
describe.each(DB_KINDS)("inputs the fuzzer found failing, on %s", (kind) => {
  let t: TestDb;
  let auth: Auth;
  let f: Fixture;
  let projectId: string;
  let kpiId: string;
  let dashboardId: string;
  let signer: TestUser & { memberId: string };

  beforeAll(async () => {
    t = await startTestDb(kind);
    auth = createTestAuth(t.db);
    f = await createFixture(t.db, auth, `regress-${kind}`);
    const lead = await callerFor(t.db, auth, f.mLead);
    const project = await lead.project.create({
      workspaceSlug: f.slug,
      name: "P",
      sides: { marketing: { leadId: f.mLead.memberId }, it: { leadId: f.iLead.memberId } },
    });
    projectId = project.id;
    await lead.checkIn.create({ workspaceSlug: f.slug, projectId, health: "on_track", headline: "Fine" });
    const kpi = await lead.kpi.create({
      workspaceSlug: f.slug,
      name: "K",
      unit: "count",
      direction: "higher",
      target: 10,
      atRisk: 5,
      cadence: "weekly",
      owner: "joint",
      source: "entered",
    });
    kpiId = kpi.id;
    // A second IT lead who leads no project: only the signature names them.
    const user = await signUpUser(auth, { name: `Sig ${kind}`, email: `sig@${f.slug}.test` });
    signer = { ...user, memberId: (await addMember(t.db, { workspaceId: f.workspaceId, userId: user.userId, side: "it", role: "lead" }))!.id };
    await (await callerFor(t.db, auth, signer)).kpi.sign({ workspaceSlug: f.slug, kpiId, version: 1 });
    dashboardId = (await lead.dashboard.create({ workspaceSlug: f.slug, name: "D" })).id;
  });
  afterAll(async () => t?.close());

  it("answers NOT_FOUND for a workspace slug with a NUL in it, which PostgreSQL text can't hold", async () => {
    const api = await callerFor(t.db, auth, f.admin);
    expect((await trpcError(api.workspace.get({ workspaceSlug: `${f.slug}\u0000` }))).code).toBe("NOT_FOUND");
    expect((await trpcError(api.task.list({ workspaceSlug: "\u0000" }))).code).toBe("NOT_FOUND");
    const refusal = await mutationRefusal(t.db, auth, f.admin, "dashboard.create", { workspaceSlug: `${f.slug}\u0000`, name: "D" });
    expect(refusal.data).toMatchObject({ code: "NOT_FOUND", httpStatus: 404 });
    // The same context serves the real slug right after.
    const ctx = await createTRPCContext({ headers: f.admin.headers, db: t.db, auth });
    expect(ctx.session?.user.id).toBe(f.admin.userId);
    expect((await api.workspace.get({ workspaceSlug: f.slug })).workspace.slug).toBe(f.slug);
  });

  it("refuses dates outside 1900–2999 as a field error, where periods around them used to overflow", async () => {
    const api = await callerFor(t.db, auth, f.mLead);
    const outside: [string, string][] = [
      ["9999-12-31", "9999-12-31"],
      ["0000-01-01", "0000-01-07"],
      ["1899-12-31", "1900-01-07"],
    ];
    for (const [from, to] of outside) {
      const series = await trpcError(api.kpi.series({ workspaceSlug: f.slug, kpiId, from, to }));
      expect(series.code, `${from}..${to}`).toBe("BAD_REQUEST");
      expect((await trpcError(api.feed.exportCsv({ workspaceSlug: f.slug, from, to }))).code).toBe("BAD_REQUEST");
      expect((await trpcError(api.dashboard.data({ workspaceSlug: f.slug, dashboardId, from, to }))).code).toBe("BAD_REQUEST");
    }
    const refusal = await mutationRefusal(t.db, auth, f.mLead, "milestone.add", { workspaceSlug: f.slug, projectId, title: "Far", dueOn: "9999-12-31" });
    expect(refusal.data.fieldErrors?.dueOn).toEqual(["Use a date between 1900 and 2999."]);
    // The edges themselves still work.
    expect(await api.kpi.series({ workspaceSlug: f.slug, kpiId, from: "2999-12-01", to: "2999-12-31" })).not.toHaveLength(0);
    expect(await api.kpi.series({ workspaceSlug: f.slug, kpiId, from: "1900-01-01", to: "1900-01-31" })).not.toHaveLength(0);
    expect((await api.feed.exportCsv({ workspaceSlug: f.slug, from: "1900-01-01", to: "2999-12-31" })).rows).toBeGreaterThan(0);
  });

  it("refuses to remove a member that a project, a check-in or a KPI signature names, with CONFLICT and what to do", async () => {
    const admin = await callerFor(t.db, auth, f.admin);
    const lead = await trpcError(admin.member.remove({ workspaceSlug: f.slug, memberId: f.iLead.memberId }));
    expect(lead.code).toBe("CONFLICT");
    expect(lead.message).toBe(`${f.iLead.name} leads a project: give each of their projects another lead first.`);
    const signed = await trpcError(admin.member.remove({ workspaceSlug: f.slug, memberId: signer.memberId }));
    expect(signed.code).toBe("CONFLICT");
    expect(signed.message).toBe(`${signer.name} signed KPIs that stay on the record: make them a viewer instead.`);
    // mLead leads the project and wrote its check-in; once another lead takes the project, the check-in still keeps them.
    await (await callerFor(t.db, auth, f.iLead)).project.update({ workspaceSlug: f.slug, projectId, sides: { marketing: { leadId: f.mMember.memberId } } });
    const author = await trpcError(admin.member.remove({ workspaceSlug: f.slug, memberId: f.mLead.memberId }));
    expect(author.code).toBe("CONFLICT");
    expect(author.message).toBe(`${f.mLead.name} wrote check-ins that stay on the record: make them a viewer instead.`);
    // Nothing was removed, and someone no record names still can be.
    const ids = (await listMembers(t.db, { workspaceId: f.workspaceId })).map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining([f.iLead.memberId, signer.memberId, f.mLead.memberId]));
    expect(await admin.member.remove({ workspaceSlug: f.slug, memberId: f.viewer.memberId })).toEqual({ id: f.viewer.memberId, self: false });
  });
});
