import { expect, test, type Browser, type Page } from "@playwright/test";
import viAuth from "../../locales/vi/auth.json" with { type: "json" };
import viCommon from "../../locales/vi/common.json" with { type: "json" };
import viStaff from "../../locales/vi/staff.json" with { type: "json" };
import { demo, demoPassword, expectAccessible } from "./support";

/*
 * The staff dossier forms answer like every other form (one FormState): the problems in the error
 * summary, focused, each linked to its field; the message next to the field; what was typed kept;
 * a conflict said in the summary over the fresh page. With and without JavaScript.
 */

async function signIn(browser: Browser, javaScriptEnabled: boolean) {
  const context = await browser.newContext({
    locale: "vi-VN",
    javaScriptEnabled,
    viewport: { width: 375, height: 800 },
  });
  const page = await context.newPage();
  await page.goto("/vi/sign-in?callbackUrl=%2Fvi%2Fstaff");
  await page.getByLabel(viAuth.fields.email).fill(demo.receiver);
  await page.getByLabel(viAuth.fields.password).fill(demoPassword);
  await page.getByRole("button", { name: viAuth.signIn.submit }).click();
  await expect(page).toHaveURL(/\/vi\/staff$/);
  return { context, page };
}

/** The last dossier of the receiver's "new" queue (the journey files and takes its own). */
async function lastNewDossier(page: Page): Promise<string> {
  const links = page.locator('main a[href*="/vi/staff/dossiers/"]');
  await expect(links.first()).toBeVisible();
  const href = await links.last().getAttribute("href");
  return href!.split("?")[0]!;
}

const summary = (page: Page) => page.locator(".error-summary");

test("with JavaScript: a refusal without reasons, then a conflict, at 375 px", async ({ browser }) => {
  const { context, page } = await signIn(browser, true);
  const dossier = await lastNewDossier(page);
  await page.goto(dossier);

  await page.getByRole("button", { name: viStaff.actions.refuse.submit }).click();
  await expect(summary(page)).toBeFocused();
  await expect(summary(page).getByRole("link", { name: viStaff.fieldErrors.refuse })).toHaveAttribute(
    "href",
    "#refuse-comment",
  );
  await expect(page.locator("#refuse-comment-error")).toContainText(viStaff.fieldErrors.refuse);
  await expect(page.locator("#refuse-comment")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveTitle(new RegExp(`^${viCommon.errorTitlePrefix}: `));
  await expectAccessible(page, "staff refuse error");
  await page.screenshot({ path: "test-results/staff-refuse-error-375-vi.png", fullPage: true });

  // Someone else accepts the dossier meanwhile: this page's version is stale.
  const other = await context.newPage();
  await other.goto(dossier);
  await other.getByRole("button", { name: viStaff.actions.accept.submit }).click();
  await expect(other).toHaveURL(/done=accept/);

  await page.getByLabel(viStaff.actions.request_supplement.comment).fill("Thiếu bản sao căn cước");
  await page.getByRole("button", { name: viStaff.actions.request_supplement.submit }).click();
  await expect(summary(page).getByRole("link", { name: viStaff.errors.conflict })).toHaveAttribute(
    "href",
    "#actions-title",
  );
  await expect(summary(page)).toBeFocused();
  // The fresh version: a received dossier is assigned, no longer accepted or refused.
  await expect(page.getByRole("button", { name: viStaff.actions.assign.submit })).toBeVisible();
  await expect(page.getByRole("button", { name: viStaff.actions.refuse.submit })).toHaveCount(0);
  await context.close();
});

test("without JavaScript: the same messages, and what was typed comes back", async ({ browser }) => {
  const { context, page } = await signIn(browser, false);
  const dossier = await lastNewDossier(page);
  await page.goto(dossier);

  await page.getByRole("button", { name: viStaff.actions.refuse.submit }).click();
  await expect(summary(page).getByRole("link", { name: viStaff.fieldErrors.refuse })).toHaveAttribute(
    "href",
    "#refuse-comment",
  );
  await expect(page.locator("#refuse-comment-error")).toContainText(viStaff.fieldErrors.refuse);
  await expect(page).toHaveTitle(new RegExp(`^${viCommon.errorTitlePrefix}: `));

  await page.getByRole("button", { name: viStaff.actions.accept.submit }).click();
  await expect(page).toHaveURL(/done=accept/);
  // Assigning with a note but nobody chosen: the choice is asked for, the note kept.
  await page.locator("#assign-comment").fill("Ưu tiên xử lý trong tuần");
  await page.getByRole("button", { name: viStaff.actions.assign.submit }).click();
  await expect(summary(page).getByRole("link", { name: viStaff.fieldErrors.assignee })).toHaveAttribute(
    "href",
    "#assign-assigneeId",
  );
  await expect(page.locator("#assign-comment")).toHaveValue("Ưu tiên xử lý trong tuần");
  await context.close();
});
