import type { ClientToServerEvents, LogEntryPayload, ServerToClientEvents } from "@tandem/realtime-contract";
import { io, type Socket } from "socket.io-client";

import { resolveRealtimeUrl, type RealtimeConfig } from "~/realtime/config";

export type SocketState = "connecting" | "connected" | "disconnected";

/**
 * The status page's own connection (loaded on demand, after first paint): it only needs to know
 * that the workspace's log moved past what the page shows. `onStale` fires, debounced, for each
 * such change and after a (re)connect that finds entries the page missed.
 */
export function connectStatusSocket({
  config,
  workspaceId,
  seq,
  onStale,
  onState,
}: {
  config: RealtimeConfig;
  workspaceId: string;
  /** The newest log seq the page was rendered from. */
  seq: () => number;
  onStale: () => void;
  onState: (state: SocketState) => void;
}): () => void {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(resolveRealtimeUrl(config), {
    withCredentials: true,
    transports: ["websocket", "polling"],
    tryAllTransports: true,
    reconnectionDelay: 1_000,
    reconnectionDelayMax: 10_000,
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stale = () => {
    clearTimeout(timer);
    timer = setTimeout(onStale, 500);
  };
  const onEntries = (entries: LogEntryPayload[]) => {
    if (entries.some((e) => e.workspaceId === workspaceId && e.seq > seq())) stale();
  };

  onState("connecting");
  socket.on("connect", () => {
    onState("connected");
    // Whatever was committed between the server render and this connect.
    socket.emit("log.sync", { workspaceId, afterSeq: seq() }, (res) => {
      if (res.ok && res.data.entries.length > 0) stale();
    });
  });
  socket.on("disconnect", () => onState("disconnected"));
  socket.on("connect_error", () => onState("disconnected"));
  socket.on("log.entry", (entry) => onEntries([entry]));
  socket.on("log.entries", onEntries);

  return () => {
    clearTimeout(timer);
    socket.removeAllListeners();
    socket.disconnect();
  };
}
