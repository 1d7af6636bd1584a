import type * as React from "react";

import { cn } from "./utils";

export function Input({ className, type, ...props }: React.ComponentProps<"input">) {
  return (
    <input
      type={type}
      data-slot="input"
      className={cn(
        "flex h-9 w-full min-w-0 rounded-md border border-input bg-card px-3 py-1 text-[15px] shadow-xs transition-[border-color,box-shadow] outline-none placeholder:text-muted-foreground/80 sm:text-sm",
        "focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/25 focus-visible:outline-none",
        "aria-invalid:border-destructive aria-invalid:ring-destructive/20 disabled:cursor-not-allowed disabled:opacity-55",
        "read-only:bg-muted read-only:text-muted-foreground",
        className,
      )}
      {...props}
    />
  );
}
