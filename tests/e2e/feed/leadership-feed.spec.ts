import type { Page } from "@playwright/test";

import { createDemoProject, trpc } from "../fixtures/api";
import { connectionStatus, type DemoWorkspace, newPersonContext, signIn } from "../fixtures/auth";
import { expect, test } from "../fixtures/workspace";

const uid = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

async function openFeed(page: Page, ws: DemoWorkspace) {
  await page.goto(`/${ws.slug}/feed`);
  await expect(page.getByRole("heading", { level: 1, name: "Progress feed" })).toBeVisible();
  await expect(connectionStatus(page)).toHaveAttribute("data-state", "connected");
}

const entryWith = (page: Page, text: string) => page.getByTestId("feed-entry").filter({ hasText: text });

test("the CEO watches a CIO check-in arrive live, acknowledges it, and can change nothing", async ({ page, browser, workspace: ws }, testInfo) => {
  await signIn(page, ws.people.ceo.email);
  await openFeed(page, ws);
  // Set on this document only: a reload or navigation would lose it.
  await page.evaluate("window.__sameDocument = true");

  const cioContext = await newPersonContext(browser, testInfo);
  const cio = await cioContext.newPage();
  await signIn(cio, ws.people.cio.email);
  const project = await createDemoProject(cio, ws, "Feed check-in");
  await openFeed(cio, ws);

  const headline = `Vendor API slipped a week ${uid()}`;
  const decision = `Launch moves to the 14th; marketing holds the email ${uid()}`;
  await trpc(cio, "checkIn.create", {
    workspaceSlug: ws.slug,
    projectId: project.id,
    health: "at_risk",
    headline,
    moved: "Consent banner passed legal review.",
    risks: "The vendor's sandbox is down half the day.",
    asks: "Marketing: hold the launch email until the 14th.",
    decisions: decision,
  });

  // No reload: it arrives through the live log, as a check-in card with its sections.
  const entry = entryWith(page, headline);
  await expect(entry).toBeVisible();
  await expect(entry.getByTestId("check-in-card")).toContainText(decision);
  await expect(entry.getByTestId("check-in-card")).toContainText("At risk");
  await expect(entry.getByTestId("check-in-card")).toContainText("What moved");
  await expect(entry).toContainText(`${ws.people.cio.name} (IT) checked in on ‘${project.name}’ for IT`);
  expect(await page.evaluate<boolean>("window.__sameDocument === true")).toBe(true);
  await expect(entryWith(cio, headline)).toBeVisible();

  // The CEO acknowledges; the chip shows at once, and on the CIO's open feed without a reload.
  await entry.getByRole("button", { name: /^Acknowledge/ }).click();
  await expect(entry.getByTestId("ack-chip")).toHaveText(`Seen by ${ws.people.ceo.name} (CEO)`);
  await expect(entry.getByRole("button", { name: /^Acknowledge/ })).toHaveCount(0);
  await expect(entryWith(cio, headline).getByTestId("ack-chip")).toHaveText(`Seen by ${ws.people.ceo.name} (CEO)`);
  // Only leadership acknowledges.
  await expect(entryWith(cio, headline).getByRole("button", { name: /^Acknowledge/ })).toHaveCount(0);

  // The acknowledgement is saved: a fresh load still has it, and the CEO's Acknowledge stays gone.
  await page.reload();
  await expect(entryWith(page, headline).getByTestId("ack-chip")).toHaveText(`Seen by ${ws.people.ceo.name} (CEO)`);
  await expect(entryWith(page, headline).getByRole("button", { name: /^Acknowledge/ })).toHaveCount(0);

  // Filters live in the URL: decisions only still shows it; new members only doesn't.
  await page.goto(`/${ws.slug}/feed?kind=decision`);
  await expect(entryWith(page, headline)).toBeVisible();
  await page.goto(`/${ws.slug}/feed?kind=member`);
  await expect(page.getByRole("heading", { level: 1, name: "Progress feed" })).toBeVisible();
  await expect(entryWith(page, headline)).toHaveCount(0);

  // Nothing to edit on the feed or the project page.
  await page.goto(`/${ws.slug}/feed`);
  await expect(entryWith(page, headline)).toBeVisible();
  const editButtons = /^(Add task|Post health|Check in|Edit project|New project|Delete)/;
  await expect(page.getByRole("button", { name: editButtons })).toHaveCount(0);
  await page.screenshot({ path: ".artifacts/feed-desktop.png", fullPage: false });

  await page.goto(`/${ws.slug}/projects/${project.id}`);
  await expect(page.getByRole("heading", { level: 1, name: project.name })).toBeVisible();
  await expect(page.getByRole("button", { name: editButtons })).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "Phase" })).toHaveCount(0);

  // And the API refuses the CEO directly.
  await expect(trpc(page, "project.update", { workspaceSlug: ws.slug, projectId: project.id, name: "Renamed by the CEO" })).rejects.toThrow(/403|FORBIDDEN/);
  await expect(
    trpc(page, "task.create", {
      workspaceSlug: ws.slug,
      projectId: project.id,
      title: "CEO task",
      description: "",
      side: "it",
      status: "todo",
      priority: "none",
      kind: "task",
    }),
  ).rejects.toThrow(/403|FORBIDDEN/);

  // On a phone the feed fits the width.
  await page.goto(`/${ws.slug}/feed`);
  for (const [width, height] of [
    [360, 780],
    [412, 915],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect(entryWith(page, headline)).toBeVisible();
    expect(await page.evaluate<number>("document.documentElement.scrollWidth - document.documentElement.clientWidth")).toBeLessThanOrEqual(0);
  }
  await page.screenshot({ path: ".artifacts/feed-phone.png", fullPage: false });
  await cioContext.close();
});

test("the private Atom URL serves the feed, and answers 410 Gone once revoked", async ({ page, workspace: ws }) => {
  await signIn(page, ws.people.cmo.email);
  const project = await createDemoProject(page, ws, "Atom <feed> & co");
  await openFeed(page, ws);
  await expect(entryWith(page, `created the project ‘${project.name}’`)).toBeVisible();
  // The first page of the feed comes rendered from the server, not after a second round trip.
  const html = await (await page.request.get(`/${ws.slug}/feed`)).text();
  expect(html).toContain('data-testid="feed-entry"');

  await page.getByRole("button", { name: "Subscribe (Atom)" }).click();
  const dialog = page.getByRole("dialog", { name: "Subscribe in a feed reader" });
  await dialog.getByRole("button", { name: /Create private link|Regenerate link/ }).click();
  const url = await dialog.getByTestId("atom-url").inputValue();
  expect(url).toMatch(/\/api\/feeds\/[A-Za-z0-9_-]{20,}$/);
  await page.screenshot({ path: ".artifacts/feed-atom-dialog.png" });

  const ok = await page.request.get(url);
  expect(ok.status()).toBe(200);
  expect(ok.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  expect(ok.headers()["cache-control"]).toContain("no-store");
  const xml = await ok.text();
  expect(xml).toMatch(/^<\?xml[^>]*>\s*<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/);
  const escaped = project.name.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  expect(xml).toContain(`<title>${ws.people.cmo.name} (Marketing) created the project ‘${escaped}’</title>`);

  await dialog.getByRole("button", { name: "Revoke", exact: true }).click();
  await dialog.getByRole("button", { name: "Revoke link" }).click();
  await expect(dialog.getByTestId("atom-status")).toHaveText("You have no feed link yet.");
  const gone = await page.request.get(url);
  expect(gone.status()).toBe(410);
  expect(await gone.text()).toMatch(/revoked/);

  // A made-up token is simply not there.
  expect((await page.request.get(url.replace(/[^/]+$/, "x".repeat(32)))).status()).toBe(404);
  await dialog.getByRole("button", { name: "Done" }).click();

  // The CSV export: a bad date is refused next to its field; a good range downloads a file.
  await page.getByRole("button", { name: "Export" }).click();
  const exportDialog = page.getByRole("dialog", { name: "Export the feed" });
  await exportDialog.getByLabel("From").fill("");
  await exportDialog.getByRole("button", { name: "Download CSV" }).click();
  await expect(exportDialog.getByText("Use a date like 2026-12-31.")).toBeVisible();
  const today = new Date().toISOString().slice(0, 10);
  await exportDialog.getByLabel("From").fill(today);
  const [download] = await Promise.all([page.waitForEvent("download"), exportDialog.getByRole("button", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toBe(`${ws.slug}-feed-${today}-to-${today}.csv`);
  await expect(exportDialog).toHaveCount(0);
});

test("entries that arrived since the last visit sit above a 'New since you last looked' line", async ({ page, workspace: ws }) => {
  await signIn(page, ws.people.cmo.email);
  const older = await createDemoProject(page, ws, "Seen before");
  const marked = page.waitForResponse((r) => r.url().includes("feed.markSeen") && r.ok());
  await openFeed(page, ws);
  await expect(entryWith(page, `created the project ‘${older.name}’`)).toBeVisible();
  // Once it has been on screen, the feed counts as read up to its head: nothing is new on the next visit.
  await marked;
  await page.reload();
  await expect(entryWith(page, `created the project ‘${older.name}’`)).toBeVisible();
  await expect(page.getByTestId("feed-new-divider")).toHaveCount(0);

  // Made while the feed is closed (an open feed counts what arrives on screen as seen).
  await page.goto(`/${ws.slug}/projects`);
  const newer = await createDemoProject(page, ws, "Arrived later");
  await openFeed(page, ws);
  const rows = page.getByTestId("feed").locator('[data-testid="feed-entry"], [data-testid="feed-new-divider"]');
  await expect(page.getByTestId("feed-new-divider")).toBeVisible();
  const order = await rows.evaluateAll((els) =>
    els.slice(0, 4).map((e) => (e.getAttribute("data-testid") === "feed-new-divider" ? "divider" : (e.textContent ?? ""))),
  );
  const at = (name: string) => order.findIndex((t) => t.includes(name));
  expect(at(newer.name)).toBeLessThan(order.indexOf("divider"));
  expect(order.indexOf("divider")).toBeLessThan(at(older.name));
});

test("the feed's Export and filters work from the keyboard while their code loads on focus", async ({ page, workspace: ws }) => {
  await signIn(page, ws.people.ceo.email);
  await openFeed(page, ws);
  const exportButton = page.getByRole("button", { name: "Export" });
  await exportButton.focus();
  // Focusing starts loading the dialog's code; the focus must stay on the button meanwhile.
  await page.waitForLoadState("networkidle");
  await expect(exportButton).toBeFocused();
  // An arrow key doesn't open a dialog button (only menus and selects).
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: /Export/ })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(exportButton).toBeFocused();

  const projectFilter = page.getByRole("combobox", { name: /^Project: Any/ });
  await projectFilter.focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("listbox")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(projectFilter).toBeFocused();
});

test("a feed reader that polls too fast is told, with Retry-After, when to come back", async ({ page, workspace: ws }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one address's allowance: once is enough");
  await signIn(page, ws.people.ceo.email);
  const { token } = await trpc<{ token: string }>(page, "feed.createAtomToken", { workspaceSlug: ws.slug });
  const url = `/api/feeds/${token}`;
  // A link's allowance is 60 reads a minute.
  for (let i = 0; i < 60; i += 1) expect((await page.request.get(url)).status()).toBe(200);
  const refused = await page.request.get(url);
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect(Number(refused.headers()["retry-after"])).toBeLessThanOrEqual(60);
  expect(await refused.json()).toMatchObject({
    code: "TOO_MANY_REQUESTS",
    message: expect.stringMatching(/^Too many reads of this feed for now; try again in \d+ seconds?\.$/),
  });
});
