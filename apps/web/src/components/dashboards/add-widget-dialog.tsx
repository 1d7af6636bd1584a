"use client";

import { TIME_RANGE_LABELS, TIME_RANGES, WIDGET_KIND_LABELS, WIDGET_KINDS, type WidgetKind } from "@tandem/domain/dashboard";
import { Button } from "@tandem/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@tandem/ui/dialog";
import { selectTriggerClassName } from "@tandem/ui/select-look";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState } from "react";

import { Field } from "~/components/forms/field";
import { errorMessage } from "~/lib/form-errors";
import { toast } from "~/lib/toast";
import { useTRPC } from "~/trpc/react";

const HINTS: Record<WidgetKind, string> = {
  kpi_tile: "One KPI's latest value against its target, its trend and a sparkline.",
  kpi_line: "One KPI over the range, with its target and at-risk band.",
  kpi_bar: "A computed KPI compared by side or by linked project.",
  health_matrix: "Both leads' health on every joint project; disagreements marked.",
  burn_up: "Tasks in scope against tasks done, week by week.",
  feed_strip: "The latest items of the leadership feed.",
};
const SIZE: Record<WidgetKind, { width: number; height: number }> = {
  kpi_tile: { width: 1, height: 1 },
  kpi_line: { width: 2, height: 2 },
  kpi_bar: { width: 2, height: 2 },
  health_matrix: { width: 2, height: 2 },
  burn_up: { width: 2, height: 2 },
  feed_strip: { width: 2, height: 2 },
};

/** Adds a widget: its kind, then what that kind needs (a KPI, a range, a project…). */
export function AddWidgetDialog({ slug, dashboardId }: { slug: string; dashboardId: string }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<WidgetKind>("kpi_tile");
  const [kpiId, setKpiId] = useState("");
  const [range, setRange] = useState<(typeof TIME_RANGES)[number]>("quarter");
  const [by, setBy] = useState<"side" | "project">("side");
  const [projectId, setProjectId] = useState("");
  const [limit, setLimit] = useState(8);
  const [error, setError] = useState<string | null>(null);
  const kpis = useQuery({ ...trpc.kpi.list.queryOptions({ workspaceSlug: slug }), enabled: open });
  const projects = useQuery({ ...trpc.project.list.queryOptions({ workspaceSlug: slug, filter: {} }), enabled: open && kind === "burn_up" });
  const add = useMutation(
    trpc.dashboard.addWidget.mutationOptions({
      onSuccess: () => {
        toast.success(`${WIDGET_KIND_LABELS[kind]} added`);
        setOpen(false);
      },
      onError: (err) => setError(errorMessage(err)),
    }),
  );
  const needsKpi = kind === "kpi_tile" || kind === "kpi_line" || kind === "kpi_bar";
  const config = (): Record<string, unknown> => {
    if (kind === "kpi_tile") return { kpiId };
    if (kind === "kpi_line") return { kpiId, range };
    if (kind === "kpi_bar") return { kpiId, by };
    if (kind === "burn_up") return projectId ? { projectId } : {};
    if (kind === "feed_strip") return { limit };
    return {};
  };
  const live = (kpis.data ?? []).filter((k) => k.status !== "retired" && (kind !== "kpi_bar" || k.source === "computed"));

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        setError(null);
      }}
    >
      <Button onClick={() => setOpen(true)}>
        <Plus /> Add widget
      </Button>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Add a widget</DialogTitle>
          <DialogDescription>Everyone sees the dashboard as you leave it.</DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (needsKpi && !kpiId) return setError("Choose a KPI.");
            setError(null);
            add.mutate({ workspaceSlug: slug, dashboardId, kind, config: config(), ...SIZE[kind] });
          }}
        >
          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium">Kind</legend>
            {WIDGET_KINDS.map((k) => (
              <label
                key={k}
                className="flex cursor-pointer items-start gap-2 rounded-md border p-2.5 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary-soft/40"
              >
                <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} className="mt-1 accent-[var(--primary)]" />
                <span>
                  <span className="font-medium">{WIDGET_KIND_LABELS[k]}</span>
                  <span className="block text-[13px] text-muted-foreground">{HINTS[k]}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {needsKpi ? (
            <Field
              id="widget-kpi"
              label="KPI"
              error={error && !kpiId ? error : null}
              hint={kind === "kpi_bar" ? "Only KPIs computed from the work can be split." : undefined}
            >
              {(c) => (
                <select {...c} className={selectTriggerClassName()} value={kpiId} onChange={(e) => setKpiId(e.target.value)}>
                  <option value="">{kpis.isPending ? "Loading KPIs…" : live.length ? "Choose a KPI" : "No KPI to choose yet"}</option>
                  {live.map((k) => (
                    <option key={k.id} value={k.id}>
                      {k.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          {kind === "kpi_line" ? (
            <Field id="widget-range" label="Default range">
              {(c) => (
                <select {...c} className={selectTriggerClassName()} value={range} onChange={(e) => setRange(e.target.value as typeof range)}>
                  {TIME_RANGES.filter((r) => r !== "custom").map((r) => (
                    <option key={r} value={r}>
                      {TIME_RANGE_LABELS[r]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          {kind === "kpi_bar" ? (
            <Field id="widget-by" label="Compare by">
              {(c) => (
                <select {...c} className={selectTriggerClassName()} value={by} onChange={(e) => setBy(e.target.value as "side" | "project")}>
                  <option value="side">Side</option>
                  <option value="project">Linked project</option>
                </select>
              )}
            </Field>
          ) : null}
          {kind === "burn_up" ? (
            <Field id="widget-project" label="Project" hint="Every joint project when none is chosen.">
              {(c) => (
                <select {...c} className={selectTriggerClassName()} value={projectId} onChange={(e) => setProjectId(e.target.value)}>
                  <option value="">All projects</option>
                  {(projects.data ?? []).map((p) => (
                    <option key={p.project.id} value={p.project.id}>
                      {p.project.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          {kind === "feed_strip" ? (
            <Field id="widget-limit" label="Items">
              {(c) => (
                <select {...c} className={selectTriggerClassName()} value={limit} onChange={(e) => setLimit(Number(e.target.value))}>
                  {[5, 8, 12, 20].map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          {error && !(needsKpi && !kpiId) ? (
            <p role="alert" className="text-[13px] font-medium text-destructive">
              {error}
            </p>
          ) : null}
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={add.isPending}>
              {add.isPending ? "Adding…" : "Add widget"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
