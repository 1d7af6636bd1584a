"use client";

import { FEED_KIND_LABELS, FEED_KINDS } from "@tandem/db/constants";
import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";

import { FilterSelect, useUrlFilters } from "~/components/forms/filter-select";
import { Button } from "@tandem/ui/button";
import { feedFilterParams } from "~/lib/feed-kinds";
import { SIDE_LABELS, SIDES } from "~/lib/sides";
import { useTRPC } from "~/trpc/react";

/** Project, side and kind live in the URL, so a filtered feed can be shared and survives a reload. */
export function FeedFilters({ slug }: { slug: string }) {
  const trpc = useTRPC();
  // The feed page reads its filter on the server: a change renders it again.
  const { values, set, clear, any } = useUrlFilters(feedFilterParams, { shallow: false });
  const projects = useQuery(trpc.project.list.queryOptions({ workspaceSlug: slug, filter: {} }));

  return (
    <div role="group" aria-label="Filter the feed" className="grid gap-2 sm:flex sm:flex-wrap sm:items-center">
      <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap">
        <FilterSelect
          label="Project"
          value={values.project}
          onChange={(v) => set("project", v)}
          options={(projects.data ?? []).map((r) => [r.project.id, r.project.name])}
          className="col-span-2"
        />
        <FilterSelect label="Side" value={values.side} onChange={(v) => set("side", v)} options={SIDES.map((s) => [s, SIDE_LABELS[s]])} />
        <FilterSelect label="Kind" value={values.kind} onChange={(v) => set("kind", v)} options={FEED_KINDS.map((k) => [k, FEED_KIND_LABELS[k]])} />
      </div>
      {any ? (
        <Button variant="ghost" size="sm" className="justify-self-start text-muted-foreground" onClick={clear}>
          <X aria-hidden /> Clear filters
        </Button>
      ) : null}
    </div>
  );
}
