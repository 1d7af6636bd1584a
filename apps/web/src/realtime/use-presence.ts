"use client";

import type { PresenceUser } from "@tandem/realtime-contract";
import { useCallback, useEffect, useSyncExternalStore } from "react";

import { useRealtime } from "./realtime-provider";

const ASK_TIMEOUT_MS = 5_000;

/**
 * Who from `workspaceId` is online now: asked for on every (re)connect, then kept current by
 * the server's `presence.state` events. `undefined` while unknown.
 */
export function usePresence(workspaceId: string | undefined): PresenceUser[] | undefined {
  const { socket, presence } = useRealtime();

  useEffect(() => {
    if (!socket || !workspaceId) return;
    const ask = () => {
      socket.timeout(ASK_TIMEOUT_MS).emit("presence.get", { workspaceId }, (err, res) => {
        if (!err && res.ok) presence.set(res.data.workspaceId, res.data.users);
      });
    };
    if (socket.connected) ask();
    socket.on("connect", ask);
    return () => {
      socket.off("connect", ask);
    };
  }, [socket, workspaceId, presence]);

  const get = useCallback(() => (workspaceId ? presence.get(workspaceId) : undefined), [presence, workspaceId]);
  return useSyncExternalStore(presence.subscribe, get, () => undefined);
}
