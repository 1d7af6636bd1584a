"use client";

import { dashboardPresenceSchema, safeParse, type PresenceUser } from "@tandem/realtime-contract";
import { useEffect, useState } from "react";

import { useSocket } from "./realtime-provider";

const VIEW_TIMEOUT_MS = 5_000;

/**
 * Opens a dashboard on the realtime server for as long as the page is mounted, as
 * `useProjectPresence` does for a project: `dashboard.view` on every (re)connect,
 * `dashboard.leave` on the way out, and the room's `dashboard.presence` updates. Who has it open
 * now, you included; undefined while unknown (connecting, offline).
 */
export function useDashboardPresence(dashboardId: string): PresenceUser[] | undefined {
  const socket = useSocket();
  const [viewers, setViewers] = useState<PresenceUser[] | undefined>(undefined);

  useEffect(() => {
    if (!socket) return;
    let alive = true;
    const sortByName = (list: PresenceUser[]) => [...list].sort((a, b) => a.name.localeCompare(b.name));

    const view = () => {
      socket.timeout(VIEW_TIMEOUT_MS).emit("dashboard.view", { dashboardId }, (err, res) => {
        if (alive && !err && res.ok) setViewers(sortByName(res.data.viewers));
      });
    };
    const onPresence = (payload: unknown) => {
      const parsed = safeParse(dashboardPresenceSchema, payload);
      if (parsed.success && parsed.output.dashboardId === dashboardId) setViewers(sortByName(parsed.output.viewers));
    };
    const onDisconnect = () => setViewers(undefined);

    socket.on("connect", view);
    socket.on("disconnect", onDisconnect);
    socket.on("dashboard.presence", onPresence);
    if (socket.connected) view();
    return () => {
      alive = false;
      socket.off("connect", view);
      socket.off("disconnect", onDisconnect);
      socket.off("dashboard.presence", onPresence);
      if (socket.connected) socket.emit("dashboard.leave", { dashboardId });
      setViewers(undefined);
    };
  }, [socket, dashboardId]);

  return viewers;
}
