import type { AfterOf } from "@tandem/domain/actions";
import type { LogEntryPayload } from "@tandem/realtime-contract";
import type { QueryClient } from "@tanstack/react-query";

import { queriesOf } from "../query-keys";
import type { ApplyContext, CommentRow } from "../rows";

type CommentListInput = { workspaceSlug: string; projectId: string; taskId?: string | null };

/** A new comment goes at the end of the thread it belongs to, once. */
export function insertComment(queryClient: QueryClient, ctx: ApplyContext, entry: LogEntryPayload, after: AfterOf<"comment.created">) {
  const comment: CommentRow = { ...after, createdAt: new Date(after.createdAt), authorSide: entry.actorSide };
  for (const { query, input } of queriesOf<CommentListInput>(queryClient, "comment.list", ctx.workspaceSlug)) {
    if (input.projectId !== comment.projectId || (input.taskId ?? null) !== comment.taskId) continue;
    queryClient.setQueryData<CommentRow[]>(query.queryKey, (rows) => (rows && !rows.some((c) => c.id === comment.id) ? [...rows, comment] : rows));
  }
}
