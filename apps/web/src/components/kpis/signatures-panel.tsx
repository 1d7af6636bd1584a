"use client";

import { SIDE_LABELS, WORKING_SIDES, type WorkingSide } from "@tandem/domain/sides";
import { Button } from "@tandem/ui/button";
import { Card } from "@tandem/ui/card";
import { Spinner } from "@tandem/ui/spinner";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Check, Undo2 } from "lucide-react";

import { FormAlert } from "~/components/forms/field";
import { exactTime, ago } from "~/lib/dates";
import { errorMessage, trpcCode } from "~/lib/form-errors";
import { isSideLead, type KpiDetail } from "~/lib/kpis";
import { toast } from "~/lib/toast";
import { useTRPC } from "~/trpc/react";
import { useState } from "react";

import { StanceLine } from "./kpi-badges";
import { ObjectDialog } from "./object-dialog";

/**
 * Each working side's stance on the version shown, and — for a lead or admin of that side —
 * Sign, Object and Withdraw. Each sends the version on screen: if the definition changed
 * meanwhile the API answers CONFLICT, the message is shown and the KPI read again.
 */
export function SignaturesPanel({ slug, kpi, me }: { slug: string; kpi: KpiDetail; me: { role: string; side: string } | undefined }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState<string | null>(null);
  const refetch = () => queryClient.invalidateQueries({ queryKey: trpc.kpi.pathKey() });
  const onError = (title: string) => (err: unknown) => {
    if (trpcCode(err) === "CONFLICT") {
      setConflict(errorMessage(err));
      void refetch();
    } else toast.error(title, { description: errorMessage(err) });
  };
  const sign = useMutation(trpc.kpi.sign.mutationOptions({ onError: onError("We couldn't sign the KPI."), onSuccess: () => setConflict(null) }));
  const withdraw = useMutation(
    trpc.kpi.withdrawObjection.mutationOptions({ onError: onError("We couldn't withdraw the objection."), onSuccess: () => setConflict(null) }),
  );
  const mySide = me && isSideLead(me) ? me.side : null;
  const open = kpi.status !== "retired";

  return (
    <Card className="grid gap-3 p-4" aria-labelledby="kpi-signatures-heading" data-testid="kpi-signatures">
      <div className="grid gap-0.5">
        <h2 id="kpi-signatures-heading" className="text-sm font-semibold">
          Signatures on version {kpi.version}
        </h2>
        <p className="text-[13px] text-muted-foreground">
          {kpi.status === "agreed" ? "Both sides signed this definition." : "Agreed once a lead of each side has signed this version."}
        </p>
      </div>
      {conflict ? <FormAlert>{conflict}</FormAlert> : null}
      <ul className="grid gap-3">
        {WORKING_SIDES.map((side) => (
          <SideStance key={side} side={side} kpi={kpi} />
        ))}
      </ul>
      {open && mySide ? (
        <div className="grid gap-2 border-t pt-3">
          <p className="text-[13px] text-muted-foreground">As a lead of {SIDE_LABELS[mySide]}:</p>
          <div className="flex flex-wrap gap-2">
            {kpi.stances[mySide]?.verdict !== "signed" ? (
              <Button size="sm" disabled={sign.isPending} onClick={() => sign.mutate({ workspaceSlug: slug, kpiId: kpi.id, version: kpi.version })}>
                {sign.isPending ? <Spinner /> : <Check aria-hidden />} Sign version {kpi.version}
              </Button>
            ) : null}
            {kpi.stances[mySide]?.verdict === "objected" ? (
              <Button
                size="sm"
                variant="outline"
                disabled={withdraw.isPending}
                onClick={() => withdraw.mutate({ workspaceSlug: slug, kpiId: kpi.id, version: kpi.version })}
              >
                {withdraw.isPending ? <Spinner /> : <Undo2 aria-hidden />} Withdraw objection
              </Button>
            ) : (
              <ObjectDialog
                slug={slug}
                kpiId={kpi.id}
                version={kpi.version}
                onConflict={(m) => {
                  setConflict(m);
                  void refetch();
                }}
              />
            )}
          </div>
        </div>
      ) : null}
    </Card>
  );
}

function SideStance({ side, kpi }: { side: WorkingSide; kpi: KpiDetail }) {
  const s = kpi.stances[side];
  return (
    <li className="grid gap-0.5">
      <StanceLine side={side} stance={s} showReason={false} />
      {s ? (
        <span className="pl-5 text-xs text-muted-foreground">
          {s.name} ·{" "}
          <time dateTime={s.at} title={exactTime(s.at)}>
            {ago(s.at)}
          </time>
        </span>
      ) : null}
      {s?.verdict === "objected" && s.reason ? <p className="pl-5 text-[13px] whitespace-pre-wrap">“{s.reason}”</p> : null}
    </li>
  );
}

/** An open objection, shown at the top of the page: the definition isn't agreed while it stands. */
export function ObjectionBanner({ kpi }: { kpi: KpiDetail }) {
  const objections = WORKING_SIDES.flatMap((side) => {
    const s = kpi.stances[side];
    return s?.verdict === "objected" ? [{ side, ...s }] : [];
  });
  if (objections.length === 0 || kpi.status === "retired") return null;
  return (
    <div role="status" className="grid gap-2 rounded-xl border border-destructive/30 bg-destructive-soft px-4 py-3" data-testid="kpi-objection">
      {objections.map((o) => (
        <div key={o.side} className="grid gap-0.5 text-sm">
          <p className="font-semibold text-destructive">
            {SIDE_LABELS[o.side]} objects to version {kpi.version}
            <span className="font-normal text-muted-foreground">
              {" "}
              · {o.name}, {ago(o.at)}
            </span>
          </p>
          <p className="whitespace-pre-wrap text-foreground">“{o.reason}”</p>
        </div>
      ))}
    </div>
  );
}
