import { expect, test, type Browser, type Page } from "@playwright/test";
import viAuth from "../../locales/vi/auth.json" with { type: "json" };
import viStaff from "../../locales/vi/staff.json" with { type: "json" };
import viCalendar from "../../locales/vi/calendar.json" with { type: "json" };
import { demo, demoPassword, expectAccessible } from "./support";

// The demo specialist works at every deciding agency (the police officer only at the police).
const demoSpecialistName = "Phạm Minh Tuấn";

/*
 * A busy desk's queue: the head of unit filters, searches without accents, bulk-assigns two
 * dossiers; the dossier page explains its working time and clock stops; bulk assign without
 * JavaScript; axe on a filtered queue in both languages; the list stacked at 375 px.
 */

async function signIn(browser: Browser, options: { javaScriptEnabled?: boolean; width?: number } = {}) {
  const context = await browser.newContext({
    locale: "vi-VN",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.goto("/vi/sign-in?callbackUrl=%2Fvi%2Fstaff");
  await page.getByLabel(viAuth.fields.email).fill(demo.head);
  await page.getByLabel(viAuth.fields.password).fill(demoPassword);
  await page.getByRole("button", { name: viAuth.signIn.submit }).click();
  await expect(page).toHaveURL(/\/vi\/staff$/);
  return { context, page };
}

const unaccent = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();

const rowCheckboxes = (page: Page) => page.locator('main input[type="checkbox"][name="dossier"]');

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => {
    const wrap = document.querySelector("main .table-wrap");
    return {
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      table: wrap ? wrap.scrollWidth - wrap.clientWidth : 0,
    };
  });
  expect(overflow).toEqual({ page: 0, table: 0 });
}

test("the head of unit filters, searches without accents and bulk-assigns two dossiers", async ({
  browser,
}) => {
  const { context, page } = await signIn(browser);
  await page.goto("/vi/staff?bucket=all");
  await page.locator("#queue-status").selectOption("in_progress");
  await page.getByRole("button", { name: viStaff.queue.filters.apply }).click();
  await expect(page).toHaveURL(/status=in_progress/);
  await expect(page).toHaveURL(/bucket=all/);
  await expect(rowCheckboxes(page).first()).toBeVisible();

  // Search a name typed without accents: every row found carries it, with its accents.
  const name = (await page.locator("main tbody tr").first().locator("td").nth(2).innerText())
    .split("\n")
    .pop()!;
  await page.locator("#queue-q").fill(unaccent(name));
  await page.getByRole("button", { name: viStaff.queue.filters.apply }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(page.locator("#queue-q")).toHaveValue(unaccent(name));
  await expect(page.locator("#queue-status")).toHaveValue("in_progress");
  const applicants = await page
    .getByRole("table")
    .first()
    .locator("tbody tr td:nth-child(4)")
    .allInnerTexts();
  expect(applicants.length).toBeGreaterThan(0);
  for (const text of applicants) expect(unaccent(text)).toContain(unaccent(name));
  await expectAccessible(page, "queue searched (vi)");

  // Back to the filtered list, pick two and assign them.
  await page.locator("#queue-q").fill("");
  await page.getByRole("button", { name: viStaff.queue.filters.apply }).click();
  await expect(rowCheckboxes(page).nth(1)).toBeVisible();
  const chosen = [
    await rowCheckboxes(page).nth(0).getAttribute("value"),
    await rowCheckboxes(page).nth(1).getAttribute("value"),
  ].map((value) => value!.split("@")[0]!);
  await rowCheckboxes(page).nth(0).check();
  await rowCheckboxes(page).nth(1).check();
  const specialist = page.locator("#bulk-assignee");
  await specialist.selectOption({ label: demoSpecialistName });
  await page.getByRole("button", { name: viStaff.queue.bulk.submit }).click();
  await expect(page).toHaveURL(/bulk=done/);
  await expect(page).toHaveURL(/status=in_progress/);
  const assigned = page.locator(".notice--success");
  for (const code of chosen) await expect(assigned).toContainText(code);
  await expectAccessible(page, "bulk assigned");
  await context.close();
});

test("the dossier page shows the working time left and explains a clock stop", async ({ browser }) => {
  const { context, page } = await signIn(browser);
  await page.goto("/vi/staff?bucket=waiting");
  await page.locator('main tbody a[href*="/vi/staff/dossiers/"]').first().click();
  await expect(page.getByRole("heading", { name: viCalendar.workingTime.title })).toBeVisible();
  await expect(page.getByTestId("working-time-left")).toContainText("Đang tạm dừng tính thời gian");
  const stops = page.locator("table", { hasText: viCalendar.workingTime.columns.reason });
  await expect(stops).toContainText(viCalendar.workingTime.reason.supplement);
  await expect(stops).toContainText(viCalendar.workingTime.ongoing);
  await expectAccessible(page, "dossier working time");
  await page.screenshot({ path: "test-results/queue-dossier-time-1280-vi.png", fullPage: true });
  await context.close();
});

test("bulk assign works with JavaScript off: nothing selected, then one dossier", async ({ browser }) => {
  const { context, page } = await signIn(browser, { javaScriptEnabled: false, width: 375 });
  await page.goto("/vi/staff?bucket=all&status=in_progress");
  await page.locator("#bulk-assignee").selectOption({ label: demoSpecialistName });
  await page.getByRole("button", { name: viStaff.queue.bulk.submit }).click();
  await expect(page).toHaveURL(/bulk=none/);
  const summary = page.locator(".error-summary");
  await expect(summary.getByRole("link", { name: viStaff.queue.bulk.errors.none })).toBeVisible();
  // The specialist chosen is kept.
  expect(await page.locator("#bulk-assignee").inputValue()).not.toBe("");

  const code = (await rowCheckboxes(page).first().getAttribute("value"))!.split("@")[0]!;
  await rowCheckboxes(page).first().check();
  await page.getByRole("button", { name: viStaff.queue.bulk.submit }).click();
  await expect(page).toHaveURL(/bulk=done/);
  await expect(page.locator(".notice--success")).toContainText(code);
  await context.close();
});

test("the filtered queue is accessible in vi and en and stacks on a phone", async ({ browser }) => {
  const { context, page } = await signIn(browser);
  for (const lang of ["vi", "en"]) {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/${lang}/staff?bucket=all&channel=online&sort=submitted`);
      await expect(page.locator(`#queue-channel`)).toHaveValue("online");
      await expectAccessible(page, `filtered queue ${lang} ${width}`);
      if (width === 375) await noSidewaysScroll(page);
      await page.screenshot({ path: `test-results/queue-${width}-${lang}.png`, fullPage: true });
    }
  }
  await context.close();
});
