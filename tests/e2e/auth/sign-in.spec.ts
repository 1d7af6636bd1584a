import { expect, test } from "@playwright/test";

import { DEMO, newPerson, signIn, signUp } from "../fixtures/auth";

test.describe("sign in", () => {
  test("the demo CMO signs in and lands on the Acme overview", async ({ page }) => {
    await signIn(page, DEMO.cmo.email);
    await expect(page).toHaveURL(/\/acme$/);
    await expect(page.getByRole("heading", { level: 1, name: "Acme" })).toBeVisible();
    await expect(page.getByText("You're on the")).toContainText("Marketing");
    await expect(page.getByText("You're on the")).toContainText("Admin");
  });

  test("a wrong password and an unknown email get the same message, next to the form", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(DEMO.cmo.email);
    await page.getByLabel("Password", { exact: true }).fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.getByRole("form", { name: "Sign in" }).getByRole("alert");
    await expect(alert).toHaveText("That email and password don't match an account. Check them and try again.");
    await expect(page).toHaveURL(/\/sign-in/);

    await page.getByLabel("Email").fill("nobody-here@acme.test");
    await page.getByRole("button", { name: "Sign in" }).click();
    // Same words for an address with no account: the form must not reveal who has one.
    await expect(alert).toHaveText("That email and password don't match an account. Check them and try again.");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  });

  test("a signed-out visit to a workspace page returns there after signing in", async ({ page }) => {
    await page.goto("/acme/members");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Facme%2Fmembers$/);
    await signIn(page, DEMO.cio.email);
    await expect(page).toHaveURL(/\/acme\/members$/);
    await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
  });
});

test.describe("sign up", () => {
  test("validation errors appear next to the fields they belong to", async ({ page }) => {
    await page.goto("/sign-up");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByLabel("Full name")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Full name")).toHaveAccessibleDescription("Enter your name.");
    await expect(page.getByLabel("Work email")).toHaveAccessibleDescription("Enter a valid email address.");
    await expect(page.getByLabel("Password", { exact: true })).toHaveAccessibleDescription("Use at least 10 characters.");

    await page.getByLabel("Full name").fill("Sam Rivera");
    await page.getByLabel("Work email").fill("sam@example.test");
    await page.getByLabel("Password", { exact: true }).fill("password123");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByLabel("Full name")).not.toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Password", { exact: true })).toHaveAccessibleDescription("This password is too common. Choose something less guessable.");
    await expect(page).toHaveURL(/\/sign-up/);
  });

  test("a new person signs up and is taken to onboarding", async ({ page }) => {
    const person = newPerson("Newcomer");
    await signUp(page, person);
    await expect(page).toHaveURL(/\/onboarding$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welcome to Tandem, ${person.name.split(" ")[0]}`);
    await expect(page.getByRole("form", { name: "Create workspace" })).toBeVisible();
  });

  test("signing up with a taken email doesn't say the account exists", async ({ page }) => {
    await page.goto("/sign-up");
    await page.getByLabel("Full name").fill("Someone Else");
    await page.getByLabel("Work email").fill(DEMO.cmo.email);
    await page.getByLabel("Password", { exact: true }).fill("a perfectly fine passphrase");
    await page.getByRole("button", { name: "Create account" }).click();
    const alert = page.getByRole("form", { name: "Create account" }).getByRole("alert");
    await expect(alert).toContainText("We couldn't create an account with these details. If you already have one, sign in.");
    await expect(alert).not.toContainText(/already (exists|registered|taken)/i);
    await expect(page).toHaveURL(/\/sign-up/);
  });
});
