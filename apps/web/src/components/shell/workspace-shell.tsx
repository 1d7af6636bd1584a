import { Suspense } from "react";

import type { Side } from "~/lib/sides";

import { LiveWorkspace } from "./live-workspace";
import { MainNav } from "./main-nav";
import { PhoneMenu } from "./phone-menu";
import { OnlineCompact, OnlineNow } from "./presence-panel";
import { UserMenu, type CurrentUser } from "./user-menu";
import { WorkspaceMark, WorkspaceSwitcher } from "./workspace-switcher";

export interface ShellWorkspace {
  slug: string;
  id: string;
  name: string;
}

export interface ShellMe {
  userId: string;
  side: Side;
}

/**
 * The frame around every workspace page, rendered on the server: a sidebar on wide screens; on
 * phones a top bar whose menu button slides the same sidebar in from the left. Only its live
 * parts (navigation state, menus, presence) run in the browser.
 *
 * Each live part sits in its own <Suspense>: its HTML is complete (nothing here suspends), and
 * the boundary lets React hydrate the parts one small slice at a time instead of in one long
 * task that would hold up a phone's first taps. This works here because the shell comes first
 * in the HTML: React inlines a finished boundary only within its first ~12.8 KB, and streams any
 * later one separately, revealed after the rest (so pages don't use this trick for their lists).
 */
export function WorkspaceShell({ workspace, me, user, children }: { workspace: ShellWorkspace; me: ShellMe; user: CurrentUser; children: React.ReactNode }) {
  const sidebar = (
    <div className="flex h-full min-h-0 flex-col gap-5 p-3">
      <WorkspaceSwitcher slug={workspace.slug} name={workspace.name} side={me.side} />
      <MainNav slug={workspace.slug} />
      <div className="mt-auto grid gap-3">
        <OnlineNow workspaceId={workspace.id} />
        <div className="border-t pt-2">
          <UserMenu user={user} side={me.side} />
        </div>
      </div>
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
        <Suspense>{sidebar}</Suspense>
      </aside>

      <header className="sticky top-0 z-40 flex h-14 items-center gap-2 border-b bg-background/85 px-3 backdrop-blur-md lg:hidden">
        <Suspense>
          <PhoneMenu slug={workspace.slug}>{sidebar}</PhoneMenu>
        </Suspense>
        <span className="flex min-w-0 flex-1 items-center gap-2">
          <WorkspaceMark name={workspace.name} side={me.side} className="size-6 text-xs" />
          <span className="truncate text-sm font-semibold">{workspace.name}</span>
        </span>
        <Suspense>
          <OnlineCompact workspaceId={workspace.id} userId={me.userId} />
          <UserMenu user={user} side={me.side} compact />
        </Suspense>
      </header>

      <main id="main" className="min-w-0 outline-none" tabIndex={-1}>
        {children}
      </main>
      <Suspense>
        <LiveWorkspace slug={workspace.slug} workspaceId={workspace.id} userId={me.userId} />
      </Suspense>
    </div>
  );
}
