"use client";

import type { PresenceUser } from "@tandem/realtime-contract";
import { useCallback, useEffect, useSyncExternalStore } from "react";

import { useRealtime, useSocket } from "./realtime-provider";

const ASK_TIMEOUT_MS = 5_000;
const ASK_ATTEMPTS = 3;

/**
 * Who from `workspaceId` is online now: asked for on every (re)connect, then kept current by
 * the server's `presence.state` events. `undefined` while unknown.
 */
export function usePresence(workspaceId: string | undefined): PresenceUser[] | undefined {
  const { presence } = useRealtime();
  const socket = useSocket();

  useEffect(() => {
    if (!socket || !workspaceId) return;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const ask = (attempt = 1) => {
      clearTimeout(retry);
      socket.timeout(ASK_TIMEOUT_MS).emit("presence.get", { workspaceId }, (err, res) => {
        if (!err && res.ok) return presence.set(res.data.workspaceId, res.data.users);
        // A refusal right after joining can mean the server hasn't caught up with the new
        // membership yet; ask again a little later rather than leave the list unknown.
        if (attempt < ASK_ATTEMPTS && socket.connected) retry = setTimeout(() => ask(attempt + 1), attempt * 1_500);
      });
    };
    const onConnect = () => ask();
    if (socket.connected) ask();
    socket.on("connect", onConnect);
    return () => {
      clearTimeout(retry);
      socket.off("connect", onConnect);
    };
  }, [socket, workspaceId, presence]);

  const get = useCallback(() => (workspaceId ? presence.get(workspaceId) : undefined), [presence, workspaceId]);
  return useSyncExternalStore(presence.subscribe, get, () => undefined);
}
