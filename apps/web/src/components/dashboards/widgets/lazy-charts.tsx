"use client";

import { Skeleton } from "@tandem/ui/skeleton";
import dynamic from "next/dynamic";

// Loaded after the page: each placeholder has the chart's own height, so nothing moves when it arrives.
const chart = (h: string) =>
  function ChartSkeleton() {
    return <Skeleton className={`${h} w-full`} />;
  };

export const KpiLineChart = dynamic(() => import("./charts").then((m) => m.KpiLineChart), { ssr: false, loading: chart("h-48") });
export const SparkLine = dynamic(() => import("./charts").then((m) => m.SparkLine), { ssr: false, loading: chart("h-10") });
export const BurnUpChart = dynamic(() => import("./charts").then((m) => m.BurnUpChart), { ssr: false, loading: chart("h-48") });
export const SplitBarChart = dynamic(() => import("./charts").then((m) => m.SplitBarChart), { ssr: false, loading: chart("h-48") });
