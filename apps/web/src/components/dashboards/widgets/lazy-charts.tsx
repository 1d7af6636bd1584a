"use client";

import { Skeleton } from "@tandem/ui/skeleton";
import dynamic from "next/dynamic";
import { type ComponentType, useEffect, useRef, useState } from "react";

// Loaded after the page: each placeholder has the chart's own height, so nothing moves when it arrives.
const chart = (h: string) =>
  function ChartSkeleton() {
    return <Skeleton className={`${h} w-full`} />;
  };

/**
 * A chart drawn only once its place comes near the screen (as Grafana does with panels): on a
 * phone the widgets stack in one column, and drawing a dozen Recharts charts nobody sees yet held
 * the main thread for seconds. Until then, an empty box of the chart's height keeps the layout.
 */
function whenNearScreen<P extends object>(Chart: ComponentType<P>, h: string) {
  return function NearScreen(props: P) {
    const ref = useRef<HTMLDivElement>(null);
    const [near, setNear] = useState(false);
    useEffect(() => {
      const el = ref.current;
      if (!el || near) return;
      if (typeof IntersectionObserver === "undefined") return setNear(true);
      const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: "200px 0px" });
      io.observe(el);
      return () => io.disconnect();
    }, [near]);
    if (near) return <Chart {...props} />;
    return <div ref={ref} aria-hidden data-slot="chart-pending" className={`${h} w-full`} />;
  };
}

export const KpiLineChart = whenNearScreen(
  dynamic(() => import("./charts").then((m) => m.KpiLineChart), { ssr: false, loading: chart("h-48") }),
  "h-48",
);
export const BurnUpChart = whenNearScreen(
  dynamic(() => import("./charts").then((m) => m.BurnUpChart), { ssr: false, loading: chart("h-48") }),
  "h-48",
);
export const SplitBarChart = whenNearScreen(
  dynamic(() => import("./charts").then((m) => m.SplitBarChart), { ssr: false, loading: chart("h-48") }),
  "h-48",
);
