import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { requireSession } from "~/server/session";
import { getQueryClient, HydrateClient, isNotFound, prefetchLogHead, trpc } from "~/trpc/server";

import { Inbox } from "./inbox";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage({ params }: { params: Promise<{ ws: string }> }) {
  const { ws } = await params;
  await requireSession();
  await prefetchLogHead(ws).catch((err: unknown) => {
    if (isNotFound(err)) notFound();
    throw err;
  });
  await getQueryClient().prefetchQuery(trpc.inbox.list.queryOptions({ workspaceSlug: ws }));
  return (
    <HydrateClient>
      <Inbox slug={ws} />
    </HydrateClient>
  );
}
