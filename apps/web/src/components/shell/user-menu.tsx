"use client";

import { LogOut } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";

import { UserAvatar } from "~/components/people/user-avatar";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "~/components/ui/dropdown-menu";
import { Spinner } from "~/components/ui/spinner";
import type { Side } from "~/lib/sides";
import { cn } from "~/lib/utils";

export interface CurrentUser {
  name: string;
  email: string;
}

export async function signOut() {
  // The auth client is needed only here: loaded on use, it stays out of every page's first load.
  const { authClient } = await import("@tandem/auth/client");
  const { error } = await authClient.signOut();
  if (error) {
    toast.error("We couldn't sign you out.", { description: "Check your connection and try again." });
    return false;
  }
  await forgetCachedPages();
  window.location.assign("/sign-in");
  return true;
}

/** The status pages the service worker kept for offline use belong to the person signing out. */
async function forgetCachedPages() {
  if (typeof caches === "undefined") return;
  try {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith("tandem-pages")).map((n) => caches.delete(n)));
  } catch {
    // A browser that refuses cache access has nothing cached either.
  }
}

export function UserMenu({ user, side, compact = false }: { user: CurrentUser; side?: Side; compact?: boolean }) {
  const [pending, setPending] = useState(false);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        // Compact shows only the avatar; otherwise the name starts with the visible name and email.
        aria-label={compact ? `Account menu for ${user.name}` : `${user.name} ${user.email}, account menu`}
        className={cn(
          "flex min-w-0 items-center gap-2.5 rounded-md text-left outline-none transition-colors hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/30",
          compact ? "p-1" : "w-full px-2 py-1.5",
        )}
      >
        <span aria-hidden className="contents">
          <UserAvatar name={user.name} side={side} size={compact ? "sm" : "md"} />
        </span>
        {compact ? null : (
          <span className="grid min-w-0 leading-tight">
            <span className="truncate text-sm font-medium">{user.name}</span>
            <span className="truncate text-xs text-muted-foreground">{user.email}</span>
          </span>
        )}
      </DropdownMenuTrigger>
      <DropdownMenuContent align={compact ? "end" : "start"} side={compact ? "bottom" : "top"} className="w-60">
        <DropdownMenuLabel className="grid gap-0.5">
          <span className="truncate text-sm font-medium text-foreground">{user.name}</span>
          <span className="truncate font-normal">{user.email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem
          disabled={pending}
          onSelect={async (event) => {
            event.preventDefault();
            setPending(true);
            if (!(await signOut())) setPending(false);
          }}
        >
          {pending ? <Spinner /> : <LogOut aria-hidden />}
          Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
