"use client";

import { useLiveWorkspace } from "~/realtime/use-live-workspace";

/** Keeps this workspace's cached pages current from its log while the shell is on screen. */
export function LiveWorkspace({ slug, workspaceId, userId, timeZone }: { slug: string; workspaceId: string; userId: string; timeZone: string }) {
  useLiveWorkspace(slug, { workspaceId, userId, timeZone });
  return null;
}
