import { verifyWorkspaceLog } from "@tandem/db/log";
import { getLogHead, insertCheckpoint, listCheckpoints, listLogAfter, listLogBefore } from "@tandem/db/queries";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { memberProcedure } from "../trpc";

const seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const logRouter = {
  /** Newest first, keyset-paged: the workspace log page and a project's activity. */
  list: memberProcedure
    .input(z.object({ beforeSeq: seq.optional(), projectId: z.string().uuid().optional(), limit: z.number().int().min(1).max(200).default(50) }))
    .query(async ({ ctx, input }) => {
      const rows = await listLogBefore(ctx.db, { workspaceId: ctx.workspace.id, ...input, limit: input.limit + 1 });
      return { entries: rows.slice(0, input.limit), nextBeforeSeq: rows.length > input.limit ? rows[input.limit - 1]!.seq : null };
    }),

  /** Everything after a seq, oldest first: how a client catches up after a gap or reconnect. */
  since: memberProcedure.input(z.object({ afterSeq: seq, limit: z.number().int().min(1).max(1000).default(500) })).query(async ({ ctx, input }) => {
    const entries = await listLogAfter(ctx.db, { workspaceId: ctx.workspace.id, afterSeq: input.afterSeq, limit: input.limit + 1 });
    return { entries: entries.slice(0, input.limit), hasMore: entries.length > input.limit };
  }),

  head: memberProcedure.query(async ({ ctx }) => {
    const head = await getLogHead(ctx.db, ctx.workspace.id);
    return { seq: head.seq, hash: head.hash };
  }),

  /** Recomputes the whole chain and holds it to the stored signed checkpoints. */
  verify: memberProcedure.query(async ({ ctx }) => {
    const checkpoints = (await listCheckpoints(ctx.db, ctx.workspace.id)).map((c) => ({ ...c, createdAt: c.createdAt.toISOString() }));
    const result = await verifyWorkspaceLog(ctx.db, ctx.workspace.id, { checkpoints, publicKeyPem: ctx.signer?.publicKeyPem });
    return { ...result, checkpoints: checkpoints.length, checkedAt: new Date() };
  }),

  /** Signs the current head and returns it as a file to keep outside Tandem. Admins and leadership. */
  checkpoint: memberProcedure.mutation(async ({ ctx }) => {
    if (ctx.member.role !== "admin" && ctx.member.side !== "leadership") {
      throw new TRPCError({ code: "FORBIDDEN", message: "Only admins and leadership can download checkpoints." });
    }
    if (!ctx.signer) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "No log signing key is configured on this server." });
    const head = await getLogHead(ctx.db, ctx.workspace.id);
    const signed = ctx.signer.sign({ workspaceId: ctx.workspace.id, seq: head.seq, hash: head.hash, createdAt: new Date().toISOString() });
    await insertCheckpoint(ctx.db, {
      workspaceId: signed.workspaceId,
      seq: signed.seq,
      hash: signed.hash,
      keyId: signed.keyId,
      signature: signed.signature,
      createdAt: new Date(signed.createdAt),
    });
    return { ...signed, workspaceSlug: ctx.workspace.slug };
  }),
} satisfies TRPCRouterRecord;
