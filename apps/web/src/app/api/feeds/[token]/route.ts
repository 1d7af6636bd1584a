import { checkFeedToken, clientAddress, feedAtom } from "@tandem/api";
import { getWorkspaceById, listFeed } from "@tandem/db/queries";

import { getDb } from "~/server/db";
import { refusedByLimits, secretKey } from "~/server/rate-limits";

export const dynamic = "force-dynamic";

const ENTRIES = 50;

const text = (body: string, status: number) =>
  new Response(`${body}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" } });

/**
 * A member's secret Atom feed (the URL is the credential, so feed readers need no sign-in). A
 * revoked link, or one whose member has left, answers 410 Gone so readers stop asking.
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // By address first, so guessing tokens is as slow as reading one; then per link.
  const refused = await refusedByLimits("reads of this feed", [
    ["atomByIp", clientAddress(request.headers)],
    ["atom", secretKey(token)],
  ]);
  if (refused) return refused;
  const db = getDb();
  const check = await checkFeedToken(db, token);
  if (!check.ok) {
    if (check.reason === "unknown") return text("No feed at this address.", 404);
    return text(
      check.reason === "revoked"
        ? "This feed link was revoked. Create a new one from the Progress feed in Tandem."
        : "This feed link belonged to someone who has left the workspace.",
      410,
    );
  }
  const workspace = await getWorkspaceById(db, check.workspaceId);
  if (!workspace) return text("No feed at this address.", 404);
  const rows = await listFeed(db, { workspaceId: workspace.id, limit: ENTRIES });
  const url = new URL(request.url);
  const body = feedAtom({
    workspace: { id: workspace.id, name: workspace.name },
    rows,
    selfUrl: `${url.origin}${url.pathname}`,
    siteUrl: `${url.origin}/${workspace.slug}`,
  });
  return new Response(body, { status: 200, headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "private, no-store" } });
}
