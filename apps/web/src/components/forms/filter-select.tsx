"use client";

import { ChevronDown } from "lucide-react";
import { type ParserMap, useQueryStates } from "nuqs";

import { useLoadOnIntent } from "@tandem/ui/load-on-intent";
import { selectTriggerClassName } from "@tandem/ui/select-look";
import { cn } from "~/lib/utils";

/** The "Any …" choice of a filter: the parameter is dropped from the URL. */
export const FILTER_ANY = "all";

/**
 * Filters kept in the URL's search params (nuqs, typed by the page's parsers), so a filtered view
 * can be shared and survives a reload. `set(key, null)` (or the "Any" choice) removes the
 * parameter. `shallow: false` renders the server page again, for pages that read the URL there.
 */
export function useUrlFilters<P extends ParserMap>(parsers: P, { shallow = true }: { shallow?: boolean } = {}) {
  const [values, setValues] = useQueryStates(parsers, { shallow, scroll: false, history: "replace" });
  // A select's value is one of its options, which the page built from the parser's own values.
  const set = (key: keyof P & string, value: string | null) => void setValues({ [key]: value && value !== FILTER_ANY ? value : null } as Partial<Values<P>>);
  const clear = () => void setValues(null);
  const any = Object.values(values).some((v) => v !== null);
  return { values, set, clear, any };
}
type Values<P extends ParserMap> = { [K in keyof P]: ReturnType<P[K]["parseServerSide"]> | null };

export interface FilterSelectProps {
  label: string;
  value: string | null;
  onChange: (v: string) => void;
  options: [string, string][];
  className?: string;
}

const loadSelect = () => import("./filter-select-menu").then((m) => m.FilterSelectMenu);

/**
 * A compact select showing "Label: value", highlighted while it filters. The page ships only its
 * look; the select's code loads when a pointer or focus comes near, and it opens on first use.
 */
export function FilterSelect(props: FilterSelectProps) {
  const { Loaded, intent } = useLoadOnIntent(loadSelect, "listbox");
  if (Loaded) return <Loaded {...props} defaultOpen />;
  const current = props.options.find(([v]) => v === props.value);
  return (
    // biome-ignore lint/a11y/useAriaPropsForRole: `intent` carries aria-expanded; the listbox it controls doesn't exist until the menu loads
    <button type="button" role="combobox" {...filterTriggerProps(props.label, current, props.className)} {...intent}>
      <FilterSelectValue label={props.label} current={current} />
      <ChevronDown className="size-4 opacity-55" aria-hidden />
    </button>
  );
}

/** The trigger's name and look, the same before and after the select's code has loaded. */
export function filterTriggerProps(label: string, current: [string, string] | undefined, className?: string) {
  return {
    // The name begins with what is shown ("Project: Any"), then says it filters.
    "aria-label": `${label}: ${current ? current[1] : "Any"}, filter`,
    className: selectTriggerClassName(
      "sm",
      cn("w-full min-w-0 sm:w-auto sm:max-w-72 sm:min-w-32 [&>span]:truncate", current && "border-primary/40 bg-primary-soft/60", className),
    ),
  };
}

export function FilterSelectValue({ label, current }: { label: string; current: [string, string] | undefined }) {
  return (
    <span>
      <span className="text-muted-foreground">{label}:</span> {current ? current[1] : "Any"}
    </span>
  );
}
