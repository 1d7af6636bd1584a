"use client";

import { useConnectionStatus, type ConnectionStatus } from "~/realtime/realtime-provider";
import { cn } from "~/lib/utils";

const LABELS: Record<ConnectionStatus, string> = {
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Reconnecting…",
  offline: "Offline",
};

const DESCRIPTIONS: Record<ConnectionStatus, string> = {
  connecting: "Connecting to live updates",
  connected: "Connected: updates arrive live",
  reconnecting: "Connection lost, reconnecting",
  offline: "Offline: live updates paused",
};

const DOT: Record<ConnectionStatus, string> = {
  connecting: "bg-muted-foreground/60",
  connected: "relative bg-success after:absolute after:inset-0 after:rounded-full after:bg-success after:opacity-0 after:animate-ping-few",
  reconnecting: "bg-warning animate-pulse",
  offline: "bg-destructive",
};

/** The live-connection state, announced politely to screen readers when it changes. */
export function ConnectionIndicator({ compact = false, className }: { compact?: boolean; className?: string }) {
  const status = useConnectionStatus();
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="connection-status"
      data-state={status}
      title={DESCRIPTIONS[status]}
      className={cn(
        "inline-flex items-center gap-2 rounded-full text-xs font-medium text-muted-foreground",
        !compact && "border bg-card px-2.5 py-1",
        compact && "p-1.5",
        className,
      )}
    >
      <span aria-hidden className={cn("size-2 shrink-0 rounded-full", DOT[status])} />
      <span className={cn(compact && "sr-only")}>{LABELS[status]}</span>
    </div>
  );
}
