"use client";

import type { RouterOutputs } from "@tandem/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { AtSign, CheckCheck, Inbox as InboxIcon, Info, TrendingDown, UserRoundCheck } from "lucide-react";
import Link from "next/link";
import { toast } from "~/lib/toast";

import { Button } from "@tandem/ui/button";
import { Card } from "@tandem/ui/card";
import { RowSkeleton } from "@tandem/ui/skeleton";
import { Spinner } from "@tandem/ui/spinner";
import { PageBody, PageHeader } from "~/components/workspace/page-header";
import { ago, exactTime } from "~/lib/dates";
import { errorMessage } from "~/lib/form-errors";
import { cn } from "~/lib/utils";
import { useTRPC } from "~/trpc/react";

type Notification = RouterOutputs["inbox"]["list"][number];

export function Inbox({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const workspace = useQuery(trpc.workspace.get.queryOptions({ workspaceSlug: slug }));
  const list = useQuery(trpc.inbox.list.queryOptions({ workspaceSlug: slug }));
  const listKey = trpc.inbox.list.queryKey({ workspaceSlug: slug });
  const countKey = trpc.inbox.unreadCount.queryKey({ workspaceSlug: slug });

  const markRead = useMutation(
    trpc.inbox.markRead.mutationOptions({
      onMutate: async ({ ids }) => {
        // Read at once here and in the nav count; the server agrees a moment later.
        await queryClient.cancelQueries({ queryKey: listKey });
        const now = new Date();
        const previous = queryClient.getQueryData<Notification[]>(listKey);
        queryClient.setQueryData<Notification[]>(listKey, (rows) => rows?.map((n) => (!n.readAt && (!ids || ids.includes(n.id)) ? { ...n, readAt: now } : n)));
        const unread = queryClient.getQueryData<Notification[]>(listKey)?.filter((n) => !n.readAt).length;
        if (unread !== undefined) queryClient.setQueryData(countKey, unread);
        return { previous };
      },
      onError: (err, _vars, context) => {
        if (context?.previous) queryClient.setQueryData(listKey, context.previous);
        toast.error("Couldn't mark as read", { description: errorMessage(err) });
      },
      onSettled: () => queryClient.invalidateQueries({ queryKey: countKey }),
    }),
  );

  const rows = list.data ?? [];
  const unread = rows.filter((n) => !n.readAt);
  // Unread first, newest first within each.
  const ordered = [...unread, ...rows.filter((n) => n.readAt)];

  return (
    <PageBody className="max-w-3xl">
      <PageHeader
        eyebrow={workspace.data?.workspace.name}
        title="Inbox"
        description="Where you were mentioned, and work handed to you."
        actions={
          unread.length > 0 ? (
            <Button variant="outline" onClick={() => markRead.mutate({ workspaceSlug: slug })} disabled={markRead.isPending}>
              {markRead.isPending ? <Spinner /> : <CheckCheck aria-hidden />}
              Mark all read
            </Button>
          ) : null
        }
      />
      {list.isPending ? (
        <Card className="divide-y">
          {[0, 1, 2].map((i) => (
            <RowSkeleton key={i} avatar="size-8" first="w-2/3" className="px-5 py-4" />
          ))}
        </Card>
      ) : list.isError ? (
        <Card role="alert" className="px-5 py-8 text-center text-sm text-muted-foreground">
          We couldn&apos;t load your inbox. {list.error.message}
          <div className="mt-3">
            <Button variant="outline" size="sm" onClick={() => list.refetch()}>
              Try again
            </Button>
          </div>
        </Card>
      ) : rows.length === 0 ? (
        <Card className="grid place-items-center gap-3 px-6 py-14 text-center">
          <span className="flex size-11 items-center justify-center rounded-xl bg-primary-soft text-primary">
            <InboxIcon aria-hidden className="size-5" />
          </span>
          <div className="grid max-w-sm gap-1">
            <p className="text-[15px] font-semibold">Nothing for you yet</p>
            <p className="text-sm text-muted-foreground">
              When someone @mentions you in a comment or assigns you a task, it lands here — and the count in the sidebar goes up live.
            </p>
          </div>
        </Card>
      ) : (
        <Card className="overflow-hidden">
          <p className="border-b bg-muted/60 px-5 py-2 text-xs font-medium text-muted-foreground" aria-live="polite">
            {unread.length > 0 ? `${unread.length} unread` : "All caught up"}
          </p>
          <ul className="divide-y" aria-label="Notifications">
            {ordered.map((n) => (
              <NotificationRow key={n.id} slug={slug} n={n} onRead={() => markRead.mutate({ workspaceSlug: slug, ids: [n.id] })} />
            ))}
          </ul>
        </Card>
      )}
    </PageBody>
  );
}

/** Each kind of inbox entry: its icon and what the actor did. */
const KIND_LOOK: Record<Notification["kind"], { icon: typeof AtSign; what: string }> = {
  mention: { icon: AtSign, what: "mentioned you on" },
  assignment: { icon: UserRoundCheck, what: "assigned you" },
  notice: { icon: Info, what: "says" },
  kpi_off_target: { icon: TrendingDown, what: "reports off target:" },
};

function NotificationRow({ slug, n, onRead }: { slug: string; n: Notification; onRead: () => void }) {
  const unread = !n.readAt;
  const href = n.kpiId
    ? `/${slug}/kpis/${n.kpiId}`
    : n.projectId
      ? `/${slug}/projects/${n.projectId}${n.taskId ? `?task=${n.taskId}` : "?view=comments"}`
      : `/${slug}`;
  const { icon: Icon, what } = KIND_LOOK[n.kind];
  return (
    <li
      className={cn("relative flex gap-3 px-4 py-3.5 sm:px-5", unread ? "bg-primary-soft/35" : "")}
      data-testid="notification"
      data-unread={unread || undefined}
    >
      <span
        className={cn(
          "mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full",
          unread ? "bg-primary text-primary-foreground" : "bg-muted text-muted-foreground",
        )}
      >
        <Icon aria-hidden className="size-4" />
      </span>
      <div className="grid min-w-0 flex-1 gap-1">
        <p className={cn("text-sm leading-snug", unread ? "text-foreground" : "text-muted-foreground")}>
          <span className="font-medium text-foreground">{n.actorName}</span> {what}{" "}
          <Link
            href={href}
            onClick={() => (unread ? onRead() : undefined)}
            className={cn(
              "font-medium underline-offset-2 outline-none after:absolute after:inset-0 hover:underline",
              unread ? "text-foreground" : "text-foreground/80",
            )}
          >
            ‘{n.title}’
          </Link>
        </p>
        {n.excerpt ? <p className="line-clamp-2 text-[13px] text-muted-foreground">“{n.excerpt}”</p> : null}
        <time dateTime={n.createdAt.toISOString()} title={exactTime(n.createdAt)} className="text-xs text-muted-foreground">
          {ago(n.createdAt)}
        </time>
      </div>
      {unread ? (
        <div className="relative z-10 flex shrink-0 items-start gap-2">
          <span aria-hidden className="mt-3 size-2 rounded-full bg-primary" />
          <Button variant="ghost" size="sm" onClick={onRead} aria-label={`Mark “${n.title}” as read`}>
            Mark read
          </Button>
        </div>
      ) : null}
    </li>
  );
}
