import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { requireSession } from "~/server/session";
import { getQueryClient, HydrateClient, isNotFound, trpc } from "~/trpc/server";

import { Members } from "./members";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params, searchParams }: { params: Promise<{ ws: string }>; searchParams: Promise<{ invite?: string }> }) {
  const { ws } = await params;
  const { invite } = await searchParams;
  // Same check as the layout (cached per request), so a signed-out visit redirects instead of erroring.
  await requireSession();
  const queryClient = getQueryClient();
  const workspace = await queryClient.fetchQuery(trpc.workspace.get.queryOptions({ workspaceSlug: ws })).catch((err: unknown) => {
    if (isNotFound(err)) notFound();
    throw err;
  });
  await Promise.all([
    queryClient.prefetchQuery(trpc.member.list.queryOptions({ workspaceSlug: ws })),
    workspace.me.role === "admin" ? queryClient.prefetchQuery(trpc.invitation.list.queryOptions({ workspaceSlug: ws })) : null,
  ]);
  return (
    <HydrateClient>
      <Members slug={ws} openInvite={invite === "1"} />
    </HydrateClient>
  );
}
