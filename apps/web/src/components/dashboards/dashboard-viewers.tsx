"use client";

import { PresenceStack } from "~/components/shell/presence-stack";
import { useConnectionStatus } from "~/realtime/realtime-provider";
import { useDashboardPresence } from "~/realtime/use-dashboard-presence";

/** Who else has this dashboard open right now, live: the sidebar's presence avatars, for this page. */
export function DashboardViewers({ dashboardId, meUserId }: { dashboardId: string; meUserId: string }) {
  const viewers = useDashboardPresence(dashboardId);
  const status = useConnectionStatus();
  const others = viewers?.filter((v) => v.userId !== meUserId);
  return (
    <div className="flex h-8 items-center gap-2.5" data-testid="dashboard-viewers">
      <span className="text-xs font-medium text-muted-foreground">Viewing now</span>
      {others && others.length > 0 ? (
        <PresenceStack users={others} max={5} align="end" label="Viewing this dashboard" className="[--stack-edge:var(--color-background)]" />
      ) : (
        <span className="text-xs text-muted-foreground">{others ? "Only you" : status === "connected" || status === "connecting" ? "…" : "offline"}</span>
      )}
    </div>
  );
}
