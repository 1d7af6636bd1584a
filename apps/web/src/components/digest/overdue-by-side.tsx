import Link from "next/link";

import { UserAvatar } from "~/components/people/user-avatar";
import { Card } from "@tandem/ui/card";
import { formatDay } from "~/lib/dates";
import { SIDE_LABELS, SIDE_STYLES } from "~/lib/sides";
import { cn } from "~/lib/utils";

import { DigestSection, EmptyNote } from "./section";
import type { Digest, DigestTask } from "./types";

const DAY_MS = 86_400_000;

/** Tasks past their due date, marketing's on the left and IT's on the right. */
export function OverdueBySide({ slug, digest, today }: { slug: string; digest: Digest; today: string }) {
  const total = digest.overdueBySide.marketing.length + digest.overdueBySide.it.length;
  return (
    <DigestSection id="overdue" title="Overdue tasks" count={total} description="Open tasks past their due date, by the side doing them.">
      <div className="grid gap-3 md:grid-cols-2">
        {(["marketing", "it"] as const).map((side) => (
          <Card
            key={side}
            className={cn("grid content-start gap-2 border-t-[3px] p-4", side === "marketing" ? "border-t-marketing" : "border-t-it")}
            data-testid={`digest-overdue-${side}`}
          >
            <h3 className="flex items-center gap-2 text-sm font-semibold">
              <span aria-hidden className={cn("size-2 rounded-full", SIDE_STYLES[side].dot)} />
              {SIDE_LABELS[side]}
              <span className="font-normal text-muted-foreground tabular-nums">{digest.overdueBySide[side].length}</span>
            </h3>
            {digest.overdueBySide[side].length === 0 ? (
              <EmptyNote className="py-2.5">Nothing overdue on the {SIDE_LABELS[side]} side.</EmptyNote>
            ) : (
              <ul className="grid divide-y">
                {digest.overdueBySide[side].map((t) => (
                  <OverdueTask key={t.id} slug={slug} task={t} side={side} today={today} />
                ))}
              </ul>
            )}
          </Card>
        ))}
      </div>
    </DigestSection>
  );
}

function OverdueTask({ slug, task: t, side, today }: { slug: string; task: DigestTask; side: "marketing" | "it"; today: string }) {
  const late = Math.max(1, Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${t.dueDate}T00:00:00Z`)) / DAY_MS));
  return (
    <li className="grid gap-0.5 py-2.5 first:pt-0 last:pb-0" data-testid="digest-overdue-task">
      <Link href={`/${slug}/projects/${t.projectId}?task=${t.id}`} className="text-sm font-medium break-words hover:underline">
        {t.title}
      </Link>
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-[13px] text-muted-foreground">
        <span className="min-w-0 break-words">{t.projectName}</span>
        <span aria-hidden>·</span>
        <span className="text-destructive">
          due {formatDay(t.dueDate)}, {late} {late === 1 ? "day" : "days"} late
        </span>
        <span aria-hidden>·</span>
        {t.assigneeName ? (
          <span className="inline-flex items-center gap-1">
            <UserAvatar name={t.assigneeName} side={side} size="xs" /> {t.assigneeName}
          </span>
        ) : (
          <span>unassigned</span>
        )}
      </p>
    </li>
  );
}
