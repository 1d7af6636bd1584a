import type { RealtimeNotifier } from "@tandem/api";
import { apiMetrics, metricsAllowed } from "@tandem/api/metrics";
import type { Auth } from "@tandem/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestAuth } from "../support/auth";
import { DB_KINDS, startTestDb, type TestDb } from "../support/db";
import { createFixture, type Fixture } from "../support/workspace";
import { Clients, startNode, type Node } from "./harness";
import { apiAs, headSeq, newProject, notifierFor, recordLog } from "./log-harness";

const TOKEN = "metrics-token-for-tests-0123";

/** One sample's value from Prometheus text: the metric `name` whose labels include every one of `labels` (`a="b",c="d"`). */
function sample(text: string, name: string, labels = ""): number | undefined {
  const wanted = labels ? labels.split(",") : [];
  const line = text.split("\n").find((l) => {
    const m = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(l);
    return m?.[1] === name && wanted.every((w) => (m[2] ?? "").split(",").includes(w));
  });
  return line ? Number(line.split(" ").at(-1)) : undefined;
}

describe.each(DB_KINDS)("metrics on %s", (kind) => {
  let t: TestDb;
  let auth: Auth;
  let node: Node;
  let f: Fixture;
  let notifier: RealtimeNotifier;
  const clients = new Clients();

  beforeAll(async () => {
    t = await startTestDb(kind);
    auth = createTestAuth(t.db);
    node = await startNode({ db: t.db, auth, metricsToken: TOKEN });
    notifier = notifierFor(node);
    f = await createFixture(t.db, auth, `metrics-${kind}`);
  });
  afterAll(async () => {
    clients.closeAll();
    await node?.close();
    await t?.close();
  });

  const scrape = async (authorization?: string) => fetch(`${node.url}/metrics`, { headers: authorization ? { authorization } : {} });

  it("the realtime node counts its sockets, pokes, refusals and each entry's delivery lag, for a scrape with the token only", async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape("Bearer wrong-token-of-some-length")).status).toBe(401);

    const { client } = await clients.connect(node, { cookie: f.mLead.cookie });
    await clients.connect(node).catch(() => null);
    const log = recordLog(client);
    const api = await apiAs(t.db, auth, f.mLead, notifier);
    await newProject(api, f, "Measured");
    await log.waitFor(f.workspaceId, await headSeq(t.db, f.workspaceId));

    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(sample(text, "tandem_realtime_sockets")).toBe(1);
    expect(sample(text, "tandem_realtime_pokes_total", 'reason="log"')).toBeGreaterThanOrEqual(1);
    expect(sample(text, "tandem_realtime_connections_refused_total", 'code="UNAUTHORIZED"')).toBe(1);
    expect(sample(text, "tandem_realtime_delivery_lag_seconds_count")).toBeGreaterThanOrEqual(1);
    expect(sample(text, "tandem_realtime_log_head_seq", `workspace="${f.workspaceId}"`)).toBeGreaterThan(0);
    expect(text).toContain("tandem_realtime_process_cpu_seconds_total");
  });

  it("the web process times every procedure by name and outcome", async () => {
    const api = await apiAs(t.db, auth, f.viewer, notifier);
    await api.project.list({ workspaceSlug: f.slug, filter: {} });
    await api.project
      .create({ workspaceSlug: f.slug, name: "Not mine to make", sides: { marketing: { leadId: f.mLead.memberId }, it: { leadId: f.iLead.memberId } } })
      .catch(() => null);
    const text = await apiMetrics().registry.metrics();
    expect(sample(text, "tandem_api_procedure_duration_seconds_count", 'procedure="project.list",type="query",outcome="ok"')).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, "tandem_api_procedure_duration_seconds_count", 'procedure="project.create",type="mutation",outcome="FORBIDDEN"'),
    ).toBeGreaterThanOrEqual(1);
  });

  it("lets a scrape in only with the exact token, and none at all when no token is set", () => {
    expect(metricsAllowed(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(metricsAllowed(`Bearer ${TOKEN}x`, TOKEN)).toBe(false);
    expect(metricsAllowed(TOKEN, TOKEN)).toBe(false);
    expect(metricsAllowed(null, TOKEN)).toBe(false);
    expect(metricsAllowed("Bearer ", undefined)).toBe(false);
  });
});
