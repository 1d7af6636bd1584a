import type { Auth } from "@tandem/auth";
import type { Database, Role, Side } from "@tandem/db";
import { addMember, createWorkspace } from "@tandem/db/queries";

import { callerFor } from "./api";
import { signUpUser, type TestUser } from "./auth";

export interface Person extends TestUser {
  memberId: string;
  side: Side;
  role: Role;
}

export interface Fixture {
  slug: string;
  workspaceId: string;
  admin: Person;
  mLead: Person;
  iLead: Person;
  mMember: Person;
  iMember: Person;
  viewer: Person;
  people: Person[];
}

let counter = 0;

/** A workspace with an admin, a lead and a member on each side, and a leadership viewer. */
export async function createFixture(db: Database, auth: Auth, slug: string): Promise<Fixture> {
  const n = ++counter;
  const mk = async (key: string, side: Side, role: Role) => {
    const u = await signUpUser(auth, { name: `${key} ${slug}`, email: `${key}.${n}@${slug}.test` });
    return { ...u, side, role };
  };
  const admin = await mk("admin", "it", "admin");
  const ws = await db.transaction((tx) => createWorkspace(tx, { slug, name: slug, ownerId: admin.userId, ownerSide: "it" }));
  const people: Person[] = [];
  const members = await (await callerFor(db, auth, admin)).member.list({ workspaceSlug: slug });
  people.push({ ...admin, memberId: members[0]!.id });
  const add = async (key: string, side: Side, role: Role) => {
    const u = await mk(key, side, role);
    const m = await addMember(db, { workspaceId: ws.id, userId: u.userId, side, role });
    const p = { ...u, memberId: m!.id };
    people.push(p);
    return p;
  };
  const mLead = await add("mlead", "marketing", "lead");
  const iLead = await add("ilead", "it", "lead");
  const mMember = await add("mmember", "marketing", "member");
  const iMember = await add("imember", "it", "member");
  const viewer = await add("ceo", "leadership", "viewer");
  return { slug, workspaceId: ws.id, admin: people[0]!, mLead, iLead, mMember, iMember, viewer, people };
}
