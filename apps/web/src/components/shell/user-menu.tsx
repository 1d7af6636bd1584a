"use client";

import { UserAvatar } from "~/components/people/user-avatar";
import { useLoadOnIntent } from "@tandem/ui/load-on-intent";
import type { Side } from "~/lib/sides";
import { cn, initials } from "~/lib/utils";

export interface CurrentUser {
  name: string;
  email: string;
}

export interface UserMenuProps {
  user: CurrentUser;
  side?: Side;
  compact?: boolean;
}

const loadDropdown = () => import("./user-menu-dropdown").then((m) => m.UserMenuDropdown);

/** Who is signed in, opening the account menu (its code loads when a pointer or focus comes near). */
export function UserMenu(props: UserMenuProps) {
  const { Loaded, intent } = useLoadOnIntent(loadDropdown, "menu");
  if (Loaded) return <Loaded {...props} defaultOpen />;
  return <UserMenuButton {...props} {...intent} />;
}

/** The account menu's trigger: the avatar, and on wide screens the name and email beside it. */
export function UserMenuButton({ user, side, compact = false, className, ...props }: UserMenuProps & React.ComponentProps<"button">) {
  return (
    <button
      type="button"
      // The name starts with what is visible (the initials, or the name and email), so a voice-control
      // user can say what they see (WCAG 2.5.3, Lighthouse's label-content-name-mismatch).
      aria-label={compact ? `${initials(user.name)}, account menu for ${user.name}` : `${user.name} ${user.email}, account menu`}
      className={cn(
        "flex min-w-0 items-center gap-2.5 rounded-md text-left outline-none transition-colors hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/30",
        compact ? "p-1" : "w-full px-2 py-1.5",
        className,
      )}
      {...props}
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
    </button>
  );
}
