import { and, asc, eq, inArray } from "drizzle-orm";

import type { Executor } from "../client";
import { member, workspace, type Role, type Side } from "../schema";

/** The workspaces a user belongs to, with their side and role in each. */
export async function listWorkspacesForUser(db: Executor, userId: string) {
  return db
    .select({
      id: workspace.id,
      slug: workspace.slug,
      name: workspace.name,
      side: member.side,
      role: member.role,
    })
    .from(member)
    .innerJoin(workspace, eq(workspace.id, member.workspaceId))
    .where(eq(member.userId, userId))
    .orderBy(asc(workspace.name));
}

/**
 * PostgreSQL text can't hold NUL, so no slug contains one; a query naming one fails rather than
 * finding nothing. A slug comes from a URL or a request, so it is checked before it is asked about.
 */
const storable = (slug: string) => !slug.includes("\u0000");

export async function getWorkspaceBySlug(db: Executor, slug: string) {
  if (!storable(slug)) return null;
  const [row] = await db.select().from(workspace).where(eq(workspace.slug, slug)).limit(1);
  return row ?? null;
}

export async function getWorkspaceById(db: Executor, id: string) {
  const [row] = await db.select().from(workspace).where(eq(workspace.id, id)).limit(1);
  return row ?? null;
}

/** The caller's membership in the workspace named by slug, or null when they have none. */
export async function getMembershipBySlug(db: Executor, { slug, userId }: { slug: string; userId: string }) {
  if (!storable(slug)) return null;
  const [row] = await db
    .select({ workspace, member })
    .from(workspace)
    .innerJoin(member, and(eq(member.workspaceId, workspace.id), eq(member.userId, userId)))
    .where(eq(workspace.slug, slug))
    .limit(1);
  return row ?? null;
}

export async function createWorkspace(
  db: Executor,
  input: { slug: string; name: string; ownerId: string; ownerSide: Side; ownerRole?: Role; ownerTitle?: string },
) {
  const [created] = await db.insert(workspace).values({ slug: input.slug, name: input.name }).returning();
  if (!created) throw new Error("workspace insert returned nothing");
  await db.insert(member).values({
    workspaceId: created.id,
    userId: input.ownerId,
    side: input.ownerSide,
    role: input.ownerRole ?? "admin",
    title: input.ownerTitle ?? null,
  });
  return created;
}

/** The workspaces whose slug is one of `slugs` (say, the reserved ones), oldest first. */
export async function listWorkspacesBySlugs(db: Executor, slugs: readonly string[]) {
  if (slugs.length === 0) return [];
  return db
    .select()
    .from(workspace)
    .where(inArray(workspace.slug, [...slugs]))
    .orderBy(asc(workspace.createdAt), asc(workspace.id));
}

/** Moves a workspace to another address; null when it is no longer at `from` (someone moved it first). */
export async function setWorkspaceSlug(db: Executor, { id, from, to }: { id: string; from: string; to: string }) {
  const [row] = await db
    .update(workspace)
    .set({ slug: to })
    .where(and(eq(workspace.id, id), eq(workspace.slug, from)))
    .returning();
  return row ?? null;
}
