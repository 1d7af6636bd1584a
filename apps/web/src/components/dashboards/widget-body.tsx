"use client";

import { Skeleton } from "@tandem/ui/skeleton";

import type { DataOf, WidgetData, WidgetView } from "./types";
import { BurnUp } from "./widgets/burn-up";
import { FeedStrip } from "./widgets/feed-strip";
import { HealthMatrix } from "./widgets/health-matrix";
import { KpiBar } from "./widgets/kpi-bar";
import { KpiLine } from "./widgets/kpi-line";
import { KpiTile } from "./widgets/kpi-tile";

/** What a widget shows, from its data (and the previous range's, when comparing). */
export function WidgetBody({
  slug,
  widget,
  data,
  previous,
  large,
}: {
  slug: string;
  widget: WidgetView;
  data: WidgetData | undefined;
  previous: WidgetData | undefined;
  large?: boolean;
}) {
  if (!data) return <Skeleton className="h-24 w-full" />;
  if ("missing" in data && data.missing)
    return <p className="text-sm text-muted-foreground">This KPI no longer exists. Remove the widget or choose another KPI.</p>;
  const prev = <K extends WidgetData["kind"]>(k: K) => (previous?.kind === k && !("missing" in previous) ? (previous as DataOf<K>) : null);
  switch (data.kind) {
    case "kpi_tile":
      return <KpiTile slug={slug} data={data as DataOf<"kpi_tile">} previous={prev("kpi_tile")} large={large} />;
    case "kpi_line":
      return <KpiLine slug={slug} data={data as DataOf<"kpi_line">} previous={prev("kpi_line")} large={large} />;
    case "kpi_bar":
      return <KpiBar data={data as DataOf<"kpi_bar">} />;
    case "health_matrix":
      return <HealthMatrix slug={slug} data={data} />;
    case "burn_up":
      return <BurnUp data={data} />;
    case "feed_strip":
      return <FeedStrip data={data} />;
    default:
      return <p className="text-sm text-muted-foreground">Unknown widget ({widget.kind}).</p>;
  }
}
