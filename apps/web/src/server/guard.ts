import "server-only";

import { guardRequest } from "@tandem/api";
import { authEnv } from "@tandem/auth/env";

/**
 * Wraps a route handler: writes from other sites are refused (403) and bodies over the cap (413)
 * before the handler reads a byte of them. `maxBytes` lowers the cap for routes that take little.
 */
export function guarded(handler: (req: Request) => Promise<Response> | Response, maxBytes?: number) {
  return async (req: Request) => {
    const checked = await guardRequest(req, { trustedOrigins: [authEnv.baseURL, ...authEnv.trustedOrigins], maxBytes });
    return "refused" in checked ? checked.refused : handler(checked.request);
  };
}
