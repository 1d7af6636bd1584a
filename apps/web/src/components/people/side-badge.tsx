import { Badge } from "@tandem/ui/badge";
import { ROLE_LABELS, SIDE_LABELS, SIDE_STYLES, type Role, type Side } from "~/lib/sides";
import { cn } from "~/lib/utils";

export function SideBadge({ side, className }: { side: Side; className?: string }) {
  return (
    <Badge variant={side} className={className}>
      <span aria-hidden className={cn("size-1.5 rounded-full", SIDE_STYLES[side].dot)} />
      {SIDE_LABELS[side]}
    </Badge>
  );
}

export function RoleBadge({ role, className }: { role: Role; className?: string }) {
  return (
    <Badge variant={role === "admin" ? "default" : "muted"} className={className}>
      {ROLE_LABELS[role]}
    </Badge>
  );
}
