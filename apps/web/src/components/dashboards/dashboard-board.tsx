"use client";

import { TIME_RANGE_LABELS, TIME_RANGES } from "@tandem/domain/dashboard";
import { positionBetween } from "@tandem/domain/rules";
import { Button } from "@tandem/ui/button";
import { selectTriggerClassName } from "@tandem/ui/select-look";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Check, Maximize2, Pencil, Plus } from "lucide-react";
import dynamic from "next/dynamic";
import { useQueryStates } from "nuqs";
import { useState } from "react";

import { useToday } from "~/components/shell/workspace-context";
import { dashboardRangeParams, previousRange, rangeDays } from "~/lib/dashboard-range";
import { errorMessage } from "~/lib/form-errors";
import { toast } from "~/lib/toast";
import { useTRPC } from "~/trpc/react";

import { DashboardPicker } from "./dashboard-picker";
import { DashboardViewers } from "./dashboard-viewers";
import type { DashboardView } from "./types";
import { WidgetBody } from "./widget-body";
import { WidgetFrame } from "./widget-frame";

// Only editors in edit mode add widgets, and presenting is a click away: neither is part of the
// page most people open, so their code loads when it is first shown.
const AddWidgetDialog = dynamic(() => import("./add-widget-dialog").then((m) => m.AddWidgetDialog), {
  ssr: false,
  loading: () => (
    <Button disabled>
      <Plus /> Add widget
    </Button>
  ),
});
const PresentMode = dynamic(() => import("./present-mode").then((m) => m.PresentMode), { ssr: false });

/** A dashboard: its range and comparison (in the URL), its widgets on the grid, edit and present modes. */
export function DashboardBoard({ slug, dashboardId, canEdit, meUserId }: { slug: string; dashboardId: string; canEdit: boolean; meUserId: string }) {
  const trpc = useTRPC();
  const today = useToday();
  const [params, setParams] = useQueryStates(dashboardRangeParams);
  const [editing, setEditing] = useState(false);
  const [presenting, setPresenting] = useState(false);
  const range = rangeDays(params.range, today, { from: params.from, to: params.to });
  const before = previousRange(range);

  const board = useQuery(trpc.dashboard.get.queryOptions({ workspaceSlug: slug, dashboardId }));
  const data = useQuery({ ...trpc.dashboard.data.queryOptions({ workspaceSlug: slug, dashboardId, ...range }), placeholderData: (prev) => prev });
  const previous = useQuery({ ...trpc.dashboard.data.queryOptions({ workspaceSlug: slug, dashboardId, ...before }), enabled: params.compare });
  const onError = (err: unknown) => toast.error(errorMessage(err));
  const move = useMutation(trpc.dashboard.moveWidget.mutationOptions({ onError }));
  const change = useMutation(trpc.dashboard.changeWidget.mutationOptions({ onError }));
  const remove = useMutation(trpc.dashboard.removeWidget.mutationOptions({ onError }));

  if (board.isPending) return <BoardSkeleton />;
  if (board.isError) return <p className="text-sm text-destructive">{errorMessage(board.error)}</p>;
  const widgets = board.data.widgets;
  const byWidget = new Map((data.data ?? []).map((d) => [d.widgetId, d.data]));
  const prevByWidget = new Map((previous.data ?? []).map((d) => [d.widgetId, d.data]));
  const busy = move.isPending || change.isPending || remove.isPending;

  const moveBy = (index: number, delta: -1 | 1) => {
    const target = index + delta;
    if (target < 0 || target >= widgets.length) return;
    const w = widgets[index]!;
    // Moving earlier: between the widget two before and the one before; later: between the next two.
    const above = delta < 0 ? widgets[target - 1] : widgets[target];
    const below = delta < 0 ? widgets[target] : widgets[target + 1];
    if (positionBetween(above?.position, below?.position) === w.position) return;
    move.mutate({ workspaceSlug: slug, widgetId: w.id, afterId: above?.id ?? null, beforeId: below?.id ?? null });
  };

  const grid = (large: boolean) => (
    <div
      className={large ? "grid auto-rows-[minmax(11rem,auto)] gap-5 lg:grid-cols-4" : "grid auto-rows-[minmax(9rem,auto)] gap-4 sm:grid-cols-2 lg:grid-cols-4"}
      data-testid="dashboard-grid"
    >
      {widgets.map((w, index) => (
        <WidgetFrame
          key={w.id}
          widget={w}
          editing={
            editing && !large
              ? {
                  index,
                  count: widgets.length,
                  busy,
                  move: (d) => moveBy(index, d),
                  resize: (size) => change.mutate({ workspaceSlug: slug, widgetId: w.id, ...size }),
                  remove: () => remove.mutate({ workspaceSlug: slug, widgetId: w.id }),
                }
              : null
          }
        >
          <WidgetBody slug={slug} widget={w} data={byWidget.get(w.id)} previous={params.compare ? prevByWidget.get(w.id) : undefined} large={large} />
        </WidgetFrame>
      ))}
    </div>
  );

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end gap-3">
        <DashboardPicker slug={slug} current={board.data as DashboardView} />
        <label className="grid gap-1 text-xs font-medium text-muted-foreground">
          Range
          <select
            className={selectTriggerClassName("sm", "w-32")}
            value={params.range}
            onChange={(e) =>
              void setParams({ range: e.target.value as (typeof TIME_RANGES)[number], ...(e.target.value === "custom" ? range : { from: null, to: null }) })
            }
          >
            {TIME_RANGES.map((r) => (
              <option key={r} value={r}>
                {TIME_RANGE_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        {params.range === "custom" ? (
          <>
            <label className="grid gap-1 text-xs font-medium text-muted-foreground">
              From
              <input
                type="date"
                className={selectTriggerClassName("sm", "w-40")}
                value={range.from}
                max={range.to}
                onChange={(e) => void setParams({ from: e.target.value || null })}
              />
            </label>
            <label className="grid gap-1 text-xs font-medium text-muted-foreground">
              To
              <input
                type="date"
                className={selectTriggerClassName("sm", "w-40")}
                value={range.to}
                min={range.from}
                onChange={(e) => void setParams({ to: e.target.value || null })}
              />
            </label>
          </>
        ) : null}
        <label className="flex h-8 items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={params.compare}
            onChange={(e) => void setParams({ compare: e.target.checked })}
            className="size-4 accent-[var(--primary)]"
          />
          Compare to previous
        </label>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <DashboardViewers dashboardId={dashboardId} meUserId={meUserId} />
          <Button variant="outline" onClick={() => setPresenting(true)}>
            <Maximize2 /> Present
          </Button>
          {canEdit ? (
            <Button variant={editing ? "default" : "outline"} aria-pressed={editing} onClick={() => setEditing((v) => !v)}>
              {editing ? <Check /> : <Pencil />} {editing ? "Done" : "Edit layout"}
            </Button>
          ) : null}
          {canEdit && editing ? <AddWidgetDialog slug={slug} dashboardId={dashboardId} /> : null}
        </div>
      </div>
      {editing ? (
        <p className="text-[13px] text-muted-foreground">Move a widget with its arrows, or focus it and press Alt+↑ / Alt+↓. Changes are saved for everyone.</p>
      ) : null}
      {widgets.length === 0 ? (
        <div className="rounded-xl border border-dashed p-8 text-center">
          <h2 className="font-semibold">No widgets yet</h2>
          <p className="mt-1 text-sm text-muted-foreground">
            {canEdit ? "Add KPI tiles, charts, the health matrix or the feed." : "Marketing or IT adds the first widgets."}
          </p>
          {canEdit ? (
            <div className="mt-4 flex justify-center">
              <AddWidgetDialog slug={slug} dashboardId={dashboardId} />
            </div>
          ) : null}
        </div>
      ) : (
        grid(false)
      )}
      {presenting ? (
        <PresentMode title={board.data.name} onClose={() => setPresenting(false)}>
          {grid(true)}
        </PresentMode>
      ) : null}
    </div>
  );
}

/** The board's shape while the widgets load: the toolbar, four tiles, then two wide widgets. */
export function BoardSkeleton() {
  return (
    <div role="status" className="grid gap-4" aria-busy="true" aria-label="Loading the dashboard">
      <div className="flex flex-wrap items-end gap-3">
        <div className="h-12 w-40 animate-pulse rounded-md bg-muted" />
        <div className="h-12 w-32 animate-pulse rounded-md bg-muted" />
      </div>
      <div className="grid auto-rows-[9rem] gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {["a", "b", "c", "d", "e", "f"].map((k, i) => (
          <div key={k} className={i > 3 ? "animate-pulse rounded-xl bg-muted sm:col-span-2" : "animate-pulse rounded-xl bg-muted"} />
        ))}
      </div>
    </div>
  );
}
