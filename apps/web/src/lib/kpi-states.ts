import type { KpiState } from "@tandem/domain/kpi";

/** A KPI state's look, in the health colours: on target is success, at risk warning, off destructive. */
export const KPI_STATE_STYLES: Record<KpiState, { dot: string; soft: string; ink: string; stroke: string }> = {
  on: { dot: "bg-success", soft: "bg-success-soft", ink: "text-success-ink", stroke: "var(--success)" },
  at_risk: { dot: "bg-warning", soft: "bg-warning-soft", ink: "text-warning-ink", stroke: "var(--warning)" },
  off: { dot: "bg-destructive", soft: "bg-destructive-soft", ink: "text-destructive", stroke: "var(--destructive)" },
};
