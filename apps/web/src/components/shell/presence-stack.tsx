"use client";

import type { PresenceUser } from "@tandem/realtime-contract";

import { UserAvatar } from "~/components/people/user-avatar";
import { Tooltip, TooltipContent, TooltipTrigger } from "~/components/ui/tooltip";
import { SIDE_LABELS } from "~/lib/sides";
import { cn } from "~/lib/utils";

/** Overlapping avatars of who is online, for the sidebar and the phone's top bar. */
export function PresenceStack({ users, max = 5, className }: { users: PresenceUser[] | undefined; max?: number; className?: string }) {
  if (!users || users.length === 0) return null;
  const shown = users.slice(0, max);
  const extra = users.length - shown.length;
  const label = `Online now: ${users.map((u) => u.name).join(", ")}`;
  return (
    <ul aria-label={label} data-testid="presence-stack" className={cn("flex items-center -space-x-1", className)}>
      {shown.map((u) => (
        <li key={u.userId} className="flex">
          <Tooltip>
            <TooltipTrigger asChild>
              <span tabIndex={0} className="rounded-full">
                <UserAvatar name={u.name} side={u.side} size="sm" stacked />
              </span>
            </TooltipTrigger>
            <TooltipContent>
              {u.name} · {SIDE_LABELS[u.side]}
            </TooltipContent>
          </Tooltip>
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
