import { WORKING_SIDES } from "@tandem/domain/sides";
import Link from "next/link";

import { HealthPill } from "~/components/projects/health";
import { Card } from "@tandem/ui/card";
import { SIDE_EDGE, SIDE_LABELS } from "~/lib/sides";
import { cn } from "~/lib/utils";

import { DigestSection, EmptyNote } from "./section";
import type { Digest } from "./types";

/** Projects whose two leads rate them differently, with each lead's reason. */
export function Disagreements({ slug, digest }: { slug: string; digest: Digest }) {
  return (
    <DigestSection
      id="disagreements"
      title="Leads disagree"
      count={digest.disagreements.length}
      description="Worth a conversation: the two leads see the project differently."
    >
      {digest.disagreements.length === 0 ? (
        <EmptyNote>Both leads agree on every project that has two views.</EmptyNote>
      ) : (
        <ul className="grid gap-2.5">
          {digest.disagreements.map((d) => (
            <li key={d.id} className="break-inside-avoid">
              <Card className="grid gap-3 p-4" data-testid="digest-disagreement">
                <Link href={`/${slug}/projects/${d.id}`} className="font-medium break-words hover:underline">
                  {d.name}
                </Link>
                <div className="grid gap-2 sm:grid-cols-2">
                  {WORKING_SIDES.map((side) => (
                    <div key={side} className={cn("grid content-start gap-1.5 border-l-[3px] pl-3", SIDE_EDGE[side].left)}>
                      <span className="flex items-center gap-2 text-[13px] text-muted-foreground">
                        {SIDE_LABELS[side]} <HealthPill health={d.sides[side].health} />
                      </span>
                      {d.sides[side].healthReason ? <p className="text-sm break-words">“{d.sides[side].healthReason}”</p> : null}
                    </div>
                  ))}
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </DigestSection>
  );
}
