import Link from "next/link";

import { UserAvatar } from "~/components/people/user-avatar";
import { Card } from "@tandem/ui/card";
import { SIDE_LABELS } from "~/lib/sides";

import { DigestSection, EmptyNote } from "./section";
import type { Digest, MemberNames } from "./types";

/** Leads past their check-in cadence, longest silence first. */
export function MissingCheckIns({ slug, digest, names }: { slug: string; digest: Digest; names: MemberNames }) {
  const rows = [...digest.missingCheckIns].sort((a, b) => b.daysSinceUpdate - a.daysSinceUpdate);
  return (
    <DigestSection id="check-ins" title="Check-ins missing" count={rows.length} description="Leads who are past their project's check-in cadence.">
      {rows.length === 0 ? (
        <EmptyNote>Every lead has checked in on time. Nobody to chase this week.</EmptyNote>
      ) : (
        <Card className="p-0">
          <ul className="grid divide-y">
            {rows.map((s) => {
              const name = names.get(s.leadId) ?? "The lead";
              return (
                <li key={`${s.projectId}:${s.side}`} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3" data-testid="digest-missing-check-in">
                  <UserAvatar name={name} side={s.side} size="sm" />
                  <div className="grid min-w-0 flex-1 basis-48 leading-tight">
                    <span className="text-sm font-medium break-words">
                      {name} <span className="font-normal text-muted-foreground">· {SIDE_LABELS[s.side]} lead</span>
                    </span>
                    <Link href={`/${slug}/projects/${s.projectId}?view=check-ins`} className="text-[13px] break-words text-muted-foreground hover:underline">
                      {s.projectName}
                    </Link>
                  </div>
                  <span className="text-[13px] font-medium text-destructive">
                    {s.lastAt
                      ? `No update for ${s.daysSinceUpdate} ${s.daysSinceUpdate === 1 ? "day" : "days"}`
                      : `No check-in yet (${s.daysSinceUpdate} ${s.daysSinceUpdate === 1 ? "day" : "days"})`}
                  </span>
                </li>
              );
            })}
          </ul>
        </Card>
      )}
    </DigestSection>
  );
}
