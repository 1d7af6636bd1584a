"use client";

import { useQuery } from "@tanstack/react-query";
import { ChartColumn, FolderKanban, Gauge, Inbox, LayoutGrid, Newspaper, Rss, ScrollText, Users } from "lucide-react";
import Link, { useLinkStatus } from "next/link";
import { usePathname, useRouter } from "next/navigation";

import { Spinner } from "@tandem/ui/spinner";
import { cn } from "~/lib/utils";
import { useTRPC } from "~/trpc/react";

export function MainNav({ slug }: { slug: string }) {
  const pathname = usePathname();
  const router = useRouter();
  const trpc = useTRPC();
  // Kept current by the live cache: an entry that notifies me refreshes it.
  const unread = useQuery(trpc.inbox.unreadCount.queryOptions({ workspaceSlug: slug })).data ?? 0;
  // My due or overdue check-ins, listed on the overview; refreshed when a check-in is posted.
  const dueCheckIns = useQuery(trpc.checkIn.status.queryOptions({ workspaceSlug: slug })).data?.mine.length ?? 0;
  const items = [
    { href: `/${slug}`, label: "Overview", icon: LayoutGrid, exact: true, badge: dueCheckIns },
    { href: `/${slug}/feed`, label: "Feed", icon: Rss, exact: false, badge: 0 },
    { href: `/${slug}/digest`, label: "Digest", icon: Newspaper, exact: false, badge: 0 },
    { href: `/${slug}/dashboards`, label: "Dashboards", icon: ChartColumn, exact: false, badge: 0 },
    { href: `/${slug}/projects`, label: "Projects", icon: FolderKanban, exact: false, badge: 0 },
    { href: `/${slug}/kpis`, label: "KPIs", icon: Gauge, exact: false, badge: 0 },
    { href: `/${slug}/inbox`, label: "Inbox", icon: Inbox, exact: false, badge: unread },
    { href: `/${slug}/log`, label: "Log", icon: ScrollText, exact: false, badge: 0 },
    { href: `/${slug}/members`, label: "Members", icon: Users, exact: false, badge: 0 },
  ];
  return (
    <nav aria-label="Workspace">
      <ul className="grid gap-0.5">
        {items.map(({ href, label, icon: Icon, exact, badge }) => {
          const active = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
          const warm = () => router.prefetch(href);
          return (
            <li key={href}>
              <Link
                href={href}
                // Every page here renders on the server for who is signed in: fetching all nine as
                // soon as the sidebar shows would render them all on each page load. A page is
                // fetched when a pointer, finger or keyboard focus shows the intent to open it.
                prefetch={false}
                onMouseEnter={warm}
                onTouchStart={warm}
                onFocus={warm}
                aria-current={active ? "page" : undefined}
                aria-label={badge > 0 ? `${label}, ${badge} ${label === "Overview" ? (badge === 1 ? "check-in due" : "check-ins due") : "unread"}` : undefined}
                className={cn(
                  "flex h-8 items-center gap-2.5 rounded-md px-2.5 text-sm font-medium text-muted-foreground transition-colors hover:bg-accent hover:text-foreground",
                  active && "bg-card text-foreground shadow-xs ring-1 ring-border hover:bg-card",
                )}
              >
                <Icon aria-hidden className={cn("size-4", active ? "text-primary" : "text-muted-foreground")} />
                <span className="flex-1">{label}</span>
                <PendingMark />
                {badge > 0 ? (
                  <span
                    data-testid={`nav-badge-${label.toLowerCase()}`}
                    className="min-w-5 rounded-full bg-primary px-1.5 text-center text-[11px] leading-5 font-semibold text-primary-foreground tabular-nums"
                  >
                    {badge > 99 ? "99+" : badge}
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** While the page a link leads to is loading (pages render on the server), a spinner beside it. */
function PendingMark() {
  const { pending } = useLinkStatus();
  return pending ? <Spinner className="size-3.5 text-muted-foreground" /> : null;
}
