import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Auth } from "@tandem/auth";

import { createTestAuth, signUpUser, type TestUser } from "../support/auth";
import { DB_KINDS, startTestDb, type TestDb } from "../support/db";
import { Clients, expectConnectError, makeWorkspace, startNode, uniqueEmail, type Node } from "./harness";

describe.each(DB_KINDS)("realtime handshake against %s", (kind) => {
  let t: TestDb;
  let auth: Auth;
  let node: Node;
  let ada: TestUser;
  let workspaceId: string;
  const clients = new Clients();

  beforeAll(async () => {
    t = await startTestDb(kind);
    auth = createTestAuth(t.db);
    node = await startNode({ db: t.db, auth, allowedOrigins: ["https://app.example.com"] });
    ada = await signUpUser(auth, { name: "Ada", email: uniqueEmail("ada") });
    workspaceId = (await makeWorkspace(t.db, ada.userId, "marketing")).id;
  });
  afterAll(async () => {
    clients.closeAll();
    await node?.close();
    await t?.close();
  });

  it("accepts a signed-in user and puts them in their workspace's room, seen in presence", async () => {
    const { client, presence } = await clients.connect(node, { cookie: ada.cookie });
    expect(client.connected).toBe(true);
    const state = await presence.waitFor(workspaceId, (ids) => ids.includes(ada.userId));
    expect(state.users).toEqual([{ userId: ada.userId, name: "Ada", side: "marketing" }]);
    const ack = await client.emitWithAck("presence.get", { workspaceId });
    expect(ack).toEqual({ ok: true, data: state });
  });

  it("accepts the long-polling transport with the cookie too", async () => {
    const { client } = await clients.connect(node, { cookie: ada.cookie, transport: "polling" });
    expect(client.connected).toBe(true);
    expect(await client.emitWithAck("presence.get", { workspaceId })).toMatchObject({ ok: true });
  });

  it("refuses a connection without a session cookie with a clear error", async () => {
    const err = expectConnectError(await clients.connect(node).catch((e: unknown) => e));
    expect(err.message).toBe("unauthorized");
    expect(err.data).toEqual({ code: "UNAUTHORIZED", message: "Sign in to connect." });
  });

  it("refuses a forged or tampered session cookie", async () => {
    const forged = expectConnectError(await clients.connect(node, { cookie: "tandem.session_token=not-a-real-token.c2lnbmF0dXJl" }).catch((e: unknown) => e));
    expect(forged.message).toBe("unauthorized");
    expect(forged.data?.code).toBe("UNAUTHORIZED");

    // Same token, signature altered: better-auth must reject it rather than trust the token part.
    const [name, value] = ada.cookie.split(";")[0]!.split("=") as [string, string];
    const decoded = decodeURIComponent(value);
    const dot = decoded.lastIndexOf(".");
    const sig = decoded.slice(dot + 1);
    const flipped = (sig[0] === "A" ? "B" : "A") + sig.slice(1);
    const tampered = `${name}=${encodeURIComponent(decoded.slice(0, dot + 1) + flipped)}`;
    const err = expectConnectError(await clients.connect(node, { cookie: tampered }).catch((e: unknown) => e));
    expect(err.message).toBe("unauthorized");
  });

  it("refuses a cookie whose session was signed out", async () => {
    const bo = await signUpUser(auth, { name: "Bo", email: uniqueEmail("bo") });
    await auth.api.signOut({ headers: bo.headers });
    const err = expectConnectError(await clients.connect(node, { cookie: bo.cookie }).catch((e: unknown) => e));
    expect(err.data?.code).toBe("UNAUTHORIZED");
  });

  it("allows the same hostname on another port and listed origins, refuses foreign origins", async () => {
    const sameHost = await clients.connect(node, { cookie: ada.cookie, origin: "http://127.0.0.1:3000" });
    expect(sameHost.client.connected).toBe(true);
    const listed = await clients.connect(node, { cookie: ada.cookie, origin: "https://app.example.com" });
    expect(listed.client.connected).toBe(true);
    for (const origin of ["http://evil.example", "http://127.0.0.1.evil.example:3000", "null"]) {
      for (const transport of ["websocket", "polling"] as const) {
        const err = await clients.connect(node, { cookie: ada.cookie, origin, transport }).then(
          () => null,
          (e: unknown) => e,
        );
        expect(err, `${origin} over ${transport}`).toBeInstanceOf(Error);
      }
    }
  });

  it("gives CORS credentials only to allowed origins", async () => {
    const url = `${node.url}/socket.io/?EIO=4&transport=polling`;
    const ok = await fetch(url, { method: "OPTIONS", headers: { origin: "https://app.example.com", "access-control-request-method": "GET" } });
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    expect(ok.headers.get("access-control-allow-credentials")).toBe("true");
    const evil = await fetch(url, { method: "OPTIONS", headers: { origin: "http://evil.example", "access-control-request-method": "GET" } });
    expect(evil.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers GET /health with the number of connections on this node", async () => {
    const before = (await (await fetch(`${node.url}/health`)).json()) as { ok: boolean; connections: number };
    expect(before.ok).toBe(true);
    await clients.connect(node, { cookie: ada.cookie });
    const after = (await (await fetch(`${node.url}/health`)).json()) as { ok: boolean; connections: number };
    expect(after).toEqual({ ok: true, connections: before.connections + 1 });
    expect((await fetch(`${node.url}/elsewhere`)).status).toBe(404);
  });
});
