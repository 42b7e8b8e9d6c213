import { expect, test, type Browser } from "@playwright/test";
import viAuth from "../../locales/vi/auth.json" with { type: "json" };
import enAuth from "../../locales/en/auth.json" with { type: "json" };
import viCalendar from "../../locales/vi/calendar.json" with { type: "json" };
import enCalendar from "../../locales/en/calendar.json" with { type: "json" };
import viCommon from "../../locales/vi/common.json" with { type: "json" };
import { demoPassword, expectAccessible } from "./support";

/*
 * The system administrator keeps the calendar of working days and each agency's working hours:
 * a holiday added with its legal source shows in the year view. The form works without JavaScript.
 */

const admin = "admin@demo.hungyen.gov.vn";
const auth = { vi: viAuth, en: enAuth };

async function signIn(
  browser: Browser,
  lang: "vi" | "en",
  to: string,
  options: { javaScriptEnabled?: boolean; width?: number } = {},
) {
  const context = await browser.newContext({
    locale: lang === "vi" ? "vi-VN" : "en-GB",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(`/${lang}/sign-in?callbackUrl=${encodeURIComponent(to)}`);
  await page.getByLabel(auth[lang].fields.email).fill(admin);
  await page.getByLabel(auth[lang].fields.password).fill(demoPassword);
  await page.getByRole("button", { name: auth[lang].signIn.submit }).click();
  await expect(page).toHaveURL(new RegExp(`${to.replace(/[?]/g, "\\?")}$`));
  return { context, page };
}

test("without JavaScript: the administrator adds a holiday with its source and sees it in the year view", async ({
  browser,
}) => {
  const { context, page } = await signIn(browser, "vi", "/vi/admin/calendar?year=2027", {
    javaScriptEnabled: false,
    width: 375,
  });
  await expect(page.getByRole("heading", { level: 1, name: viCalendar.calendar.title })).toBeVisible();

  // Posted empty: the summary names every missing field, each linked to it; the date stays typed.
  await page.getByLabel(viCalendar.calendar.date, { exact: true }).fill("2027-02-05");
  await page.getByRole("button", { name: viCalendar.calendar.save }).click();
  const summary = page.locator(".error-summary");
  await expect(summary.getByRole("link", { name: viCalendar.fieldErrors.kind })).toHaveAttribute(
    "href",
    "#day-kind",
  );
  await expect(summary.getByRole("link", { name: viCalendar.fieldErrors.required }).first()).toHaveAttribute(
    "href",
    "#day-name",
  );
  await expect(page).toHaveTitle(new RegExp(`^${viCommon.errorTitlePrefix}: `));
  await expect(page.locator("#day-date")).toHaveValue("2027-02-05");

  await page.getByLabel(viCalendar.calendar.kind).selectOption("holiday");
  await page
    .getByLabel(viCalendar.calendar.name, { exact: true })
    .fill("Tết Âm lịch (29 tháng Chạp Bính Ngọ)");
  await page
    .getByLabel(viCalendar.calendar.source, { exact: true })
    .fill("Thông báo 1234/TB-BNV (thử nghiệm)");
  await page.getByRole("button", { name: viCalendar.calendar.save }).click();
  await expect(page).toHaveURL(/\/vi\/admin\/calendar\?year=2027&done=saved$/);
  await expect(page.getByText(viCalendar.calendar.done.saved)).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "Thông báo 1234/TB-BNV (thử nghiệm)" });
  await expect(row).toContainText("05/02/2027");
  await expect(row).toContainText(viCalendar.kinds.holiday);
  await expect(row).toContainText("Tết Âm lịch (29 tháng Chạp Bính Ngọ)");
  // axe needs JavaScript: the same pages are checked in the tests below.
  await page.screenshot({ path: "test-results/admin-calendar-375-vi.png", fullPage: true });
  await context.close();
});

for (const lang of ["vi", "en"] as const) {
  const strings = lang === "vi" ? viCalendar : enCalendar;
  test(`the calendar and working-hours pages are accessible (${lang})`, async ({ browser }) => {
    const { context, page } = await signIn(browser, lang, `/${lang}/admin/calendar?year=2026`);
    await expect(page.getByRole("row").filter({ hasText: "Thông báo 9441/TB-BNV" }).first()).toBeVisible();
    await expect(page.getByRole("cell", { name: strings.kinds.swap_work }).first()).toBeVisible();
    await expectAccessible(page, `calendar ${lang}`);
    await page.screenshot({ path: `test-results/admin-calendar-1280-${lang}.png`, fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: `test-results/admin-calendar-375-${lang}-2026.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.goto(`/${lang}/admin/working-hours`);
    await expect(page.getByRole("heading", { level: 1, name: strings.hours.title })).toBeVisible();
    await page
      .getByRole("link", { name: new RegExp(`^${strings.hours.edit}`) })
      .first()
      .click();
    await expect(
      page.getByRole("heading", { level: 2 }).filter({ hasText: strings.hours.formTitle.split("{{")[0]! }),
    ).toBeVisible();
    // A cut-off after the afternoon closes is refused, with the field named.
    await page.getByLabel(strings.hours.cutoff, { exact: true }).fill("18:00");
    await page.getByRole("button", { name: strings.hours.save }).click();
    await expect(
      page.locator(".error-summary").getByRole("link", { name: strings.fieldErrors.cutoff }),
    ).toBeVisible();
    await expectAccessible(page, `working hours error ${lang}`);
    await page.getByLabel(strings.hours.cutoff, { exact: true }).fill("15:30");
    await page.getByRole("button", { name: strings.hours.save }).click();
    await expect(page.getByText(strings.hours.done.saved)).toBeVisible();
    await expectAccessible(page, `working hours ${lang}`);
    await page.screenshot({ path: `test-results/admin-hours-1280-${lang}.png`, fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: `test-results/admin-hours-375-${lang}.png`, fullPage: true });
    await context.close();
  });
}
