"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check, Copy, Lock, RefreshCw, Rss, Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "~/lib/toast";

import { FormAlert } from "~/components/forms/field";
import { Button } from "@tandem/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@tandem/ui/dialog";
import { Input } from "@tandem/ui/input";
import { Skeleton } from "@tandem/ui/skeleton";
import { Spinner } from "@tandem/ui/spinner";
import { ago, exactTime } from "~/lib/dates";
import { errorMessage } from "~/lib/form-errors";
import { useTRPC } from "~/trpc/react";

import { AtomButton } from "./feed-actions";

/**
 * A private Atom URL for reading the feed in a feed reader or mail client. The token is the
 * credential, so it is shown once, can be regenerated (the old one stops) and revoked.
 */
export function AtomDialog({ slug, defaultOpen = false }: { slug: string; defaultOpen?: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(defaultOpen);
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const status = useQuery({ ...trpc.feed.atomToken.queryOptions({ workspaceSlug: slug }), enabled: open });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.feed.atomToken.queryKey({ workspaceSlug: slug }) });
  const create = useMutation(
    trpc.feed.createAtomToken.mutationOptions({
      onSuccess: async (res) => {
        setUrl(`${window.location.origin}/api/feeds/${res.token}`);
        setError(null);
        await refresh();
      },
      onError: (err) => setError(errorMessage(err, "We couldn't create the link. Try again.")),
    }),
  );
  const revoke = useMutation(
    trpc.feed.revokeAtomToken.mutationOptions({
      onSuccess: async () => {
        setUrl(null);
        setConfirmRevoke(false);
        setError(null);
        toast.success("Feed link revoked", { description: "Readers using it get nothing more from it." });
        await refresh();
      },
      onError: (err) => setError(errorMessage(err, "We couldn't revoke the link. Try again.")),
    }),
  );

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      toast.success("Feed URL copied");
      setTimeout(() => setCopied(false), 2_000);
    } catch {
      const input = document.getElementById("atom-url") as HTMLInputElement | null;
      input?.focus();
      input?.select();
      toast.info("Press Ctrl+C (or ⌘C) to copy the selected URL.");
    }
  }

  const live = status.data ?? null;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          setUrl(null);
          setCopied(false);
          setConfirmRevoke(false);
          setError(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <AtomButton />
      </DialogTrigger>
      <DialogContent className="max-w-lg">
        <DialogHeader>
          <DialogTitle>Subscribe in a feed reader</DialogTitle>
          <DialogDescription>
            A private Atom URL with the latest 50 feed entries, for Outlook, Feedly or any feed reader. It works without signing in, so treat it like a
            password: don&apos;t share it or paste it anywhere public.
          </DialogDescription>
        </DialogHeader>
        <div className="grid gap-4">
          {error ? <FormAlert>{error}</FormAlert> : null}
          {url ? (
            <div className="grid gap-1.5">
              <label htmlFor="atom-url" className="text-sm font-medium">
                Your private feed URL
              </label>
              <div className="flex flex-col gap-2 sm:flex-row">
                <Input id="atom-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} className="font-mono text-[13px]" data-testid="atom-url" />
                <Button type="button" variant="outline" onClick={copy} className="shrink-0">
                  {copied ? <Check aria-hidden className="text-success" /> : <Copy aria-hidden />}
                  {copied ? "Copied" : "Copy URL"}
                </Button>
              </div>
              <p className="text-[13px] text-muted-foreground">Copy it now: we keep only a fingerprint, so it can&apos;t be shown again.</p>
            </div>
          ) : status.isPending ? (
            <Skeleton className="h-12 w-full" />
          ) : live ? (
            <p className="flex items-start gap-2 rounded-lg border bg-muted/40 px-3 py-2.5 text-sm" data-testid="atom-status">
              <Lock aria-hidden className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
              <span>
                You have a private link, created <time title={exactTime(live.createdAt)}>{ago(live.createdAt)}</time>
                {live.lastUsedAt ? (
                  <>
                    , last read <time title={exactTime(live.lastUsedAt)}>{ago(live.lastUsedAt)}</time>
                  </>
                ) : (
                  ", not read yet"
                )}
                . Lost it? Make a new one: the old one stops working.
              </span>
            </p>
          ) : (
            <p className="text-sm text-muted-foreground" data-testid="atom-status">
              You have no feed link yet.
            </p>
          )}

          {confirmRevoke ? (
            <div
              role="group"
              aria-label="Revoke the feed link"
              className="grid gap-2 rounded-lg border border-destructive/25 bg-destructive-soft px-3 py-2.5 text-sm"
            >
              <p>Revoke the link? Any reader using it stops getting updates.</p>
              <div className="flex flex-wrap gap-2">
                <Button type="button" variant="destructive" size="sm" onClick={() => revoke.mutate({ workspaceSlug: slug })} disabled={revoke.isPending}>
                  {revoke.isPending ? <Spinner /> : <Trash2 aria-hidden />}
                  Revoke link
                </Button>
                <Button type="button" variant="outline" size="sm" onClick={() => setConfirmRevoke(false)}>
                  Keep it
                </Button>
              </div>
            </div>
          ) : null}

          <DialogFooter className="gap-2">
            {live && !confirmRevoke ? (
              <Button type="button" variant="ghost" className="text-destructive sm:mr-auto" onClick={() => setConfirmRevoke(true)}>
                <Trash2 aria-hidden /> Revoke
              </Button>
            ) : null}
            <Button
              type="button"
              variant={live || url ? "outline" : "default"}
              onClick={() => create.mutate({ workspaceSlug: slug })}
              disabled={create.isPending || status.isPending}
            >
              {create.isPending ? <Spinner /> : live || url ? <RefreshCw aria-hidden /> : <Rss aria-hidden />}
              {live || url ? "Regenerate link" : "Create private link"}
            </Button>
            <Button type="button" onClick={() => setOpen(false)}>
              Done
            </Button>
          </DialogFooter>
        </div>
      </DialogContent>
    </Dialog>
  );
}
