import type { WorkingSide } from "@tandem/domain/sides";
import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";

import { LogoMark } from "~/components/brand/logo";
import { StatusCard } from "~/components/status/status-card";
import { StatusKpis } from "~/components/status/status-kpis";
import { StatusLive } from "~/components/status/status-live";
import { asOfLabel, sortWorstFirst, statusRank, type CheckInInput } from "~/components/status/status-model";
import { realtimeClientConfig } from "~/env";
import { requireSession } from "~/server/session";
import { getQueryClient, isNotFound, prefetchLogHead, trpc } from "~/trpc/server";

type Props = { params: Promise<{ ws: string }> };

export const viewport: Viewport = { themeColor: "#6d28d9" };

const appMeta: Metadata = {
  appleWebApp: { capable: true, title: "Tandem", statusBarStyle: "default" },
  icons: { apple: "/icons/apple-touch-icon.png" },
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { ws } = await params;
  try {
    const data = await getQueryClient().fetchQuery(trpc.workspace.get.queryOptions({ workspaceSlug: ws }));
    return { ...appMeta, title: `${data.workspace.name} status` };
  } catch {
    return { ...appMeta, title: "Status" };
  }
}

async function load(ws: string) {
  const queryClient = getQueryClient();
  try {
    // The log head first: the live connection refreshes the page for any entry after it.
    const head = await prefetchLogHead(ws);
    const [workspace, projects, checkIns, kpis] = await Promise.all([
      queryClient.fetchQuery(trpc.workspace.get.queryOptions({ workspaceSlug: ws })),
      queryClient.fetchQuery(trpc.project.list.queryOptions({ workspaceSlug: ws })),
      queryClient.fetchQuery(trpc.checkIn.status.queryOptions({ workspaceSlug: ws })),
      queryClient.fetchQuery(trpc.kpi.headline.queryOptions({ workspaceSlug: ws })),
    ]);
    return { head, workspace: workspace.workspace, projects, checkIns: checkIns.all, kpis };
  } catch (err) {
    // Not a member and no such workspace look the same: a plain 404.
    if (isNotFound(err) || (err as { code?: string }).code === "BAD_REQUEST") notFound();
    throw err;
  }
}

/**
 * The phone-first status of every joint project, worst first: rendered on the server with no
 * workspace shell, so it is fast on a poor connection and readable offline from the service
 * worker's copy. A small client part keeps it live and says when it is not.
 */
export default async function StatusPage({ params }: Props) {
  const { ws } = await params;
  await requireSession();
  const { head, workspace, projects, checkIns, kpis } = await load(ws);
  const now = new Date();
  const asOf = asOfLabel(now);

  const bySide = new Map<string, Partial<Record<WorkingSide, CheckInInput>>>();
  for (const c of checkIns) {
    const entry = bySide.get(c.projectId) ?? {};
    entry[c.side] = c;
    bySide.set(c.projectId, entry);
  }
  const rows = sortWorstFirst(projects);
  const offTrack = rows.filter((r) => statusRank(r) <= 1).length;
  const atRisk = rows.filter((r) => statusRank(r) === 2 || statusRank(r) === 3).length;
  const disagree = rows.filter((r) => r.disagree).length;

  return (
    // The system font: nothing to download, so the text is final at first paint (Inter's late swap
    // was the page's LCP on a slow phone connection).
    <div className="min-h-dvh bg-slate-50 [font-family:system-ui,-apple-system,'Segoe_UI',Roboto,'Helvetica_Neue',Arial,sans-serif] text-slate-950">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex w-full max-w-3xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-4 sm:px-6">
          <div className="flex min-w-0 items-center gap-3">
            <a
              href={`/${workspace.slug}`}
              className="inline-flex size-11 shrink-0 items-center justify-center rounded-lg focus-visible:ring-2 focus-visible:ring-violet-600 focus-visible:outline-none"
            >
              <LogoMark className="size-8" />
              <span className="sr-only">Open {workspace.name} in Tandem</span>
            </a>
            <div className="min-w-0">
              <h1 className="truncate text-lg leading-tight font-semibold">{workspace.name} status</h1>
              <p className="text-sm text-slate-600">
                as of{" "}
                <time dateTime={now.toISOString()} data-testid="status-as-of">
                  {asOf}
                </time>
              </p>
            </div>
          </div>
          <StatusLive config={realtimeClientConfig()} workspaceId={workspace.id} seq={head.seq} asOf={asOf} />
        </div>
      </header>
      <main className="mx-auto grid w-full max-w-3xl gap-4 px-4 py-5 sm:px-6">
        <p className="text-sm text-slate-700" data-testid="status-summary">
          {rows.length === 1 ? "1 project" : `${rows.length} projects`}
          {offTrack > 0 ? (
            <>
              {" "}
              · <span className="font-semibold text-red-700">{offTrack} off track</span>
            </>
          ) : null}
          {atRisk > 0 ? (
            <>
              {" "}
              · <span className="font-semibold text-amber-800">{atRisk} at risk</span>
            </>
          ) : null}
          {disagree > 0 ? <> · {disagree === 1 ? "leads disagree on 1" : `leads disagree on ${disagree}`}</> : null}
        </p>
        <StatusKpis kpis={kpis} href={(id) => `/${workspace.slug}/kpis/${id}`} />
        {rows.length === 0 ? (
          <div className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center">
            <h2 className="font-semibold">No projects yet</h2>
            <p className="mt-1 text-sm text-slate-600">Joint projects appear here as soon as a lead creates one.</p>
            <a
              href={`/${workspace.slug}/projects`}
              className="mt-3 inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-medium text-violet-700 underline underline-offset-4"
            >
              Go to projects
            </a>
          </div>
        ) : (
          <ul className="grid gap-3" aria-label="Projects, worst first">
            {rows.map((row) => (
              <StatusCard
                key={row.project.id}
                row={row}
                checkIns={bySide.get(row.project.id) ?? {}}
                href={`/${workspace.slug}/projects/${row.project.id}`}
                now={now}
              />
            ))}
          </ul>
        )}
      </main>
      <footer className="mx-auto w-full max-w-3xl px-4 pb-8 sm:px-6">
        <a href={`/${workspace.slug}`} className="inline-flex min-h-11 items-center text-sm font-medium text-violet-700 underline underline-offset-4">
          Open the full workspace
        </a>
      </footer>
    </div>
  );
}
