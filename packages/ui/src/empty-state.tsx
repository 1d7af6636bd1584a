import type { LucideIcon } from "lucide-react";

import { cn } from "./utils";

/** A list with nothing in it: an icon, one line saying so, and what will appear or what to try. */
export function EmptyState({ icon: Icon, title, children, className, ...props }: { icon: LucideIcon; title: React.ReactNode } & React.ComponentProps<"div">) {
  return (
    <div className={cn("grid place-items-center gap-2 rounded-xl border border-dashed px-4 py-12 text-center", className)} {...props}>
      <Icon aria-hidden className="size-5 text-muted-foreground" />
      <p className="text-sm font-medium">{title}</p>
      {children ? <p className="max-w-sm text-sm text-muted-foreground">{children}</p> : null}
    </div>
  );
}
