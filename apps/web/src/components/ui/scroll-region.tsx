import { cn } from "~/lib/utils";

/**
 * A box that scrolls (a wide or long table), reachable from the keyboard: focused, the arrow
 * keys scroll it, and a screen reader names it. Without this, a table with no links or buttons
 * in it can only be scrolled with a mouse or a finger.
 */
export function ScrollRegion({ label, className, children, ...props }: { label: string } & React.ComponentProps<"div">) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must be focusable for keyboard scrolling (WCAG 2.1.1)
    <div role="region" aria-label={label} tabIndex={0} className={cn("outline-none focus-visible:ring-[3px] focus-visible:ring-ring/35", className)} {...props}>
      {children}
    </div>
  );
}
