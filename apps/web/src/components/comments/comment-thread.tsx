"use client";

import { createCommentSchema } from "@tandem/api/validators";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { MessageSquare } from "lucide-react";
import { useMemo, useState } from "react";
import { toast } from "~/lib/toast";

import { FieldError } from "~/components/forms/field";
import { UserAvatar } from "~/components/people/user-avatar";
import { Button } from "@tandem/ui/button";
import { RowSkeleton } from "@tandem/ui/skeleton";
import { Spinner } from "@tandem/ui/spinner";
import { ago, exactTime } from "~/lib/dates";
import { errorMessage, trpcFieldErrors } from "~/lib/form-errors";
import { withMentionTokens } from "~/lib/mentions";
import { SIDE_LABELS } from "~/lib/sides";
import type { CommentRow } from "~/realtime/apply-log-entry";
import { useTRPC } from "~/trpc/react";

import { CommentBody } from "./comment-body";
import { MentionTextarea } from "./mention-textarea";

/**
 * The comments on a project (taskId absent) or on one of its tasks. Everyone in the workspace
 * can comment, leadership included; new comments from others arrive live.
 */
export function CommentThread({ slug, projectId, taskId, compact = false }: { slug: string; projectId: string; taskId?: string; compact?: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { workspaceSlug: slug, projectId, ...(taskId ? { taskId } : {}) };
  const comments = useQuery(trpc.comment.list.queryOptions(input));
  const members = useQuery(trpc.member.list.queryOptions({ workspaceSlug: slug }));
  const create = useMutation(trpc.comment.create.mutationOptions());

  const [text, setText] = useState("");
  const [picked, setPicked] = useState(() => new Map<string, string>());
  const [error, setError] = useState<string | null>(null);
  const people = useMemo(() => (members.data ?? []).map((m) => ({ id: m.id, name: m.name, side: m.side })), [members.data]);
  const fieldId = `comment-${taskId ?? projectId}`;

  async function send() {
    const body = withMentionTokens(text, picked);
    const parsed = createCommentSchema.safeParse({ projectId, taskId: taskId ?? null, body });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Write something first.");
      return;
    }
    setError(null);
    try {
      const row = await create.mutateAsync({ workspaceSlug: slug, ...parsed.data });
      // Shown at once; the log entry that follows finds it already there.
      const me = members.data?.find((m) => m.id === row.authorId);
      queryClient.setQueryData<CommentRow[]>(trpc.comment.list.queryKey(input), (rows) =>
        rows && !rows.some((c) => c.id === row.id)
          ? [
              ...rows,
              {
                id: row.id,
                projectId: row.projectId,
                taskId: row.taskId,
                body: row.body,
                createdAt: row.createdAt,
                authorId: row.authorId,
                authorName: me?.name ?? null,
                authorSide: me?.side ?? null,
              },
            ]
          : rows,
      );
      setText("");
      setPicked(new Map());
    } catch (err) {
      const message = trpcFieldErrors<"body">(err).body ?? errorMessage(err, "We couldn't post your comment. Try again.");
      setError(message);
      toast.error("Comment not posted", { description: message });
    }
  }

  return (
    <section aria-label="Comments" className="grid gap-4">
      {comments.isPending ? (
        <div className="grid gap-3">
          {[0, 1].map((i) => (
            <RowSkeleton key={i} first="w-32" second="w-full" />
          ))}
        </div>
      ) : comments.isError ? (
        <p className="text-sm text-muted-foreground" role="alert">
          We couldn&apos;t load the comments.{" "}
          <Button variant="link" size="sm" onClick={() => comments.refetch()}>
            Try again
          </Button>
        </p>
      ) : comments.data.length === 0 ? (
        <div className="flex items-center gap-3 rounded-lg border border-dashed px-3 py-3 text-sm text-muted-foreground">
          <MessageSquare aria-hidden className="size-4 shrink-0" />
          {taskId
            ? "No comments yet. Ask a question or leave a note — type @ to bring someone in."
            : "No comments on this project yet. Start the conversation — type @ to bring someone in."}
        </div>
      ) : (
        <ol className="grid gap-4" aria-label="Comment thread">
          {comments.data.map((c) => (
            <li key={c.id} className="flex gap-3 animate-in" data-testid="comment">
              <UserAvatar name={c.authorName ?? "Former member"} side={c.authorSide ?? undefined} size="sm" />
              <div className="grid min-w-0 flex-1 gap-0.5">
                <p className="flex flex-wrap items-baseline gap-x-1.5 text-[13px]">
                  <span className="font-medium">{c.authorName ?? "Former member"}</span>
                  {c.authorSide ? <span className="text-muted-foreground">{SIDE_LABELS[c.authorSide]}</span> : null}
                  <time dateTime={c.createdAt.toISOString()} title={exactTime(c.createdAt)} className="text-xs text-muted-foreground">
                    · {ago(c.createdAt)}
                  </time>
                </p>
                <CommentBody body={c.body} />
              </div>
            </li>
          ))}
        </ol>
      )}
      <form
        className="grid gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <label htmlFor={fieldId} className="sr-only">
          Write a comment
        </label>
        <MentionTextarea
          id={fieldId}
          value={text}
          onChange={(v) => {
            setText(v);
            if (error) setError(null);
          }}
          people={people}
          onPick={(name, memberId) => setPicked((m) => new Map(m).set(name, memberId))}
          onSubmit={() => void send()}
          placeholder="Write a comment… type @ to mention someone"
          rows={compact ? 2 : 3}
          maxLength={10_000}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${fieldId}-error` : undefined}
        />
        {error ? <FieldError id={`${fieldId}-error`}>{error}</FieldError> : null}
        <div className="flex items-center justify-between gap-2">
          <span className="hidden text-xs text-muted-foreground sm:inline">Ctrl+Enter to send</span>
          <Button type="submit" size="sm" disabled={create.isPending || !text.trim()} className="ml-auto">
            {create.isPending ? <Spinner /> : null}
            Comment
          </Button>
        </div>
      </form>
    </section>
  );
}
