"use client";

import { LogOut } from "lucide-react";
import { useState } from "react";

import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@tandem/ui/dropdown-menu";
import { Spinner } from "@tandem/ui/spinner";

import { signOut } from "./sign-out";
import { UserMenuButton, type UserMenuProps } from "./user-menu";

/** The account menu itself (loaded on first use; see `UserMenu`). */
export function UserMenuDropdown({ user, side, compact = false, defaultOpen }: UserMenuProps & { defaultOpen: boolean }) {
  const [pending, setPending] = useState(false);
  return (
    <DropdownMenu defaultOpen={defaultOpen}>
      <DropdownMenuTrigger asChild>
        <UserMenuButton user={user} side={side} compact={compact} />
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
