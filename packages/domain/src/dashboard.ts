// What a dashboard can hold. Plain constants: safe in the browser.

export const WIDGET_KINDS = ["kpi_tile", "kpi_line", "kpi_bar", "health_matrix", "burn_up", "feed_strip"] as const;
export type WidgetKind = (typeof WIDGET_KINDS)[number];
export const WIDGET_KIND_LABELS: Record<WidgetKind, string> = {
  kpi_tile: "KPI tile",
  kpi_line: "KPI line chart",
  kpi_bar: "KPI by side or project",
  health_matrix: "Project health matrix",
  burn_up: "Task burn-up",
  feed_strip: "Feed strip",
};

/** A widget spans 1–4 of the grid's columns and 1–3 rows; on a phone every widget is one column. */
export const WIDGET_MAX_WIDTH = 4;
export const WIDGET_MAX_HEIGHT = 3;

export const TIME_RANGES = ["4w", "quarter", "year", "custom"] as const;
export type TimeRange = (typeof TIME_RANGES)[number];
export const TIME_RANGE_LABELS: Record<TimeRange, string> = { "4w": "4 weeks", quarter: "Quarter", year: "Year", custom: "Custom" };
