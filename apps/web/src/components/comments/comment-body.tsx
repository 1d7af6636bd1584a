import { splitMentions } from "~/lib/mentions";

/** A comment's text with each mention shown as an @Name chip; everything else as typed. */
export function CommentBody({ body }: { body: string }) {
  return (
    <p className="text-sm leading-relaxed break-words whitespace-pre-wrap">
      {splitMentions(body).map((seg, i) =>
        seg.kind === "text" ? (
          <span key={i}>{seg.text}</span>
        ) : (
          <span key={i} className="rounded bg-primary-soft px-1 py-px font-medium text-primary" data-testid="mention-chip">
            @{seg.name}
          </span>
        ),
      )}
    </p>
  );
}
