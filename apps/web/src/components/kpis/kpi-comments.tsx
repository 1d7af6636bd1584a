"use client";

import { kpiCommentSchema } from "@tandem/api/validators";
import { Badge } from "@tandem/ui/badge";
import { Button } from "@tandem/ui/button";
import { Card } from "@tandem/ui/card";
import { Spinner } from "@tandem/ui/spinner";
import { Textarea } from "@tandem/ui/textarea";
import { useMutation } from "@tanstack/react-query";
import { Eye, MessageSquare } from "lucide-react";

import { Field } from "~/components/forms/field";
import { useSchemaForm } from "~/components/forms/use-schema-form";
import { UserAvatar } from "~/components/people/user-avatar";
import { ago, exactTime } from "~/lib/dates";
import type { KpiDetail } from "~/lib/kpis";
import { toast } from "~/lib/toast";
import { useTRPC } from "~/trpc/react";

const bodySchema = kpiCommentSchema;

/** Comments on the KPI, for everyone; leadership may also acknowledge it (with or without words). */
export function KpiComments({ slug, kpi, isLeadership }: { slug: string; kpi: KpiDetail; isLeadership: boolean }) {
  const trpc = useTRPC();
  const comment = useMutation(trpc.kpi.comment.mutationOptions());
  const form = useSchemaForm(bodySchema, { kpiId: kpi.id, body: "", acknowledged: false });
  const error = form.formState.errors.body?.message;

  // The schema lets an acknowledgement go without words, so the flag is set before it checks.
  const send = (acknowledged: boolean) => {
    form.setValue("acknowledged", acknowledged);
    return form.handleSubmit(async (values) => {
      try {
        await comment.mutateAsync({ workspaceSlug: slug, ...values });
        toast.success(acknowledged ? "Acknowledged" : "Comment posted");
        form.reset({ kpiId: kpi.id, body: "", acknowledged: false });
      } catch (err) {
        form.serverError(err, "We couldn't post the comment.");
      }
    })();
  };

  return (
    <Card className="grid gap-3 p-4" aria-labelledby="kpi-comments-heading">
      <h2 id="kpi-comments-heading" className="text-sm font-semibold">
        Comments
      </h2>
      {kpi.comments.length === 0 ? (
        <p className="flex items-center gap-2 text-[13px] text-muted-foreground">
          <MessageSquare aria-hidden className="size-4" /> No comments yet. Ask about the definition or a number here.
        </p>
      ) : (
        <ul className="grid gap-3" aria-label="Comments">
          {kpi.comments.map((c) => (
            <li key={c.id} className="flex gap-2.5">
              <UserAvatar name={c.authorName ?? "?"} side={c.authorSide ?? "leadership"} size="xs" />
              <div className="grid min-w-0 gap-0.5 text-[13px]">
                <p>
                  <span className="font-medium">{c.authorName ?? "A former member"}</span>{" "}
                  <time className="text-muted-foreground" dateTime={c.createdAt} title={exactTime(c.createdAt)}>
                    {ago(c.createdAt)}
                  </time>
                </p>
                {c.acknowledged ? (
                  <Badge variant="leadership">
                    <Eye aria-hidden /> Acknowledged
                  </Badge>
                ) : null}
                {c.body ? <p className="whitespace-pre-wrap break-words">{c.body}</p> : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void send(false);
        }}
        aria-label="Comment on the KPI"
        className="grid gap-2 border-t pt-3"
      >
        <Field id="kpi-comment" label="Comment" error={error}>
          {(a) => <Textarea {...a} {...form.register("body")} rows={3} maxLength={2000} placeholder="Write a comment" />}
        </Field>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" size="sm" disabled={comment.isPending}>
            {comment.isPending ? <Spinner /> : null} Comment
          </Button>
          {isLeadership ? (
            <Button type="button" size="sm" variant="outline" disabled={comment.isPending} onClick={() => void send(true)}>
              <Eye aria-hidden /> Acknowledge
            </Button>
          ) : null}
        </div>
      </form>
    </Card>
  );
}
