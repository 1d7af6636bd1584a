import { Button } from "@tandem/ui/button";
import { DialogFooter } from "@tandem/ui/dialog";
import { Spinner } from "@tandem/ui/spinner";

/** A form dialog's Cancel and submit buttons; while pending, the submit button spins and says so. */
export function SubmitFooter({ onCancel, pending, label, pendingLabel }: { onCancel: () => void; pending: boolean; label: string; pendingLabel: string }) {
  return (
    <DialogFooter>
      <Button type="button" variant="outline" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" disabled={pending}>
        {pending ? (
          <>
            <Spinner /> {pendingLabel}
          </>
        ) : (
          label
        )}
      </Button>
    </DialogFooter>
  );
}
