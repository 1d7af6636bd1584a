import type { Database } from "@tandem/db";
import { listMembers } from "@tandem/db/queries";

/** The seeded workspace's members, found by the local part of their demo e-mail (`cmo` → cmo@acme.test). */
export async function demoMembers(db: Database, workspaceId: string, emailDomain: string) {
  const members = await listMembers(db, { workspaceId });
  return (name: string) => {
    const email = `${name}@${emailDomain}`;
    const m = members.find((x) => x.email === email);
    if (!m) throw new Error(`demo member ${email} missing`);
    return m;
  };
}
