import { expect, test } from "@playwright/test";

import { createDemoProject, createTask } from "../fixtures/api";
import { connectionStatus, DEMO, newPersonContext, signIn } from "../fixtures/auth";
import { card, column, quickAdd } from "../fixtures/board";
import { realtimeManaged, startRealtime, stopRealtime } from "../fixtures/realtime-server";

test.describe("when the realtime server restarts", () => {
  test.skip(!realtimeManaged(), "the realtime server was not started by this run (a reused dev server), so it can't be restarted");

  // Whatever happens in the test, the next one gets a running realtime server.
  test.afterEach(async () => {
    await startRealtime().catch(() => {});
  });

  test("changes made while it was down reach the other person's page once it is back, without a reload", async ({ page, browser }, testInfo) => {
    await signIn(page, DEMO.cmo.email);
    const project = await createDemoProject(page, "Restart");
    const existing = await createTask(page, project.id, { title: `Vendor shortlist ${Date.now().toString(36)}`, side: "it" });

    const cioContext = await newPersonContext(browser, testInfo);
    const cio = await cioContext.newPage();
    await signIn(cio, DEMO.cio.email);
    await page.goto(`/acme/projects/${project.id}`);
    await cio.goto(`/acme/projects/${project.id}`);
    await expect(connectionStatus(page)).toHaveAttribute("data-state", "connected");
    await expect(connectionStatus(cio)).toHaveAttribute("data-state", "connected");
    await expect(card(column(page, "todo"), existing.title)).toBeVisible();

    await stopRealtime();
    await expect(connectionStatus(page)).toHaveAttribute("data-state", /reconnecting|offline/);
    await expect(connectionStatus(cio)).toHaveAttribute("data-state", /reconnecting|offline/);

    // Writes go through tRPC, which doesn't need the realtime server: the CIO keeps working.
    const added = `Added while offline ${Date.now().toString(36)}`;
    await quickAdd(cio, "in_progress", added, "IT");
    await card(cio, existing.title).getByRole("button", { name: /^Actions for/ }).click();
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
