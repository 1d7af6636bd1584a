"use client";

import { useQuery } from "@tanstack/react-query";

import { FieldError } from "~/components/forms/field";
import { useTRPC } from "~/trpc/react";

/** The projects a KPI speaks for: a list of checkboxes (any number, none is fine). */
export function ProjectPicker({
  slug,
  id,
  value,
  onChange,
  error,
}: {
  slug: string;
  id: string;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const trpc = useTRPC();
  const projects = useQuery(trpc.project.list.queryOptions({ workspaceSlug: slug, filter: {} }));
  const chosen = new Set(value);
  return (
    <fieldset className="grid gap-1.5" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="mb-1.5 text-sm font-medium">
        Linked projects <span className="font-normal text-muted-foreground">(optional)</span>
      </legend>
      {projects.isPending ? (
        <div className="h-24 animate-pulse rounded-md bg-muted" />
      ) : (
        <ul className="max-h-40 divide-y overflow-y-auto rounded-md border" aria-label="Linked projects">
          {(projects.data ?? []).map(({ project: p }) => (
            <li key={p.id}>
              <label className="flex cursor-pointer items-center gap-3 px-3 py-2 text-sm hover:bg-accent/60">
                <input
                  type="checkbox"
                  className="size-4 accent-[var(--color-primary)]"
                  checked={chosen.has(p.id)}
                  onChange={(e) => onChange(e.target.checked ? [...value, p.id] : value.filter((x) => x !== p.id))}
                />
                <span className="min-w-0 flex-1 truncate">{p.name}</span>
              </label>
            </li>
          ))}
          {projects.data?.length === 0 ? <li className="px-3 py-2 text-sm text-muted-foreground">No projects yet.</li> : null}
        </ul>
      )}
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
    </fieldset>
  );
}
