"use client";

import { WIDGET_KIND_LABELS, WIDGET_MAX_HEIGHT, WIDGET_MAX_WIDTH } from "@tandem/domain/dashboard";
import { Button } from "@tandem/ui/button";
import { Card } from "@tandem/ui/card";
import { selectTriggerClassName } from "@tandem/ui/select-look";
import { ArrowDown, ArrowUp, Trash2 } from "lucide-react";

import { cn } from "~/lib/utils";

import type { WidgetView } from "./types";

// Spans written out in full so Tailwind sees them; on a phone every widget is one column.
const COLS = ["", "lg:col-span-1", "sm:col-span-2 lg:col-span-2", "sm:col-span-2 lg:col-span-3", "sm:col-span-2 lg:col-span-4"] as const;
const ROWS = ["", "lg:row-span-1", "lg:row-span-2", "lg:row-span-3"] as const;

export interface WidgetEditing {
  index: number;
  count: number;
  busy: boolean;
  move: (delta: -1 | 1) => void;
  resize: (size: { width?: number; height?: number }) => void;
  remove: () => void;
}

/**
 * One widget on the grid. In edit mode it gets its controls: move earlier or later (buttons, or
 * Alt+↑/↓ with the widget focused), width and height, remove.
 */
export function WidgetFrame({ widget, editing, children }: { widget: WidgetView; editing: WidgetEditing | null; children: React.ReactNode }) {
  const name = WIDGET_KIND_LABELS[widget.kind];
  return (
    <Card
      className={cn("flex min-w-0 flex-col gap-3 p-4", COLS[widget.width], ROWS[widget.height], editing && "ring-2 ring-primary/30")}
      data-testid="widget"
      data-kind={widget.kind}
      tabIndex={editing ? 0 : undefined}
      aria-label={editing ? `${name}, ${editing.index + 1} of ${editing.count}` : undefined}
      onKeyDown={
        editing
          ? (e) => {
              if (!e.altKey || (e.key !== "ArrowUp" && e.key !== "ArrowDown")) return;
              e.preventDefault();
              editing.move(e.key === "ArrowUp" ? -1 : 1);
            }
          : undefined
      }
    >
      {editing ? (
        <div className="flex flex-wrap items-center gap-1.5 border-b pb-2 text-xs" data-testid="widget-controls">
          <span className="mr-auto font-medium text-muted-foreground">{name}</span>
          <Button
            variant="ghost"
            size="icon"
            className="size-7"
            aria-label={`Move ${name} earlier`}
            disabled={editing.busy || editing.index === 0}
            onClick={() => editing.move(-1)}
          >
            <ArrowUp className="size-3.5" />
          </Button>
          <Button
            variant="ghost"
            size="icon"
            className="size-7"
            aria-label={`Move ${name} later`}
            disabled={editing.busy || editing.index === editing.count - 1}
            onClick={() => editing.move(1)}
          >
            <ArrowDown className="size-3.5" />
          </Button>
          <label className="flex items-center gap-1">
            <span className="text-muted-foreground">Width</span>
            <select
              className={selectTriggerClassName("sm", "h-7 w-14 px-1.5")}
              value={widget.width}
              disabled={editing.busy}
              onChange={(e) => editing.resize({ width: Number(e.target.value) })}
            >
              {Array.from({ length: WIDGET_MAX_WIDTH }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-1">
            <span className="text-muted-foreground">Height</span>
            <select
              className={selectTriggerClassName("sm", "h-7 w-14 px-1.5")}
              value={widget.height}
              disabled={editing.busy}
              onChange={(e) => editing.resize({ height: Number(e.target.value) })}
            >
              {Array.from({ length: WIDGET_MAX_HEIGHT }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <Button
            variant="ghost"
            size="icon"
            className="size-7 text-destructive"
            aria-label={`Remove ${name}`}
            disabled={editing.busy}
            onClick={editing.remove}
          >
            <Trash2 className="size-3.5" />
          </Button>
        </div>
      ) : null}
      <div className="min-w-0 flex-1">{children}</div>
    </Card>
  );
}
