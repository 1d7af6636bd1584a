import { createDemoProject, createTask } from "../fixtures/api";
import { isPhoneLayout, newPersonContext, signIn } from "../fixtures/auth";
import { expect, test } from "../fixtures/workspace";

test("a mention picked from the @ list reaches the CMO's inbox live, links to the task, and can be marked read", async ({
  page,
  browser,
  workspace: ws,
}, testInfo) => {
  await signIn(page, ws.people.cmo.email);
  const project = await createDemoProject(page, ws, "Mentions");
  const task = await createTask(page, ws, project.id, { title: `Vendor contract ${Date.now().toString(36)}`, side: "it" });
  await page.goto(`/${ws.slug}/inbox`);
  await expect(page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
  const before = await page.getByTestId("notification").filter({ hasText: task.title }).count();
  expect(before).toBe(0);

  const cioContext = await newPersonContext(browser, testInfo);
  const cio = await cioContext.newPage();
  await signIn(cio, ws.people.cio.email);
  await cio.goto(`/${ws.slug}/projects/${project.id}?task=${task.id}`);
  const sheet = cio.getByRole("dialog", { name: task.title });
  await expect(sheet).toBeVisible();
  const box = sheet.getByLabel("Write a comment");
  await box.click();
  await box.pressSequentially("Can you sign this off, @Ma");
  await expect(cio.getByRole("listbox", { name: "People to mention" }).getByRole("option").first()).toHaveText(/Maya Chen/);
  await cio.keyboard.press("Enter");
  await box.pressSequentially("before Friday?");
  await sheet.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(sheet.getByTestId("comment").getByTestId("mention-chip")).toHaveText("@Maya Chen");

  // The CMO's inbox fills in without a reload, and the nav shows the unread count.
  const item = page.getByTestId("notification").filter({ hasText: task.title });
  await expect(item).toBeVisible();
  await expect(item).toHaveAttribute("data-unread", "true");
  await expect(item).toContainText(`${ws.people.cio.name} mentioned you on`);
  if (!(await isPhoneLayout(page))) await expect(page.getByTestId("nav-badge-inbox")).toBeVisible();

  await item.getByRole("button", { name: /^Mark .* as read$/ }).click();
  await expect(item).not.toHaveAttribute("data-unread", "true");

  await item.getByRole("link", { name: `‘${task.title}’` }).click();
  await expect(page).toHaveURL(new RegExp(`/${ws.slug}/projects/${project.id}\\?task=${task.id}`));
  await expect(page.getByRole("dialog", { name: task.title }).getByTestId("comment")).toContainText("Can you sign this off, @Maya Chen before Friday?");
  await cioContext.close();
});
