import { cn } from "./utils";

/** The trigger's look, shared with look-alikes that stand in for a select until its code loads. */
export function selectTriggerClassName(size: "sm" | "default" = "default", className?: string) {
  return cn(
    "flex w-full items-center justify-between gap-2 rounded-md border border-input bg-card px-3 text-sm whitespace-nowrap shadow-xs transition-[border-color,box-shadow] outline-none",
    "focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/25 focus-visible:outline-none",
    "aria-invalid:border-destructive disabled:cursor-not-allowed disabled:opacity-55 data-[placeholder]:text-muted-foreground",
    "[&>span]:line-clamp-1 [&>span]:flex [&>span]:items-center [&>span]:gap-2",
    size === "sm" ? "h-8 text-[13px]" : "h-9",
    className,
  );
}
