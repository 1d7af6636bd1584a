import type { Page } from "@playwright/test";

import { trpc } from "../fixtures/api";
import { connectionStatus, type DemoWorkspace, navigateTo, newPersonContext, signIn } from "../fixtures/auth";
import { expect, test } from "../fixtures/workspace";

const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

/** A draft KPI made over the API, for the tests that are not about creating one. */
async function createKpi(page: Page, ws: DemoWorkspace, label: string) {
  return trpc<{ id: string; name: string }>(page, "kpi.create", {
    workspaceSlug: ws.slug,
    name: unique(label),
    description: "Share of checkout sessions that complete without a server error.",
    unit: "percent",
    direction: "higher",
    target: 95,
    atRisk: 90,
    cadence: "weekly",
    owner: "joint",
    source: "entered",
    projectIds: [],
  });
}

async function openKpi(page: Page, ws: DemoWorkspace, kpi: { id: string; name: string }) {
  await page.goto(`/${ws.slug}/kpis/${kpi.id}`);
  await expect(page.getByRole("heading", { level: 1, name: kpi.name })).toBeVisible();
  await expect(connectionStatus(page)).toHaveAttribute("data-state", "connected");
}

test("a writer proposes a KPI; both leads sign and it reads Agreed live; an objection shows live on the other side", async ({
  page,
  browser,
  workspace: ws,
}, testInfo) => {
  // Three people sign in and sign, on a server that may still be warming up.
  test.slow();
  // Dana, a marketing member, writes but does not sign.
  await signIn(page, ws.people.dana.email);
  await page.goto(`/${ws.slug}`);
  await navigateTo(page, "KPIs");
  await expect(page.getByRole("heading", { level: 1, name: "KPIs" })).toBeVisible();
  await page.getByRole("button", { name: "New KPI" }).first().click();
  const dialog = page.getByRole("dialog", { name: "New KPI" });
  // The schema's messages, next to their fields, before anything is sent.
  await dialog.getByRole("button", { name: "Propose KPI" }).click();
  await expect(dialog.getByText("Name is required.")).toBeVisible();
  await expect(dialog.getByText("The target must be a number.")).toBeVisible();
  const name = unique("Checkout availability");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Target").fill("95");
  await dialog.getByLabel("At-risk threshold").fill("97");
  await dialog.getByRole("button", { name: "Propose KPI" }).click();
  await expect(dialog.getByText("With higher is better, the at-risk threshold is at or below the target.")).toBeVisible();
  await dialog.getByLabel("At-risk threshold").fill("90");
  await dialog.getByRole("button", { name: "Propose KPI" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const kpiId = page.url().split("/").pop()!;
  const kpi = { id: kpiId, name };
  await expect(page.getByTestId("kpi-definition").getByTestId("kpi-status")).toHaveText("Draft");
  // A member is no lead: no Sign button for Dana.
  await expect(page.getByRole("button", { name: /^Sign version/ })).toHaveCount(0);

  const cioContext = await newPersonContext(browser, testInfo);
  const cio = await cioContext.newPage();
  await signIn(cio, ws.people.cio.email);
  await openKpi(cio, ws, kpi);
  await cio.getByRole("button", { name: "Sign version 1" }).click();
  await expect(cio.getByTestId("kpi-signatures").getByTestId("stance-it")).toContainText("IT: signed");

  const cmoContext = await newPersonContext(browser, testInfo);
  const cmo = await cmoContext.newPage();
  await signIn(cmo, ws.people.cmo.email);
  await openKpi(cmo, ws, kpi);
  await expect(cmo.getByTestId("kpi-signatures").getByTestId("stance-it")).toContainText("IT: signed");
  await cmo.getByRole("button", { name: "Sign version 1" }).click();
  await expect(cmo.getByTestId("kpi-definition").getByTestId("kpi-status")).toHaveText("Agreed");

  // The CIO's page was never reloaded: the log entry brought the agreement.
  await expect(cio.getByTestId("kpi-definition").getByTestId("kpi-status")).toHaveText("Agreed");
  await expect(cio.getByTestId("kpi-signatures").getByTestId("stance-marketing")).toContainText("Marketing: signed");

  // IT objects, with a reason; the CMO's open page shows it without a reload.
  await cio.getByRole("button", { name: "Object" }).click();
  const objectDialog = cio.getByRole("dialog", { name: "Object to version 1" });
  await objectDialog.getByRole("button", { name: "Object" }).click();
  await expect(objectDialog.getByText("Reason is required.")).toBeVisible();
  const reason = "Planned maintenance windows should not count as downtime.";
  await objectDialog.getByLabel("Reason").fill(reason);
  await objectDialog.getByRole("button", { name: "Object" }).click();
  await expect(objectDialog).toBeHidden();

  await expect(cmo.getByTestId("kpi-objection")).toContainText("IT objects to version 1");
  await expect(cmo.getByTestId("kpi-objection")).toContainText(reason);
  await expect(cmo.getByTestId("kpi-definition").getByTestId("kpi-status")).toHaveText("Draft");

  // The register says the same: marketing signed, IT objected with its reason.
  await cmo.goto(`/${ws.slug}/kpis`);
  const row = cmo.getByTestId("kpi-row").filter({ hasText: name });
  await expect(row.getByTestId("stance-marketing")).toContainText("signed");
  await expect(row.getByTestId("stance-it")).toContainText("objected");
  await expect(row).toContainText(reason);

  await cioContext.close();
  await cmoContext.close();
});

test("a CSV with bad rows lists every problem by line and imports nothing", async ({ page, workspace: ws }) => {
  await signIn(page, ws.people.cmo.email);
  const kpi = await createKpi(page, ws, "Import check");
  await openKpi(page, ws, kpi);

  await page.getByRole("button", { name: "Import CSV" }).click();
  const dialog = page.getByRole("dialog", { name: "Import values" });
  const csv = ["period,value,note", "2026-W10,93.5,fine", "2026-W11,lots,typo", "2026-13,91,wrong cadence", "2026-W10,94,again"].join("\n");
  await dialog.getByLabel("CSV file").setInputFiles({ name: "values.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });

  const problems = dialog.getByTestId("import-problems");
  await expect(problems).toContainText("3 problems");
  await expect(problems).toContainText("Line 3: value “lots” is not a number");
  await expect(problems).toContainText("Line 4: period");
  await expect(problems).toContainText("Line 5: period 2026-W10 is already on line 2");
  await expect(dialog.getByRole("button", { name: /^Import/ })).toBeDisabled();
  await dialog.getByRole("button", { name: "Cancel" }).click();

  await expect(page.getByText("No values yet.")).toBeVisible();
  const history = await trpc<{ history: unknown[] }>(page, "kpi.get", { workspaceSlug: ws.slug, kpiId: kpi.id }, "query");
  expect(history.history).toHaveLength(0);

  // A file over 1 MB is refused before it is read or sent.
  await page.getByRole("button", { name: "Import CSV" }).click();
  await dialog.getByLabel("CSV file").setInputFiles({ name: "huge.csv", mimeType: "text/csv", buffer: Buffer.alloc(1_100_000, "a") });
  await expect(dialog.getByText(/takes at most 1 MB/)).toBeVisible();
});

test("leadership reads and comments but sees no record, import, edit or sign controls", async ({ page, browser, workspace: ws }, testInfo) => {
  await signIn(page, ws.people.cmo.email);
  const kpi = await createKpi(page, ws, "Leadership view");
  await trpc(page, "kpi.record", { workspaceSlug: ws.slug, kpiId: kpi.id, period: "2026-W10", value: 92.1, note: "" });

  const ceoContext = await newPersonContext(browser, testInfo);
  const ceo = await ceoContext.newPage();
  await signIn(ceo, ws.people.ceo.email);
  await openKpi(ceo, ws, kpi);
  await expect(ceo.getByRole("heading", { name: "History" })).toBeVisible();
  await expect(ceo.getByTestId("kpi-history")).toContainText("92.1 %");
  await expect(ceo.getByRole("button", { name: "Export CSV" })).toBeVisible();
  await expect(ceo.getByRole("heading", { name: "Record a value" })).toHaveCount(0);
  await expect(ceo.getByRole("button", { name: "Import CSV" })).toHaveCount(0);
  await expect(ceo.getByRole("button", { name: "Edit definition" })).toHaveCount(0);
  await expect(ceo.getByRole("button", { name: "Retire" })).toHaveCount(0);
  await expect(ceo.getByRole("button", { name: /^Sign version/ })).toHaveCount(0);

  // Leadership acknowledges; the CMO's page shows it.
  await ceo.getByRole("button", { name: "Acknowledge" }).click();
  await expect(ceo.getByRole("list", { name: "Comments" })).toContainText("Acknowledged");

  await ceo.goto(`/${ws.slug}/kpis`);
  await expect(ceo.getByRole("button", { name: "New KPI" })).toHaveCount(0);
  await ceoContext.close();
});
