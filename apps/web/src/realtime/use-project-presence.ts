"use client";

import { projectPresenceSchema, safeParse, type ProjectViewer } from "@tandem/realtime-contract";
import { useCallback, useEffect, useRef, useState } from "react";

import { useSocket } from "./realtime-provider";

const VIEW_TIMEOUT_MS = 5_000;

export interface ProjectPresenceValue {
  /** Who has the project open now, you included; undefined while unknown (connecting, offline). */
  viewers: ProjectViewer[] | undefined;
  /** Tells the others which task's editor you have open (null: none). Re-sent after a reconnect. */
  setEditing: (taskId: string | null) => void;
}

/**
 * Opens a project on the realtime server for as long as the page is mounted: `project.view` on
 * every (re)connect, `project.leave` on the way out, and the room's `project.presence` updates.
 */
export function useProjectPresence(projectId: string): ProjectPresenceValue {
  const socket = useSocket();
  const [viewers, setViewers] = useState<ProjectViewer[] | undefined>(undefined);
  const editing = useRef<string | null>(null);

  useEffect(() => {
    if (!socket) return;
    let alive = true;
    const sortByName = (list: ProjectViewer[]) => [...list].sort((a, b) => a.name.localeCompare(b.name));

    const view = () => {
      socket.timeout(VIEW_TIMEOUT_MS).emit("project.view", { projectId }, (err, res) => {
        if (!alive || err || !res.ok) return;
        setViewers(sortByName(res.data.viewers));
        if (editing.current) socket.emit("task.editing", { projectId, taskId: editing.current });
      });
    };
    const onPresence = (payload: unknown) => {
      const parsed = safeParse(projectPresenceSchema, payload);
      if (parsed.success && parsed.output.projectId === projectId) setViewers(sortByName(parsed.output.viewers));
    };
    const onDisconnect = () => setViewers(undefined);

    socket.on("connect", view);
    socket.on("disconnect", onDisconnect);
    socket.on("project.presence", onPresence);
    if (socket.connected) view();
    return () => {
      alive = false;
      socket.off("connect", view);
      socket.off("disconnect", onDisconnect);
      socket.off("project.presence", onPresence);
      if (socket.connected) socket.emit("project.leave", { projectId });
      setViewers(undefined);
    };
  }, [socket, projectId]);

  const setEditing = useCallback(
    (taskId: string | null) => {
      if (editing.current === taskId) return;
      editing.current = taskId;
      if (socket?.connected) socket.emit("task.editing", { projectId, taskId });
    },
    [socket, projectId],
  );

  return { viewers, setEditing };
}
