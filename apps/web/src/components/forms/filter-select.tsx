"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";

import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "~/components/ui/select";
import { cn } from "~/lib/utils";

/** The "Any …" choice of a filter: the parameter is dropped from the URL. */
const ALL = "all";

/**
 * Filters kept in the URL's search params, so a filtered view can be shared and survives a
 * reload. `set(key, null)` (or the "Any" choice) removes the parameter.
 */
export function useUrlFilters() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params.toString());
    if (value && value !== ALL) next.set(key, value);
    else next.delete(key);
    const qs = next.toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };
  const clear = () => router.replace(pathname, { scroll: false });
  return { params, set, clear };
}

/** A compact select showing "Label: value", highlighted while it filters. */
export function FilterSelect({
  label,
  value,
  onChange,
  options,
  className,
}: {
  label: string;
  value: string | null;
  onChange: (v: string) => void;
  options: [string, string][];
  className?: string;
}) {
  const current = options.find(([v]) => v === value);
  return (
    <Select value={current ? current[0] : ALL} onValueChange={onChange}>
      <SelectTrigger
        size="sm"
        // The name begins with what is shown ("Project: Any"), then says it filters.
        aria-label={`${label}: ${current ? current[1] : "Any"}, filter`}
        className={cn("w-full min-w-0 sm:w-auto sm:max-w-72 sm:min-w-32 [&>span]:truncate", current && "border-primary/40 bg-primary-soft/60", className)}
      >
        <SelectValue>
          <span className="text-muted-foreground">{label}:</span> {current ? current[1] : "Any"}
        </SelectValue>
      </SelectTrigger>
      <SelectContent className="max-w-[calc(100vw-2rem)] min-w-48">
        <SelectItem value={ALL}>Any {label.toLowerCase()}</SelectItem>
        {options.map(([v, l]) => (
          <SelectItem key={v} value={v}>
            {l}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
