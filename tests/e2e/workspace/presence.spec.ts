import { connectionStatus, newPersonContext, signIn } from "../fixtures/auth";
import { expect, test } from "../fixtures/workspace";

test("the CMO sees the CIO come online and go away, live", async ({ page, browser, workspace: ws }, testInfo) => {
  await signIn(page, ws.people.cmo.email);
  await expect(page).toHaveURL(new RegExp(`/${ws.slug}$`));

  const status = connectionStatus(page);
  await expect(status).toHaveAttribute("data-state", "connected");
  await expect(status).toHaveText(/connected/i);

  const online = page.getByRole("list", { name: "Online now" });
  await expect(online.getByText(`${ws.people.cmo.name} (you)`)).toBeVisible();
  // An earlier test's CIO tab may still be timing out on the server; wait until it has gone.
  await expect(online.getByText(ws.people.cio.name)).toHaveCount(0, { timeout: 60_000 });

  const cioContext = await newPersonContext(browser, testInfo);
  const cio = await cioContext.newPage();
  await signIn(cio, ws.people.cio.email);
  await expect(cio).toHaveURL(new RegExp(`/${ws.slug}$`));
  await expect(connectionStatus(cio)).toHaveAttribute("data-state", "connected");

  // No reload on the CMO's side: the entry arrives over the socket.
  const cioEntry = online.getByRole("listitem").filter({ hasText: ws.people.cio.name });
  await expect(cioEntry).toBeVisible();
  await expect(cioEntry).toContainText("IT");
  // And the CIO sees the CMO, who was already there.
  await expect(cio.getByRole("list", { name: "Online now" }).getByText(ws.people.cmo.name)).toBeVisible();

  await cioContext.close();
  await expect(cioEntry).toHaveCount(0);
  await expect(online.getByText(`${ws.people.cmo.name} (you)`)).toBeVisible();
  await expect(status).toHaveAttribute("data-state", "connected");
});
