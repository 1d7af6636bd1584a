// The KPI register's words: what a KPI measures in, which way is better, how often it is counted,
// who owns it, and where its numbers come from. Plain constants: safe in the browser.
import type { WorkingSide } from "./sides";

export const KPI_UNITS = ["count", "percent", "currency", "duration"] as const;
export type KpiUnit = (typeof KPI_UNITS)[number];
export const KPI_UNIT_LABELS: Record<KpiUnit, string> = { count: "Count", percent: "Percent", currency: "Currency", duration: "Duration (hours)" };

export const KPI_DIRECTIONS = ["higher", "lower"] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];
export const KPI_DIRECTION_LABELS: Record<KpiDirection, string> = { higher: "Higher is better", lower: "Lower is better" };

export const KPI_CADENCES = ["weekly", "monthly", "quarterly"] as const;
export type KpiCadence = (typeof KPI_CADENCES)[number];
export const KPI_CADENCE_LABELS: Record<KpiCadence, string> = { weekly: "Weekly", monthly: "Monthly", quarterly: "Quarterly" };

/** Who owns a KPI: one working side, or both together. */
export const KPI_OWNERS = ["marketing", "it", "joint"] as const;
export type KpiOwner = (typeof KPI_OWNERS)[number];
export const KPI_OWNER_LABELS: Record<KpiOwner, string> = { marketing: "Marketing", it: "IT", joint: "Joint" };

export const KPI_SOURCES = ["entered", "imported", "computed"] as const;
export type KpiSource = (typeof KPI_SOURCES)[number];
export const KPI_SOURCE_LABELS: Record<KpiSource, string> = { entered: "Entered", imported: "Imported (CSV)", computed: "Computed from the work" };

/** Where a KPI stands: a draft until both sides signed its current definition; retired keeps its history. */
export const KPI_STATUSES = ["draft", "agreed", "retired"] as const;
export type KpiStatus = (typeof KPI_STATUSES)[number];
export const KPI_STATUS_LABELS: Record<KpiStatus, string> = { draft: "Draft", agreed: "Agreed", retired: "Retired" };

/** A value against its target: on target, within the at-risk band, or off target. */
export const KPI_STATES = ["on", "at_risk", "off"] as const;
export type KpiState = (typeof KPI_STATES)[number];
export const KPI_STATE_LABELS: Record<KpiState, string> = { on: "On target", at_risk: "At risk", off: "Off target" };

export const SIGNATURE_VERDICTS = ["signed", "objected"] as const;
export type SignatureVerdict = (typeof SIGNATURE_VERDICTS)[number];

/** The fields whose change makes a new version of an agreed definition (name and description don't). */
export const KPI_DEFINITION_FIELDS = ["unit", "currency", "direction", "target", "atRisk", "cadence", "metric"] as const;

/**
 * The state of a value: with "higher is better", on target at or above the target, at risk at
 * or above the at-risk threshold, off below it; "lower is better" mirrors that.
 */
export function kpiState(value: number, kpi: { direction: KpiDirection; target: number; atRisk: number }): KpiState {
  if (kpi.direction === "higher") return value >= kpi.target ? "on" : value >= kpi.atRisk ? "at_risk" : "off";
  return value <= kpi.target ? "on" : value <= kpi.atRisk ? "at_risk" : "off";
}

/**
 * Whether a number fits the KPI's unit: the reason it doesn't ("is not a percentage between 0 and
 * 100"), or null. The API refuses such a value; the record form says so before sending it.
 */
export function kpiValueProblem(kpi: { unit: KpiUnit }, value: number): string | null {
  if (!Number.isFinite(value)) return "is not a number";
  if (Math.abs(value) > 1e12) return "is too large";
  if (kpi.unit === "percent" && (value < 0 || value > 100)) return "is not a percentage between 0 and 100";
  if ((kpi.unit === "count" || kpi.unit === "duration") && value < 0) return `can't be negative for a ${kpi.unit}`;
  return null;
}

/** Who may record a value of a KPI: its owning side, or either working side for a joint one. */
export function mayRecord(owner: KpiOwner, side: string): side is WorkingSide {
  return side === "marketing" || side === "it" ? owner === "joint" || owner === side : false;
}

/** A value in its unit, for tiles, tables and sentences: "92.1 %", "€1,200", "36 h", "14". */
export function formatKpiValue(value: number, kpi: { unit: KpiUnit; currency?: string | null }): string {
  const n = (digits: number) => value.toLocaleString("en-GB", { maximumFractionDigits: digits });
  switch (kpi.unit) {
    case "percent":
      return `${n(1)} %`;
    case "currency":
      try {
        return value.toLocaleString("en-GB", { style: "currency", currency: kpi.currency ?? "EUR", maximumFractionDigits: 0 });
      } catch {
        return `${n(0)} ${kpi.currency ?? ""}`.trim();
      }
    case "duration":
      return `${n(1)} h`;
    default:
      return n(2);
  }
}
