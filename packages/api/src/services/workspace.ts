import type { Database, Role, Side, Transaction } from "@tandem/db";
import type { LogSigner } from "@tandem/db/log";
import { createWorkspace, getWorkspaceBySlug, insertNotifications, listMembers, listWorkspacesBySlugs, setWorkspaceSlug } from "@tandem/db/queries";
import { firstFreeSlug, RESERVED_SLUGS } from "@tandem/domain/workspace";

import { writeWithLog, type LogFn, type WriteContext } from "../log/writer";
import type { RealtimeNotifier } from "../realtime-notifier";

export interface NewWorkspace {
  slug: string;
  name: string;
  ownerId: string;
  ownerSide: Side;
  ownerRole?: Role;
  ownerTitle?: string;
}

/**
 * Creates a workspace with its owner as first member, and logs it as the first entry of its
 * own chain. Runs inside `writeWithLog` with `workspaceId: null`: the entry names the new one.
 */
export async function createWorkspaceLogged(tx: Transaction, log: LogFn, input: NewWorkspace) {
  const ws = await createWorkspace(tx, input);
  await log({
    workspaceId: ws.id,
    action: "workspace.created",
    entityId: ws.id,
    summary: { label: ws.name, after: { slug: ws.slug, name: ws.name } },
  });
  return ws;
}

/** Who the start-up fix-ups act as in the log. */
export const SYSTEM_ACTOR: WriteContext["actor"] = { id: null, name: "Tandem", side: null };

export const RESERVED_RENAME_REASON = "Its old address is now one of Tandem's own pages.";

/**
 * Start-up fix-up: a workspace whose slug became reserved (a new top-level route, say /status)
 * would be shadowed by that route, so it moves to the first free variant (`status` → `status-1`).
 * Each move is one write through the data path, logged as `workspace.renamed`. Idempotent:
 * a second run finds nothing to do.
 */
export async function renameReservedWorkspaces(
  db: Database,
  { signer, realtime }: { signer?: LogSigner; realtime?: RealtimeNotifier } = {},
): Promise<{ id: string; from: string; to: string }[]> {
  const renamed: { id: string; from: string; to: string }[] = [];
  for (const ws of await listWorkspacesBySlugs(db, RESERVED_SLUGS)) {
    const taken = async (s: string) => (await getWorkspaceBySlug(db, s)) !== null;
    for (let attempt = 1; ; attempt++) {
      const to = await firstFreeSlug(ws.slug, taken, { skipBase: true });
      try {
        const moved = await writeWithLog({ db, signer, realtime, workspaceId: ws.id, actor: SYSTEM_ACTOR }, async (tx, log) => {
          const row = await setWorkspaceSlug(tx, { id: ws.id, from: ws.slug, to });
          if (!row) return null; // moved by another node starting at the same time
          // Every member is told in their inbox, where the old address would have led them.
          const members = await listMembers(tx, { workspaceId: ws.id });
          await insertNotifications(
            tx,
            members.map((m) => ({
              workspaceId: ws.id,
              recipientId: m.id,
              kind: "notice" as const,
              actorName: SYSTEM_ACTOR.name,
              title: `${row.name} is now at /${to}`,
              excerpt: `${RESERVED_RENAME_REASON} /${ws.slug} no longer leads here.`,
            })),
          );
          await log({
            action: "workspace.renamed",
            entityId: ws.id,
            summary: {
              label: row.name,
              before: { slug: ws.slug, name: ws.name },
              after: { slug: to, name: row.name, reason: RESERVED_RENAME_REASON },
              notify: members.map((m) => m.userId),
            },
          });
          return row;
        });
        if (moved) renamed.push({ id: ws.id, from: ws.slug, to });
        break;
      } catch (err) {
        // Someone took `to` between the look and the move: look again.
        if ((err as { cause?: { code?: string } }).cause?.code !== "23505" || attempt >= 5) throw err;
      }
    }
  }
  return renamed;
}
