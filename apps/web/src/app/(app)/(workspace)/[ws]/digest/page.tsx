import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { requireSession } from "~/server/session";
import { getQueryClient, HydrateClient, isNotFound, prefetchLogHead, trpc } from "~/trpc/server";

import { DigestPage } from "./digest-page";

export const metadata: Metadata = { title: "Weekly digest" };

export default async function DigestRoute({ params }: { params: Promise<{ ws: string }> }) {
  const { ws } = await params;
  await requireSession();
  const queryClient = getQueryClient();
  try {
    await prefetchLogHead(ws);
    await Promise.all([
      queryClient.prefetchQuery(trpc.feed.digest.queryOptions({ workspaceSlug: ws })),
      queryClient.prefetchQuery(trpc.member.list.queryOptions({ workspaceSlug: ws })),
    ]);
  } catch (err) {
    if (isNotFound(err)) notFound();
    throw err;
  }
  return (
    <HydrateClient>
      <DigestPage slug={ws} />
    </HydrateClient>
  );
}
