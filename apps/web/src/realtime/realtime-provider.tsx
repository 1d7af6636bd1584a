"use client";

import type { ClientToServerEvents, ServerToClientEvents } from "@tandem/realtime-contract";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from "react";
import type { Socket } from "socket.io-client";
import { toast } from "~/lib/toast";

import { afterLoadIdle } from "~/lib/after-load-idle";

import { resolveRealtimeUrl, type RealtimeConfig } from "./config";
import { ConnectionStore } from "./connection-store";
import { LiveCache } from "./live-cache";
import { PresenceStore } from "./presence-store";

export type TandemSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "offline";

/** The same object for the tab's whole life: what changes (socket, status, presence) is read from its stores. */
interface RealtimeValue {
  connection: ConnectionStore;
  presence: PresenceStore;
  /** Applies each workspace's log to the query cache; pages register their workspace with it. */
  live: LiveCache;
}

const RealtimeContext = createContext<RealtimeValue | null>(null);

/**
 * Holds the tab's one socket.io connection. It sits above the workspace pages, so moving between
 * pages or workspaces keeps the connection; the server decides which rooms it joins.
 */
export function RealtimeProvider({ config, children }: { config: RealtimeConfig; children: React.ReactNode }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [presence] = useState(() => new PresenceStore());
  const [live] = useState(() => new LiveCache(queryClient));
  const [connection] = useState(() => new ConnectionStore());
  const [value] = useState<RealtimeValue>(() => ({ connection, presence, live }));
  const setStatus = (status: ConnectionStatus) => connection.set({ status });

  useEffect(() => {
    // socket.io-client loads once the page has loaded and the browser is idle: it is not needed to
    // paint or hydrate, and whatever is committed meanwhile arrives through log.sync on connect.
    let cancelled = false;
    let cleanup: (() => void) | undefined;
    const cancelIdle = afterLoadIdle(() => {
      // The contract's schemas (valibot) come with it: nothing before the connection needs them.
      void Promise.all([import("socket.io-client"), import("@tandem/realtime-contract")]).then(([{ io }, contract]) => {
        if (cancelled) return;
        cleanup = connect(io, contract);
      });
    });
    return () => {
      cancelled = true;
      cancelIdle();
      cleanup?.();
    };
    // The config is plain data from the server; reconnect only if its values change.
  }, [config.url, config.port]);

  function connect(io: typeof import("socket.io-client").io, { presenceStateSchema, readLogEntry, safeParse }: typeof import("@tandem/realtime-contract")) {
    const s: TandemSocket = io(resolveRealtimeUrl(config), {
      withCredentials: true,
      // WebSocket first: a closed tab is noticed at once (a polling client only after the ping
      // timeout, so presence would linger). Fall back to polling where WebSockets are blocked.
      transports: ["websocket", "polling"],
      tryAllTransports: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
    });
    connection.set({ socket: s, status: "connecting" });
    const detachLive = live.attach(s, readLogEntry);

    const onConnect = () => setStatus("connected");
    const onDisconnect = (reason: Socket.DisconnectReason) => {
      presence.clear();
      // The server closing us on purpose means no automatic retry: that's offline, not reconnecting.
      setStatus(reason === "io server disconnect" || reason === "io client disconnect" ? "offline" : "reconnecting");
    };
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    const onConnectError = (err: Error & { data?: unknown }) => {
      presence.clear();
      // `active` is false when the server refused the handshake. No session: retrying won't help.
      // Rate-limited or the server's database briefly away: try again once it said to (or shortly).
      const refusal = err.data as { code?: string; retryAfterSeconds?: number } | undefined;
      if (!s.active && (refusal?.code === "RATE_LIMITED" || refusal?.code === "UNAVAILABLE")) {
        const waitMs = (refusal.retryAfterSeconds ?? 3) * 1000 * (1 + Math.random() * 0.2);
        clearTimeout(retryTimer);
        retryTimer = setTimeout(() => s.connect(), waitMs);
        return setStatus("reconnecting");
      }
      setStatus(s.active ? (navigator.onLine ? "reconnecting" : "offline") : "offline");
    };
    const onPresence = (payload: unknown) => {
      const parsed = safeParse(presenceStateSchema, payload);
      if (parsed.success) presence.set(parsed.output.workspaceId, parsed.output.users);
    };
    const onRevoked = (info: { reason: string; workspaceId?: string }) => {
      toast.warning(info.workspaceId ? "You've been removed from a workspace." : "Your session has ended.", {
        description: info.workspaceId ? "Your workspaces have been refreshed." : "Sign in again to continue.",
      });
      void queryClient.invalidateQueries();
      router.refresh();
    };
    const onBrowserOffline = () => setStatus("offline");
    const onBrowserOnline = () => {
      if (s.connected) return setStatus("connected");
      setStatus("reconnecting");
      if (!s.active) s.connect();
    };

    s.on("connect", onConnect);
    s.on("disconnect", onDisconnect);
    s.on("connect_error", onConnectError);
    s.on("presence.state", onPresence);
    s.on("session.revoked", onRevoked);
    s.io.on("reconnect_attempt", () => setStatus(navigator.onLine ? "reconnecting" : "offline"));
    window.addEventListener("offline", onBrowserOffline);
    window.addEventListener("online", onBrowserOnline);

    return () => {
      clearTimeout(retryTimer);
      detachLive();
      window.removeEventListener("offline", onBrowserOffline);
      window.removeEventListener("online", onBrowserOnline);
      s.removeAllListeners();
      s.io.removeAllListeners();
      s.disconnect();
      presence.clear();
      connection.set({ socket: null, status: "connecting" });
    };
  }

  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): RealtimeValue {
  const value = useContext(RealtimeContext);
  if (!value) throw new Error("useRealtime must be used inside <RealtimeProvider>");
  return value;
}

/** The connection's state; "connecting" on the server and while the page hydrates. */
export function useConnectionStatus(): ConnectionStatus {
  const { connection } = useRealtime();
  return useSyncExternalStore(
    connection.subscribe,
    () => connection.status,
    () => "connecting",
  );
}

/** The tab's socket once it has been opened (after the page has loaded), else null. */
export function useSocket(): TandemSocket | null {
  const { connection } = useRealtime();
  return useSyncExternalStore(
    connection.subscribe,
    () => connection.socket,
    () => null,
  );
}
