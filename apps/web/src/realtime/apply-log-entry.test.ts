import type { AppRouter } from "@tandem/api";
import type { WorkingSide } from "@tandem/domain/sides";
import type { LogEntryPayload } from "@tandem/realtime-contract";
import { QueryClient, type InfiniteData } from "@tanstack/react-query";
import { createTRPCClient } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { beforeEach, describe, expect, it } from "vitest";

import { applyLogEntry, type CommentRow, type FeedPage, type LogPage, type ProjectDetail, type ProjectRow, type TaskRow } from "./apply-log-entry";
import { procedureKey, procedureQueryKey, workspaceKey } from "./query-keys";

const WS = "11111111-1111-4111-8111-111111111111";
const SLUG = "acme";
const ME = "user-me";
const P1 = "22222222-2222-4222-8222-222222222222";
const P2 = "33333333-3333-4333-8333-333333333333";
const ctx = { workspaceSlug: SLUG, userId: ME, today: "2026-06-15" };

let seq = 0;
function entry(action: string, entityId: string, summary: LogEntryPayload["summary"], extra: Partial<LogEntryPayload> = {}): LogEntryPayload {
  seq += 1;
  return {
    workspaceId: WS,
    seq,
    actorId: "user-priya",
    actorName: "Priya Nair",
    actorSide: "it",
    action,
    entityType: action.split(".")[0]!,
    entityId,
    projectId: P1,
    summary,
    createdAt: "2026-06-15T10:00:00.000Z",
    prevHash: "0".repeat(64),
    hash: seq.toString(16).padStart(64, "0"),
    ...extra,
  };
}

function task(id: string, over: Partial<TaskRow> = {}): TaskRow {
  return {
    id,
    workspaceId: WS,
    projectId: P1,
    title: `Task ${id}`,
    description: "",
    side: "it",
    assigneeId: null,
    assigneeName: null,
    status: "todo",
    priority: "none",
    kind: "task",
    dueDate: null,
    position: 1024,
    createdById: null,
    createdAt: new Date("2026-06-01T00:00:00Z"),
    updatedAt: new Date("2026-06-01T00:00:00Z"),
    ...over,
  };
}

function snapshot(t: TaskRow) {
  return { ...t, createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString(), projectName: "Launch" };
}

type SideOver = Partial<Record<WorkingSide, Partial<ProjectRow["sides"][WorkingSide]>>>;

function projectRow(id: string, sides: SideOver = {}, rest: Partial<ProjectRow> = {}): ProjectRow {
  const side = (s: WorkingSide, leadId: string, leadName: string) => ({ leadId, leadName, health: null, healthReason: null, healthAt: null, ...sides[s] });
  return {
    project: {
      id,
      workspaceId: WS,
      name: `Project ${id.slice(0, 4)}`,
      outcome: "",
      phase: "build",
      targetDate: null,
      checkInCadenceDays: 7,
      createdAt: new Date("2026-06-01T00:00:00Z"),
      updatedAt: new Date("2026-06-01T00:00:00Z"),
    },
    sides: { marketing: side("marketing", "m-lead", "Maya Chen"), it: side("it", "i-lead", "Raj Patel") },
    openTasks: 0,
    overdueTasks: 0,
    disagree: false,
    nextMilestone: null,
    ...rest,
  };
}

const key = {
  tasks: (filter: Record<string, unknown> = { projectId: P1 }) => procedureQueryKey("task.list", { workspaceSlug: SLUG, filter }),
  projects: (filter: Record<string, unknown> = {}) => procedureQueryKey("project.list", { workspaceSlug: SLUG, filter }),
  project: (projectId: string) => procedureQueryKey("project.get", { workspaceSlug: SLUG, projectId }),
  comments: (taskId?: string) => procedureQueryKey("comment.list", { workspaceSlug: SLUG, projectId: P1, ...(taskId ? { taskId } : {}) }),
  log: (projectId?: string) => procedureQueryKey("log.list", { workspaceSlug: SLUG, limit: 50, ...(projectId ? { projectId } : {}) }, "infinite"),
};

let qc: QueryClient;
beforeEach(() => {
  qc = new QueryClient();
  seq = 0;
});

describe("query keys", () => {
  it("are the keys tRPC itself builds, so patches land on the queries the pages use", () => {
    const trpc = createTRPCOptionsProxy<AppRouter>({ client: createTRPCClient<AppRouter>({ links: [] }), queryClient: qc });
    expect(key.tasks()).toEqual(trpc.task.list.queryKey({ workspaceSlug: SLUG, filter: { projectId: P1 } }));
    expect(key.project(P1)).toEqual(trpc.project.get.queryKey({ workspaceSlug: SLUG, projectId: P1 }));
    expect(procedureKey("project.list")).toEqual(trpc.project.list.pathKey());
    expect(procedureQueryKey("log.head", { workspaceSlug: SLUG })).toEqual(trpc.log.head.queryKey({ workspaceSlug: SLUG }));
  });

  it("a workspace key finds that workspace's queries of a procedure, whatever their filter, and no other workspace's", () => {
    qc.setQueryData(key.projects({ phase: "build" }), []);
    qc.setQueryData(key.projects(), []);
    qc.setQueryData(procedureQueryKey("project.list", { workspaceSlug: "globex", filter: {} }), []);
    qc.setQueryData(key.tasks(), []);
    expect(qc.getQueryCache().findAll({ queryKey: workspaceKey("project.list", SLUG) })).toHaveLength(2);
  });
});

describe("tasks", () => {
  it("task.created goes into the lists whose filter it fits, in column order, once", () => {
    qc.setQueryData(key.tasks(), [task("a", { position: 1024 }), task("c", { status: "done", position: 10 })]);
    qc.setQueryData(key.tasks({ projectId: P2 }), []);
    qc.setQueryData(key.tasks({ side: "marketing" }), []);
    const created = task("b", { position: 2048, createdAt: new Date("2026-06-15T10:00:00Z"), updatedAt: new Date("2026-06-15T10:00:00Z") });
    const e = entry("task.created", "b", { label: "Task b", after: snapshot(created) });

    applyLogEntry(qc, ctx, e);
    applyLogEntry(qc, ctx, e);

    const rows = qc.getQueryData<TaskRow[]>(key.tasks())!;
    expect(rows.map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(rows[1]!.updatedAt).toBeInstanceOf(Date);
    expect(rows[1]!.workspaceId).toBe(WS);
    expect(qc.getQueryData<TaskRow[]>(key.tasks({ projectId: P2 }))).toEqual([]);
    expect(qc.getQueryData<TaskRow[]>(key.tasks({ side: "marketing" }))).toEqual([]);
  });

  it("task.moved changes status and position and re-sorts the list", () => {
    qc.setQueryData(key.tasks(), [task("a", { position: 1 }), task("b", { position: 2 }), task("d", { status: "done", position: 1 })]);
    const after = { status: "done", position: 0.5, updatedAt: "2026-06-15T10:00:00.000Z" };
    applyLogEntry(qc, ctx, entry("task.moved", "b", { label: "Task b", before: { status: "todo", position: 2 }, after }));
    const rows = qc.getQueryData<TaskRow[]>(key.tasks())!;
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      ["a", "todo"],
      ["b", "done"],
      ["d", "done"],
    ]);
    expect(rows[1]!.updatedAt).toEqual(new Date(after.updatedAt));
  });

  it("ignores a change older than what a refetch already put in the cache", () => {
    qc.setQueryData(key.tasks(), [task("a", { status: "done", updatedAt: new Date("2026-06-15T12:00:00Z") })]);
    applyLogEntry(qc, ctx, entry("task.moved", "a", { label: "a", after: { status: "blocked", position: 3, updatedAt: "2026-06-15T11:00:00.000Z" } }));
    expect(qc.getQueryData<TaskRow[]>(key.tasks())![0]!.status).toBe("done");
  });

  it("a change that takes a task out of a filtered list removes it there; one that may bring it in refetches that list", () => {
    qc.setQueryData(key.tasks({ status: "todo" }), [task("a")]);
    qc.setQueryData(key.tasks({ assigneeId: "m-dana" }), []);
    const invalidate = applyLogEntry(
      qc,
      ctx,
      entry("task.assigned", "a", { label: "a", after: { assigneeId: "m-dana", assigneeName: "Dana Fox", updatedAt: "2026-06-15T10:00:00.000Z" } }),
    );
    expect(qc.getQueryData<TaskRow[]>(key.tasks({ status: "todo" }))![0]!.assigneeName).toBe("Dana Fox");
    expect(invalidate).toContainEqual(key.tasks({ assigneeId: "m-dana" }));

    applyLogEntry(qc, ctx, entry("task.moved", "a", { label: "a", after: { status: "blocked", position: 1, updatedAt: "2026-06-15T10:01:00.000Z" } }));
    expect(qc.getQueryData<TaskRow[]>(key.tasks({ status: "todo" }))).toEqual([]);
  });

  it("task.updated patches the task detail; task.deleted removes it from lists and refetches its detail", () => {
    const detail = procedureQueryKey("task.get", { workspaceSlug: SLUG, taskId: "a" });
    qc.setQueryData(key.tasks(), [task("a"), task("b", { position: 2000 })]);
    qc.setQueryData(detail, task("a"));
    applyLogEntry(
      qc,
      ctx,
      entry("task.updated", "a", { label: "a", after: { title: "Consent banner", dueDate: "2026-07-01", updatedAt: "2026-06-15T10:00:00.000Z" } }),
    );
    expect(qc.getQueryData<TaskRow>(detail)).toMatchObject({ title: "Consent banner", dueDate: "2026-07-01" });

    const invalidate = applyLogEntry(qc, ctx, entry("task.deleted", "a", { label: "Consent banner", before: { status: "todo" }, after: null }));
    expect(qc.getQueryData<TaskRow[]>(key.tasks())!.map((t) => t.id)).toEqual(["b"]);
    expect(invalidate).toContainEqual(detail);
  });

  it("task changes ask for the project list's counts to be read again, not the whole cache", () => {
    qc.setQueryData(key.projects(), []);
    const invalidate = applyLogEntry(qc, ctx, entry("task.created", "x", { label: "x", after: snapshot(task("x")) }));
    expect(invalidate).toContainEqual(key.projects());
    expect(invalidate.some((k) => JSON.stringify(k).includes('"task","list"'))).toBe(false);
  });

  it("a milestone added, changed, reached, reopened or removed reads that project's milestones and the project list again", () => {
    const trpc = createTRPCOptionsProxy<AppRouter>({ client: createTRPCClient<AppRouter>({ links: [] }), queryClient: qc });
    const list = trpc.milestone.list.queryKey({ workspaceSlug: SLUG, projectId: P1 });
    qc.setQueryData(list, []);
    qc.setQueryData(key.projects(), []);
    // Another project's milestones are not this entry's business.
    const other = trpc.milestone.list.queryKey({ workspaceSlug: SLUG, projectId: P2 });
    qc.setQueryData(other, []);
    for (const action of ["milestone.added", "milestone.updated", "milestone.reached", "milestone.reopened", "milestone.removed"]) {
      const invalidate = applyLogEntry(qc, ctx, entry(action, "m1", { label: "Beta live", after: { title: "Beta live", dueOn: "2026-12-04" } }));
      expect(invalidate, action).toContainEqual(key.projects());
      expect(invalidate, action).not.toContainEqual(other);
      // The key the live cache names is one React Query matches to the page's milestone list.
      const matched = invalidate.flatMap((k) => qc.getQueryCache().findAll({ queryKey: k })).map((q) => q.queryHash);
      expect(matched, action).toContain(qc.getQueryCache().find({ queryKey: list, exact: true })!.queryHash);
    }
  });

  it("leaves other workspaces' queries alone", () => {
    const other = procedureQueryKey("task.list", { workspaceSlug: "globex", filter: { projectId: P1 } });
    qc.setQueryData(other, []);
    applyLogEntry(qc, ctx, entry("task.created", "x", { label: "x", after: snapshot(task("x")) }));
    expect(qc.getQueryData(other)).toEqual([]);
  });
});

describe("projects", () => {
  it("project.created is prepended to matching lists with both lead names", () => {
    qc.setQueryData(key.projects(), [projectRow(P2)]);
    qc.setQueryData(key.projects({ phase: "launch" }), []);
    const after = {
      id: P1,
      name: "Consent banner",
      outcome: "Visitors choose",
      phase: "build",
      targetDate: "2026-09-01",
      updatedAt: "2026-06-15T10:00:00.000Z",
      sides: {
        marketing: { leadId: "m-lead", leadName: "Maya Chen", health: null, healthReason: null },
        it: { leadId: "i-lead", leadName: "Raj Patel", health: null, healthReason: null },
      },
    };
    applyLogEntry(qc, ctx, entry("project.created", P1, { label: "Consent banner", after }));
    const rows = qc.getQueryData<ProjectRow[]>(key.projects())!;
    expect(rows.map((r) => r.project.id)).toEqual([P1, P2]);
    expect(rows[0]).toMatchObject({
      sides: { marketing: { leadId: "m-lead", leadName: "Maya Chen" }, it: { leadId: "i-lead", leadName: "Raj Patel" } },
      openTasks: 0,
      disagree: false,
    });
    expect(rows[0]!.project.updatedAt).toBeInstanceOf(Date);
    expect(rows[0]!.project).not.toHaveProperty("sides");
    expect(qc.getQueryData(key.projects({ phase: "launch" }))).toEqual([]);
  });

  it("an old project.created entry (column pairs) still patches into sides", () => {
    qc.setQueryData(key.projects(), [projectRow(P2)]);
    qc.setQueryData(key.projects({ phase: "launch" }), []);
    const after = {
      id: P1,
      name: "Consent banner",
      outcome: "Visitors choose",
      phase: "build",
      targetDate: "2026-09-01",
      marketingLeadId: "m-lead",
      itLeadId: "i-lead",
      marketingHealth: null,
      marketingHealthReason: null,
      itHealth: null,
      itHealthReason: null,
      updatedAt: "2026-06-15T10:00:00.000Z",
      marketingLeadName: "Maya Chen",
      itLeadName: "Raj Patel",
    };
    applyLogEntry(qc, ctx, entry("project.created", P1, { label: "Consent banner", after }));
    const rows = qc.getQueryData<ProjectRow[]>(key.projects())!;
    expect(rows.map((r) => r.project.id)).toEqual([P1, P2]);
    expect(rows[0]).toMatchObject({
      sides: { marketing: { leadId: "m-lead", leadName: "Maya Chen" }, it: { leadId: "i-lead", leadName: "Raj Patel" } },
      openTasks: 0,
      disagree: false,
    });
    expect(rows[0]!.project).not.toHaveProperty("marketingLeadId");
    expect(rows[0]!.project.updatedAt).toBeInstanceOf(Date);
    expect(qc.getQueryData(key.projects({ phase: "launch" }))).toEqual([]);
  });

  it("health posted by both leads, differently, marks the project as disagreeing in list and page", () => {
    qc.setQueryData(key.projects(), [projectRow(P1, { marketing: { health: "on_track" } })]);
    qc.setQueryData(key.projects({ health: "disagree" }), []);
    qc.setQueryData<ProjectDetail>(key.project(P1), { ...projectRow(P1, { marketing: { health: "on_track" } }), members: [] });
    const invalidate = applyLogEntry(
      qc,
      ctx,
      entry("project.health_posted", P1, {
        label: "p",
        after: {
          side: "it",
          disagree: true,
          updatedAt: "2026-06-15T10:00:00.000Z",
          sides: { it: { health: "at_risk", healthReason: "Vendor late", healthAt: "2026-06-15T10:00:00.000Z" } },
        },
      }),
    );
    const row = qc.getQueryData<ProjectRow[]>(key.projects())![0]!;
    expect(row.disagree).toBe(true);
    expect(row.sides.it).toMatchObject({ health: "at_risk", healthReason: "Vendor late", leadName: "Raj Patel" });
    expect(row.sides.it.healthAt).toBeInstanceOf(Date);
    expect(row.sides.marketing.health).toBe("on_track");
    expect(row.project).not.toHaveProperty("side");
    expect(qc.getQueryData<ProjectDetail>(key.project(P1))!.disagree).toBe(true);
    expect(invalidate).toContainEqual(key.projects({ health: "disagree" }));
  });

  it("an old health post (column pairs) still patches its side", () => {
    qc.setQueryData(key.projects(), [projectRow(P1, { marketing: { health: "on_track" } })]);
    qc.setQueryData(key.projects({ health: "disagree" }), []);
    qc.setQueryData<ProjectDetail>(key.project(P1), { ...projectRow(P1, { marketing: { health: "on_track" } }), members: [] });
    const invalidate = applyLogEntry(
      qc,
      ctx,
      entry("project.health_posted", P1, {
        label: "p",
        after: {
          itHealth: "at_risk",
          itHealthReason: "Vendor late",
          itHealthAt: "2026-06-15T10:00:00.000Z",
          side: "it",
          disagree: true,
          updatedAt: "2026-06-15T10:00:00.000Z",
        },
      }),
    );
    const row = qc.getQueryData<ProjectRow[]>(key.projects())![0]!;
    expect(row.disagree).toBe(true);
    expect(row.sides.it).toMatchObject({ health: "at_risk", healthReason: "Vendor late" });
    expect(row.sides.it.healthAt).toBeInstanceOf(Date);
    expect(row.project).not.toHaveProperty("side");
    expect(qc.getQueryData<ProjectDetail>(key.project(P1))!.disagree).toBe(true);
    // The "Leads disagree" list didn't hold the project, and only the server has its counts.
    expect(invalidate).toContainEqual(key.projects({ health: "disagree" }));
  });

  it("a phase change drops the project from a list filtered to its old phase", () => {
    qc.setQueryData(key.projects({ phase: "build" }), [projectRow(P1)]);
    applyLogEntry(
      qc,
      ctx,
      entry("project.phase_changed", P1, { label: "p", before: { phase: "build" }, after: { phase: "launch", updatedAt: "2026-06-15T10:00:00.000Z" } }),
    );
    expect(qc.getQueryData(key.projects({ phase: "build" }))).toEqual([]);
  });
});

describe("comments, inbox and the log", () => {
  it("comment.created is appended to the thread it belongs to, once", () => {
    qc.setQueryData<CommentRow[]>(key.comments("t1"), []);
    qc.setQueryData<CommentRow[]>(key.comments(), []);
    const e = entry("comment.created", "c1", {
      label: "t",
      after: {
        id: "c1",
        projectId: P1,
        taskId: "t1",
        body: "Hi @[Dana Fox](member:m-dana)",
        authorId: "m-priya",
        authorName: "Priya Nair",
        createdAt: "2026-06-15T10:00:00.000Z",
      },
    });
    applyLogEntry(qc, ctx, e);
    applyLogEntry(qc, ctx, e);
    const thread = qc.getQueryData<CommentRow[]>(key.comments("t1"))!;
    expect(thread).toHaveLength(1);
    expect(thread[0]).toMatchObject({ authorName: "Priya Nair", authorSide: "it" });
    expect(thread[0]!.createdAt).toBeInstanceOf(Date);
    expect(qc.getQueryData(key.comments())).toEqual([]);
  });

  it("an entry that notifies me refreshes my inbox count; one for someone else doesn't", () => {
    const forMe = applyLogEntry(
      qc,
      ctx,
      entry("comment.created", "c1", { label: "t", after: { id: "c1", projectId: P1, taskId: null, body: "x" }, notify: [ME] }),
    );
    expect(forMe).toContainEqual(workspaceKey("inbox.unreadCount", SLUG));
    const forOther = applyLogEntry(
      qc,
      ctx,
      entry("comment.created", "c2", { label: "t", after: { id: "c2", projectId: P1, taskId: null, body: "x" }, notify: ["someone"] }),
    );
    expect(forOther).not.toContainEqual(workspaceKey("inbox.unreadCount", SLUG));
  });

  it("new entries go on top of loaded log lists (workspace and matching project), and the head moves", () => {
    const page = (seqs: number[]): LogPage => ({ entries: seqs.map((s) => ({ seq: s }) as LogPage["entries"][number]), nextBeforeSeq: null });
    qc.setQueryData<InfiniteData<LogPage>>(key.log(), { pages: [page([2, 1])], pageParams: [undefined] });
    qc.setQueryData<InfiniteData<LogPage>>(key.log(P1), { pages: [page([1])], pageParams: [undefined] });
    qc.setQueryData<InfiniteData<LogPage>>(key.log(P2), { pages: [page([2])], pageParams: [undefined] });
    seq = 2;
    const e = entry("task.created", "x", { label: "x", after: snapshot(task("x")) });
    applyLogEntry(qc, ctx, e);
    applyLogEntry(qc, ctx, e);
    expect(qc.getQueryData<InfiniteData<LogPage>>(key.log())!.pages[0]!.entries.map((x) => x.seq)).toEqual([3, 2, 1]);
    expect(qc.getQueryData<InfiniteData<LogPage>>(key.log(P1))!.pages[0]!.entries.map((x) => x.seq)).toEqual([3, 1]);
    expect(qc.getQueryData<InfiniteData<LogPage>>(key.log(P2))!.pages[0]!.entries.map((x) => x.seq)).toEqual([2]);
    expect(qc.getQueryData<InfiniteData<LogPage>>(key.log())!.pages[0]!.entries[0]!.createdAt).toBeInstanceOf(Date);
    expect(qc.getQueryData(procedureQueryKey("log.head", { workspaceSlug: SLUG }))).toEqual({ seq: 3, hash: e.hash });
  });

  it("a workspace log list read before entries it should hold is read again instead of showing a hole", () => {
    qc.setQueryData<InfiniteData<LogPage>>(key.log(), {
      pages: [{ entries: [{ seq: 2 } as LogPage["entries"][number]], nextBeforeSeq: null }],
      pageParams: [undefined],
    });
    seq = 4;
    const invalidate = applyLogEntry(qc, ctx, entry("task.deleted", "x", { label: "x", after: null }));
    expect(invalidate).toContainEqual(key.log());
    expect(qc.getQueryData<InfiniteData<LogPage>>(key.log())!.pages[0]!.entries).toHaveLength(1);
  });
});

describe("the leadership feed", () => {
  const feedKey = (filter: Record<string, unknown> = {}) => procedureQueryKey("feed.list", { workspaceSlug: SLUG, filter, limit: 30 }, "infinite");
  const item = (s: number, over: Partial<FeedPage["items"][number]> = {}) => ({ seq: s, acknowledgedBy: [], ...over }) as FeedPage["items"][number];
  const feedOf = (filter?: Record<string, unknown>) => qc.getQueryData<InfiniteData<FeedPage>>(feedKey(filter))!;
  const seqs = (filter?: Record<string, unknown>) => feedOf(filter).pages.flatMap((p) => p.items.map((i) => i.seq));
  const checkIn = (decisions: string) =>
    entry("check_in.posted", "ci-1", {
      label: "Launch",
      after: {
        side: "it",
        health: "at_risk",
        itHealth: "at_risk",
        itHealthReason: "Vendor late",
        checkInId: "ci-1",
        headline: "Vendor late",
        moved: "",
        risks: "",
        asks: "",
        decisions,
        createdAt: "2026-06-15T10:00:00.000Z",
        updatedAt: "2026-06-15T10:00:00.000Z",
      },
    });

  it("is keyed as tRPC keys an infinite query, cursor left out", () => {
    const trpc = createTRPCOptionsProxy<AppRouter>({ client: createTRPCClient<AppRouter>({ links: [] }), queryClient: qc });
    expect(feedKey({ kind: "decision" })).toEqual(trpc.feed.list.infiniteQueryKey({ workspaceSlug: SLUG, filter: { kind: "decision" }, limit: 30 }));
  });

  it("a new feed entry goes on top of the feeds whose filter holds it, once; other feeds and non-feed entries leave them alone", () => {
    const seed = { pages: [{ items: [item(2), item(1)], nextCursor: null }], pageParams: [null] };
    qc.setQueryData(feedKey(), seed);
    qc.setQueryData(feedKey({ kind: "decision" }), seed);
    qc.setQueryData(feedKey({ kind: "health" }), seed);
    qc.setQueryData(feedKey({ side: "marketing" }), seed);
    qc.setQueryData(feedKey({ projectId: P2 }), seed);
    seq = 2;
    const e = checkIn("Ship on the 3rd");
    applyLogEntry(qc, ctx, e);
    applyLogEntry(qc, ctx, e);
    expect(seqs()).toEqual([3, 2, 1]);
    expect(seqs({ kind: "decision" })).toEqual([3, 2, 1]);
    expect(seqs({ kind: "health" })).toEqual([2, 1]);
    expect(seqs({ side: "marketing" })).toEqual([2, 1]);
    expect(seqs({ projectId: P2 })).toEqual([2, 1]);
    expect(feedOf().pages[0]!.items[0]).toMatchObject({ seq: 3, action: "check_in.posted", acknowledgedBy: [], createdAt: "2026-06-15T10:00:00.000Z" });

    applyLogEntry(qc, ctx, entry("comment.created", "c1", { label: "t", after: { id: "c1", projectId: P1, taskId: null, body: "x" } }));
    applyLogEntry(qc, ctx, entry("task.moved", "t1", { label: "t", after: { status: "in_progress" } }));
    expect(seqs()).toEqual([3, 2, 1]);
    applyLogEntry(qc, ctx, entry("task.moved", "t1", { label: "t", after: { status: "blocked" } }));
    expect(seqs()).toEqual([6, 3, 2, 1]);
  });

  it("a feed whose read is on its way when an entry arrives is read again, since that answer may predate the entry", async () => {
    const seed = { pages: [{ items: [item(2), item(1)], nextCursor: null }], pageParams: [null] };
    qc.setQueryData(feedKey(), seed);
    qc.setQueryData(feedKey({ kind: "decision" }), seed);
    let answer: (data: typeof seed) => void = () => {};
    const reading = qc.fetchQuery({ queryKey: feedKey(), queryFn: () => new Promise<typeof seed>((resolve) => (answer = resolve)) });
    seq = 2;
    const invalidate = applyLogEntry(qc, ctx, checkIn("Ship on the 3rd"));
    expect(seqs()).toEqual([3, 2, 1]);
    expect(invalidate).toContainEqual(feedKey());
    // The feed nobody was reading is patched and left alone.
    expect(invalidate).not.toContainEqual(feedKey({ kind: "decision" }));
    // Why: the read's answer, sent before the entry was committed, replaces the patched page.
    answer(seed);
    await reading;
    expect(seqs()).toEqual([2, 1]);
  });

  it("a plain (one-page) feed.list query is left to its refetch, and the entry's other patches still happen", () => {
    const plainKey = procedureQueryKey("feed.list", { workspaceSlug: SLUG, filter: {}, limit: 5 }, "query");
    const page = { items: [item(1)], nextCursor: null };
    qc.setQueryData(plainKey, page);
    qc.setQueryData(feedKey(), { pages: [{ items: [item(1)], nextCursor: null }], pageParams: [null] });
    seq = 1;
    expect(() => applyLogEntry(qc, ctx, checkIn("Go"))).not.toThrow();
    expect(qc.getQueryData(plainKey)).toBe(page);
    expect(seqs()).toEqual([2, 1]);
  });

  it("a check-in without decisions is not a decision", () => {
    qc.setQueryData(feedKey({ kind: "decision" }), { pages: [{ items: [], nextCursor: null }], pageParams: [null] });
    applyLogEntry(qc, ctx, checkIn(""));
    expect(seqs({ kind: "decision" })).toEqual([]);
  });

  it("an entry already on a later page, or older than the first page while more pages exist, is not put on top", () => {
    qc.setQueryData(feedKey(), {
      pages: [
        { items: [item(9), item(8)], nextCursor: 8 },
        { items: [item(5)], nextCursor: null },
      ],
      pageParams: [null, 8],
    });
    seq = 4;
    applyLogEntry(qc, ctx, checkIn("x")); // seq 5, already on page 2
    applyLogEntry(qc, ctx, checkIn("x")); // seq 6, belongs to a page not read yet
    expect(seqs()).toEqual([9, 8, 5]);
  });

  it("entry.acknowledged adds the acknowledger to that entry's chips, once, in every loaded feed", () => {
    qc.setQueryData(feedKey(), {
      pages: [
        { items: [item(3), item(2)], nextCursor: 2 },
        { items: [item(1)], nextCursor: null },
      ],
      pageParams: [null, 2],
    });
    seq = 3;
    const ack = entry(
      "entry.acknowledged",
      "1",
      { label: "Launch", after: { seq: 1, memberId: "m-ceo", name: "Elena Ruiz", side: "leadership" } },
      { actorName: "Elena Ruiz", actorSide: "leadership" },
    );
    applyLogEntry(qc, ctx, ack);
    applyLogEntry(qc, ctx, ack);
    const items = feedOf().pages.flatMap((p) => p.items);
    expect(items.find((i) => i.seq === 1)!.acknowledgedBy).toEqual([{ memberId: "m-ceo", name: "Elena Ruiz", side: "leadership", at: ack.createdAt }]);
    expect(items.find((i) => i.seq === 3)!.acknowledgedBy).toEqual([]);
    // The acknowledgement itself is not a feed item.
    expect(seqs()).toEqual([3, 2, 1]);
  });

  it("check_in.posted patches the project like a health post and asks for that project's check-ins and the workspace's status", () => {
    qc.setQueryData(key.projects(), [projectRow(P1), projectRow(P2)]);
    qc.setQueryData(key.project(P1), { ...projectRow(P1), members: [] });
    // The check-in pages' own queries, as tRPC keys them: this project's list, another's, the status.
    const trpc = createTRPCOptionsProxy<AppRouter>({ client: createTRPCClient<AppRouter>({ links: [] }), queryClient: qc });
    const mine = trpc.checkIn.list.queryKey({ workspaceSlug: SLUG, projectId: P1 });
    const other = trpc.checkIn.list.queryKey({ workspaceSlug: SLUG, projectId: P2 });
    const status = trpc.checkIn.status.queryKey({ workspaceSlug: SLUG });
    for (const k of [mine, other]) qc.setQueryData(k, { items: [], latest: { marketing: null, it: null } });
    qc.setQueryData(status, { all: [], mine: [] });

    const invalidate = applyLogEntry(qc, ctx, checkIn("Ship"));
    expect(qc.getQueryData<ProjectRow[]>(key.projects())!.find((r) => r.project.id === P1)!.sides.it).toMatchObject({
      health: "at_risk",
      healthReason: "Vendor late",
    });
    expect(qc.getQueryData<ProjectDetail>(key.project(P1))!.sides.it.health).toBe("at_risk");
    expect(qc.getQueryData<ProjectRow[]>(key.projects())!.find((r) => r.project.id === P2)!.sides.it.health).toBeNull();
    expect(invalidate).toContainEqual(mine);
    expect(invalidate).toContainEqual(status);
    expect(invalidate).not.toContainEqual(other);
  });
});
