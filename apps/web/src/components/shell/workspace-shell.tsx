"use client";

import { useQuery } from "@tanstack/react-query";
import { Menu } from "lucide-react";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

import { Sheet, SheetContent, SheetDescription, SheetTitle, SheetTrigger } from "~/components/ui/sheet";
import { Skeleton } from "~/components/ui/skeleton";
import { useLiveWorkspace } from "~/realtime/use-live-workspace";
import { usePresence } from "~/realtime/use-presence";
import { useTRPC } from "~/trpc/react";

import { ConnectionIndicator } from "./connection-indicator";
import { MainNav } from "./main-nav";
import { PresenceStack } from "./presence-stack";
import { UserMenu, type CurrentUser } from "./user-menu";
import { WorkspaceMark, WorkspaceSwitcher } from "./workspace-switcher";

/**
 * The frame around every workspace page: a sidebar on wide screens; on phones a top bar whose
 * menu button slides the same sidebar in from the left.
 */
export function WorkspaceShell({ slug, user, children }: { slug: string; user: CurrentUser; children: React.ReactNode }) {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.workspace.get.queryOptions({ workspaceSlug: slug }));
  const online = usePresence(data?.workspace.id);
  const unread = useQuery(trpc.inbox.unreadCount.queryOptions({ workspaceSlug: slug })).data ?? 0;
  useLiveWorkspace(slug, data ? { workspaceId: data.workspace.id, userId: data.me.userId } : undefined);
  const [menuOpen, setMenuOpen] = useState(false);
  const pathname = usePathname();

  // Close the phone menu once a link in it has navigated.
  useEffect(() => setMenuOpen(false), [pathname]);

  const sidebar = data ? (
    <div className="flex h-full min-h-0 flex-col gap-5 p-3">
      <WorkspaceSwitcher slug={slug} name={data.workspace.name} side={data.me.side} />
      <MainNav slug={slug} onNavigate={() => setMenuOpen(false)} />
      <div className="mt-auto grid gap-3">
        <div className="grid gap-2 px-2">
          <div className="flex items-center justify-between gap-2">
            <span className="text-xs font-medium text-muted-foreground">Online now</span>
            <ConnectionIndicator />
          </div>
          {online && online.length > 0 ? (
            <PresenceStack users={online} max={6} className="[--stack-edge:var(--color-sidebar)]" />
          ) : (
            <p className="text-xs text-muted-foreground">{online ? "Only you, for now." : "—"}</p>
          )}
        </div>
        <div className="border-t pt-2">
          <UserMenu user={user} side={data.me.side} />
        </div>
      </div>
    </div>
  ) : (
    <div className="grid gap-3 p-3">
      <Skeleton className="h-10" />
      <Skeleton className="h-7" />
      <Skeleton className="h-7" />
    </div>
  );

  return (
    <div className="min-h-dvh lg:grid lg:grid-cols-[15.5rem_minmax(0,1fr)]">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-card px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>

      <aside aria-label="Sidebar" className="sticky top-0 hidden h-dvh border-r bg-sidebar lg:block">
        {sidebar}
      </aside>

      <header className="sticky top-0 z-40 flex h-14 items-center gap-2 border-b bg-background/85 px-3 backdrop-blur-md lg:hidden">
        <Sheet open={menuOpen} onOpenChange={setMenuOpen}>
          <SheetTrigger className="relative flex size-9 items-center justify-center rounded-md text-foreground transition-colors hover:bg-accent" aria-label="Open menu">
            <Menu aria-hidden className="size-5" />
            {unread > 0 ? (
              <span className="absolute top-1.5 right-1.5 size-2 rounded-full bg-primary ring-2 ring-background" aria-hidden data-testid="menu-unread-dot" />
            ) : null}
          </SheetTrigger>
          <SheetContent aria-describedby={undefined}>
            <SheetTitle className="sr-only">Menu</SheetTitle>
            <SheetDescription className="sr-only">Workspace navigation</SheetDescription>
            <div className="h-full pt-8">{sidebar}</div>
          </SheetContent>
        </Sheet>
        {data ? (
          <span className="flex min-w-0 flex-1 items-center gap-2">
            <WorkspaceMark name={data.workspace.name} side={data.me.side} className="size-6 text-xs" />
            <span className="truncate text-sm font-semibold">{data.workspace.name}</span>
          </span>
        ) : (
          <Skeleton className="h-5 flex-1" />
        )}
        <PresenceStack users={online?.filter((u) => u.userId !== data?.me.userId)} max={3} className="hidden [--stack-edge:var(--color-background)] min-[400px]:flex" />
        <ConnectionIndicator compact />
        <UserMenu user={user} side={data?.me.side} compact />
      </header>

      <main id="main" className="min-w-0 outline-none" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
