import {
  getFeedSeen,
  getLiveFeedToken,
  getLogEntry,
  getLogHead,
  insertAcknowledgement,
  insertFeedToken,
  listFeedBetween,
  listProjects,
  markFeedSeen,
  revokeFeedTokens,
} from "@tandem/db/queries";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { writeWithLog } from "../log/writer";
import { buildDigest } from "../services/digest";
import { feedPage, hashFeedToken, newFeedToken } from "../services/feed";
import { feedCsv } from "../services/feed-format";
import { memberProcedure, writeContext } from "../trpc";
import { feedExportSchema, feedPageSchema } from "../validators";

/** The most rows one CSV export holds; a longer range is refused with a message, not cut short. */
export const EXPORT_MAX_ROWS = 20_000;

export const feedRouter = {
  /** One keyset page of the feed (no OFFSET): pass `nextCursor` back for the next one. */
  list: memberProcedure
    .input(feedPageSchema)
    .query(({ ctx, input }) => feedPage(ctx.db, { workspaceId: ctx.workspace.id, filter: input.filter, cursor: input.cursor, limit: input.limit })),

  /** The caller's "last looked" mark, for the "new since you last looked" divider. */
  seen: memberProcedure.query(async ({ ctx }) => {
    const row = await getFeedSeen(ctx.db, ctx.member.id);
    return { lastSeenSeq: row?.lastSeenSeq ?? 0, at: row?.updatedAt.toISOString() ?? null };
  }),

  // Personal reading state, like the inbox's read marks: not shared work, so not logged.
  markSeen: memberProcedure.input(z.object({ seq: z.number().int().min(0) })).mutation(async ({ ctx, input }) => {
    const head = await getLogHead(ctx.db, ctx.workspace.id);
    await markFeedSeen(ctx.db, { workspaceId: ctx.workspace.id, memberId: ctx.member.id, seq: Math.min(input.seq, head.seq) });
    return { ok: true };
  }),

  /** "Seen by the CEO": leadership acknowledges a feed entry, for everyone to see. */
  acknowledge: memberProcedure.input(z.object({ seq: z.number().int().positive() })).mutation(async ({ ctx, input }) => {
    if (ctx.member.side !== "leadership") throw new TRPCError({ code: "FORBIDDEN", message: "Only leadership acknowledges feed entries." });
    const entry = await getLogEntry(ctx.db, { workspaceId: ctx.workspace.id, seq: input.seq });
    if (!entry) throw new TRPCError({ code: "NOT_FOUND", message: "That entry is not in this workspace's log." });
    return writeWithLog(writeContext(ctx), async (tx, log) => {
      const added = await insertAcknowledgement(tx, { workspaceId: ctx.workspace.id, seq: input.seq, memberId: ctx.member.id });
      if (added) {
        await log({
          action: "entry.acknowledged",

          entityId: String(input.seq),
          projectId: entry.projectId,
          summary: { label: entry.summary.label, after: { seq: input.seq, memberId: ctx.member.id, name: ctx.user.name, side: ctx.member.side } },
        });
      }
      return { acknowledged: true, new: added };
    });
  }),

  digest: memberProcedure.query(({ ctx }) => buildDigest(ctx.db, ctx.workspace)),

  /** The feed between two days (inclusive, UTC) as CSV text. */
  exportCsv: memberProcedure.input(feedExportSchema).query(async ({ ctx, input }) => {
    const from = new Date(`${input.from}T00:00:00.000Z`);
    const to = new Date(`${input.to}T23:59:59.999Z`);
    const rows = await listFeedBetween(ctx.db, { workspaceId: ctx.workspace.id, filter: input.filter, from, to, limit: EXPORT_MAX_ROWS + 1 });
    if (rows.length > EXPORT_MAX_ROWS)
      throw new TRPCError({ code: "BAD_REQUEST", message: `That range has more than ${EXPORT_MAX_ROWS} entries: choose a shorter one.` });
    const projects = await listProjects(ctx.db, { workspaceId: ctx.workspace.id, today: ctx.today });
    const names = new Map(projects.map((p) => [p.project.id, p.project.name]));
    return { filename: `${ctx.workspace.slug}-feed-${input.from}-to-${input.to}.csv`, csv: feedCsv(rows, names), rows: rows.length };
  }),

  /** Whether the caller has a live secret Atom URL (the URL itself is shown only when created). */
  atomToken: memberProcedure.query(async ({ ctx }) => {
    const live = await getLiveFeedToken(ctx.db, ctx.member.id);
    return live ? { createdAt: live.createdAt.toISOString(), lastUsedAt: live.lastUsedAt?.toISOString() ?? null } : null;
  }),

  /** A new secret Atom URL token; any previous one stops working. */
  createAtomToken: memberProcedure.mutation(({ ctx }) => {
    const token = newFeedToken();
    return writeWithLog(writeContext(ctx), async (tx, log) => {
      await revokeFeedTokens(tx, ctx.member.id);
      const row = await insertFeedToken(tx, { workspaceId: ctx.workspace.id, memberId: ctx.member.id, tokenHash: hashFeedToken(token) });
      await log(tokenEntry(ctx, "feed_token.created", row.id));
      return { token, createdAt: row.createdAt.toISOString() };
    });
  }),

  revokeAtomToken: memberProcedure.mutation(({ ctx }) =>
    writeWithLog(writeContext(ctx), async (tx, log) => {
      const revoked = await revokeFeedTokens(tx, ctx.member.id);
      for (const r of revoked) await log(tokenEntry(ctx, "feed_token.revoked", r.id));
      return { revoked: revoked.length };
    }),
  ),
} satisfies TRPCRouterRecord;

function tokenEntry<A extends "feed_token.created" | "feed_token.revoked">(ctx: { user: { name: string }; member: { id: string } }, action: A, id: string) {
  return { action, entityId: id, summary: { label: ctx.user.name, after: { memberId: ctx.member.id } } };
}
