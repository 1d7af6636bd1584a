"use client";

import { useQuery } from "@tanstack/react-query";
import { Users } from "lucide-react";
import { useState } from "react";

import { InviteDialog } from "~/components/members/invite-dialog";
import { LeaveWorkspace } from "~/components/members/leave-workspace";
import { MemberRow, type MemberItem } from "~/components/members/member-row";
import { OpenInvites } from "~/components/members/open-invites";
import { Button } from "@tandem/ui/button";
import { Card } from "@tandem/ui/card";
import { RowSkeleton, Skeleton } from "@tandem/ui/skeleton";
import { PageBody, PageHeader, PageSkeleton } from "~/components/workspace/page-header";
import { SIDE_LABELS, SIDE_STYLES, SIDES, type Side } from "~/lib/sides";
import { cn } from "~/lib/utils";
import { useTRPC } from "~/trpc/react";

type Filter = "all" | Side;

export function Members({ slug, openInvite }: { slug: string; openInvite: boolean }) {
  const trpc = useTRPC();
  const workspace = useQuery(trpc.workspace.get.queryOptions({ workspaceSlug: slug }));
  const members = useQuery(trpc.member.list.queryOptions({ workspaceSlug: slug }));
  const [filter, setFilter] = useState<Filter>("all");

  if (!workspace.data || members.isPending) return <MembersSkeleton />;
  const { me, workspace: ws } = workspace.data;
  const isAdmin = me.role === "admin";

  if (members.isError) {
    return (
      <PageBody>
        <PageHeader eyebrow={ws.name} title="Members" />
        <Card className="px-5 py-8 text-center text-sm text-muted-foreground">
          We couldn&apos;t load the members. {members.error.message}
          <div className="mt-3">
            <Button variant="outline" size="sm" onClick={() => members.refetch()}>
              Try again
            </Button>
          </div>
        </Card>
      </PageBody>
    );
  }

  const list = members.data;
  const bySide = Object.fromEntries(SIDES.map((s) => [s, list.filter((m) => m.side === s)])) as Record<Side, MemberItem[]>;
  const sections = filter === "all" ? SIDES : [filter];

  return (
    <PageBody>
      <PageHeader
        eyebrow={ws.name}
        title="Members"
        description={
          isAdmin
            ? "Everyone in the workspace, by side. As an admin you can change sides and roles, remove people and invite new ones."
            : "Everyone in the workspace, by side."
        }
        actions={isAdmin ? <InviteDialog slug={slug} workspaceName={ws.name} defaultOpen={openInvite} /> : null}
      />

      <div role="group" aria-label="Filter by side" className="flex flex-wrap gap-1.5">
        {(["all", ...SIDES] as const).map((f) => {
          const count = f === "all" ? list.length : bySide[f].length;
          const active = filter === f;
          return (
            <button
              key={f}
              type="button"
              aria-pressed={active}
              onClick={() => setFilter(f)}
              className={cn(
                "inline-flex h-8 shrink-0 items-center gap-2 rounded-full border px-3 text-[13px] font-medium transition-colors",
                active ? "border-foreground bg-foreground text-background" : "bg-card text-muted-foreground hover:bg-accent hover:text-foreground",
              )}
            >
              {f === "all" ? null : <span aria-hidden className={cn("size-2 rounded-full", SIDE_STYLES[f].dot)} />}
              {f === "all" ? "All" : SIDE_LABELS[f]}
              <span className={cn("tabular-nums", active ? "text-background/70" : "text-muted-foreground/80")}>{count}</span>
            </button>
          );
        })}
      </div>

      <Card className="overflow-hidden">
        {sections.map((side, i) => (
          <section key={side} aria-labelledby={`side-${side}`} className={cn(i > 0 && "border-t")}>
            <h2
              id={`side-${side}`}
              className="flex items-center gap-2 bg-muted/60 px-4 py-2 text-xs font-semibold tracking-wide text-muted-foreground uppercase sm:px-5"
            >
              <span aria-hidden className={cn("size-2 rounded-full", SIDE_STYLES[side].dot)} />
              {SIDE_LABELS[side]}
              <span className="font-medium tabular-nums">{bySide[side].length}</span>
            </h2>
            {bySide[side].length === 0 ? (
              <div className="flex items-center gap-3 px-4 py-5 text-sm text-muted-foreground sm:px-5">
                <span className="flex size-8 items-center justify-center rounded-full bg-muted">
                  <Users aria-hidden className="size-4" />
                </span>
                {isAdmin ? `Nobody on the ${SIDE_LABELS[side]} side yet. Invite someone to bring them in.` : `Nobody on the ${SIDE_LABELS[side]} side yet.`}
              </div>
            ) : (
              <ul className="divide-y" aria-label={`${SIDE_LABELS[side]} members`}>
                {bySide[side].map((m) => (
                  <MemberRow key={m.id} slug={slug} member={m} isMe={m.id === me.memberId} canManage={isAdmin} workspaceName={ws.name} />
                ))}
              </ul>
            )}
          </section>
        ))}
      </Card>

      {isAdmin ? <OpenInvites slug={slug} /> : null}

      <LeaveWorkspace slug={slug} memberId={me.memberId} workspaceName={ws.name} />
    </PageBody>
  );
}

export function MembersSkeleton() {
  return (
    <PageSkeleton>
      <div className="flex gap-2">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-8 w-24 rounded-full" />
        ))}
      </div>
      <Card className="divide-y">
        {[0, 1, 2, 3, 4].map((i) => (
          <RowSkeleton key={i} avatar="size-8" first="w-40" second="w-56 max-w-full" className="items-center px-5 py-4">
            <Skeleton className="hidden h-6 w-32 sm:block" />
          </RowSkeleton>
        ))}
      </Card>
    </PageSkeleton>
  );
}
