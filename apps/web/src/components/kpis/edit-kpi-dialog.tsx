"use client";

import { isMetricId } from "@tandem/domain/metrics";
import { Button } from "@tandem/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@tandem/ui/dialog";
import { useMutation } from "@tanstack/react-query";
import { Pencil, TriangleAlert } from "lucide-react";
import { useState } from "react";

import type { KpiDetail } from "~/lib/kpis";
import { toast } from "~/lib/toast";
import { useTRPC } from "~/trpc/react";

import { KpiForm } from "./kpi-form";

/** Edits the definition; what both sides signed (unit, target…) changing makes a new version. */
export function EditKpiDialog({ slug, kpi }: { slug: string; kpi: KpiDetail }) {
  const trpc = useTRPC();
  const update = useMutation(trpc.kpi.update.mutationOptions());
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <Pencil aria-hidden /> Edit definition
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[calc(100dvh-2rem)] max-w-xl overflow-y-auto">
        <DialogHeader>
          <DialogTitle>Edit “{kpi.name}”</DialogTitle>
          <DialogDescription>Version {kpi.version}.</DialogDescription>
        </DialogHeader>
        <p className="flex items-start gap-2 rounded-lg border border-warning/40 bg-warning-soft px-3 py-2.5 text-sm text-warning-ink" role="note">
          <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
          Changing the unit, target, at-risk threshold, direction, cadence or metric makes version {kpi.version + 1}: a draft again, which both sides sign
          again. The name, description, owner and projects change without a new version.
        </p>
        <KpiForm
          slug={slug}
          idPrefix="edit-kpi"
          edit
          initial={{
            name: kpi.name,
            description: kpi.description,
            unit: kpi.unit,
            currency: kpi.currency,
            direction: kpi.direction,
            target: kpi.target,
            atRisk: kpi.atRisk,
            cadence: kpi.cadence,
            owner: kpi.owner,
            source: kpi.source,
            formula: kpi.formula
              ? {
                  metric: isMetricId(kpi.formula.metric) ? kpi.formula.metric : undefined,
                  side: kpi.formula.side ?? null,
                  projectId: kpi.formula.projectId ?? null,
                }
              : null,
            projectIds: kpi.projectIds,
          }}
          submitLabel="Save definition"
          pendingLabel="Saving…"
          onCancel={() => setOpen(false)}
          onSubmit={async ({ source, formula, ...values }) => {
            const saved = await update.mutateAsync({ workspaceSlug: slug, kpiId: kpi.id, ...values, ...(source === "computed" ? { formula } : {}) });
            toast.success(saved.version > kpi.version ? `Saved as version ${saved.version}` : "Definition saved", {
              description: saved.version > kpi.version ? "Both sides sign the new version." : undefined,
            });
            setOpen(false);
          }}
        />
      </DialogContent>
    </Dialog>
  );
}
