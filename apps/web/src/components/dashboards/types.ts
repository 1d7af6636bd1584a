import type { RouterOutputs } from "@tandem/api";

export type DashboardView = RouterOutputs["dashboard"]["get"];
export type WidgetView = DashboardView["widgets"][number];
export type WidgetData = RouterOutputs["dashboard"]["data"][number]["data"];
export type DataOf<K extends WidgetData["kind"]> = Extract<WidgetData, { kind: K; missing?: never }>;
export type SeriesPoint = DataOf<"kpi_line">["series"][number];
export type KpiHead = DataOf<"kpi_line">["kpi"];
