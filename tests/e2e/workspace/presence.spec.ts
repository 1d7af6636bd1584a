import { expect, test } from "@playwright/test";

import { connectionStatus, DEMO, newPersonContext, signIn } from "../fixtures/auth";

test("the CMO sees the CIO come online and go away, live", async ({ page, browser }, testInfo) => {
  await signIn(page, DEMO.cmo.email);
  await expect(page).toHaveURL(/\/acme$/);

  const status = connectionStatus(page);
  await expect(status).toHaveAttribute("data-state", "connected");
  await expect(status).toHaveText(/connected/i);

  const online = page.getByRole("list", { name: "Online now" });
  await expect(online.getByText(`${DEMO.cmo.name} (you)`)).toBeVisible();
  // An earlier test's CIO tab may still be timing out on the server; wait until it has gone.
  await expect(online.getByText(DEMO.cio.name)).toHaveCount(0, { timeout: 60_000 });

  const cioContext = await newPersonContext(browser, testInfo);
  const cio = await cioContext.newPage();
  await signIn(cio, DEMO.cio.email);
  await expect(cio).toHaveURL(/\/acme$/);
  await expect(connectionStatus(cio)).toHaveAttribute("data-state", "connected");

  // No reload on the CMO's side: the entry arrives over the socket.
  const cioEntry = online.getByRole("listitem").filter({ hasText: DEMO.cio.name });
  await expect(cioEntry).toBeVisible();
  await expect(cioEntry).toContainText("IT");
  // And the CIO sees the CMO, who was already there.
  await expect(cio.getByRole("list", { name: "Online now" }).getByText(DEMO.cmo.name)).toBeVisible();

  await cioContext.close();
  await expect(cioEntry).toHaveCount(0);
  await expect(online.getByText(`${DEMO.cmo.name} (you)`)).toBeVisible();
  await expect(status).toHaveAttribute("data-state", "connected");
});
