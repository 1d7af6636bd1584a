import { beforeAll, describe, expect, it } from "vitest";

import type { RealtimeNotifier } from "@tandem/api";

import type { Fixture, Person } from "../support/workspace";
import { settle } from "./harness";
import { apiAs, newProject, newTask, notifierFor, recordProjectPresence } from "./log-harness";
import { realtimeSuite } from "./suite";

describe("project presence (postgres)", () => {
  const s = realtimeSuite("postgres", { slugs: ["pp-a", "pp-b"] });
  let a: Fixture;
  let b: Fixture;
  let notifier: RealtimeNotifier;
  const api = (p: Person) => apiAs(s.t.db, s.auth, p, notifier);
  beforeAll(() => {
    [a, b] = s.fixtures as [Fixture, Fixture];
    notifier = notifierFor(s.node);
  });

  const watch = async (p: Person) => {
    const c = await s.clients.connect(s.node, { cookie: p.cookie });
    return { ...c, projects: recordProjectPresence(c.client) };
  };
  const ids = (s: { viewers: { userId: string }[] }) => s.viewers.map((v) => v.userId).sort();

  it("shows who has a project open and which task each is editing, and their leaving", async () => {
    const project = await newProject(await api(a.mLead), a, "Presence");
    const task = await newTask(await api(a.iLead), a, project.id, "Cookie audit");
    const cmo = await watch(a.mLead);
    const cio = await watch(a.iLead);

    const first = await cmo.client.emitWithAck("project.view", { projectId: project.id });
    expect(first).toEqual({
      ok: true,
      data: { projectId: project.id, viewers: [{ userId: a.mLead.userId, name: a.mLead.name, side: "marketing", editingTaskId: null }] },
    });
    expect(await cio.client.emitWithAck("project.view", { projectId: project.id })).toMatchObject({ ok: true });
    await cmo.projects.waitFor(project.id, (s) => s.viewers.length === 2);

    expect(await cio.client.emitWithAck("task.editing", { projectId: project.id, taskId: task.id })).toEqual({ ok: true, data: null });
    const editing = await cmo.projects.waitFor(project.id, (s) => s.viewers.some((v) => v.editingTaskId === task.id));
    expect(editing.viewers.find((v) => v.userId === a.iLead.userId)).toEqual({
      userId: a.iLead.userId,
      name: a.iLead.name,
      side: "it",
      editingTaskId: task.id,
    });

    expect(await cio.client.emitWithAck("task.editing", { projectId: project.id, taskId: null })).toEqual({ ok: true, data: null });
    await cmo.projects.waitFor(project.id, (s) => s.viewers.every((v) => v.editingTaskId === null));

    // A second tab of the CMO: still one entry, the editing tab wins.
    const cmoTab2 = await watch(a.mLead);
    await cmoTab2.client.emitWithAck("project.view", { projectId: project.id });
    await cmoTab2.client.emitWithAck("task.editing", { projectId: project.id, taskId: task.id });
    const tabs = await cio.projects.waitFor(project.id, (s) => s.viewers.some((v) => v.editingTaskId === task.id));
    expect(ids(tabs)).toEqual([a.mLead.userId, a.iLead.userId].sort());
    cmoTab2.client.disconnect();
    await cio.projects.waitFor(project.id, (s) => s.viewers.length === 2 && s.viewers.every((v) => v.editingTaskId === null));

    expect(await cio.client.emitWithAck("project.leave", { projectId: project.id })).toEqual({ ok: true, data: null });
    await cmo.projects.waitFor(project.id, (s) => s.viewers.length === 1);
    cmo.client.disconnect();
    await settle(200);
    // The CIO left the room, so hears nothing more about it.
    expect(cio.projects.latest(project.id)?.viewers.length).toBe(2);
  });

  it("moving to another project leaves the first one; task.editing counts only for the project being viewed", async () => {
    const p1 = await newProject(await api(a.mLead), a, "First");
    const p2 = await newProject(await api(a.mLead), a, "Second");
    const task = await newTask(await api(a.mLead), a, p1.id, "Draft");
    const watcher = await watch(a.viewer);
    await watcher.client.emitWithAck("project.view", { projectId: p1.id });
    const mover = await watch(a.iMember);
    await mover.client.emitWithAck("project.view", { projectId: p1.id });
    await watcher.projects.waitFor(p1.id, (s) => s.viewers.length === 2);

    expect(await mover.client.emitWithAck("project.view", { projectId: p2.id })).toMatchObject({ ok: true, data: { projectId: p2.id } });
    await watcher.projects.waitFor(p1.id, (s) => s.viewers.length === 1);
    expect(await mover.client.emitWithAck("task.editing", { projectId: p1.id, taskId: task.id })).toEqual({ ok: false, error: "not viewing this project" });
    // Viewing p2, a task of p1 (or an unknown one) is not "a task being edited here".
    expect(await mover.client.emitWithAck("task.editing", { projectId: p2.id, taskId: task.id })).toEqual({ ok: false, error: "not found" });
    expect(await mover.client.emitWithAck("task.editing", { projectId: p2.id, taskId: "6f1c1a8e-2b0a-4c41-9a57-000000000000" })).toEqual({
      ok: false,
      error: "not found",
    });
    await settle(200);
    expect(watcher.projects.latest(p1.id)?.viewers.map((v) => v.editingTaskId)).toEqual([null]);
  });

  it("refuses a project of another workspace, an unknown one and malformed requests, and never adds the socket to that room", async () => {
    const secret = await newProject(await api(a.mLead), a, "Secret");
    const insider = await watch(a.iLead);
    await insider.client.emitWithAck("project.view", { projectId: secret.id });
    const outsider = await watch(b.mLead);

    expect(await outsider.client.emitWithAck("project.view", { projectId: secret.id })).toEqual({ ok: false, error: "not found" });
    expect(await outsider.client.emitWithAck("project.view", { projectId: "6f1c1a8e-2b0a-4c41-9a57-000000000000" })).toEqual({ ok: false, error: "not found" });
    expect(await outsider.client.emitWithAck("task.editing", { projectId: secret.id, taskId: null })).toEqual({ ok: false, error: "not viewing this project" });
    const raw = outsider.client.emitWithAck.bind(outsider.client) as (e: string, p: unknown) => Promise<unknown>;
    for (const bad of [{ projectId: "nope" }, {}, null, 7]) {
      expect(await raw("project.view", bad), JSON.stringify(bad)).toEqual({ ok: false, error: "invalid request" });
    }
    expect(await raw("task.editing", { projectId: secret.id, taskId: "x" })).toEqual({ ok: false, error: "invalid request" });

    // The insider's presence changes; the outsider must hear none of it.
    await insider.client.emitWithAck("project.leave", { projectId: secret.id });
    await insider.client.emitWithAck("project.view", { projectId: secret.id });
    await settle(300);
    expect(outsider.projects.states).toEqual([]);
  });
});
