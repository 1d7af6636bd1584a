import { beforeAll, describe, expect, it } from "vitest";

import type { Auth } from "@tandem/auth";
import type { RealtimeNotifier } from "@tandem/api";
import { addMember, removeMember } from "@tandem/db/queries";
import type { SessionRevoked } from "@tandem/realtime-contract";

import { signUpUser } from "../support/auth";
import type { TestDb } from "../support/db";
import { createFixture, type Fixture, type Person } from "../support/workspace";
import { nextEvent, poke, settle, uniqueEmail, type Node } from "./harness";
import { apiAs, headSeq, newProject, newTask, notifierFor, recordLog, recordProjectPresence } from "./log-harness";
import { realtimeSuite } from "./suite";

describe("membership and log delivery (postgres)", () => {
  let t: TestDb;
  let auth: Auth;
  let node: Node;
  let a: Fixture;
  let b: Fixture;
  let notifier: RealtimeNotifier;
  const suite = realtimeSuite("postgres", { slugs: ["memb-a", "memb-b"] });
  const clients = suite.clients;
  const api = (p: Person) => apiAs(t.db, auth, p, notifier);

  beforeAll(() => {
    ({ t, auth, node } = suite);
    [a, b] = suite.fixtures as [Fixture, Fixture];
    notifier = notifierFor(node);
  });

  const watch = async (p: { cookie: string }) => {
    const c = await clients.connect(node, { cookie: p.cookie });
    return { ...c, log: recordLog(c.client), projects: recordProjectPresence(c.client) };
  };

  it("a removed member gets no entry and no project presence of that workspace once the removal's poke has run", async () => {
    // Also in workspace B, so the socket stays open and only loses A.
    await addMember(t.db, { workspaceId: b.workspaceId, userId: a.iMember.userId, side: "it", role: "member" });
    const project = await newProject(await api(a.mLead), a, "Removal");
    const lead = await watch(a.mLead);
    const leaving = await watch(a.iMember);
    await lead.client.emitWithAck("project.view", { projectId: project.id });
    await leaving.client.emitWithAck("project.view", { projectId: project.id });
    await lead.projects.waitFor(project.id, (s) => s.viewers.length === 2);

    const revoked = nextEvent<SessionRevoked>(leaving.client, "session.revoked");
    await (await api(a.admin)).member.remove({ workspaceSlug: a.slug, memberId: a.iMember.memberId });
    expect((await revoked).workspaceId).toBe(a.workspaceId);
    const receivedBefore = leaving.log.entries.length;
    const projectStatesBefore = leaving.projects.states.length;

    await newTask(await api(a.mLead), a, project.id, "after the removal");
    await lead.log.waitFor(a.workspaceId, await headSeq(t.db, a.workspaceId));
    const seen = await lead.projects.waitFor(project.id, (s) => s.viewers.length === 1);
    expect(seen.viewers.map((v) => v.userId)).toEqual([a.mLead.userId]);
    // Past a safety read, so a delivery by either road would have arrived.
    await settle(1_300);
    expect(leaving.log.entries.slice(receivedBefore)).toEqual([]);
    expect(leaving.projects.states.slice(projectStatesBefore)).toEqual([]);
    expect(leaving.client.connected).toBe(true);
    expect(await leaving.client.emitWithAck("log.sync", { workspaceId: a.workspaceId, afterSeq: 0 })).toEqual({ ok: false, error: "not found" });
    expect(await leaving.client.emitWithAck("project.view", { projectId: project.id })).toEqual({ ok: false, error: "not found" });
  });

  it("a user who became a member while connected joins the room on the membership poke and gets entries from then on", async () => {
    const newcomer = await signUpUser(auth, { name: "Newcomer", email: uniqueEmail("newcomer") });
    const n = await watch(newcomer);
    const project = await newProject(await api(a.mLead), a, "Welcome");
    expect(await n.client.emitWithAck("log.sync", { workspaceId: a.workspaceId, afterSeq: 0 })).toEqual({ ok: false, error: "not found" });

    await addMember(t.db, { workspaceId: a.workspaceId, userId: newcomer.userId, side: "marketing", role: "member" });
    // No reason: older API builds send none, and it means a membership recheck.
    expect(await poke(node, { workspaceId: a.workspaceId })).toEqual({ status: 200, body: { ok: true } });
    await n.presence.waitFor(a.workspaceId, (ids) => ids.includes(newcomer.userId));

    await newTask(await api(a.mLead), a, project.id, "for the newcomer");
    const head = await headSeq(t.db, a.workspaceId);
    await n.log.waitFor(a.workspaceId, head);
    expect(n.log.seqs(a.workspaceId)).toEqual([head]);
    expect(await n.client.emitWithAck("log.sync", { workspaceId: a.workspaceId, afterSeq: head - 1 })).toMatchObject({ ok: true });
    expect(await n.client.emitWithAck("project.view", { projectId: project.id })).toMatchObject({ ok: true });
  });

  it("a log poke only wakes the reader: it does not recheck membership (that is the membership poke's job)", async () => {
    const c = await createFixture(t.db, auth, "memb-c");
    await addMember(t.db, { workspaceId: b.workspaceId, userId: c.iMember.userId, side: "it", role: "member" });
    const gone = await watch(c.iMember);
    let revoked = false;
    gone.client.on("session.revoked", () => (revoked = true));
    await removeMember(t.db, { workspaceId: c.workspaceId, memberId: c.iMember.memberId });

    expect(await poke(node, { workspaceId: c.workspaceId, reason: "log" })).toEqual({ status: 200, body: { ok: true } });
    await settle(200);
    expect(revoked).toBe(false);
    expect(await poke(node, { workspaceId: c.workspaceId, reason: "membership" })).toEqual({ status: 200, body: { ok: true } });
    await expect.poll(() => revoked).toBe(true);
    expect((await poke(node, { workspaceId: c.workspaceId, reason: "other" })).status).toBe(400);
  });
});
