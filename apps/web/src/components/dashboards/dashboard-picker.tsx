"use client";

import { selectTriggerClassName } from "@tandem/ui/select-look";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";

import { useTRPC } from "~/trpc/react";

import type { DashboardView } from "./types";

/** Switches between the workspace's dashboards (the shared one first). */
export function DashboardPicker({ slug, current }: { slug: string; current: DashboardView }) {
  const trpc = useTRPC();
  const router = useRouter();
  const list = useQuery(trpc.dashboard.list.queryOptions({ workspaceSlug: slug })).data ?? [current];
  return (
    <label className="grid gap-1 text-xs font-medium text-muted-foreground">
      Dashboard
      <select className={selectTriggerClassName("sm", "w-56")} value={current.id} onChange={(e) => router.push(`/${slug}/dashboards/${e.target.value}`)}>
        {list.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
            {d.shared ? " (shared)" : ""}
          </option>
        ))}
      </select>
    </label>
  );
}
