import { afterAll, beforeAll } from "vitest";

import type { Auth } from "@tandem/auth";
import type { RealtimeDeps } from "@tandem/realtime/server";

import { createTestAuth } from "../support/auth";
import { startTestDb, type DbKind, type TestDb } from "../support/db";
import { createFixture, type Fixture } from "../support/workspace";
import { Clients, startNode, type Node } from "./harness";

export interface RealtimeSuite {
  t: TestDb;
  auth: Auth;
  node: Node;
  /** One fixture workspace per slug given, in order. */
  fixtures: Fixture[];
  clients: Clients;
}

/**
 * The set-up most realtime suites share: a database, better-auth, one realtime node and fixture
 * workspaces, all closed after the suite. Read the fields inside tests (they are set in beforeAll).
 */
export function realtimeSuite(
  kind: DbKind,
  {
    slugs,
    node: nodeOptions = {},
  }: { slugs: string[]; node?: Omit<RealtimeDeps, "db" | "auth" | "internalSecret"> | ((t: TestDb) => Omit<RealtimeDeps, "db" | "auth" | "internalSecret">) },
): RealtimeSuite {
  const suite = { clients: new Clients(), fixtures: [] as Fixture[] } as RealtimeSuite;
  beforeAll(async () => {
    suite.t = await startTestDb(kind);
    suite.auth = createTestAuth(suite.t.db);
    const extra = typeof nodeOptions === "function" ? nodeOptions(suite.t) : nodeOptions;
    suite.node = await startNode({ db: suite.t.db, auth: suite.auth, ...extra });
    for (const slug of slugs) suite.fixtures.push(await createFixture(suite.t.db, suite.auth, slug));
  });
  afterAll(async () => {
    suite.clients.closeAll();
    await suite.node?.close();
    await suite.t?.close();
  });
  return suite;
}
