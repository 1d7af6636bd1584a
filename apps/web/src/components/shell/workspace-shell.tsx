import type { Side } from "~/lib/sides";

import { LiveWorkspace } from "./live-workspace";
import { MainNav } from "./main-nav";
import { PhoneMenu } from "./phone-menu";
import { OnlineCompact, OnlineNow } from "./presence-panel";
import { UserMenu, type CurrentUser } from "./user-menu";
import { WorkspaceProvider } from "./workspace-context";
import { WorkspaceMark, WorkspaceSwitcher } from "./workspace-switcher";

export interface ShellWorkspace {
  slug: string;
  id: string;
  name: string;
  /** IANA zone the workspace keeps its days in (overdue, due today). */
  timeZone: string;
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
 * No part of it sits in a <Suspense>. React inlines a finished boundary only within the first
 * ~12.8 KB of HTML and streams any later one after the page, revealed by script 300 ms apart:
 * the phone top bar's menu button and avatar used to pop in after the first paint and push the
 * workspace name aside (docs/benchmarks.md, 23 Nov 2026 10:00 UTC).
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
      <a href="#main" className="sr-only z-50 rounded-md bg-card px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2">
        Skip to content
      </a>

      <aside aria-label="Sidebar" className="sticky top-0 hidden h-dvh border-r bg-sidebar lg:block">
        {sidebar}
      </aside>

      <header className="sticky top-0 z-40 flex h-14 items-center gap-2 border-b bg-background/85 px-3 backdrop-blur-md lg:hidden">
        <PhoneMenu slug={workspace.slug}>{sidebar}</PhoneMenu>
        <span className="flex min-w-0 flex-1 items-center gap-2">
          <WorkspaceMark name={workspace.name} side={me.side} className="size-6 text-xs" />
          <span className="truncate text-sm font-semibold">{workspace.name}</span>
        </span>
        <OnlineCompact workspaceId={workspace.id} userId={me.userId} />
        <UserMenu user={user} side={me.side} compact />
      </header>

      <main id="main" className="min-w-0 outline-none" tabIndex={-1}>
        <WorkspaceProvider workspace={workspace}>{children}</WorkspaceProvider>
      </main>
      <LiveWorkspace slug={workspace.slug} workspaceId={workspace.id} userId={me.userId} timeZone={workspace.timeZone} />
    </div>
  );
}
