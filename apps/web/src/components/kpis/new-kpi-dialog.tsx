"use client";

import { Button } from "@tandem/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@tandem/ui/dialog";
import { useMutation } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { toast } from "~/lib/toast";
import { useTRPC } from "~/trpc/react";

import { EMPTY_KPI, KpiForm } from "./kpi-form";

/** Proposes a KPI: a draft until a lead of each side signs it. Writers only (the page decides). */
export function NewKpiDialog({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.kpi.create.mutationOptions());
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden /> New KPI
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[calc(100dvh-2rem)] max-w-xl overflow-y-auto">
        <DialogHeader>
          <DialogTitle>New KPI</DialogTitle>
          <DialogDescription>It starts as a draft; it is agreed once a lead of marketing and a lead of IT have both signed its definition.</DialogDescription>
        </DialogHeader>
        <KpiForm
          slug={slug}
          idPrefix="new-kpi"
          initial={EMPTY_KPI}
          submitLabel="Propose KPI"
          pendingLabel="Proposing…"
          onCancel={() => setOpen(false)}
          onSubmit={async (values) => {
            const kpi = await create.mutateAsync({ workspaceSlug: slug, ...values });
            toast.success(`KPI “${kpi.name}” proposed`, { description: "Waiting for both sides to sign." });
            setOpen(false);
            router.push(`/${slug}/kpis/${kpi.id}`);
          }}
        />
      </DialogContent>
    </Dialog>
  );
}
