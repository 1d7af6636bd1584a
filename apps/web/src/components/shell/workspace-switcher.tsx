"use client";

import { useQuery } from "@tanstack/react-query";
import { Check, ChevronsUpDown, Plus } from "lucide-react";
import Link from "next/link";

import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "~/components/ui/dropdown-menu";
import { SIDE_LABELS, SIDE_STYLES, type Side } from "~/lib/sides";
import { cn } from "~/lib/utils";
import { useTRPC } from "~/trpc/react";

export function WorkspaceMark({ name, side, className }: { name: string; side?: Side; className?: string }) {
  return (
    <span
      aria-hidden
      className={cn(
        "relative flex size-7 shrink-0 items-center justify-center rounded-md bg-foreground text-[13px] font-semibold text-background",
        className,
      )}
    >
      {name.trim()[0]?.toUpperCase() ?? "?"}
      {side ? (
        <span className={cn("absolute -right-0.5 -bottom-0.5 size-2.5 rounded-full border-2 border-sidebar", SIDE_STYLES[side].dot)} />
      ) : null}
    </span>
  );
}

export function WorkspaceSwitcher({ slug, name, side }: { slug: string; name: string; side: Side }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.workspace.list.queryOptions());
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        // The name starts with what is visible (speech users say what they see), then what it does.
        aria-label={`${name} ${SIDE_LABELS[side]} side, switch workspace`}
        className="flex w-full min-w-0 items-center gap-2.5 rounded-lg px-2 py-1.5 text-left outline-none transition-colors hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/30 data-[state=open]:bg-accent"
      >
        <WorkspaceMark name={name} side={side} />
        <span className="grid min-w-0 flex-1 leading-tight">
          <span className="truncate text-sm font-semibold">{name}</span>
          <span className="truncate text-xs text-muted-foreground">{SIDE_LABELS[side]} side</span>
        </span>
        <ChevronsUpDown aria-hidden className="size-4 shrink-0 text-muted-foreground" />
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
