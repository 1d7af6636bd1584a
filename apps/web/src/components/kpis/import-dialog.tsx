"use client";

import type { RouterOutputs } from "@tandem/api";
import { KPI_CSV_MAX_BYTES } from "@tandem/api/validators";
import { formatKpiValue } from "@tandem/domain/kpi";
import { Badge } from "@tandem/ui/badge";
import { Button } from "@tandem/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@tandem/ui/dialog";
import { Input } from "@tandem/ui/input";
import { Spinner } from "@tandem/ui/spinner";
import { useMutation } from "@tanstack/react-query";
import { Upload } from "lucide-react";
import { useState } from "react";

import { Field, FormAlert } from "~/components/forms/field";
import { errorMessage } from "~/lib/form-errors";
import type { KpiDetail } from "~/lib/kpis";
import { toast } from "~/lib/toast";
import { useTRPC } from "~/trpc/react";

type Preview = RouterOutputs["kpi"]["previewImport"];
const CHANGE_LABELS = { new: "New", correction: "Correction", unchanged: "Unchanged" } as const;

/**
 * Imports a CSV of `period,value,note`: read in the browser (a file over 1 MB is refused before
 * it is read), previewed by the API row by row, and written only when no row has a problem.
 */
export function ImportDialog({ slug, kpi }: { slug: string; kpi: KpiDetail }) {
  const trpc = useTRPC();
  const previewImport = useMutation(trpc.kpi.previewImport.mutationOptions());
  const importCsv = useMutation(trpc.kpi.import.mutationOptions());
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  function reset() {
    setFile(null);
    setFileError(null);
    setPreview(null);
    setFormError(null);
  }

  async function choose(f: File | undefined) {
    reset();
    if (!f) return;
    if (f.size > KPI_CSV_MAX_BYTES) {
      setFileError(
        `“${f.name}” is ${(f.size / 1_000_000).toFixed(1)} MB; a KPI import takes at most ${KPI_CSV_MAX_BYTES / 1_000_000} MB. Split it into smaller files.`,
      );
      return;
    }
    const csv = await f.text();
    setFile({ name: f.name, csv });
    try {
      setPreview(await previewImport.mutateAsync({ workspaceSlug: slug, kpiId: kpi.id, fileName: f.name, csv }));
    } catch (err) {
      setFormError(errorMessage(err, "We couldn't read the file. Try again."));
    }
  }

  async function run() {
    if (!file) return;
    setFormError(null);
    try {
      const res = await importCsv.mutateAsync({ workspaceSlug: slug, kpiId: kpi.id, fileName: file.name, csv: file.csv });
      toast.success(`Imported ${res.written} ${res.written === 1 ? "value" : "values"}`, {
        description: res.unchanged ? `${res.unchanged} ${res.unchanged === 1 ? "row was" : "rows were"} already so.` : file.name,
      });
      setOpen(false);
      reset();
    } catch (err) {
      setFormError(errorMessage(err, "We couldn't import the file. Try again."));
    }
  }

  const problems = preview?.problemCount ?? 0;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline">
          <Upload aria-hidden /> Import CSV
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[calc(100dvh-2rem)] max-w-2xl overflow-y-auto">
        <DialogHeader>
          <DialogTitle>Import values</DialogTitle>
          <DialogDescription>
            A CSV with the header <code>period,value,note</code>; a period like {kpi.history[0]?.period ?? "2026-W49"} or its first day. Nothing is written
            until every row is right.
          </DialogDescription>
        </DialogHeader>
        <Field id="kpi-import-file" label="CSV file" error={fileError}>
          {(a) => <Input {...a} type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.target.files?.[0])} />}
        </Field>
        {formError ? <FormAlert>{formError}</FormAlert> : null}
        {previewImport.isPending ? (
          <p className="flex items-center gap-2 text-sm text-muted-foreground">
            <Spinner /> Checking every row…
          </p>
        ) : null}
        {preview ? (
          <div className="grid gap-3">
            {problems > 0 ? (
              <div
                role="alert"
                className="grid gap-1.5 rounded-lg border border-destructive/30 bg-destructive-soft px-3 py-2.5 text-sm"
                data-testid="import-problems"
              >
                <p className="font-semibold text-destructive">
                  {problems} {problems === 1 ? "problem" : "problems"}: nothing will be imported until {problems === 1 ? "it is" : "they are"} fixed.
                </p>
                <ul className="grid gap-0.5">
                  {preview.problems.map((p, i) => (
                    <li key={`${p.line}-${i}`}>
                      {p.line === null ? "The file" : `Line ${p.line}`}: {p.reason}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {preview.rows.length > 0 ? <PreviewTable rows={preview.rows} kpi={kpi} total={preview.total} /> : null}
          </div>
        ) : null}
        <DialogFooter>
          <Button type="button" variant="outline" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button type="button" disabled={!preview || problems > 0 || preview.total === 0 || importCsv.isPending} onClick={() => void run()}>
            {importCsv.isPending ? <Spinner /> : <Upload aria-hidden />} Import{" "}
            {preview && problems === 0 ? `${preview.total} ${preview.total === 1 ? "row" : "rows"}` : ""}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

function PreviewTable({ rows, kpi, total }: { rows: Preview["rows"]; kpi: KpiDetail; total: number }) {
  return (
    <div className="max-h-64 overflow-auto rounded-md border">
      <table className="w-full text-[13px]" data-testid="import-preview">
        <caption className="sr-only">What the import would do, row by row</caption>
        <thead className="sticky top-0 bg-muted text-left text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-1.5 font-medium">
              Line
            </th>
            <th scope="col" className="px-3 py-1.5 font-medium">
              Period
            </th>
            <th scope="col" className="px-3 py-1.5 text-right font-medium">
              Value
            </th>
            <th scope="col" className="px-3 py-1.5 font-medium">
              Change
            </th>
          </tr>
        </thead>
        <tbody className="divide-y">
          {rows.map((r) => (
            <tr key={r.line}>
              <td className="px-3 py-1.5 text-muted-foreground tabular-nums">{r.line}</td>
              <td className="px-3 py-1.5">{r.period}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{formatKpiValue(r.value, kpi)}</td>
              <td className="px-3 py-1.5">
                <Badge variant={r.change === "new" ? "default" : r.change === "correction" ? "outline" : "muted"}>{CHANGE_LABELS[r.change]}</Badge>
                {r.change === "correction" && r.previous !== null ? (
                  <span className="ml-1.5 text-muted-foreground">was {formatKpiValue(r.previous, kpi)}</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > rows.length ? (
        <p className="px-3 py-1.5 text-xs text-muted-foreground">
          The first {rows.length} of {total} rows.
        </p>
      ) : null}
    </div>
  );
}
