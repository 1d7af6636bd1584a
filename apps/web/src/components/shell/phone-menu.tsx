"use client";

import { useQuery } from "@tanstack/react-query";
import { Menu } from "lucide-react";

import { useLoadOnIntent } from "@tandem/ui/load-on-intent";
import { cn } from "~/lib/utils";
import { useTRPC } from "~/trpc/react";

export interface PhoneMenuProps {
  slug: string;
  /** The sidebar, shown in a sheet sliding in from the left. */
  children: React.ReactNode;
}

const loadSheet = () => import("./phone-menu-sheet").then((m) => m.PhoneMenuSheet);

/** The phone top bar's menu button; the sheet's code loads when a finger or focus comes near it. */
export function PhoneMenu(props: PhoneMenuProps) {
  const { Loaded, intent } = useLoadOnIntent(loadSheet, "dialog");
  if (Loaded) return <Loaded {...props} defaultOpen />;
  return <PhoneMenuButton slug={props.slug} {...intent} />;
}

/** ☰, with a dot while something in the inbox is unread. */
export function PhoneMenuButton({ slug, className, ...props }: { slug: string } & React.ComponentProps<"button">) {
  const trpc = useTRPC();
  const unread = useQuery(trpc.inbox.unreadCount.queryOptions({ workspaceSlug: slug })).data ?? 0;
  return (
    <button
      type="button"
      aria-label="Open menu"
      className={cn("relative flex size-9 items-center justify-center rounded-md text-foreground transition-colors hover:bg-accent", className)}
      {...props}
    >
      <Menu aria-hidden className="size-5" />
      {unread > 0 ? (
        <span className="absolute top-1.5 right-1.5 size-2 rounded-full bg-primary ring-2 ring-background" aria-hidden data-testid="menu-unread-dot" />
      ) : null}
    </button>
  );
}
