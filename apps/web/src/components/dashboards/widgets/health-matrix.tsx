import { WORKING_SIDES } from "@tandem/domain/sides";
import { TriangleAlert } from "lucide-react";
import Link from "next/link";

import { HEALTH_LABELS, HEALTH_STYLES, PHASE_LABELS } from "~/lib/projects";
import { SIDE_LABELS } from "~/lib/sides";
import { cn } from "~/lib/utils";

import type { DataOf } from "../types";

/** Every joint project with both leads' health side by side; where they disagree, it says so. */
export function HealthMatrix({ slug, data }: { slug: string; data: DataOf<"health_matrix"> }) {
  if (data.projects.length === 0) return <p className="text-sm text-muted-foreground">No joint projects yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="health-matrix">
        <caption className="sr-only">Project health by side</caption>
        <thead className="text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="py-1.5 pr-2 font-medium">
              Project
            </th>
            {WORKING_SIDES.map((s) => (
              <th key={s} scope="col" className="px-2 py-1.5 font-medium">
                {SIDE_LABELS[s]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y">
          {data.projects.map((p) => (
            <tr key={p.id} data-disagree={p.disagree || undefined}>
              <th scope="row" className="py-2 pr-2 font-medium">
                <Link href={`/${slug}/projects/${p.id}`} className="hover:underline">
                  {p.name}
                </Link>
                <span className="block text-xs font-normal text-muted-foreground">
                  {PHASE_LABELS[p.phase]}
                  {p.disagree ? (
                    <span className="ml-1.5 inline-flex items-center gap-1 font-medium text-warning-ink">
                      <TriangleAlert aria-hidden className="size-3" /> Leads disagree
                    </span>
                  ) : null}
                </span>
              </th>
              {WORKING_SIDES.map((s) => {
                const h = p.sides[s]?.health ?? null;
                return (
                  <td key={s} className="px-2 py-2">
                    {h ? (
                      <span
                        className={cn(
                          "inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium",
                          HEALTH_STYLES[h].soft,
                          HEALTH_STYLES[h].ink,
                        )}
                      >
                        <span aria-hidden className={cn("size-2 rounded-full", HEALTH_STYLES[h].dot)} />
                        {HEALTH_LABELS[h]}
                      </span>
                    ) : (
                      <span className="text-xs text-muted-foreground">Not posted</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
