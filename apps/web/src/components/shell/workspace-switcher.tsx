"use client";

import { ChevronsUpDown } from "lucide-react";

import { useLoadOnIntent } from "@tandem/ui/load-on-intent";
import { SIDE_LABELS, SIDE_STYLES, type Side } from "~/lib/sides";
import { cn } from "~/lib/utils";

export function WorkspaceMark({ name, side, className }: { name: string; side?: Side; className?: string }) {
  return (
    <span
      aria-hidden
      className={cn("relative flex size-7 shrink-0 items-center justify-center rounded-md bg-foreground text-[13px] font-semibold text-background", className)}
    >
      {name.trim()[0]?.toUpperCase() ?? "?"}
      {side ? <span className={cn("absolute -right-0.5 -bottom-0.5 size-2.5 rounded-full border-2 border-sidebar", SIDE_STYLES[side].dot)} /> : null}
    </span>
  );
}

export interface WorkspaceSwitcherProps {
  slug: string;
  name: string;
  side: Side;
}

const loadMenu = () => import("./workspace-switcher-menu").then((m) => m.WorkspaceSwitcherMenu);

/** This workspace and my side of it, opening the list of my workspaces (its code loads on approach). */
export function WorkspaceSwitcher(props: WorkspaceSwitcherProps) {
  const { Loaded, intent } = useLoadOnIntent(loadMenu, "menu");
  if (Loaded) return <Loaded {...props} defaultOpen />;
  return <WorkspaceSwitcherButton name={props.name} side={props.side} {...intent} />;
}

export function WorkspaceSwitcherButton({ name, side, className, ...props }: { name: string; side: Side } & React.ComponentProps<"button">) {
  return (
    <button
      type="button"
      // The name starts with what is visible (speech users say what they see), then what it does.
      aria-label={`${name} ${SIDE_LABELS[side]} side, switch workspace`}
      className={cn(
        "flex w-full min-w-0 items-center gap-2.5 rounded-lg px-2 py-1.5 text-left outline-none transition-colors hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/30 data-[state=open]:bg-accent",
        className,
      )}
      {...props}
    >
      <WorkspaceMark name={name} side={side} />
      <span className="grid min-w-0 flex-1 leading-tight">
        <span className="truncate text-sm font-semibold">{name}</span>
        <span className="truncate text-xs text-muted-foreground">{SIDE_LABELS[side]} side</span>
      </span>
      <ChevronsUpDown aria-hidden className="size-4 shrink-0 text-muted-foreground" />
    </button>
  );
}
