"use client";

import { Button } from "@tandem/ui/button";
import { useState } from "react";

import { DataTable } from "./data-table";

/** A chart with its one-sentence summary and a "Show as table" toggle for the same numbers. */
export function ChartFrame({
  title,
  summary,
  table,
  children,
}: {
  title: React.ReactNode;
  summary: string;
  table: { caption: string; head: string[]; rows: (string | number)[][] };
  children: React.ReactNode;
}) {
  const [asTable, setAsTable] = useState(false);
  return (
    <div className="grid gap-2">
      <div className="flex items-start justify-between gap-2">
        <h2 className="min-w-0 text-sm leading-snug font-medium">{title}</h2>
        <Button variant="ghost" size="sm" className="-mt-1 h-7 shrink-0 px-2 text-xs" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
          {asTable ? "Show as chart" : "Show as table"}
        </Button>
      </div>
      <p className="text-xs text-muted-foreground" data-testid="chart-summary">
        {summary}
      </p>
      {asTable ? <DataTable {...table} /> : children}
    </div>
  );
}
