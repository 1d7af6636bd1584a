import { type AfterOf, type PatchedAction, parsePayload, staleQueriesOf } from "@tandem/domain/actions";
import type { LogEntryPayload } from "@tandem/realtime-contract";
import type { QueryClient, QueryKey } from "@tanstack/react-query";

import { acknowledgeInFeeds, prependToFeeds } from "./patch/feed";
import { prependToLog } from "./patch/log";
import { insertComment } from "./patch/comments";
import { insertProject, patchProject } from "./patch/projects";
import { insertTask, patchTask, removeTask, taskFromSnapshot } from "./patch/tasks";
import { type ProcedurePath, procedureQueryKey, queriesOf, workspaceKey } from "./query-keys";
import type { ApplyContext } from "./rows";

export * from "./rows";
export { insertTask, patchTask, removeTask } from "./patch/tasks";
export { toFeedItem } from "./patch/feed";
export { toLogRow } from "./patch/log";

interface PatchArgs<A extends PatchedAction> {
  queryClient: QueryClient;
  ctx: ApplyContext;
  entry: LogEntryPayload;
  /** The payload, checked against the action's schema. */
  after: AfterOf<A>;
  /** Keys to read again once the batch is applied. */
  invalidate: QueryKey[];
}

/**
 * The actions the registry marks `cache: { mode: "patch" }`, each with its hand patch. The type
 * requires one for every such action (and no other): the registry is the list, this is the how.
 */
const PATCHERS: { [A in PatchedAction]: (args: PatchArgs<A>) => void } = {
  "task.created": ({ queryClient, ctx, entry, after }) => insertTask(queryClient, ctx, taskFromSnapshot(entry.workspaceId, after)),
  "task.updated": ({ queryClient, ctx, entry, after, invalidate }) => patchTask(queryClient, ctx, entry.entityId, after, invalidate),
  "task.assigned": ({ queryClient, ctx, entry, after, invalidate }) => patchTask(queryClient, ctx, entry.entityId, after, invalidate),
  "task.moved": ({ queryClient, ctx, entry, after, invalidate }) => patchTask(queryClient, ctx, entry.entityId, after, invalidate),
  "task.deleted": ({ queryClient, ctx, entry, invalidate }) => {
    removeTask(queryClient, ctx, entry.entityId);
    invalidate.push(procedureQueryKey("task.get", { workspaceSlug: ctx.workspaceSlug, taskId: entry.entityId }));
  },
  "project.created": ({ queryClient, ctx, entry, after, invalidate }) =>
    insertProject(queryClient, ctx, { id: entry.entityId, workspaceId: entry.workspaceId, createdAt: entry.createdAt }, after, invalidate),
  "project.updated": ({ queryClient, ctx, entry, after, invalidate }) => patchProject(queryClient, ctx, entry.entityId, after, invalidate),
  "project.phase_changed": ({ queryClient, ctx, entry, after, invalidate }) => patchProject(queryClient, ctx, entry.entityId, after, invalidate),
  "project.health_posted": ({ queryClient, ctx, entry, after, invalidate }) => patchProject(queryClient, ctx, entry.entityId, after, invalidate),
  // A check-in sets its side's health with the same fields a health post carries.
  "check_in.posted": ({ queryClient, ctx, entry, after, invalidate }) => {
    if (entry.projectId) patchProject(queryClient, ctx, entry.projectId, after, invalidate);
  },
  "comment.created": ({ queryClient, ctx, entry, after }) => insertComment(queryClient, ctx, entry, after),
  "entry.acknowledged": ({ queryClient, ctx, entry, after }) => acknowledgeInFeeds(queryClient, ctx, entry, after),
};

function isPatched(action: string): action is PatchedAction {
  return Object.hasOwn(PATCHERS, action);
}

/** The cached queries of a procedure an entry can have made stale: its workspace's, except another project's. */
function staleKeys(queryClient: QueryClient, ctx: ApplyContext, path: ProcedurePath, entry: LogEntryPayload): QueryKey[] {
  type Scoped = { workspaceSlug: string; projectId?: string; filter?: { projectId?: string } };
  return queriesOf<Scoped>(queryClient, path, ctx.workspaceSlug)
    .filter(({ input }) => {
      const projectId = input.projectId ?? input.filter?.projectId;
      return !entry.projectId || !projectId || projectId === entry.projectId;
    })
    .map(({ query }) => query.queryKey);
}

/**
 * Applies one transparency-log entry to the React Query cache, as its action's declaration in
 * the registry says: a hand patch for the actions that declare one, and the queries it makes
 * stale (its domain's by default) for the caller to read again once per batch.
 */
export function applyLogEntry(queryClient: QueryClient, ctx: ApplyContext, entry: LogEntryPayload): QueryKey[] {
  const invalidate: QueryKey[] = [];
  // A read already on its way may have left the server before this entry was committed: its answer
  // would overwrite the patch below without it. Whatever the patch changes mid-read is read again.
  const inFlight = queryClient
    .getQueryCache()
    .findAll({ fetchStatus: "fetching" })
    .map((query) => ({ query, data: query.state.data }));
  const { patch, paths } = staleQueriesOf(entry.action);
  let stale = paths;
  if (patch && isPatched(entry.action)) {
    const payload = parsePayload(entry.action, entry.summary.after);
    if (payload) {
      const patcher = PATCHERS[entry.action] as (args: PatchArgs<PatchedAction>) => void;
      patcher({ queryClient, ctx, entry, after: payload.after, invalidate });
    } else {
      // A payload this build can't read (written by an older or newer one): read the domain again.
      stale = staleQueriesOf(entry.action, { patch: false }).paths;
    }
  }
  for (const path of stale) invalidate.push(...staleKeys(queryClient, ctx, path as ProcedurePath, entry));

  if (entry.summary.notify?.includes(ctx.userId)) {
    invalidate.push(workspaceKey("inbox.unreadCount", ctx.workspaceSlug), workspaceKey("inbox.list", ctx.workspaceSlug));
  }
  prependToLog(queryClient, ctx, entry, invalidate);
  prependToFeeds(queryClient, ctx, entry);
  for (const { query, data } of inFlight) if (query.state.data !== data) invalidate.push(query.queryKey);
  return invalidate;
}
