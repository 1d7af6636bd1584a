import { cn } from "~/lib/utils";

/** Two linked rings, one per side: the work is done in tandem. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden className={cn("size-7", className)}>
      <rect width="32" height="32" rx="8" fill="var(--color-foreground)" />
      <circle cx="12.5" cy="16" r="6" fill="none" stroke="var(--color-marketing)" strokeWidth="3" />
      <circle cx="19.5" cy="16" r="6" fill="none" stroke="var(--color-it)" strokeWidth="3" />
      <path d="M16 11.2a6 6 0 0 1 0 9.6" fill="none" stroke="var(--color-marketing)" strokeWidth="3" />
    </svg>
  );
}

export function Logo({ className }: { className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2 text-[15px] font-semibold tracking-tight", className)}>
      <LogoMark />
      Tandem
    </span>
  );
}
