"use client";

import { Tabs as TabsPrimitive } from "radix-ui";
import type * as React from "react";

import { cn } from "./utils";

export const Tabs = TabsPrimitive.Root;

/**
 * Scrolls a tab strip sideways so its selected tab is in view: a page opened on a later tab
 * (`?view=comments` on a phone) shows which one it is. Sideways only, so the page itself stays put.
 */
function revealSelectedTab(list: HTMLDivElement | null) {
  const tab = list?.querySelector<HTMLElement>('[role="tab"][data-state="active"]');
  if (!list || !tab) return;
  const past = tab.getBoundingClientRect().right - list.getBoundingClientRect().right;
  // The fade's padding where there is one; "auto" (no scroll timelines, so no fade) counts as none.
  const padding = Number.parseFloat(getComputedStyle(list).scrollPaddingInlineEnd) || 0;
  if (past > 0) list.scrollLeft += past + padding;
}

export function TabsList({ className, ...props }: React.ComponentProps<typeof TabsPrimitive.List>) {
  return (
    <TabsPrimitive.List
      // A stable function, so it runs when the strip mounts, not on every render: later selections
      // are in view already (clicked, or focused by the arrow keys).
      ref={revealSelectedTab}
      className={cn("scroll-fade-x -mb-px flex max-w-full items-center gap-1 overflow-x-auto border-b [scrollbar-width:none]", className)}
      {...props}
    />
  );
}

export function TabsTrigger({ className, onFocus, ...props }: React.ComponentProps<typeof TabsPrimitive.Trigger>) {
  return (
    <TabsPrimitive.Trigger
      onFocus={(event) => {
        // A tab focused by the arrow keys comes fully into view: the browser's own focus scroll
        // leaves a tab that is already partly visible cut off at the edge of a phone's tab strip.
        event.currentTarget.scrollIntoView({ block: "nearest", inline: "nearest" });
        onFocus?.(event);
      }}
      className={cn(
        "relative inline-flex h-10 shrink-0 items-center gap-1.5 rounded-t-md px-3 text-sm font-medium text-muted-foreground transition-colors outline-none",
        "hover:text-foreground focus-visible:bg-accent focus-visible:outline-none data-[state=active]:text-foreground",
        "after:absolute after:inset-x-2 after:-bottom-px after:h-0.5 after:rounded-full after:bg-transparent data-[state=active]:after:bg-primary",
        "[&_svg]:size-4 [&_svg]:shrink-0",
        className,
      )}
      {...props}
    />
  );
}

export function TabsContent({ className, ...props }: React.ComponentProps<typeof TabsPrimitive.Content>) {
  return <TabsPrimitive.Content className={cn("outline-none", className)} {...props} />;
}
