import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Auth } from "@tandem/auth";
import { removeMember } from "@tandem/db/queries";
import { authenticate } from "@tandem/realtime/handshake";
import { workspaceRoom } from "@tandem/realtime-contract";

import { createTestAuth, signUpUser, type TestUser } from "../support/auth";
import { DB_KINDS, startTestDb, type TestDb } from "../support/db";
import { join, makeWorkspace, memberId, uniqueEmail } from "./harness";

type Middleware = ReturnType<typeof authenticate>;
type HandshakeSocket = Parameters<Middleware>[0];

/** The socket as the handshake middleware sees it: a cookie in; rooms and socket.data out. */
function handshakeSocket(cookie: string) {
  const rooms = new Set<string>();
  const socket = {
    request: { headers: { cookie } },
    data: undefined,
    join: async (names: string | string[]) => {
      for (const n of [names].flat()) rooms.add(n);
    },
    leave: (name: string) => {
      rooms.delete(name);
    },
  };
  return { socket: socket as unknown as HandshakeSocket, rooms };
}

function run(middleware: Middleware, socket: HandshakeSocket) {
  return new Promise<Error | undefined>((resolve) => middleware(socket, resolve));
}

/**
 * A membership recheck (a poke, or a peer's `membership.changed`) walks the sockets that are
 * connected. A socket still in its handshake is not one of them yet, so the handshake itself must
 * notice that a recheck ran meanwhile and read the member table again. These tests make the
 * recheck happen at the worst moment, between reading the sides and joining the rooms, every time.
 */
describe.each(DB_KINDS)("a membership change during the realtime handshake, against %s", (kind) => {
  let t: TestDb;
  let auth: Auth;
  let bob: TestUser;
  let epoch = 0;

  beforeAll(async () => {
    t = await startTestDb(kind);
    auth = createTestAuth(t.db);
    bob = await signUpUser(auth, { name: "Bob", email: uniqueEmail("bob") });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A new Ada for each test: she owns A and is in B; Bob owns C, which she is not in. */
  async function workspaces() {
    const ada = await signUpUser(auth, { name: "Ada", email: uniqueEmail("ada") });
    const a = (await makeWorkspace(t.db, ada.userId, "marketing")).id;
    const b = (await makeWorkspace(t.db, bob.userId, "marketing")).id;
    await join(t.db, b, ada.userId, "it");
    const c = (await makeWorkspace(t.db, bob.userId, "marketing")).id;
    return { ada, a, b, c };
  }

  function middleware(onBeforeJoin: (call: number) => Promise<void>) {
    const calls: string[][] = [];
    const mw = authenticate({
      db: t.db,
      auth,
      ready: Promise.resolve(),
      membershipEpoch: () => epoch,
      beforeJoin: async (ids) => {
        calls.push([...ids].sort());
        await onBeforeJoin(calls.length);
      },
    });
    return { mw, calls };
  }

  it("reads the sides once when no recheck overlaps the handshake", async () => {
    const { ada, a, b } = await workspaces();
    const { mw, calls } = middleware(async () => {});
    const { socket, rooms } = handshakeSocket(ada.cookie);
    expect(await run(mw, socket)).toBeUndefined();
    expect(calls).toHaveLength(1);
    expect([...rooms].sort()).toEqual([workspaceRoom(a), workspaceRoom(b)].sort());
  });

  it("leaves a workspace Ada was removed from and joins one she was added to while connecting", async () => {
    const { ada, a, b, c } = await workspaces();
    const { mw, calls } = middleware(async (call) => {
      if (call !== 1) return;
      // Another request removes Ada from B and adds her to C; its recheck runs now, without this socket.
      await removeMember(t.db, { workspaceId: b, memberId: await memberId(t.db, b, ada.userId) });
      await join(t.db, c, ada.userId, "it");
      epoch++;
    });
    const { socket, rooms } = handshakeSocket(ada.cookie);
    expect(await run(mw, socket)).toBeUndefined();
    expect([...rooms].sort()).toEqual([workspaceRoom(a), workspaceRoom(c)].sort());
    expect(socket.data.sides).toEqual({ [a]: "marketing", [c]: "it" });
    // The log tailer learns of C before the socket joins its room, as on the first pass.
    expect(calls).toEqual([[a, b].sort(), [a, c].sort()]);
  });

  it("follows rechecks that keep overlapping until one does not", async () => {
    const { ada, a, b, c } = await workspaces();
    const { mw, calls } = middleware(async (call) => {
      if (call === 1) {
        await removeMember(t.db, { workspaceId: b, memberId: await memberId(t.db, b, ada.userId) });
        epoch++;
      } else if (call === 2) {
        await join(t.db, c, ada.userId, "it");
        epoch++;
      }
    });
    const { socket, rooms } = handshakeSocket(ada.cookie);
    expect(await run(mw, socket)).toBeUndefined();
    expect(calls).toHaveLength(3);
    expect([...rooms].sort()).toEqual([workspaceRoom(a), workspaceRoom(c)].sort());
    expect(socket.data.sides).toEqual({ [a]: "marketing", [c]: "it" });
  });
});
