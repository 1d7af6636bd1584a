"use client";

import { todayIn } from "@tandem/domain/rules";
import { createContext, useContext } from "react";

export interface WorkspaceInfo {
  slug: string;
  id: string;
  name: string;
  timeZone: string;
}

const WorkspaceContext = createContext<WorkspaceInfo | null>(null);

/** The workspace a page belongs to, set once by the shell: its slug, id, name and time zone. */
export function WorkspaceProvider({ workspace, children }: { workspace: WorkspaceInfo; children: React.ReactNode }) {
  return <WorkspaceContext.Provider value={workspace}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceInfo {
  const ws = useContext(WorkspaceContext);
  if (!ws) throw new Error("useWorkspace outside a workspace page");
  return ws;
}

/**
 * Today (YYYY-MM-DD) in the workspace's time zone: the day the server's task.list and digest
 * call "today", so a task is overdue in the browser exactly when it is overdue on the server.
 * Outside a workspace (tests, shared widgets) it falls back to UTC, as the server does.
 */
export function useToday(): string {
  const ws = useContext(WorkspaceContext);
  return todayIn(ws?.timeZone ?? "UTC");
}
