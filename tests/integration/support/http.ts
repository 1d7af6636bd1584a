import { appRouter, createTRPCContext } from "@tandem/api";
import type { Auth } from "@tandem/auth";
import type { Database } from "@tandem/db";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

import type { TestUser } from "./auth";

/** A refused call as the browser's tRPC client holds it: the message, and the formatted `data`. */
export interface HttpRefusal {
  message: string;
  data: { code: string; httpStatus: number; fieldErrors: Record<string, string[] | undefined> | null };
}

/**
 * Calls a mutation over HTTP through the same handler and error formatter the web app's
 * /api/trpc route uses, and returns the refusal as the browser receives it (superjson framing:
 * `{ json }` in, `{ error: { json } }` out; these inputs and errors carry nothing superjson encodes).
 */
export async function mutationRefusal(db: Database, auth: Auth, user: TestUser, path: string, input: unknown): Promise<HttpRefusal> {
  const req = new Request(`http://localhost:3000/api/trpc/${path}`, {
    method: "POST",
    headers: { cookie: user.cookie, origin: "http://localhost:3000", "content-type": "application/json" },
    body: JSON.stringify({ json: input }),
  });
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createTRPCContext({ headers: req.headers, db, auth }),
  });
  const body = (await res.json()) as { error?: { json: HttpRefusal } };
  if (!body.error) throw new Error(`expected ${path} to be refused, it answered ${res.status}`);
  return body.error.json;
}
