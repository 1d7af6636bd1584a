"use client";

import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@tandem/ui/select";

import { FILTER_ANY, filterTriggerProps, FilterSelectValue, type FilterSelectProps } from "./filter-select";

/** The filter's select itself (loaded on first use; see `FilterSelect`). */
export function FilterSelectMenu({ label, value, onChange, options, className, defaultOpen }: FilterSelectProps & { defaultOpen: boolean }) {
  const current = options.find(([v]) => v === value);
  const { className: triggerClass, ...triggerProps } = filterTriggerProps(label, current, className);
  return (
    <Select value={current ? current[0] : FILTER_ANY} onValueChange={onChange} defaultOpen={defaultOpen}>
      <SelectTrigger size="sm" className={triggerClass} {...triggerProps}>
        <SelectValue>
          <FilterSelectValue label={label} current={current} />
        </SelectValue>
      </SelectTrigger>
      <SelectContent className="max-w-[calc(100vw-2rem)] min-w-48">
        <SelectItem value={FILTER_ANY}>Any {label.toLowerCase()}</SelectItem>
        {options.map(([v, l]) => (
          <SelectItem key={v} value={v}>
            {l}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
