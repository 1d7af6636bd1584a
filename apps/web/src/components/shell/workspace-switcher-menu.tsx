"use client";

import { useQuery } from "@tanstack/react-query";
import { Check, Plus } from "lucide-react";
import Link from "next/link";

import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@tandem/ui/dropdown-menu";
import { SIDE_LABELS } from "~/lib/sides";
import { useTRPC } from "~/trpc/react";

import { WorkspaceMark, WorkspaceSwitcherButton, type WorkspaceSwitcherProps } from "./workspace-switcher";

/** The workspace menu itself (loaded on first use; see `WorkspaceSwitcher`). */
export function WorkspaceSwitcherMenu({ slug, name, side, defaultOpen }: WorkspaceSwitcherProps & { defaultOpen: boolean }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.workspace.list.queryOptions());
  return (
    <DropdownMenu defaultOpen={defaultOpen}>
      <DropdownMenuTrigger asChild>
        <WorkspaceSwitcherButton name={name} side={side} />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-64">
        <DropdownMenuLabel>Your workspaces</DropdownMenuLabel>
        {list.isPending ? (
          <DropdownMenuItem disabled>Loading…</DropdownMenuItem>
        ) : (
          list.data?.map((w) => (
            <DropdownMenuItem key={w.id} asChild>
              <Link href={`/${w.slug}`} aria-current={w.slug === slug ? "page" : undefined}>
                <WorkspaceMark name={w.name} className="size-6 text-xs" />
                <span className="grid min-w-0 flex-1 leading-tight">
                  <span className="truncate font-medium">{w.name}</span>
                  <span className="truncate text-xs text-muted-foreground">{SIDE_LABELS[w.side]}</span>
                </span>
                {w.slug === slug ? <Check aria-hidden className="!text-primary" /> : null}
              </Link>
            </DropdownMenuItem>
          ))
        )}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/onboarding">
            <Plus aria-hidden />
            Create workspace
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
