import Link from "next/link";

import { HealthPill } from "~/components/projects/health";
import { Card } from "~/components/ui/card";
import { cn } from "~/lib/utils";

import { DigestSection, EmptyNote } from "./section";
import type { Digest } from "./types";

/** Projects whose two leads rate them differently, with each lead's reason. */
export function Disagreements({ slug, digest }: { slug: string; digest: Digest }) {
  return (
    <DigestSection id="disagreements" title="Leads disagree" count={digest.disagreements.length} description="Worth a conversation: the two leads see the project differently.">
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
                  {(
                    [
                      ["Marketing", d.marketingHealth, d.marketingReason, "border-l-marketing"],
                      ["IT", d.itHealth, d.itReason, "border-l-it"],
                    ] as const
                  ).map(([label, health, reason, border]) => (
                    <div key={label} className={cn("grid content-start gap-1.5 border-l-[3px] pl-3", border)}>
                      <span className="flex items-center gap-2 text-[13px] text-muted-foreground">
                        {label} <HealthPill health={health} />
                      </span>
                      {reason ? <p className="text-sm break-words">“{reason}”</p> : null}
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
