"use client";

import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";

import { AtomDialog } from "~/components/feed/atom-dialog";
import { ExportDialog } from "~/components/feed/export-dialog";
import { FeedFilters } from "~/components/feed/feed-filters";
import { FeedList } from "~/components/feed/feed-list";
import { Card } from "~/components/ui/card";
import { PageBody, PageHeader } from "~/components/workspace/page-header";
import { feedFilterFromParams } from "~/lib/feed-kinds";
import { useTRPC } from "~/trpc/react";

export function FeedPage({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const params = useSearchParams();
  const filter = feedFilterFromParams(new URLSearchParams(params.toString()));
  const workspace = useQuery(trpc.workspace.get.queryOptions({ workspaceSlug: slug }));
  const me = workspace.data?.me;
  // Only leadership acknowledges (the API refuses anyone else).
  const acknowledger = me && me.side === "leadership" ? { memberId: me.memberId, name: me.name, side: me.side } : null;

  return (
    <PageBody className="max-w-4xl">
      <PageHeader
        eyebrow={workspace.data?.workspace.name}
        title="Progress feed"
        description="Check-ins, health, milestones, decisions and finished or blocked work across every joint project, as it happens."
        actions={
          <>
            <ExportDialog slug={slug} filter={filter} />
            <AtomDialog slug={slug} />
          </>
        }
      />
      <FeedFilters slug={slug} />
      <Card className="px-4 py-4 sm:px-6 sm:py-5">
        <FeedList slug={slug} filter={filter} me={acknowledger} />
      </Card>
    </PageBody>
  );
}
