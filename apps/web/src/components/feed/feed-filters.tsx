"use client";

import { FEED_KIND_LABELS } from "@tandem/api/validators";
import { FEED_KINDS } from "@tandem/db/constants";
import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

import { Button } from "~/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "~/components/ui/select";
import { SIDE_LABELS, SIDES } from "~/lib/sides";
import { cn } from "~/lib/utils";
import { useTRPC } from "~/trpc/react";

const ALL = "all";
export const FEED_PARAMS = ["project", "side", "kind"] as const;

/** Project, side and kind live in the URL, so a filtered feed can be shared and survives a reload. */
export function FeedFilters({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const projects = useQuery(trpc.project.list.queryOptions({ workspaceSlug: slug, filter: {} }));

  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params.toString());
    if (value && value !== ALL) next.set(key, value);
    else next.delete(key);
    const qs = next.toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };
  const any = FEED_PARAMS.some((k) => params.has(k));

  return (
    <div role="group" aria-label="Filter the feed" className="grid gap-2 sm:flex sm:flex-wrap sm:items-center">
      <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap">
        <FilterSelect
          label="Project"
          value={params.get("project")}
          onChange={(v) => set("project", v)}
          options={(projects.data ?? []).map((r) => [r.project.id, r.project.name])}
          className="col-span-2"
        />
        <FilterSelect label="Side" value={params.get("side")} onChange={(v) => set("side", v)} options={SIDES.map((s) => [s, SIDE_LABELS[s]])} />
        <FilterSelect label="Kind" value={params.get("kind")} onChange={(v) => set("kind", v)} options={FEED_KINDS.map((k) => [k, FEED_KIND_LABELS[k]])} />
      </div>
      {any ? (
        <Button variant="ghost" size="sm" className="justify-self-start text-muted-foreground" onClick={() => router.replace(pathname, { scroll: false })}>
          <X aria-hidden /> Clear filters
        </Button>
      ) : null}
    </div>
  );
}

function FilterSelect({
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
        // The name begins with what is shown ("Project: Any"), then says it filters the feed.
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
