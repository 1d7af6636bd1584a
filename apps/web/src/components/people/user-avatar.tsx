import { SIDE_STYLES, type Side } from "~/lib/sides";
import { cn, initials } from "~/lib/utils";

const SIZES = {
  xs: "size-6 text-[10px]",
  sm: "size-7 text-[11px]",
  md: "size-8 text-xs",
  lg: "size-10 text-sm",
} as const;

/** Initials in the side's soft colour, ringed with the side colour so a glance tells sides apart. */
export function UserAvatar({
  name,
  side,
  size = "md",
  online,
  stacked = false,
  className,
}: {
  name: string;
  side?: Side;
  size?: keyof typeof SIZES;
  online?: boolean;
  /** In an overlapping stack: the side colour moves inside, and a background-coloured edge separates neighbours. */
  stacked?: boolean;
  className?: string;
}) {
  const style = side ? SIDE_STYLES[side] : null;
  return (
    <span className={cn("relative inline-flex shrink-0", className)}>
      {/* Plain spans, not Radix Avatar: there are no pictures to load, and a feed renders dozens of these. */}
      <span
        data-slot="avatar"
        className={cn(
          "relative flex shrink-0 overflow-hidden rounded-full select-none",
          SIZES[size],
          stacked ? "ring-2 ring-[var(--stack-edge,var(--color-card))]" : style && ["ring-2 ring-offset-1 ring-offset-card", style.ring],
        )}
      >
        <span
          className={cn(
            "flex size-full items-center justify-center rounded-full font-semibold",
            style ? [style.soft, style.ink] : "bg-muted text-muted-foreground",
            stacked && style && ["border-[1.5px]", style.border],
          )}
        >
          {initials(name)}
        </span>
      </span>
      {online ? <span aria-hidden className="absolute -right-0.5 -bottom-0.5 size-2.5 rounded-full border-2 border-card bg-success" /> : null}
    </span>
  );
}
