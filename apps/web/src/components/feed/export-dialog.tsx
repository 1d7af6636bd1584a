"use client";

import { useQueryClient } from "@tanstack/react-query";
import { format, subDays } from "date-fns";
import { Download } from "lucide-react";
import { useState } from "react";
import { toast } from "~/lib/toast";

import { Field, FormAlert } from "~/components/forms/field";
import { Button } from "@tandem/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@tandem/ui/dialog";
import { Input } from "@tandem/ui/input";
import { Spinner } from "@tandem/ui/spinner";
import { download } from "~/lib/download";
import type { FeedFilter } from "~/lib/feed-kinds";
import { errorMessage, trpcFieldErrors, zodFieldErrors, type FieldErrors } from "~/lib/form-errors";
import { useTRPC } from "~/trpc/react";

import { ExportButton } from "./feed-actions";

type Key = "from" | "to";
const day = (d: Date) => format(d, "yyyy-MM-dd");

/** The feed between two days as CSV, with the filters the page shows. */
export function ExportDialog({ slug, filter, defaultOpen = false }: { slug: string; filter: FeedFilter; defaultOpen?: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(defaultOpen);
  const [from, setFrom] = useState(() => day(subDays(new Date(), 30)));
  const [to, setTo] = useState(() => day(new Date()));
  const [errors, setErrors] = useState<FieldErrors<Key>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const filtered = Boolean(filter.projectId || filter.side || filter.kind);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    // The schema (and zod) load on first submit, not with the page.
    const { feedExportSchema } = await import("@tandem/api/validators");
    const parsed = feedExportSchema.safeParse({ from, to, filter });
    if (!parsed.success) {
      setErrors(zodFieldErrors<Key>(parsed.error));
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const res = await queryClient.fetchQuery({ ...trpc.feed.exportCsv.queryOptions({ workspaceSlug: slug, ...parsed.data }), staleTime: 0 });
      download(res.filename, res.csv, "text/csv;charset=utf-8");
      toast.success(`Exported ${res.rows} ${res.rows === 1 ? "entry" : "entries"}`, { description: res.filename });
      setOpen(false);
    } catch (err) {
      const fields = trpcFieldErrors<Key>(err);
      if (Object.keys(fields).length > 0) setErrors(fields);
      else setFormError(errorMessage(err, "We couldn't export the feed. Try again."));
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          setErrors({});
          setFormError(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <ExportButton />
      </DialogTrigger>
      <DialogContent className="max-w-md">
        <DialogHeader>
          <DialogTitle>Export the feed</DialogTitle>
          <DialogDescription>
            A CSV of every feed entry between two days (inclusive, UTC){filtered ? ", with the filters you have on" : ""}, for a spreadsheet or a board pack.
          </DialogDescription>
        </DialogHeader>
        <form noValidate onSubmit={onSubmit} className="grid gap-4" aria-label="Export the feed">
          {formError ? <FormAlert>{formError}</FormAlert> : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="export-from" label="From" error={errors.from}>
              {(a) => <Input {...a} type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} />}
            </Field>
            <Field id="export-to" label="To" error={errors.to}>
              {(a) => <Input {...a} type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} />}
            </Field>
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? <Spinner /> : <Download aria-hidden />}
              Download CSV
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
