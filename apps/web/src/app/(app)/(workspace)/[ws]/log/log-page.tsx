"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Download, ShieldAlert, ShieldCheck } from "lucide-react";
import { toast } from "~/lib/toast";

import { ActivityFeed } from "~/components/log/activity-feed";
import { Badge } from "@tandem/ui/badge";
import { Button } from "@tandem/ui/button";
import { Card } from "@tandem/ui/card";
import { Skeleton } from "@tandem/ui/skeleton";
import { Spinner } from "@tandem/ui/spinner";
import { Tooltip, TooltipContent, TooltipTrigger } from "@tandem/ui/tooltip";
import { PageBody, PageHeader } from "~/components/workspace/page-header";
import { ago, exactTime } from "~/lib/dates";
import { errorMessage } from "~/lib/form-errors";
import { useTRPC } from "~/trpc/react";

export function LogPage({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const workspace = useQuery(trpc.workspace.get.queryOptions({ workspaceSlug: slug }));
  const me = workspace.data?.me;
  const canCheckpoint = me ? me.role === "admin" || me.side === "leadership" : false;

  return (
    <PageBody className="max-w-4xl">
      <PageHeader
        eyebrow={workspace.data?.workspace.name}
        title="Transparency log"
        description="Every change in this workspace, in the order it happened. Each entry is chained to the one before by its hash, so nobody can quietly edit or remove one."
        actions={canCheckpoint ? <CheckpointButton slug={slug} /> : null}
      />
      <VerifyBadge slug={slug} />
      <Card className="px-4 py-4 sm:px-6 sm:py-5">
        <ActivityFeed slug={slug} showSeq />
      </Card>
    </PageBody>
  );
}

/** The server recomputes the whole chain and checks it against the signed checkpoints. */
function VerifyBadge({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const verify = useQuery(trpc.log.verify.queryOptions({ workspaceSlug: slug }, { staleTime: 60_000 }));
  if (verify.isPending) return <Skeleton className="h-7 w-64 rounded-full" />;
  if (verify.isError) {
    return (
      <p role="status" className="text-sm text-muted-foreground">
        We couldn&apos;t check the chain just now.{" "}
        <Button variant="link" size="sm" onClick={() => verify.refetch()}>
          Check again
        </Button>
      </p>
    );
  }
  const v = verify.data;
  const detail = `Checked ${ago(v.checkedAt)} (${exactTime(v.checkedAt)}) · ${v.entries} entries · ${v.checkpoints} signed checkpoint${v.checkpoints === 1 ? "" : "s"}`;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="verify-status" data-ok={v.ok}>
      <Tooltip>
        <TooltipTrigger asChild>
          {v.ok ? (
            <Badge tabIndex={0} className="h-7 gap-1.5 border-success/30 bg-success-soft px-3 text-[13px] text-success-ink [&>svg]:size-4">
              <ShieldCheck aria-hidden /> Chain verified through #{v.verifiedThrough}
            </Badge>
          ) : (
            <Badge tabIndex={0} variant="destructive" className="h-7 gap-1.5 px-3 text-[13px] [&>svg]:size-4">
              <ShieldAlert aria-hidden /> Chain broken: {v.problem?.message ?? "it does not verify"}
            </Badge>
          )}
        </TooltipTrigger>
        <TooltipContent>{detail}</TooltipContent>
      </Tooltip>
      <span className="text-xs text-muted-foreground">
        {v.ok ? `${v.entries} entries, every hash recomputed` : `Entries up to #${v.verifiedThrough} verify`} · {v.checkpoints} signed checkpoint
        {v.checkpoints === 1 ? "" : "s"} · checked {ago(v.checkedAt)}
      </span>
    </div>
  );
}

/** Signs the current head and saves it as a file to keep outside Tandem (`pnpm tandem verify-log --checkpoint`). */
function CheckpointButton({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const checkpoint = useMutation(
    trpc.log.checkpoint.mutationOptions({
      onSuccess: (cp) => {
        const blob = new Blob([`${JSON.stringify(cp, null, 2)}\n`], { type: "application/json" });
        const url = URL.createObjectURL(blob);
        const a = document.createElement("a");
        a.href = url;
        a.download = `tandem-checkpoint-${slug}-${cp.seq}.json`;
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1_000);
        toast.success(`Checkpoint #${cp.seq} downloaded`, { description: "Keep it somewhere outside Tandem. Anyone can check the log against it later." });
      },
      onError: (err) => toast.error("No checkpoint", { description: errorMessage(err) }),
    }),
  );
  return (
    <Button variant="outline" onClick={() => checkpoint.mutate({ workspaceSlug: slug })} disabled={checkpoint.isPending}>
      {checkpoint.isPending ? <Spinner /> : <Download aria-hidden />}
      Download checkpoint
    </Button>
  );
}
