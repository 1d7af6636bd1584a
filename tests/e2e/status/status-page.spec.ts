import type { Page } from "@playwright/test";

import { createDemoProject, createTask, trpc } from "../fixtures/api";
import { newPersonContext, signIn } from "../fixtures/auth";
import { expect, test } from "../fixtures/workspace";

interface ProjectListRow {
  project: { id: string; name: string };
  disagree: boolean;
  overdueTasks: number;
}

/** The status page is the phone's view; the desktop project covers the same page in the other specs. */
test.skip(({ isMobile }) => !isMobile, "the status page is the phone's view (pixel7)");

function card(page: Page, name: string) {
  return page.getByTestId("status-project").filter({ has: page.getByRole("heading", { name, exact: true }) });
}

test("the status page lists every project worst first, fits a phone, and still opens offline", async ({ page, context, workspace: ws }) => {
  await signIn(page, ws.people.ceo.email);
  await page.goto(`/status/${ws.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${ws.name} status`);
  await expect(page.getByRole("main")).toBeVisible();

  const projects = await trpc<ProjectListRow[]>(page, "project.list", { workspaceSlug: ws.slug }, "query");
  expect(projects.length).toBeGreaterThan(0);
  await expect(page.getByTestId("status-project")).toHaveCount(projects.length);
  for (const p of projects) {
    const c = card(page, p.project.name);
    await expect(c).toBeVisible();
    await expect(c.getByTestId("status-disagree")).toHaveCount(p.disagree ? 1 : 0);
    await expect(c.getByTestId("status-overdue")).toHaveText(
      p.overdueTasks === 0 ? "No overdue tasks" : p.overdueTasks === 1 ? "1 overdue task" : `${p.overdueTasks} overdue tasks`,
    );
    await expect(c.getByRole("link", { name: p.project.name })).toHaveAttribute("href", `/${ws.slug}/projects/${p.project.id}`);
  }
  await expect(page.getByTestId("status-live")).toHaveAttribute("data-state", "live");
  // No sideways scrolling on this phone, on the narrowest common one, or on a laptop.
  const fits = () => page.evaluate<boolean>("document.documentElement.scrollWidth <= window.innerWidth");
  expect(await fits()).toBe(true);
  const phone = page.viewportSize()!;
  for (const [name, size] of [
    ["360", { width: 360, height: 780 }],
    ["412x915", { width: 412, height: 915 }],
    ["1280x800", { width: 1280, height: 800 }],
  ] as const) {
    await page.setViewportSize(size);
    expect(await fits(), `no horizontal scroll at ${name}`).toBe(true);
    if (name !== "360") await page.screenshot({ path: `.artifacts/status-${name}.png`, fullPage: true });
  }
  await page.setViewportSize(phone);

  // Once the worker is active, a reload puts the page under its control and keeps that copy.
  await page.evaluate("navigator.serviceWorker.ready.then(() => true)");
  await page.reload();
  expect(await page.evaluate<string | null>("navigator.serviceWorker.controller?.scriptURL ?? null")).toMatch(/\/sw\.js$/);
  const asOf = await page.getByTestId("status-as-of").textContent();
  const asOfIso = await page.getByTestId("status-as-of").getAttribute("datetime");
  expect(asOf).toMatch(/^\d{2}:\d{2}$/);

  await context.setOffline(true);
  try {
    await page.reload();
    // The kept copy, rendered at the online visit: same render time, every project, and it says so.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${ws.name} status`);
    await expect(page.getByTestId("status-as-of")).toHaveAttribute("datetime", asOfIso!);
    await expect(page.getByTestId("status-project")).toHaveCount(projects.length);
    await expect(page.getByTestId("status-live")).toHaveAttribute("data-state", "offline");
    await expect(page.getByTestId("status-live")).toHaveText(`Offline — showing status as of ${asOf}`);
  } finally {
    await context.setOffline(false);
  }
  // Back online the page goes live again on its own.
  await expect(page.getByTestId("status-live")).toHaveAttribute("data-state", "live");
});

test("another person's changes reach an open status page without a reload", async ({ page, browser, workspace: ws }, testInfo) => {
  await signIn(page, ws.people.ceo.email);
  await page.goto(`/status/${ws.slug}`);
  await expect(page.getByTestId("status-live")).toHaveAttribute("data-state", "live");
  // A full reload would lose this; router.refresh() keeps it.
  await page.evaluate('window.statusMarker = "same document"');

  const cmoContext = await newPersonContext(browser, testInfo);
  try {
    const cmo = await cmoContext.newPage();
    await signIn(cmo, ws.people.cmo.email);
    const project = await createDemoProject(cmo, ws, "Status live");
    const c = card(page, project.name);
    await expect(c).toBeVisible();
    await expect(c.getByTestId("status-lead-marketing")).toContainText("No health posted");

    await trpc(cmo, "project.postHealth", { workspaceSlug: ws.slug, projectId: project.id, health: "off_track", reason: "Vendor slipped two weeks." });
    await expect(c.getByTestId("status-lead-marketing")).toContainText("Off track");
    // Off track goes to the top of the list: only off-track projects (earlier runs' included) stay above it.
    await expect(async () => {
      const cards = await page.getByTestId("status-project").allInnerTexts();
      const at = cards.findIndex((t) => t.includes(project.name));
      expect(at).toBeGreaterThanOrEqual(0);
      for (const above of cards.slice(0, at)) expect(above).toContain("Off track");
      expect(
        cards.slice(at + 1).some((t) => !t.includes("Off track")),
        "a project that is not off track sits below it",
      ).toBe(true);
    }).toPass();

    await createTask(cmo, ws, project.id, { title: "Overdue copy review", dueDate: "2020-01-15" });
    await expect(c.getByTestId("status-overdue")).toHaveText("1 overdue task");

    expect(await page.evaluate<string | undefined>("window.statusMarker")).toBe("same document");
  } finally {
    await cmoContext.close();
  }
});

test("/status takes a signed-in person to their workspace and a signed-out one to sign in", async ({ page, workspace: ws }) => {
  await page.goto("/status");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fstatus/);
  await signIn(page, ws.people.ceo.email);
  await page.goto("/status");
  await expect(page).toHaveURL(new RegExp(`/status/${ws.slug}$`));
  const missing = await page.goto("/status/no-such-workspace");
  expect(missing?.status()).toBe(404);
});

test("/favicon.ico is the app icon, signed in or not, not a workspace called favicon.ico", async ({ page, workspace: ws }) => {
  for (const signedIn of [false, true]) {
    if (signedIn) await signIn(page, ws.people.ceo.email);
    const hop = await page.request.get("/favicon.ico", { maxRedirects: 0 });
    expect(hop.status()).toBe(308);
    expect(hop.headers().location).toBe("/icons/icon-192.png");
    const icon = await page.request.get("/favicon.ico");
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toBe("image/png");
  }
});
