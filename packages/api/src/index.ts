import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

import { appRouter, type AppRouter } from "./root";
import { createCallerFactory, createTRPCContext } from "./trpc";

export const createCaller = createCallerFactory(appRouter);

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export { appRouter, createTRPCContext, type AppRouter };
export { createRealtimeNotifier, type RealtimeNotifier } from "./realtime-notifier";
export { checkFeedToken } from "./services/feed";
export { feedAtom } from "./services/feed-format";
export { renameReservedWorkspaces } from "./services/workspace";
export { guardRequest, isOwnOrigin, REQUEST_BODY_MAX_BYTES } from "./http-guard";
export {
  clientAddress,
  createRateLimits,
  type LimitName,
  parseLimitOverrides,
  RATE_LIMITS,
  type RateLimits,
  retryAfterMeta,
  retryAfterText,
} from "./rate-limit";
