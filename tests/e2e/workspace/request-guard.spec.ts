import { createDemoProject, trpc, trpcOutcome } from "../fixtures/api";
import { signIn } from "../fixtures/auth";
import { expect, test } from "../fixtures/workspace";

test("a signed-in person's cookies can't be used by another site, and a 10 MB body is refused unread", async ({ page, workspace: ws }) => {
  await signIn(page, ws.people.cmo.email);
  const project = await createDemoProject(page, ws, "Guarded");
  const title = `Forged ${Date.now().toString(36)}`;
  const input = {
    json: { workspaceSlug: ws.slug, projectId: project.id, title, description: "", side: "marketing", status: "todo", priority: "none", kind: "task" },
  };

  // A page on another site posting with the visitor's cookies: refused before the API runs.
  const foreign: Record<string, string>[] = [{ origin: "http://evil.example" }, { origin: "null" }, { "sec-fetch-site": "cross-site" }];
  for (const headers of foreign) {
    const res = await page.request.post("/api/trpc/task.create", { data: input, headers: { "content-type": "application/json", ...headers } });
    expect(res.status(), JSON.stringify(headers)).toBe(403);
    expect(await res.json()).toMatchObject({ code: "FORBIDDEN" });
  }
  // The sign-in route too: no other site signs a visitor in or out.
  const signOut = await page.request.post("/api/auth/sign-out", { headers: { origin: "http://evil.example" }, data: {} });
  expect(signOut.status()).toBe(403);

  // 10 MB: 413 from its length, the API never parses it.
  const huge = await page.request.post("/api/trpc/task.create", {
    data: JSON.stringify({ json: { ...input.json, description: "x".repeat(10 * 1024 * 1024) } }),
    headers: { "content-type": "application/json" },
  });
  expect(huge.status()).toBe(413);
  expect(await huge.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });

  // None of it was written; the person is still signed in, and the app's own page still writes.
  const tasks = await trpc<{ title: string }[]>(page, "task.list", { workspaceSlug: ws.slug, filter: { projectId: project.id } }, "query");
  expect(tasks.map((t) => t.title)).not.toContain(title);
  const own = await page.request.post("/api/trpc/task.create", {
    data: input,
    headers: { "content-type": "application/json", origin: new URL(page.url()).origin },
  });
  expect(own.status()).toBe(200);
  expect((await trpcOutcome(page, "task.create", { ...input.json, title: `${title} 2` })).status).toBe(200);
});
