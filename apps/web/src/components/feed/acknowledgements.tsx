"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Check, Eye } from "lucide-react";
import { toast } from "~/lib/toast";

import { Badge } from "@tandem/ui/badge";
import { Button } from "@tandem/ui/button";
import { Spinner } from "@tandem/ui/spinner";
import { exactTime } from "~/lib/dates";
import { errorMessage } from "~/lib/form-errors";
import { SIDE_LABELS } from "~/lib/sides";
import type { FeedItem, FeedPage } from "~/realtime/apply-log-entry";
import { useTRPC } from "~/trpc/react";

type Ack = FeedItem["acknowledgedBy"][number];
export interface Me {
  memberId: string;
  name: string;
  side: Ack["side"];
}

/** "Seen by Elena Ruiz (CEO)": who in leadership has acknowledged an entry. */
export function AckChips({ acks, titles }: { acks: Ack[]; titles: Map<string, string | null> }) {
  if (acks.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="Acknowledged by">
      {acks.map((a) => (
        <li key={a.memberId}>
          <Badge variant={a.side} className="max-w-full whitespace-normal" title={`Acknowledged ${exactTime(a.at)}`} data-testid="ack-chip">
            <Eye aria-hidden />
            <span className="[overflow-wrap:anywhere]">
              Seen by {a.name} ({titles.get(a.memberId) || SIDE_LABELS[a.side]})
            </span>
          </Badge>
        </li>
      ))}
    </ul>
  );
}

/** Leadership's "I've read this": shown to leadership only, and not once they have. */
export function AcknowledgeButton({ slug, seq, me, label }: { slug: string; seq: number; me: Me; label: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const acknowledge = useMutation(
    trpc.feed.acknowledge.mutationOptions({
      onSuccess: () => {
        // The live log brings the same chip to everyone; this shows it here at once, even offline from realtime.
        const ack: Ack = { memberId: me.memberId, name: me.name, side: me.side, at: new Date().toISOString() };
        queryClient.setQueriesData<{ pages: FeedPage[]; pageParams: unknown[] }>({ queryKey: trpc.feed.list.pathKey() }, (data) =>
          data
            ? {
                ...data,
                pages: data.pages.map((p) => ({
                  ...p,
                  items: p.items.map((i) =>
                    i.seq === seq && !i.acknowledgedBy.some((a) => a.memberId === me.memberId) ? { ...i, acknowledgedBy: [...i.acknowledgedBy, ack] } : i,
                  ),
                })),
              }
            : data,
        );
      },
      onError: (err) => toast.error("Not acknowledged", { description: errorMessage(err) }),
    }),
  );
  return (
    <Button
      variant="outline"
      size="sm"
      className="h-7 px-2.5 text-xs"
      onClick={() => acknowledge.mutate({ workspaceSlug: slug, seq })}
      disabled={acknowledge.isPending}
      aria-label={`Acknowledge: ${label}`}
    >
      {acknowledge.isPending ? <Spinner /> : <Check aria-hidden />}
      Acknowledge
    </Button>
  );
}
