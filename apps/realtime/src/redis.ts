import { createAdapter } from "@socket.io/redis-adapter";
import { createClient } from "redis";

import type { RealtimeIo } from "./types";
import { failure, log } from "./log";

const FIRST_CONNECT_TIMEOUT_MS = 10_000;

/**
 * Puts the Redis adapter under io once both clients are connected, so rooms, broadcasts,
 * fetchSockets and serverSideEmit span every node.
 */
export function attachRedisAdapter(io: RealtimeIo, url: string, key?: string) {
  const pub = createClient({ url });
  const sub = pub.duplicate();
  // Without a listener an 'error' event (Redis restarting) would crash the process; the
  // clients reconnect on their own once they have connected once.
  pub.on("error", (err: Error) => log.error({ client: "pub", ...failure(err) }, "redis error"));
  sub.on("error", (err: Error) => log.error({ client: "sub", ...failure(err) }, "redis error"));
  let closed = false;

  const close = async () => {
    closed = true;
    // destroy() also stops a client that is still retrying its first connection.
    await Promise.allSettled([pub, sub].map((c) => (c.isReady ? c.close() : c.destroy())));
  };

  // The client retries a first connection forever; a node that cannot reach Redis at start
  // should fail loudly instead of waiting silently.
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`could not connect to Redis within ${FIRST_CONNECT_TIMEOUT_MS} ms`)), FIRST_CONNECT_TIMEOUT_MS);
  });
  const ready = Promise.race([Promise.all([pub.connect(), sub.connect()]), timeout])
    .then(() => {
      if (closed) throw new Error("closed before Redis connected");
      io.adapter(createAdapter(pub, sub, key ? { key } : {}));
    })
    .catch(async (err: unknown) => {
      await close();
      throw err;
    })
    .finally(() => clearTimeout(timer));

  return { ready, close };
}
