import { formatKpiValue, KPI_STATE_LABELS, KPI_STATUS_LABELS, type KpiState, type KpiStatus, type KpiUnit } from "@tandem/domain/kpi";
import { SIDE_LABELS, WORKING_SIDES, type WorkingSide } from "@tandem/domain/sides";
import { Badge } from "@tandem/ui/badge";
import { Check, CircleAlert, Clock3 } from "lucide-react";

import { KPI_STATE_STYLES, type KpiRow } from "~/lib/kpis";
import { cn } from "~/lib/utils";

export function KpiStateBadge({ state, className }: { state: KpiState | null; className?: string }) {
  if (!state)
    return (
      <Badge variant="muted" className={className}>
        No value
      </Badge>
    );
  const s = KPI_STATE_STYLES[state];
  return (
    <Badge className={cn("border-transparent", s.soft, s.ink, className)} data-testid="kpi-state">
      <span aria-hidden className={cn("size-2 rounded-full", s.dot)} />
      {KPI_STATE_LABELS[state]}
    </Badge>
  );
}

export function KpiStatusBadge({ status, className }: { status: KpiStatus; className?: string }) {
  const variant = status === "agreed" ? "default" : status === "retired" ? "muted" : "outline";
  return (
    <Badge variant={variant} className={className} data-testid="kpi-status">
      {KPI_STATUS_LABELS[status]}
    </Badge>
  );
}

type Stance = KpiRow["stances"][WorkingSide];

/** One side's stance on the current version: signed ✓, objected (with its reason), or waiting. */
export function StanceLine({ side, stance, showReason = true }: { side: WorkingSide; stance: Stance; showReason?: boolean }) {
  const label = SIDE_LABELS[side];
  if (!stance)
    return (
      <span className="flex items-center gap-1.5 text-[13px] text-muted-foreground" data-testid={`stance-${side}`}>
        <Clock3 aria-hidden className="size-3.5" /> {label}: waiting
      </span>
    );
  if (stance.verdict === "signed")
    return (
      <span className="flex items-center gap-1.5 text-[13px] text-success-ink" data-testid={`stance-${side}`}>
        <Check aria-hidden className="size-3.5" /> {label}: signed
      </span>
    );
  return (
    <span className="grid gap-0.5 text-[13px] text-destructive" data-testid={`stance-${side}`}>
      <span className="flex items-center gap-1.5 font-medium">
        <CircleAlert aria-hidden className="size-3.5" /> {label}: objected
      </span>
      {showReason && stance.reason ? <span className="line-clamp-2 pl-5 text-muted-foreground">“{stance.reason}”</span> : null}
    </span>
  );
}

export function Stances({ stances }: { stances: KpiRow["stances"] }) {
  return (
    <div className="grid gap-1">
      {WORKING_SIDES.map((side) => (
        <StanceLine key={side} side={side} stance={stances[side]} />
      ))}
    </div>
  );
}

export function KpiValue({ value, kpi }: { value: number | null | undefined; kpi: { unit: KpiUnit; currency: string | null } }) {
  if (value === null || value === undefined) return <span className="text-muted-foreground">—</span>;
  return <span className="font-medium tabular-nums">{formatKpiValue(value, kpi)}</span>;
}
