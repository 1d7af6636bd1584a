"use client";

import { Button } from "@tandem/ui/button";
import { Spinner } from "@tandem/ui/spinner";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Archive, Download } from "lucide-react";
import { useState } from "react";

import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { download } from "~/lib/download";
import { errorMessage } from "~/lib/form-errors";
import type { KpiDetail } from "~/lib/kpis";
import { toast } from "~/lib/toast";
import { useTRPC } from "~/trpc/react";

/** Every revision as CSV, downloaded as a file (as the feed's export does). */
export function ExportKpiButton({ slug, kpi }: { slug: string; kpi: KpiDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="outline"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        try {
          const res = await queryClient.fetchQuery({ ...trpc.kpi.exportCsv.queryOptions({ workspaceSlug: slug, kpiId: kpi.id }), staleTime: 0 });
          download(res.filename, res.csv, "text/csv;charset=utf-8");
          toast.success(`Exported ${res.rows} ${res.rows === 1 ? "value" : "values"}`, { description: res.filename });
        } catch (err) {
          toast.error("We couldn't export the values.", { description: errorMessage(err) });
        } finally {
          setPending(false);
        }
      }}
    >
      {pending ? <Spinner /> : <Download aria-hidden />} Export CSV
    </Button>
  );
}

/** Retires the KPI: it keeps its history and signatures but takes no values and no changes. */
export function RetireKpiButton({ slug, kpi }: { slug: string; kpi: KpiDetail }) {
  const trpc = useTRPC();
  const retire = useMutation(trpc.kpi.retire.mutationOptions());
  return (
    <ConfirmDialog
      trigger={
        <Button variant="outline" className="text-destructive">
          <Archive aria-hidden /> Retire
        </Button>
      }
      title={`Retire “${kpi.name}”?`}
      description="It stays in the register with its history, but takes no new values and its definition can't change. This can't be undone."
      confirmLabel="Retire KPI"
      pendingLabel="Retiring…"
      onConfirm={async () => {
        try {
          await retire.mutateAsync({ workspaceSlug: slug, kpiId: kpi.id });
          toast.success(`“${kpi.name}” retired`);
        } catch (err) {
          return errorMessage(err, "We couldn't retire the KPI. Try again.");
        }
      }}
    />
  );
}
