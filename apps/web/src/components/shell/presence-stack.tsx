"use client";

import type { PresenceUser } from "@tandem/realtime-contract";

import { UserAvatar } from "~/components/people/user-avatar";
import { SIDE_LABELS } from "~/lib/sides";
import { cn } from "~/lib/utils";

/**
 * Overlapping avatars of who is online, for the sidebar and the phone's top bar. Each name shows
 * on hover or keyboard focus in a CSS tooltip, so presence needs no tooltip library.
 */
export function PresenceStack({
  users,
  max = 5,
  align = "start",
  label: what = "Online now",
  className,
}: {
  users: PresenceUser[] | undefined;
  max?: number;
  align?: "start" | "end";
  /** What the list is, for its accessible name ("Online now: Ada, Bo"). */
  label?: string;
  className?: string;
}) {
  if (!users || users.length === 0) return null;
  const shown = users.slice(0, max);
  const extra = users.length - shown.length;
  const label = `${what}: ${users.map((u) => u.name).join(", ")}`;
  return (
    <ul aria-label={label} data-testid="presence-stack" className={cn("flex items-center -space-x-1", className)}>
      {shown.map((u) => (
        <li key={u.userId} className="group/avatar relative flex">
          <span
            role="img"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so keyboard users get the name tooltip
            tabIndex={0}
            className="rounded-full outline-none focus-visible:ring-[3px] focus-visible:ring-ring/30"
            aria-label={`${u.name}, ${SIDE_LABELS[u.side]}`}
          >
            <UserAvatar name={u.name} side={u.side} size="sm" stacked />
          </span>
          {/* The tooltip's text is CSS generated content: the name is already in the avatar's label. */}
          <span
            aria-hidden
            data-tip={`${u.name} · ${SIDE_LABELS[u.side]}`}
            className={cn(
              "pointer-events-none absolute z-50 rounded-md bg-foreground px-2 py-1 text-xs font-medium whitespace-nowrap text-background opacity-0 shadow-md transition-opacity delay-150 after:content-[attr(data-tip)]",
              "group-focus-within/avatar:opacity-100 group-hover/avatar:opacity-100",
              align === "start" ? "bottom-full left-0 mb-1.5" : "top-full right-0 mt-1.5",
            )}
          />
        </li>
      ))}
      {extra > 0 ? (
        <li className="flex size-7 items-center justify-center rounded-full bg-muted text-[10px] font-semibold text-muted-foreground ring-2 ring-[var(--stack-edge,var(--color-card))]">
          +{extra}
        </li>
      ) : null}
    </ul>
  );
}
