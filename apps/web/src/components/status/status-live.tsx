"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

import { afterLoadIdle, LIVE_SETTLE_MS } from "~/lib/after-load-idle";
import type { RealtimeConfig } from "~/realtime/config";

import type { SocketState } from "./status-socket";

const STYLES = {
  live: { chip: "bg-emerald-50 text-emerald-800", dot: "bg-emerald-600" },
  connecting: { chip: "bg-slate-100 text-slate-700", dot: "bg-slate-400" },
  offline: { chip: "bg-amber-50 text-amber-900", dot: "bg-amber-600" },
} as const;

/** Registers /sw.js and, on a first visit, has it keep this page and its assets for offline use. */
function registerServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  const firstVisit = !navigator.serviceWorker.controller;
  navigator.serviceWorker
    .register("/sw.js", { scope: "/" })
    .then(() => navigator.serviceWorker.ready)
    .then((reg) => {
      if (!firstVisit) return;
      // This page loaded before the worker was there: hand it what to keep so a reload offline works.
      const assets = performance
        .getEntriesByType("resource")
        .map((e) => e.name)
        .filter((url) => new URL(url).pathname.startsWith("/_next/static/"));
      reg.active?.postMessage({ type: "cache", page: location.pathname, assets });
    })
    .catch(() => {
      // No worker means no offline copy; the page itself works the same.
    });
}

/**
 * "Live" while the page follows the workspace's log; "Offline — showing status as of HH:MM" when
 * the browser is offline or the live connection is down, so a stale page never looks current.
 */
export function StatusLive({
  config,
  workspaceId,
  seq,
  asOf,
}: {
  config: RealtimeConfig;
  workspaceId: string;
  seq: number;
  /** The server render time as shown in the header, "HH:MM". */
  asOf: string;
}) {
  const router = useRouter();
  const [online, setOnline] = useState(true);
  const [socket, setSocket] = useState<SocketState>("connecting");
  const seqRef = useRef(seq);
  seqRef.current = seq;

  useEffect(() => {
    setOnline(navigator.onLine);
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener("online", on);
    window.addEventListener("offline", off);
    const cancelRegister = afterLoadIdle(registerServiceWorker);
    return () => {
      cancelRegister();
      window.removeEventListener("online", on);
      window.removeEventListener("offline", off);
    };
  }, []);

  useEffect(() => {
    if (!online) return;
    let disconnect: (() => void) | undefined;
    let cancelled = false;
    // The page is current when it arrives; the socket's code can wait until a slow phone has
    // painted and settled, instead of competing with the first render for network and CPU.
    const connect = () => {
      import("./status-socket")
        .then(({ connectStatusSocket }) => {
          if (cancelled) return;
          disconnect = connectStatusSocket({
            config,
            workspaceId,
            seq: () => seqRef.current,
            onStale: () => router.refresh(),
            onState: setSocket,
          });
        })
        .catch(() => setSocket("disconnected"));
    };
    const cancelIdle = afterLoadIdle(connect, LIVE_SETTLE_MS);
    return () => {
      cancelled = true;
      cancelIdle();
      disconnect?.();
    };
  }, [online, config.url, config.port, workspaceId, router]);

  const state = !online ? "offline" : socket === "connected" ? "live" : socket === "connecting" ? "connecting" : "offline";
  return (
    <p
      role="status"
      aria-live="polite"
      data-testid="status-live"
      data-state={state}
      className={`inline-flex min-h-7 items-center gap-2 rounded-full px-2.5 py-1 text-xs font-medium ${STYLES[state].chip}`}
    >
      <span aria-hidden className={`size-2 shrink-0 rounded-full ${STYLES[state].dot}`} />
      {state === "live" ? "Live" : state === "connecting" ? "Connecting…" : `Offline — showing status as of ${asOf}`}
    </p>
  );
}
