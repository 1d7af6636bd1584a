import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Auth } from "@tandem/auth";
import { addMember } from "@tandem/db/queries";

import { createTestAuth } from "../support/auth";
import { startTestDb, type TestDb } from "../support/db";
import { createFixture, type Fixture, type Person } from "../support/workspace";
import { Clients, settle, startNode, type Node } from "./harness";
import { apiAs, headSeq, newProject, notifierFor, range, recordLog, type Api, type LogRecorder } from "./log-harness";

type Op = { ws: "A" | "B"; writer: number; kind: "task" | "comment" };

describe("log delivery never crosses workspaces (postgres, property)", () => {
  let t: TestDb;
  let auth: Auth;
  let node: Node;
  const clients = new Clients();
  const spaces: Record<"A" | "B", { f: Fixture; projectId: string; writers: Api[] }> = {} as never;
  // Each socket and the workspaces whose entries it may receive.
  const sockets: { name: string; log: LogRecorder; allowed: ("A" | "B")[] }[] = [];

  beforeAll(async () => {
    t = await startTestDb("postgres");
    auth = createTestAuth(t.db);
    node = await startNode({ db: t.db, auth });
    const notifier = notifierFor(node);
    for (const key of ["A", "B"] as const) {
      const f = await createFixture(t.db, auth, `iso-${key.toLowerCase()}`);
      const writers = await Promise.all([f.mLead, f.iLead, f.mMember].map((p) => apiAs(t.db, auth, p, notifier)));
      const project = await newProject(writers[0]!, f, `Project ${key}`);
      spaces[key] = { f, projectId: project.id, writers };
    }
    // A's marketing member is also in B: their socket must get both logs, each exactly.
    const both = spaces.A.f.mMember;
    await addMember(t.db, { workspaceId: spaces.B.f.workspaceId, userId: both.userId, side: "marketing", role: "member" });
    const watch = async (name: string, p: Person, allowed: ("A" | "B")[]) => {
      const { client } = await clients.connect(node, { cookie: p.cookie });
      sockets.push({ name, log: recordLog(client), allowed });
    };
    await watch("A cmo", spaces.A.f.mLead, ["A"]);
    await watch("A cio", spaces.A.f.iLead, ["A"]);
    await watch("B cmo", spaces.B.f.mLead, ["B"]);
    await watch("B ceo", spaces.B.f.viewer, ["B"]);
    await watch("A+B member", both, ["A", "B"]);
  });
  afterAll(async () => {
    clients.closeAll();
    await node?.close();
    await t?.close();
  });

  const run = async ({ ws, writer, kind }: Op, i: number) => {
    const { f, projectId, writers } = spaces[ws];
    const api = writers[writer % writers.length]!;
    if (kind === "task") await api.task.create({ workspaceSlug: f.slug, projectId, title: `${ws} task ${i}`, side: "marketing" });
    else await api.comment.create({ workspaceSlug: f.slug, projectId, body: `${ws} comment ${i}` });
  };

  it("each socket receives exactly its own workspaces' new entries, in order, under any interleaving", async () => {
    const op = fc.record({
      ws: fc.constantFrom("A" as const, "B" as const),
      writer: fc.nat({ max: 2 }),
      kind: fc.constantFrom("task" as const, "comment" as const),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), fc.boolean(), async (ops, concurrent) => {
        const start = { A: await headSeq(t.db, spaces.A.f.workspaceId), B: await headSeq(t.db, spaces.B.f.workspaceId) };
        const marks = sockets.map((s) => s.log.entries.length);
        if (concurrent) await Promise.all(ops.map(run));
        else for (const [i, o] of ops.entries()) await run(o, i);
        const end = { A: await headSeq(t.db, spaces.A.f.workspaceId), B: await headSeq(t.db, spaces.B.f.workspaceId) };
        expect(end.A - start.A).toBe(ops.filter((o) => o.ws === "A").length);
        expect(end.B - start.B).toBe(ops.filter((o) => o.ws === "B").length);

        // Wait only for workspaces this run wrote to: an untouched one has nothing new to deliver.
        for (const s of sockets)
          for (const key of s.allowed) if (end[key] > start[key]) await s.log.waitFor(spaces[key].f.workspaceId, end[key], { from: marks[sockets.indexOf(s)] });
        // Long enough for a stray or duplicate delivery to have arrived, if there were one.
        await settle(150);
        for (const [i, s] of sockets.entries()) {
          const got = s.log.entries.slice(marks[i]);
          for (const key of ["A", "B"] as const) {
            const seqs = got.filter((e) => e.workspaceId === spaces[key].f.workspaceId).map((e) => e.seq);
            expect(seqs, `${s.name} / ${key}`).toEqual(s.allowed.includes(key) ? range(start[key] + 1, end[key]) : []);
          }
          expect(got.length, s.name).toBe(s.allowed.reduce((n, key) => n + end[key] - start[key], 0));
        }
      }),
      { numRuns: 15 },
    );
  });
});
