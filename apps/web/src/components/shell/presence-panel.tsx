"use client";

import { usePresence } from "~/realtime/use-presence";

import { ConnectionIndicator } from "./connection-indicator";
import { PresenceStack } from "./presence-stack";

/** The sidebar's "Online now": the connection state and who else is here. */
export function OnlineNow({ workspaceId }: { workspaceId: string }) {
  const online = usePresence(workspaceId);
  return (
    <div className="grid gap-2 px-2">
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs font-medium text-muted-foreground">Online now</span>
        <ConnectionIndicator />
      </div>
      {online && online.length > 0 ? (
        <PresenceStack users={online} max={6} className="[--stack-edge:var(--color-sidebar)]" />
      ) : (
        <p className="text-xs text-muted-foreground">{online ? "Only you, for now." : "—"}</p>
      )}
    </div>
  );
}

/** The phone top bar's presence and connection dot: who else is here (from 400 px wide) and whether updates are live. */
export function OnlineCompact({ workspaceId, userId }: { workspaceId: string; userId: string }) {
  const others = usePresence(workspaceId)?.filter((u) => u.userId !== userId);
  return (
    <>
      <PresenceStack users={others} max={3} align="end" className="hidden [--stack-edge:var(--color-background)] min-[400px]:flex" />
      <ConnectionIndicator compact />
    </>
  );
}
