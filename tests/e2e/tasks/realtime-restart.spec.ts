import { createDemoProject, createTask } from "../fixtures/api";
import { connectionStatus, newPersonContext, signIn } from "../fixtures/auth";
import { card, column, quickAdd } from "../fixtures/board";
import { realtimeManaged, startRealtime, stopRealtime } from "../fixtures/realtime-server";
import { expect, test } from "../fixtures/workspace";

test.describe("when the realtime server restarts", () => {
  // It stops the one realtime server every page uses: its own project runs it alone, after the
  // others (playwright.config.ts), and its tests one at a time.
  test.describe.configure({ mode: "serial" });
  test.skip(!realtimeManaged(), "the realtime server was not started by this run (a reused dev server), so it can't be restarted");

  // Whatever happens in the test, the next one gets a running realtime server.
  test.afterEach(async () => {
    await startRealtime().catch(() => {});
  });

  test("changes made while it was down reach the other person's page once it is back, without a reload", async ({ page, browser, workspace: ws }, testInfo) => {
    await signIn(page, ws.people.cmo.email);
    const project = await createDemoProject(page, ws, "Restart");
    const existing = await createTask(page, ws, project.id, { title: `Vendor shortlist ${Date.now().toString(36)}`, side: "it" });

    const cioContext = await newPersonContext(browser, testInfo);
    const cio = await cioContext.newPage();
    await signIn(cio, ws.people.cio.email);
    await page.goto(`/${ws.slug}/projects/${project.id}`);
    await cio.goto(`/${ws.slug}/projects/${project.id}`);
    await expect(connectionStatus(page)).toHaveAttribute("data-state", "connected");
    await expect(connectionStatus(cio)).toHaveAttribute("data-state", "connected");
    await expect(card(column(page, "todo"), existing.title)).toBeVisible();

    await stopRealtime();
    await expect(connectionStatus(page)).toHaveAttribute("data-state", /reconnecting|offline/);
    await expect(connectionStatus(cio)).toHaveAttribute("data-state", /reconnecting|offline/);

    // Writes go through tRPC, which doesn't need the realtime server: the CIO keeps working.
    const added = `Added while offline ${Date.now().toString(36)}`;
    await quickAdd(cio, "in_progress", added, "IT");
    await card(cio, existing.title)
      .getByRole("button", { name: /^Actions for/ })
      .click();
    await cio.getByRole("menuitem", { name: "Blocked" }).click();
    await expect(card(column(cio, "blocked"), existing.title)).toBeVisible();

    // Nothing reaches the CMO meanwhile.
    await page.waitForTimeout(1_000);
    await expect(card(page, added)).toHaveCount(0);
    await expect(card(column(page, "todo"), existing.title)).toBeVisible();

    await startRealtime();
    await expect(connectionStatus(page)).toHaveAttribute("data-state", "connected", { timeout: 30_000 });
    // On reconnecting, the CMO's page asks for every log entry after the last one it applied.
    await expect(card(column(page, "in_progress"), added)).toBeVisible();
    await expect(card(column(page, "blocked"), existing.title)).toBeVisible();
    await expect(card(column(page, "todo"), existing.title)).toHaveCount(0);
    await cioContext.close();
  });
});
