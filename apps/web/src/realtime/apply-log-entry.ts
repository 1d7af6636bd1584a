import type { RouterInputs, RouterOutputs } from "@tandem/api";
import type { LogEntryPayload } from "@tandem/realtime-contract";
import type { InfiniteData, QueryClient, QueryKey } from "@tanstack/react-query";

import { matchesFeedFilter, type FeedFilter } from "../lib/feed-kinds";

import { procedureQueryKey, queriesOf, workspaceKey } from "./query-keys";
import { compareTasks, taskMatchesFilter, type TaskFilter } from "./task-order";

export type TaskRow = RouterOutputs["task"]["list"][number];
export type ProjectRow = RouterOutputs["project"]["list"][number];
export type ProjectDetail = RouterOutputs["project"]["get"];
export type CommentRow = RouterOutputs["comment"]["list"][number];
export type LogPage = RouterOutputs["log"]["list"];
export type LogRow = LogPage["entries"][number];
export type FeedPage = RouterOutputs["feed"]["list"];
export type FeedItem = FeedPage["items"][number];
type ProjectFilter = NonNullable<RouterInputs["project"]["list"]["filter"]>;

export interface ApplyContext {
  workspaceSlug: string;
  /** The signed-in user: entries that notify them change their inbox. */
  userId: string;
  /** Today as YYYY-MM-DD, for the "overdue" filter. */
  today: string;
}

/**
 * Applies one transparency-log entry to the React Query cache: targeted patches of the queries
 * it touches. Returns the keys it could not patch (aggregates, lists whose filter the entry
 * moved a row into), for the caller to invalidate once per batch instead of once per entry.
 */
export function applyLogEntry(queryClient: QueryClient, ctx: ApplyContext, entry: LogEntryPayload): QueryKey[] {
  const invalidate: QueryKey[] = [];
  const scoped = (path: Parameters<typeof workspaceKey>[0]) => workspaceKey(path, ctx.workspaceSlug);
  const after = entry.summary.after ?? {};

  switch (entry.action) {
    case "task.created":
      insertTask(queryClient, ctx, toTask(entry, after));
      invalidate.push(scoped("project.list"));
      break;
    case "task.updated":
    case "task.assigned":
    case "task.moved":
      patchTask(queryClient, ctx, entry.entityId, after, invalidate);
      invalidate.push(scoped("project.list"));
      break;
    case "task.deleted":
      removeTask(queryClient, ctx, entry.entityId);
      invalidate.push(procedureQueryKey("task.get", { workspaceSlug: ctx.workspaceSlug, taskId: entry.entityId }));
      invalidate.push(scoped("project.list"));
      break;
    case "project.created":
      insertProject(queryClient, ctx, entry, after, invalidate);
      break;
    case "project.updated":
    case "project.phase_changed":
    case "project.health_posted":
      patchProject(queryClient, ctx, entry.entityId, after, invalidate);
      break;
    case "milestone.added":
    case "milestone.updated":
    case "milestone.reached":
    case "milestone.reopened":
    case "milestone.removed":
      // A project's milestones are a short list: read again, with the lists that show the next one.
      if (entry.projectId) invalidate.push(procedureQueryKey("milestone.list", { workspaceSlug: ctx.workspaceSlug, projectId: entry.projectId }));
      invalidate.push(scoped("project.list"));
      break;
    case "check_in.posted":
      // A check-in sets its side's health with the same fields a health post carries.
      if (entry.projectId) {
        patchProject(queryClient, ctx, entry.projectId, after, invalidate);
        invalidate.push([["checkIn", "list"], { input: { workspaceSlug: ctx.workspaceSlug, projectId: entry.projectId } }]);
      }
      invalidate.push(scoped("checkIn.status"));
      break;
    case "entry.acknowledged":
      acknowledgeInFeeds(queryClient, ctx, entry, after);
      break;
    case "comment.created":
      insertComment(queryClient, ctx, entry, after);
      break;
    case "member.joined":
    case "member.updated":
    case "member.removed":
      invalidate.push(scoped("member.list"), scoped("workspace.get"));
      break;
  }

  if (entry.summary.notify?.includes(ctx.userId)) {
    invalidate.push(scoped("inbox.unreadCount"), scoped("inbox.list"));
  }
  prependToLogLists(queryClient, ctx, entry, invalidate);
  prependToFeeds(queryClient, ctx, entry);
  queryClient.setQueryData<{ seq: number; hash: string }>(
    procedureQueryKey("log.head", { workspaceSlug: ctx.workspaceSlug }),
    (head) => (head && head.seq >= entry.seq ? head : { seq: entry.seq, hash: entry.hash }),
  );
  return invalidate;
}

// ---- tasks --------------------------------------------------------------------------------

const TASK_FIELDS = [
  "projectId",
  "title",
  "description",
  "side",
  "assigneeId",
  "assigneeName",
  "status",
  "priority",
  "kind",
  "dueDate",
  "position",
  "createdAt",
  "updatedAt",
] as const;
const DATE_FIELDS = new Set(["createdAt", "updatedAt", "marketingHealthAt", "itHealthAt"]);

/** The fields of `after` that belong on a row, with ISO timestamps turned back into Dates (as superjson gives them). */
function pick<T>(after: Record<string, unknown>, fields: readonly string[]): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (!(f in after)) continue;
    const v = after[f];
    out[f] = DATE_FIELDS.has(f) && typeof v === "string" ? new Date(v) : v;
  }
  return out as Partial<T>;
}

function toTask(entry: LogEntryPayload, after: Record<string, unknown>): TaskRow {
  return {
    id: entry.entityId,
    workspaceId: entry.workspaceId,
    createdById: null,
    assigneeId: null,
    assigneeName: null,
    description: "",
    dueDate: null,
    ...pick<TaskRow>(after, TASK_FIELDS),
  } as TaskRow;
}

/** True when the cached row is already newer than the change (a refetch overtook the entry). */
function isNewer(cached: { updatedAt: Date }, after: Record<string, unknown>) {
  const at = typeof after.updatedAt === "string" ? Date.parse(after.updatedAt) : NaN;
  return Number.isFinite(at) && cached.updatedAt instanceof Date && cached.updatedAt.getTime() > at;
}

type TaskListInput = { workspaceSlug: string; filter?: TaskFilter };

/** Adds a task to every cached list whose filter it fits; exported for the board's own mutations. */
export function insertTask(queryClient: QueryClient, ctx: ApplyContext, task: TaskRow) {
  for (const { query, input } of queriesOf<TaskListInput>(queryClient, "task.list", ctx.workspaceSlug)) {
    if (!taskMatchesFilter(task, input.filter ?? {}, ctx.today)) continue;
    queryClient.setQueryData<TaskRow[]>(query.queryKey, (rows) => {
      if (!rows) return rows;
      if (rows.some((r) => r.id === task.id)) return rows;
      return [...rows, task].sort(compareTasks);
    });
  }
}

/** Merges the changed fields of a task into every cached copy; exported for the board's own mutations. */
export function patchTask(
  queryClient: QueryClient,
  ctx: ApplyContext,
  taskId: string,
  after: Record<string, unknown>,
  invalidate: QueryKey[] = [],
) {
  const change = pick<TaskRow>(after, TASK_FIELDS);
  for (const { query, input } of queriesOf<TaskListInput>(queryClient, "task.list", ctx.workspaceSlug)) {
    const filter = input.filter ?? {};
    const rows = queryClient.getQueryData<TaskRow[]>(query.queryKey);
    if (!rows) continue;
    const index = rows.findIndex((r) => r.id === taskId);
    if (index === -1) {
      // The change may have moved the task into this filtered list, but we only hold the changed
      // fields, not the whole row: that list is refetched.
      if (Object.keys(filter).length > 0) invalidate.push(query.queryKey);
      continue;
    }
    const current = rows[index]!;
    if (isNewer(current, after)) continue;
    const next = { ...current, ...change };
    const kept = rows.filter((r) => r.id !== taskId);
    queryClient.setQueryData<TaskRow[]>(
      query.queryKey,
      taskMatchesFilter(next, filter, ctx.today) ? [...kept, next].sort(compareTasks) : kept,
    );
  }
  queryClient.setQueryData<TaskRow>(procedureQueryKey("task.get", { workspaceSlug: ctx.workspaceSlug, taskId }), (cur) =>
    cur && !isNewer(cur, after) ? { ...cur, ...change } : cur,
  );
}

export function removeTask(queryClient: QueryClient, ctx: ApplyContext, taskId: string) {
  for (const { query } of queriesOf<TaskListInput>(queryClient, "task.list", ctx.workspaceSlug)) {
    queryClient.setQueryData<TaskRow[]>(query.queryKey, (rows) => (rows?.some((r) => r.id === taskId) ? rows.filter((r) => r.id !== taskId) : rows));
  }
}

// ---- projects -----------------------------------------------------------------------------

const PROJECT_FIELDS = [
  "name",
  "outcome",
  "phase",
  "targetDate",
  "marketingLeadId",
  "itLeadId",
  "marketingHealth",
  "marketingHealthReason",
  "marketingHealthAt",
  "itHealth",
  "itHealthReason",
  "itHealthAt",
  "createdAt",
  "updatedAt",
] as const;

type Project = ProjectRow["project"];
type ProjectListInput = { workspaceSlug: string; filter?: ProjectFilter };

export function projectsDisagree(p: Pick<Project, "marketingHealth" | "itHealth">) {
  return p.marketingHealth !== null && p.itHealth !== null && p.marketingHealth !== p.itHealth;
}

/** Whether a row belongs in a list with this filter; undefined when the client can't tell. */
function projectMatchesFilter(row: ProjectRow, filter: ProjectFilter): boolean | undefined {
  const p = row.project;
  if (filter.phase && p.phase !== filter.phase) return false;
  if (filter.health === "disagree" && !row.disagree) return false;
  if (filter.health && filter.health !== "disagree" && p.marketingHealth !== filter.health && p.itHealth !== filter.health) return false;
  if (filter.leadId && p.marketingLeadId !== filter.leadId && p.itLeadId !== filter.leadId) return false;
  if (filter.search && !p.name.toLowerCase().includes(filter.search.trim().toLowerCase())) return false;
  // "Projects where this side owns open work" depends on tasks the entry doesn't carry.
  if (filter.side) return undefined;
  return true;
}

const byUpdatedDesc = (a: ProjectRow, b: ProjectRow) => b.project.updatedAt.getTime() - a.project.updatedAt.getTime();

function insertProject(queryClient: QueryClient, ctx: ApplyContext, entry: LogEntryPayload, after: Record<string, unknown>, invalidate: QueryKey[]) {
  const project = {
    id: entry.entityId,
    workspaceId: entry.workspaceId,
    outcome: "",
    targetDate: null,
    marketingHealth: null,
    marketingHealthReason: null,
    marketingHealthAt: null,
    itHealth: null,
    itHealthReason: null,
    itHealthAt: null,
    createdAt: new Date(entry.createdAt),
    ...pick<Project>(after, PROJECT_FIELDS),
  } as Project;
  const row: ProjectRow = {
    project,
    marketingLeadName: String(after.marketingLeadName ?? ""),
    itLeadName: String(after.itLeadName ?? ""),
    openTasks: 0,
    overdueTasks: 0,
    disagree: projectsDisagree(project),
    nextMilestone: null,
  };
  for (const { query, input } of queriesOf<ProjectListInput>(queryClient, "project.list", ctx.workspaceSlug)) {
    const match = projectMatchesFilter(row, input.filter ?? {});
    if (match === undefined) {
      invalidate.push(query.queryKey);
      continue;
    }
    if (!match) continue;
    queryClient.setQueryData<ProjectRow[]>(query.queryKey, (rows) =>
      rows && !rows.some((r) => r.project.id === row.project.id) ? [row, ...rows].sort(byUpdatedDesc) : rows,
    );
  }
}

function mergeProjectRow<T extends ProjectRow>(row: T, after: Record<string, unknown>): T {
  const project = { ...row.project, ...pick<Project>(after, PROJECT_FIELDS) };
  return {
    ...row,
    project,
    marketingLeadName: typeof after.marketingLeadName === "string" ? after.marketingLeadName : row.marketingLeadName,
    itLeadName: typeof after.itLeadName === "string" ? after.itLeadName : row.itLeadName,
    disagree: projectsDisagree(project),
  };
}

function patchProject(queryClient: QueryClient, ctx: ApplyContext, projectId: string, after: Record<string, unknown>, invalidate: QueryKey[]) {
  for (const { query, input } of queriesOf<ProjectListInput>(queryClient, "project.list", ctx.workspaceSlug)) {
    const rows = queryClient.getQueryData<ProjectRow[]>(query.queryKey);
    if (!rows) continue;
    const current = rows.find((r) => r.project.id === projectId);
    const filter = input.filter ?? {};
    if (!current) {
      if (Object.keys(filter).length > 0) invalidate.push(query.queryKey);
      continue;
    }
    if (isNewer(current.project, after)) continue;
    const next = mergeProjectRow(current, after);
    const match = projectMatchesFilter(next, filter);
    const kept = rows.filter((r) => r.project.id !== projectId);
    queryClient.setQueryData<ProjectRow[]>(query.queryKey, match === false ? kept : [next, ...kept].sort(byUpdatedDesc));
  }
  const detailKey = procedureQueryKey("project.get", { workspaceSlug: ctx.workspaceSlug, projectId });
  queryClient.setQueryData<ProjectDetail>(detailKey, (cur) => (cur && !isNewer(cur.project, after) ? mergeProjectRow(cur, after) : cur));
  // New leads become project members, which the entry doesn't list.
  if ("marketingLeadId" in after || "itLeadId" in after) invalidate.push(detailKey);
}

// ---- comments -----------------------------------------------------------------------------

type CommentListInput = { workspaceSlug: string; projectId: string; taskId?: string | null };

function insertComment(queryClient: QueryClient, ctx: ApplyContext, entry: LogEntryPayload, after: Record<string, unknown>) {
  const comment: CommentRow = {
    id: String(after.id ?? entry.entityId),
    projectId: String(after.projectId ?? entry.projectId),
    taskId: typeof after.taskId === "string" ? after.taskId : null,
    body: String(after.body ?? ""),
    createdAt: new Date(typeof after.createdAt === "string" ? after.createdAt : entry.createdAt),
    authorId: typeof after.authorId === "string" ? after.authorId : null,
    authorName: typeof after.authorName === "string" ? after.authorName : entry.actorName,
    authorSide: entry.actorSide,
  };
  for (const { query, input } of queriesOf<CommentListInput>(queryClient, "comment.list", ctx.workspaceSlug)) {
    if (input.projectId !== comment.projectId || (input.taskId ?? null) !== comment.taskId) continue;
    queryClient.setQueryData<CommentRow[]>(query.queryKey, (rows) => (rows && !rows.some((c) => c.id === comment.id) ? [...rows, comment] : rows));
  }
}

// ---- the log itself -----------------------------------------------------------------------

type LogListInput = { workspaceSlug: string; projectId?: string; limit?: number };

export function toLogRow(entry: LogEntryPayload): LogRow {
  return { ...entry, createdAt: new Date(entry.createdAt), summary: { ...entry.summary } } as LogRow;
}

/** Newest first: a new entry goes on top of the first loaded page. */
function prependToLogLists(queryClient: QueryClient, ctx: ApplyContext, entry: LogEntryPayload, invalidate: QueryKey[]) {
  for (const { query, input } of queriesOf<LogListInput>(queryClient, "log.list", ctx.workspaceSlug)) {
    if (input.projectId && input.projectId !== entry.projectId) continue;
    const data = queryClient.getQueryData<InfiniteData<LogPage, number | undefined>>(query.queryKey);
    const first = data?.pages[0];
    if (!data || !first) continue;
    const newest = first.entries[0]?.seq ?? 0;
    if (entry.seq <= newest) continue;
    // The whole-workspace list is gapless: a jump means the list was read before entries we
    // applied, so it is read again rather than shown with a hole.
    if (!input.projectId && newest > 0 && entry.seq > newest + 1) {
      invalidate.push(query.queryKey);
      continue;
    }
    queryClient.setQueryData<InfiniteData<LogPage, number | undefined>>(query.queryKey, {
      ...data,
      pages: [{ ...first, entries: [toLogRow(entry), ...first.entries] }, ...data.pages.slice(1)],
    });
  }
}

// ---- the leadership feed ------------------------------------------------------------------

type FeedListInput = { workspaceSlug: string; filter?: FeedFilter; limit?: number };
type FeedData = InfiniteData<FeedPage, number | null | undefined>;

export function toFeedItem(entry: LogEntryPayload): FeedItem {
  return { ...entry, summary: { ...entry.summary }, acknowledgedBy: [] } as unknown as FeedItem;
}

/**
 * Puts a new entry on top of every loaded feed whose filter (project, side, kind) holds it, by
 * the same rules the server reads the feed with; once, whichever way it arrives.
 */
function isInfinite(data: unknown): data is FeedData {
  return typeof data === "object" && data !== null && Array.isArray((data as { pages?: unknown }).pages);
}

function prependToFeeds(queryClient: QueryClient, ctx: ApplyContext, entry: LogEntryPayload) {
  for (const { query, input } of queriesOf<FeedListInput>(queryClient, "feed.list", ctx.workspaceSlug)) {
    if (!matchesFeedFilter(entry, input.filter ?? {})) continue;
    const data = queryClient.getQueryData<FeedData>(query.queryKey);
    // Only the infinite form is patched; a plain feed.list query (one page) is left to its refetch.
    if (!isInfinite(data)) continue;
    const first = data.pages[0];
    if (!first) continue;
    if (data.pages.some((p) => p.items.some((i) => i.seq === entry.seq))) continue;
    // Older than the first page's oldest while more pages exist: it belongs to a page not
    // shown yet, which will read it from the server.
    const oldest = first.items.at(-1)?.seq;
    if (oldest !== undefined && entry.seq < oldest && first.nextCursor !== null) continue;
    const items = [...first.items, toFeedItem(entry)].sort((a, b) => b.seq - a.seq);
    queryClient.setQueryData<FeedData>(query.queryKey, { ...data, pages: [{ ...first, items }, ...data.pages.slice(1)] });
  }
}

/** "Seen by Elena Ruiz (CEO)": the acknowledger joins that entry's chips wherever it is loaded. */
function acknowledgeInFeeds(queryClient: QueryClient, ctx: ApplyContext, entry: LogEntryPayload, after: Record<string, unknown>) {
  const seq = Number(after.seq);
  const memberId = typeof after.memberId === "string" ? after.memberId : null;
  if (!Number.isInteger(seq) || !memberId) return;
  const ack: FeedItem["acknowledgedBy"][number] = {
    memberId,
    name: typeof after.name === "string" ? after.name : entry.actorName,
    side: (typeof after.side === "string" ? after.side : (entry.actorSide ?? "leadership")) as FeedItem["acknowledgedBy"][number]["side"],
    at: entry.createdAt,
  };
  for (const { query } of queriesOf<FeedListInput>(queryClient, "feed.list", ctx.workspaceSlug)) {
    queryClient.setQueryData<FeedData>(query.queryKey, (data) => {
      if (!isInfinite(data) || !data.pages.some((p) => p.items.some((i) => i.seq === seq))) return data;
      return {
        ...data,
        pages: data.pages.map((p) => ({
          ...p,
          items: p.items.map((i) => (i.seq === seq && !i.acknowledgedBy.some((a) => a.memberId === memberId) ? { ...i, acknowledgedBy: [...i.acknowledgedBy, ack] } : i)),
        })),
      };
    });
  }
}
