"use client";

import { objectKpiSchema } from "@tandem/api/validators";
import { Button } from "@tandem/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@tandem/ui/dialog";
import { Textarea } from "@tandem/ui/textarea";
import { useMutation } from "@tanstack/react-query";
import { CircleAlert } from "lucide-react";
import { useState } from "react";

import { Field } from "~/components/forms/field";
import { SubmitFooter } from "~/components/forms/submit-footer";
import { useSchemaForm } from "~/components/forms/use-schema-form";
import { errorMessage, trpcCode } from "~/lib/form-errors";
import { toast } from "~/lib/toast";
import { useTRPC } from "~/trpc/react";

const reasonSchema = objectKpiSchema.pick({ reason: true });

/** Objects to the version shown, with a reason the other side and leadership will read. */
export function ObjectDialog({ slug, kpiId, version, onConflict }: { slug: string; kpiId: string; version: number; onConflict: (message: string) => void }) {
  const trpc = useTRPC();
  const object = useMutation(trpc.kpi.object.mutationOptions());
  const [open, setOpen] = useState(false);
  const form = useSchemaForm(reasonSchema, { reason: "" });
  const error = form.formState.errors.reason?.message;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) form.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="outline">
          <CircleAlert aria-hidden /> Object
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-md">
        <DialogHeader>
          <DialogTitle>Object to version {version}</DialogTitle>
          <DialogDescription>Say what would have to change for your side to sign. Everyone in the workspace reads it, leadership included.</DialogDescription>
        </DialogHeader>
        <form
          noValidate
          aria-label="Object to the KPI"
          className="grid gap-4"
          onSubmit={form.handleSubmit(async ({ reason }) => {
            try {
              await object.mutateAsync({ workspaceSlug: slug, kpiId, version, reason });
              toast.success("Objection recorded");
              setOpen(false);
              form.reset();
            } catch (err) {
              if (trpcCode(err) === "CONFLICT") {
                setOpen(false);
                onConflict(errorMessage(err));
              } else form.serverError(err, "We couldn't record the objection.");
            }
          })}
        >
          <Field id="kpi-object-reason" label="Reason" error={error}>
            {(a) => <Textarea {...a} {...form.register("reason")} rows={4} maxLength={1000} autoFocus />}
          </Field>
          <SubmitFooter onCancel={() => setOpen(false)} pending={object.isPending} label="Object" pendingLabel="Sending…" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
