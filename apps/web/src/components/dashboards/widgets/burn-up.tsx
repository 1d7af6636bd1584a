"use client";

import { periodKey } from "@tandem/domain/rules";

import type { DataOf } from "../types";
import { ChartFrame } from "./chart-frame";
import { BurnUpChart } from "./lazy-charts";

/** Tasks in scope against tasks done, week by week: is the work catching up with what was asked? */
export function BurnUp({ data }: { data: DataOf<"burn_up"> }) {
  const last = data.weeks.at(-1);
  const first = data.weeks[0];
  const summary = last
    ? `${last.done} of ${last.scope} tasks done by ${periodKey(last.weekStart, "weekly")}${first ? `, from ${first.done} of ${first.scope} in ${periodKey(first.weekStart, "weekly")}` : ""}.`
    : "No tasks in this range.";
  return (
    <ChartFrame
      title="Task burn-up"
      summary={summary}
      table={{
        caption: "Tasks in scope and done by week",
        head: ["Week", "All tasks", "Done"],
        rows: data.weeks.map((w) => [periodKey(w.weekStart, "weekly"), w.scope, w.done]),
      }}
    >
      <BurnUpChart weeks={data.weeks} />
    </ChartFrame>
  );
}
