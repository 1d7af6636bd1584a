import type { Page } from "@playwright/test";

import { connectionStatus, signIn } from "../fixtures/auth";
import { expect, test } from "../fixtures/workspace";

/** Every CSP violation the page reports, as "directive blocked-uri". */
async function recordViolations(page: Page) {
  const seen: string[] = [];
  await page.exposeFunction("__cspViolation", (v: string) => seen.push(v));
  // A string, run in the page (the tests' own types have no DOM).
  await page.addInitScript(`document.addEventListener("securitypolicyviolation", (e) => window.__cspViolation(e.violatedDirective + " " + e.blockedURI));`);
  return seen;
}

test("pages carry a nonce CSP that their own scripts satisfy, and refuse framing", async ({ page, workspace: ws }) => {
  const violations = await recordViolations(page);
  const res = await page.goto("/sign-in");
  const headers = res!.headers();
  const csp = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  // Not over plain HTTP: HSTS is for production behind HTTPS.
  expect(headers["strict-transport-security"]).toBeUndefined();

  // Every script in the HTML carries this response's nonce; a second load gets a fresh one.
  const html = await res!.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  const again = (await page.request.get("/sign-in")).headers()["content-security-policy"];
  expect(again).not.toBe(csp);

  // The app works under it: sign in, a workspace page hydrates, the realtime socket connects.
  await signIn(page, ws.people.cmo.email);
  await page.goto(`/${ws.slug}/projects`);
  await expect(connectionStatus(page)).toHaveAttribute("data-state", "connected");
  await page.goto(`/${ws.slug}/dashboards`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);

  // API answers are not pages, but still say what they are.
  const api = await page.request.get(`/api/trpc/workspace.list`);
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
});
