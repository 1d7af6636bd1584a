import type { Auth } from "@tandem/auth";
import type { Database, Role, Side } from "@tandem/db";
import { addMember, getWorkspaceBySlug } from "@tandem/db/queries";

import { writeWithLog } from "../log/writer";
import { createWorkspaceLogged } from "../services/workspace";

import { seedDemoKpis } from "./demo-kpis";
import { seedDemoWork } from "./demo-work";

export const DEMO_PASSWORD = "tandem-demo-2026";
export const DEMO_SLUG = "acme";
export const DEMO_NAME = "Acme";
export const DEMO_EMAIL_DOMAIN = "acme.test";

export interface DemoPerson {
  name: string;
  email: string;
  side: Side;
  role: Role;
  title: string;
}

/** The demo workspace's people; the README lists the same logins. */
export const DEMO_PEOPLE: DemoPerson[] = [
  { name: "Maya Chen", email: "cmo@acme.test", side: "marketing", role: "admin", title: "CMO" },
  { name: "Raj Patel", email: "cio@acme.test", side: "it", role: "admin", title: "CIO" },
  { name: "Elena Ruiz", email: "ceo@acme.test", side: "leadership", role: "viewer", title: "CEO" },
  { name: "Dana Fox", email: "dana@acme.test", side: "marketing", role: "member", title: "Campaign manager" },
  { name: "Leo Martin", email: "leo@acme.test", side: "marketing", role: "member", title: "Marketing analyst" },
  { name: "Priya Nair", email: "priya@acme.test", side: "it", role: "member", title: "Data engineer" },
  { name: "Tom Becker", email: "tom@acme.test", side: "it", role: "member", title: "Platform engineer" },
];

/** The demo people with their emails at another domain (cmo@<domain>, …), for a second demo workspace. */
export function demoPeople(emailDomain = DEMO_EMAIL_DOMAIN): DemoPerson[] {
  return DEMO_PEOPLE.map((p) => ({ ...p, email: p.email.replace(/@.*$/, `@${emailDomain}`) }));
}

export interface DemoOptions {
  slug?: string;
  name?: string;
  /** Where the demo people's emails are; each workspace seeded needs its own (emails are unique). */
  emailDomain?: string;
}

/**
 * Creates the "Acme" demo workspace once; returns false when it already exists. The options seed
 * the same workspace under another slug, name and email domain (the e2e specs' own workspaces).
 */
export async function seedDemo(
  db: Database,
  auth: Auth,
  { slug = DEMO_SLUG, name = DEMO_NAME, emailDomain = DEMO_EMAIL_DOMAIN }: DemoOptions = {},
): Promise<boolean> {
  if (await getWorkspaceBySlug(db, slug)) return false;
  const people = demoPeople(emailDomain);
  const ids: string[] = [];
  for (const p of people) {
    const res = await auth.api.signUpEmail({ body: { name: p.name, email: p.email, password: DEMO_PASSWORD } });
    ids.push(res.user.id);
  }
  const [first, ...rest] = people;
  const owner = { id: ids[0]!, name: first!.name, side: first!.side };
  const workspaceId = await writeWithLog({ db, workspaceId: null, actor: owner }, async (tx, log) => {
    const ws = await createWorkspaceLogged(tx, log, {
      slug,
      name,
      ownerId: ids[0]!,
      ownerSide: first!.side,
      ownerRole: first!.role,
      ownerTitle: first!.title,
    });
    for (const [i, p] of rest.entries()) {
      const m = await addMember(tx, { workspaceId: ws.id, userId: ids[i + 1]!, side: p.side, role: p.role, title: p.title });
      await log({
        action: "member.joined",
        entityId: m!.id,
        summary: { label: p.name, after: { side: p.side, role: p.role, userId: ids[i + 1]!, title: p.title } },
      });
    }
    return ws.id;
  });
  await seedDemoWork(db, workspaceId, emailDomain);
  await seedDemoKpis(db, workspaceId, emailDomain);
  return true;
}
