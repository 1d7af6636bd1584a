import type { Auth } from "@tandem/auth";
import { todayIn } from "@tandem/domain/rules";
import type { Database } from "@tandem/db";
import { getMembershipBySlug } from "@tandem/db/queries";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";

import type { LogSigner } from "@tandem/db/log";

import type { WriteContext } from "./log/writer";
import { checkComputedKpis } from "./services/kpi-off-target";
import type { RealtimeNotifier } from "./realtime-notifier";
import { databaseUnavailable, isDatabaseUnavailable } from "./db-unavailable";
import { logger, requestIdOf } from "./logger";
import { apiMetrics } from "./metrics";
import { clientAddress, type LimitName, type RateLimits, retryAfterText } from "./rate-limit";

export interface CreateContextOptions {
  headers: Headers;
  db: Database;
  auth: Auth;
  /** Tells realtime nodes that membership changed; absent where no realtime server runs. */
  realtime?: RealtimeNotifier;
  /** Signs log checkpoints; absent where no key is configured (checkpoints are then unavailable). */
  signer?: LogSigner;
  /** Counts changes against the rate limits; absent for tools and tests that call the API directly. */
  limits?: RateLimits;
}

type Membership = Awaited<ReturnType<typeof getMembershipBySlug>>;

/** Built by the HTTP handler, server components, tests and tools alike: all dependencies come in. */
export async function createTRPCContext({ headers, db, auth, realtime, signer, limits }: CreateContextOptions) {
  // With the database away, better-auth can't read the session: 503, not a 500 (or a sign-in page).
  const session = await auth.api.getSession({ headers }).catch((err: unknown) => {
    throw isDatabaseUnavailable(err) ? databaseUnavailable(err) : err;
  });
  const requestId = requestIdOf(headers);
  return {
    requestId,
    /** This request's log lines: its id and who is asking on each. */
    log: logger.child({ requestId, userId: session?.user.id ?? null }),
    db,
    auth,
    headers,
    realtime,
    signer,
    limits,
    session: session ?? null,
    /**
     * The caller's membership by workspace slug, resolved once per request: every procedure of a
     * batch names the same workspace. Mutations resolve afresh and clear it (they may change it).
     */
    memberships: new Map<string, Promise<Membership>>(),
  };
}
export type Context = Awaited<ReturnType<typeof createTRPCContext>>;

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter: ({ shape, error }) => ({
    ...shape,
    data: {
      ...shape.data,
      // Field errors let forms show the message next to the field.
      fieldErrors: error.cause instanceof ZodError ? z.flattenError(error.cause).fieldErrors : null,
      // The HTTP handler turns it into Retry-After; the client says when to try again.
      retryAfterSeconds: error.cause instanceof RateLimited ? error.cause.retryAfterSeconds : null,
      stack: undefined,
    },
  }),
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

/** Logs a refused request (who, what, why) without telling the caller more than the code. */
export function logDenial(ctx: Pick<Context, "log">, path: string, reason: string) {
  ctx.log.warn({ path, reason }, "denied");
}

/** Why a request was refused with TOO_MANY_REQUESTS, and when the limit lets it through again. */
export class RateLimited extends Error {
  constructor(
    readonly limit: LimitName,
    readonly retryAfterSeconds: number,
  ) {
    super(`rate limit ${limit}`);
  }
}

async function enforce(ctx: Context, path: string, checks: [LimitName, string][]) {
  if (!ctx.limits) return;
  const limits = ctx.limits;
  // All counted at once: one round trip on a change's path, not one per limit.
  const outcomes = await Promise.all(checks.map(([limit, key]) => limits.consume(limit, key).then((outcome) => ({ limit, outcome }))));
  for (const { limit, outcome } of outcomes) {
    if (outcome.ok) continue;
    logDenial(ctx, path, `rate limit ${limit}`);
    apiMetrics().rateLimited.inc({ limit });
    throw new TRPCError({
      code: "TOO_MANY_REQUESTS",
      message: `You're making changes faster than Tandem takes them. This one wasn't saved: try again ${retryAfterText(outcome.retryAfterSeconds)}.`,
      cause: new RateLimited(limit, outcome.retryAfterSeconds),
    });
  }
}

/** Each procedure's time and outcome, for the metrics. */
const timed = t.middleware(async ({ path, type, next }) => {
  const started = performance.now();
  const result = await next();
  const outcome = result.ok ? "ok" : result.error.code;
  const metrics = apiMetrics();
  metrics.procedureDuration.observe({ procedure: path, type, outcome }, (performance.now() - started) / 1000);
  if (outcome === "INTERNAL_SERVER_ERROR") metrics.procedureErrors.inc({ procedure: path });
  return result;
});

/** A database that is away (restarting, unreachable) answers 503 with a plain message, not 500. */
const databaseUp = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR" && isDatabaseUnavailable(result.error.cause)) throw databaseUnavailable(result.error.cause);
  return result;
});

/** Every change counts against its author's limit and its address's; reads are not limited. */
export const publicProcedure = t.procedure
  .use(timed)
  .use(databaseUp)
  .use(async ({ ctx, path, type, next }) => {
    if (type === "mutation") {
      const byAddress: [LimitName, string] = ["mutationByIp", clientAddress(ctx.headers)];
      await enforce(ctx, path, ctx.session ? [["mutation", ctx.session.user.id], byAddress] : [byAddress]);
    }
    return next();
  });

/** A tighter limit for one procedure (e.g. invite links), per signed-in user, on top of the general one. */
export const limitedTo = (limit: LimitName) =>
  t.middleware(async ({ ctx, path, next }) => {
    await enforce(ctx, path, [[limit, ctx.session?.user.id ?? clientAddress(ctx.headers)]]);
    return next();
  });

/** A signed-in user, not yet tied to a workspace. */
export const authedProcedure = publicProcedure.use(({ ctx, path, next }) => {
  if (!ctx.session) {
    logDenial(ctx, path, "no session");
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  }
  return next({ ctx: { ...ctx, session: ctx.session, user: ctx.session.user } });
});

export const workspaceInput = z.object({ workspaceSlug: z.string().trim().min(1).max(64) });

/**
 * A member of the workspace named by `workspaceSlug`. A workspace that does not exist and one
 * the caller is not in look the same from outside: NOT_FOUND.
 */
export const memberProcedure = authedProcedure.input(workspaceInput).use(async ({ ctx, input, path, type, next }) => {
  const slug = input.workspaceSlug;
  const lookup = () => getMembershipBySlug(ctx.db, { slug, userId: ctx.user.id });
  const proceed = async (found: Membership) => {
    if (!found) {
      logDenial(ctx, path, `not a member of ${slug}`);
      throw new TRPCError({ code: "NOT_FOUND", message: "Workspace not found." });
    }
    // `today` is the workspace's day, in its time zone: what "overdue" means for every procedure.
    return next({ ctx: { ...ctx, workspace: found.workspace, member: found.member, today: todayIn(found.workspace.timeZone) } });
  };
  if (type === "mutation") {
    // A write reads membership itself, and may change it (or whether there is one): what the
    // request remembered is dropped, before and after.
    ctx.memberships.clear();
    try {
      return await proceed(await lookup());
    } finally {
      ctx.memberships.clear();
    }
  }
  let memo = ctx.memberships.get(slug);
  if (!memo) {
    memo = lookup();
    ctx.memberships.set(slug, memo);
    // A failed read isn't remembered: the next procedure tries again.
    memo.catch(() => ctx.memberships.delete(slug));
  }
  return proceed(await memo);
});

/** What a write needs: where it goes, who makes it, and how to wake realtime after commit. */
export function writeContext(ctx: {
  db: Context["db"];
  requestId?: string;
  realtime?: RealtimeNotifier;
  signer?: LogSigner;
  workspace: { id: string };
  member: { side: WriteContext["actor"]["side"] };
  user: { id: string; name: string };
}): WriteContext {
  return {
    db: ctx.db,
    realtime: ctx.realtime,
    requestId: ctx.requestId,
    signer: ctx.signer,
    workspaceId: ctx.workspace.id,
    actor: { id: ctx.user.id, name: ctx.user.name, side: ctx.member.side },
    // A change to the work can move a computed KPI off target: checked once it is committed.
    afterCommit: (written) => checkComputedKpis(ctx, written),
  };
}

/**
 * Members who may change shared work (projects, tasks, check-ins): marketing and IT, but not
 * viewers, and not leadership whatever their role: leadership reads, comments and acknowledges.
 */
export const writerProcedure = memberProcedure.use(({ ctx, path, next }) => {
  if (ctx.member.role === "viewer") {
    logDenial(ctx, path, "viewer cannot write");
    throw new TRPCError({ code: "FORBIDDEN", message: "Your role can read but not change this." });
  }
  if (ctx.member.side === "leadership") {
    logDenial(ctx, path, "leadership cannot edit shared work");
    throw new TRPCError({ code: "FORBIDDEN", message: "Leadership can comment and acknowledge, but not edit the shared work." });
  }
  return next();
});

export const leadProcedure = memberProcedure.use(({ ctx, path, next }) => {
  if (ctx.member.role !== "lead" && ctx.member.role !== "admin") {
    logDenial(ctx, path, "requires lead");
    throw new TRPCError({ code: "FORBIDDEN", message: "Only a lead or an admin can do this." });
  }
  return next();
});

export const adminProcedure = memberProcedure.use(({ ctx, path, next }) => {
  if (ctx.member.role !== "admin") {
    logDenial(ctx, path, "requires admin");
    throw new TRPCError({ code: "FORBIDDEN", message: "Only a workspace admin can do this." });
  }
  return next();
});
