import { DEMO_PASSWORD, DEMO_PEOPLE, demoPeople, seedDemo } from "@tandem/api/seed";
import type { Auth } from "@tandem/auth";
import { verifyWorkspaceLog } from "@tandem/db/log";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { callerFor } from "../support/api";
import { createTestAuth } from "../support/auth";
import { DB_KINDS, startTestDb, type TestDb } from "../support/db";

describe.each(DB_KINDS)("demo seed on %s", (kind) => {
  let t: TestDb;
  let auth: Auth;
  beforeAll(async () => {
    t = await startTestDb(kind);
    auth = createTestAuth(t.db);
  });
  afterAll(async () => t?.close());

  it("creates Acme with a CMO, a CIO, the CEO and two members per side, once", async () => {
    expect(await seedDemo(t.db, auth)).toBe(true);
    expect(await seedDemo(t.db, auth)).toBe(false);
    const res = await auth.api.signInEmail({ body: { email: "cmo@acme.test", password: DEMO_PASSWORD }, returnHeaders: true });
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const api = await callerFor(t.db, auth, { headers: new Headers({ cookie }) } as never);
    const members = await api.member.list({ workspaceSlug: "acme" });
    expect(members).toHaveLength(DEMO_PEOPLE.length);
    const by = (side: string, role: string) => members.filter((m) => m.side === side && m.role === role).length;
    expect([by("marketing", "admin"), by("it", "admin"), by("leadership", "viewer"), by("marketing", "member"), by("it", "member")]).toEqual([1, 1, 1, 2, 2]);

    // Demo work, made through the services: projects, tasks, check-ins, one disagreement.
    const projects = await api.project.list({ workspaceSlug: "acme" });
    expect(projects.map((p) => p.project.name).sort()).toEqual(["Consent banner rollout", "Customer data platform", "Spring launch site"]);
    expect(projects.find((p) => p.project.name === "Consent banner rollout")).toMatchObject({ disagree: true });
    const checkIns = await api.feed.list({ workspaceSlug: "acme", filter: { kind: "check_in" } });
    expect(checkIns.items).toHaveLength(4);
    const digest = await api.feed.digest({ workspaceSlug: "acme" });
    expect(digest.overdueBySide.marketing.map((t) => t.title)).toContain("Hero photography");
    const ws = (await api.workspace.get({ workspaceSlug: "acme" })).workspace;
    expect((await verifyWorkspaceLog(t.db, ws.id)).ok).toBe(true);
  });

  it("seeds the same demo again under another slug, name and email domain, beside Acme", async () => {
    // The e2e specs that change data each get a workspace made this way.
    expect(await seedDemo(t.db, auth, { slug: "beta-demo", name: "Beta", emailDomain: "beta.test" })).toBe(true);
    const res = await auth.api.signInEmail({ body: { email: "cio@beta.test", password: DEMO_PASSWORD }, returnHeaders: true });
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const api = await callerFor(t.db, auth, { headers: new Headers({ cookie }) } as never);
    const members = await api.member.list({ workspaceSlug: "beta-demo" });
    expect(members.map((m) => m.email).sort()).toEqual(
      demoPeople("beta.test")
        .map((p) => p.email)
        .sort(),
    );
    expect((await api.workspace.get({ workspaceSlug: "beta-demo" })).workspace.name).toBe("Beta");
    const projects = await api.project.list({ workspaceSlug: "beta-demo" });
    expect(projects.map((p) => p.project.name).sort()).toEqual(["Consent banner rollout", "Customer data platform", "Spring launch site"]);
    // Acme's people are not in it, and Acme is untouched.
    await expect(api.member.list({ workspaceSlug: "acme" })).rejects.toThrow();
  });
});
