import type { Page } from "@playwright/test";

import { navigateTo, newPerson, newPersonContext, signIn, signUp } from "../fixtures/auth";
import { expect, test } from "../fixtures/workspace";

/** Picks an option in one of the app's selects (a combobox button with a listbox). */
async function choose(page: Page, comboboxName: string | RegExp, option: string) {
  await page.getByRole("combobox", { name: comboboxName, exact: true }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

function memberRow(page: Page, name: string) {
  return page.getByTestId("member-row").filter({ hasText: name });
}

test("an admin's invite link brings a new person into the workspace", async ({ page, browser, workspace: ws }, testInfo) => {
  await signIn(page, ws.people.cmo.email);
  await navigateTo(page, "Members");
  await expect(page).toHaveURL(new RegExp(`/${ws.slug}/members$`));

  await page.getByRole("button", { name: "Invite people" }).click();
  const dialog = page.getByRole("dialog", { name: `Invite people to ${ws.name}` });
  await choose(page, "Side", "IT");
  await choose(page, "Role", "Member");
  await choose(page, "Link expires after", "14 days");
  await dialog.getByLabel("Note (optional)").fill("e2e invitee");
  await dialog.getByRole("button", { name: "Create invite link" }).click();
  const linkField = dialog.getByRole("textbox", { name: "Invite link", exact: true });
  await expect(linkField).toHaveValue(/\/invite\/[A-Za-z0-9_-]{20,}$/);
  const link = await linkField.inputValue();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("list", { name: "Open invite links" })).toContainText("e2e invitee");

  // Someone new opens the link in their own browser, signed out.
  const person = newPerson("Invitee");
  const inviteeContext = await newPersonContext(browser, testInfo);
  const invitee = await inviteeContext.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: "You've been invited to Tandem" })).toBeVisible();
  await invitee.getByRole("link", { name: "Create an account" }).click();
  await expect(invitee).toHaveURL(/\/sign-up\?next=%2Finvite%2F/);
  await signUp(invitee, person);

  await expect(invitee).toHaveURL(link);
  await expect(invitee.getByRole("heading", { name: `Join ${ws.name}` })).toBeVisible();
  await expect(invitee.getByText(`You're invited to the IT side of ${ws.name}`)).toBeVisible();
  await invitee.getByRole("button", { name: `Accept and join ${ws.name}` }).click();
  await expect(invitee).toHaveURL(new RegExp(`/${ws.slug}$`));
  await expect(invitee.getByRole("heading", { level: 1, name: ws.name })).toBeVisible();
  await expect(invitee.getByText("You're on the")).toContainText("IT");

  // The link worked once; opening it again says so instead of offering to join.
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: `You're already in ${ws.name}` })).toBeVisible();
  await inviteeContext.close();

  await page.reload();
  const row = memberRow(page, person.name);
  await expect(row).toBeVisible();
  await expect(page.getByRole("list", { name: "IT members" })).toContainText(person.name);
  await expect(page.getByRole("list", { name: "Open invite links" })).toHaveCount(0);
});

test("an admin changes a member's role", async ({ page, workspace: ws }) => {
  await signIn(page, ws.people.cmo.email);
  await page.goto(`/${ws.slug}/members`);
  const role = page.getByRole("combobox", { name: `Role for ${ws.people.dana.name}` });
  await expect(role).toHaveText(/^(Member|Lead)$/);
  const before = (await role.textContent())?.trim();
  const after = before === "Lead" ? "Member" : "Lead";

  await choose(page, `Role for ${ws.people.dana.name}`, after);
  await expect(page.getByText(`${ws.people.dana.name} is now Marketing · ${after}`)).toBeVisible();
  await expect(role).toHaveText(after);
  await page.reload();
  await expect(page.getByRole("combobox", { name: `Role for ${ws.people.dana.name}` })).toHaveText(after);

  // Put it back, so the demo data stays as seeded for the next project's run.
  await choose(page, `Role for ${ws.people.dana.name}`, before ?? "Member");
  await expect(page.getByRole("combobox", { name: `Role for ${ws.people.dana.name}` })).toHaveText(before ?? "Member");
});

test("members who aren't admins see a read-only list", async ({ page, workspace: ws }) => {
  await signIn(page, ws.people.dana.email);
  await page.goto(`/${ws.slug}/members`);
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
  await expect(memberRow(page, ws.people.cio.name)).toContainText("IT");
  await expect(memberRow(page, ws.people.cio.name)).toContainText("Admin");
  await expect(page.getByRole("combobox")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Invite people" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Leave workspace" })).toBeVisible();

  await page
    .getByRole("group", { name: "Filter by side" })
    .getByRole("button", { name: /^Marketing/ })
    .click();
  await expect(page.getByRole("list", { name: "IT members" })).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Marketing members" })).toContainText(ws.people.dana.name);
});

test("the only admin of a workspace can neither leave nor step down", async ({ page }) => {
  const person = newPerson("Solo");
  await signUp(page, person);
  await expect(page).toHaveURL(/\/onboarding$/);

  const name = `Solo ${Date.now().toString(36)}`;
  await page.getByLabel("Workspace name").fill(name);
  const slug = await page.getByLabel("Address").inputValue();
  expect(slug).toMatch(/^solo-[a-z0-9]+$/);
  await page.getByText("I work with the CIO").click();
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(new RegExp(`/${slug}$`));
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  await navigateTo(page, "Members");
  await expect(page).toHaveURL(new RegExp(`/${slug}/members$`));

  await page.getByRole("button", { name: "Leave workspace" }).click();
  const confirm = page.getByRole("alertdialog", { name: `Leave ${name}?` });
  await confirm.getByRole("button", { name: "Leave workspace" }).click();
  await expect(confirm.getByRole("alert")).toHaveText("A workspace needs at least one admin: make someone else admin first.");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(new RegExp(`/${slug}/members$`));

  await choose(page, `Role for ${person.name}`, "Member");
  await expect(memberRow(page, person.name).getByRole("alert")).toHaveText("A workspace needs at least one admin: make someone else admin first.");
  await expect(page.getByRole("combobox", { name: `Role for ${person.name}` })).toHaveText("Admin");
});

test("revoked and made-up invite links say why they don't work", async ({ page, browser, workspace: ws }, testInfo) => {
  await signIn(page, ws.people.cio.email);
  await page.goto(`/${ws.slug}/members`);
  await page.getByRole("button", { name: "Invite people" }).click();
  const dialog = page.getByRole("dialog", { name: `Invite people to ${ws.name}` });
  const note = `revoke me ${Date.now().toString(36)}`;
  await dialog.getByLabel("Note (optional)").fill(note);
  await dialog.getByRole("button", { name: "Create invite link" }).click();
  const link = await dialog.getByRole("textbox", { name: "Invite link", exact: true }).inputValue();
  await dialog.getByRole("button", { name: "Done" }).click();

  const invite = page.getByRole("list", { name: "Open invite links" }).getByRole("listitem").filter({ hasText: note });
  await invite.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("alertdialog", { name: "Revoke this invite link?" }).getByRole("button", { name: "Revoke link" }).click();
  await expect(page.getByText("Invite link revoked")).toBeVisible();
  await expect(invite).toHaveCount(0);

  const otherContext = await newPersonContext(browser, testInfo);
  const other = await otherContext.newPage();
  await signUp(other, newPerson("Latecomer"));
  await other.goto(link);
  await expect(other.getByRole("heading", { name: "This invite link was revoked" })).toBeVisible();
  await expect(other.getByRole("button", { name: /Accept/ })).toHaveCount(0);

  await other.goto("/invite/not-a-real-token-at-all-0000");
  await expect(other.getByRole("heading", { name: "This invite link isn't valid" })).toBeVisible();
  await otherContext.close();
});
