import "server-only";

import { notFound } from "next/navigation";

import { requireSession } from "~/server/session";
import { getQueryClient, isNotFound, prefetchLogHead, trpc } from "~/trpc/server";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The project; sign-in when signed out; Next's 404 when the id is malformed or names no project
 * in this workspace. The log head is read first: the browser applies every entry after it to what is read next.
 * Both reads are the request's cached queries, so the layout, metadata and page share them.
 */
export async function loadProjectOr404(workspaceSlug: string, projectId: string) {
  await requireSession();
  if (!UUID.test(projectId)) notFound();
  try {
    await prefetchLogHead(workspaceSlug);
    return await getQueryClient().fetchQuery(trpc.project.get.queryOptions({ workspaceSlug, projectId }));
  } catch (err) {
    if (isNotFound(err)) notFound();
    throw err;
  }
}
