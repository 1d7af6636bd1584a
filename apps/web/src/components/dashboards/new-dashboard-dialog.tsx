"use client";

import { Button } from "@tandem/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@tandem/ui/dialog";
import { Input } from "@tandem/ui/input";
import { useMutation } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { Field } from "~/components/forms/field";
import { errorMessage } from "~/lib/form-errors";
import { useTRPC } from "~/trpc/react";

/** A new dashboard; the workspace's first one becomes its shared dashboard. */
export function NewDashboardDialog({ slug, first = false }: { slug: string; first?: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(first ? "Shared dashboard" : "");
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(
    trpc.dashboard.create.mutationOptions({
      onSuccess: (d) => {
        setOpen(false);
        router.push(`/${slug}/dashboards/${d.id}`);
      },
      onError: (err) => setError(errorMessage(err)),
    }),
  );
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <Button variant={first ? "default" : "outline"} onClick={() => setOpen(true)}>
        <Plus /> {first ? "Create the shared dashboard" : "New dashboard"}
      </Button>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{first ? "The shared dashboard" : "New dashboard"}</DialogTitle>
          <DialogDescription>
            {first ? "Both sides edit it; leadership opens it first." : "Both sides can edit it; everyone in the workspace sees it."}
          </DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (!name.trim()) return setError("Name is required.");
            create.mutate({ workspaceSlug: slug, name });
          }}
        >
          <Field id="dashboard-name" label="Name" error={error}>
            {(c) => <Input {...c} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} autoFocus />}
          </Field>
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? "Creating…" : "Create"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
