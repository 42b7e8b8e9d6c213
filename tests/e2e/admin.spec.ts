import { expect, test, type Browser, type Page } from "@playwright/test";
import viAuth from "../../locales/vi/auth.json" with { type: "json" };
import viAdmin from "../../locales/vi/admin.json" with { type: "json" };
import enAdmin from "../../locales/en/admin.json" with { type: "json" };
import viCommon from "../../locales/vi/common.json" with { type: "json" };
import viStaff from "../../locales/vi/staff.json" with { type: "json" };
import { demoPassword, expectAccessible } from "./support";

/*
 * The administrator's journey: a new receiving officer is created at the demo ward, signs in, lands
 * on the queue and accepts a dossier; disabling the account ends that session at once. Every
 * administration page passes axe in both languages; the agency form works without JavaScript.
 */

const admin = "admin@demo.hungyen.gov.vn";
const phoHien = "000.01.01.H33 · Ủy ban nhân dân phường Phố Hiến";
const shots = "/tmp/admin-shots";

async function signIn(
  browser: Browser,
  email: string,
  password: string,
  options: { javaScriptEnabled?: boolean; width?: number } = {},
) {
  const context = await browser.newContext({
    locale: "vi-VN",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.goto("/vi/sign-in");
  await page.getByLabel(viAuth.fields.email).fill(email);
  await page.getByLabel(viAuth.fields.password).fill(password);
  await page.getByRole("button", { name: viAuth.signIn.submit }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  return { context, page };
}

const summary = (page: Page) => page.locator(".error-summary");

test("a new receiving officer is created, works a dossier, and is disabled", async ({ browser }) => {
  const { context, page } = await signIn(browser, admin, demoPassword);
  await expect(page).toHaveURL(/\/vi\/admin$/);
  await expect(
    page
      .getByRole("navigation", { name: viCommon.nav.label })
      .getByRole("link", { name: viCommon.nav.admin }),
  ).toBeVisible();

  await page.goto("/vi/admin/staff/new");
  const email = `tiepnhan.${Date.now()}@demo.hungyen.gov.vn`;
  await page.getByLabel(viAdmin.staffForm.fullName).fill("Hoàng Thị Tiếp Nhận");
  await page.getByLabel(viAdmin.staffForm.email).fill(email);
  await page.getByLabel(viAdmin.staffForm.agencyId).selectOption({ label: phoHien });
  await page
    .getByLabel(viAdmin.staffForm.role, { exact: true })
    .selectOption({ label: viAdmin.roles.receiver });
  await page.getByRole("button", { name: viAdmin.staffForm.submit }).click();
  await expect(page.getByText(viAdmin.done.accountCreated)).toBeVisible();
  const password = (await page.locator(".secret").textContent())!.trim();
  expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  await expectAccessible(page, "account created");

  // The new officer signs in and lands on the queue of the ward.
  const officer = await signIn(browser, email, password);
  await expect(officer.page).toHaveURL(/\/vi\/staff$/);
  const links = officer.page.locator('main a[href*="/vi/staff/dossiers/"]');
  await expect(links.first()).toBeVisible();
  await officer.page.goto((await links.first().getAttribute("href"))!);
  await officer.page.getByRole("button", { name: viStaff.actions.accept.submit }).click();
  await expect(officer.page).toHaveURL(/done=accept/);

  // The administrator disables the account: the officer's next request is anonymous.
  await page.goto("/vi/admin/staff?q=" + encodeURIComponent(email));
  await page.getByRole("link", { name: "Hoàng Thị Tiếp Nhận" }).click();
  await page.getByRole("button", { name: viAdmin.account.disable }).click();
  await expect(page.getByText(viAdmin.done.accountDisabled)).toBeVisible();
  await officer.page.goto("/vi/staff");
  await expect(officer.page).toHaveURL(/\/vi\/sign-in/);

  // The change log shows who did it, with before and after.
  await page.goto("/vi/admin/audit?kind=account");
  await expect(
    page.getByRole("cell", { name: viAdmin.audit.actions.account_disabled }).first(),
  ).toBeVisible();
  await officer.context.close();
  await context.close();
});

test("every administration page passes axe, in Vietnamese and English, at 375 and 1280 px", async ({
  browser,
}) => {
  const { context, page } = await signIn(browser, admin, demoPassword, { width: 375 });
  await page.goto("/vi/admin/agencies");
  const agencyHref = (await page
    .locator('main a[href*="/vi/admin/agencies/"]')
    .filter({ hasNotText: viAdmin.agencies.add })
    .first()
    .getAttribute("href"))!;
  await page.goto("/vi/admin/staff");
  const staffHref = (await page
    .locator('main table a[href*="/vi/admin/staff/"]')
    .first()
    .getAttribute("href"))!;
  const paths = [
    "/admin",
    "/admin/agencies",
    "/admin/agencies/new",
    agencyHref.slice(3),
    "/admin/staff",
    "/admin/staff/new",
    staffHref.slice(3),
    "/admin/audit",
  ];
  for (const lang of ["vi", "en"] as const) {
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of paths) {
        await page.goto(`/${lang}${path}`);
        await expect(page.locator("h1")).toBeVisible();
        if (width === 375) await expectAccessible(page, `${lang} ${path}`);
        await page.screenshot({
          path: `${shots}/${lang}-${width}${path.replace(/\//g, "_")}.png`,
          fullPage: true,
        });
      }
    }
  }
  // An error state in English, with JavaScript: the summary is focused and links to the field.
  await page.goto("/en/admin/agencies/new");
  await page.getByRole("button", { name: enAdmin.agencyForm.submitCreate }).click();
  await expect(summary(page)).toBeFocused();
  await expect(summary(page).getByRole("link", { name: enAdmin.fieldErrors.code })).toHaveAttribute(
    "href",
    "#agency-code",
  );
  await expectAccessible(page, "agency form errors");
  await page.screenshot({ path: `${shots}/en-375-agency-errors.png`, fullPage: true });
  await context.close();
});

test("without JavaScript: the agency form answers with its errors and keeps the input, then saves", async ({
  browser,
}) => {
  const { context, page } = await signIn(browser, admin, demoPassword, { javaScriptEnabled: false });
  await page.goto("/vi/admin/agencies/new");
  await page.getByLabel(viAdmin.agencyForm.code).fill("123");
  await page.getByLabel(viAdmin.agencyForm.nameVi).fill("Sở Y tế tỉnh Hưng Yên");
  await page.getByLabel(viAdmin.agencyForm.nameEn).fill("Hung Yen Department of Health");
  await page.getByRole("button", { name: viAdmin.agencyForm.submitCreate }).click();
  await expect(summary(page).getByRole("link", { name: viAdmin.fieldErrors.code })).toHaveAttribute(
    "href",
    "#agency-code",
  );
  await expect(page).toHaveTitle(new RegExp(`^${viCommon.errorTitlePrefix}: `));
  await expect(page.getByLabel(viAdmin.agencyForm.nameVi)).toHaveValue("Sở Y tế tỉnh Hưng Yên");
  await expect(page.getByLabel(viAdmin.agencyForm.code)).toHaveValue("123");
  await page.screenshot({ path: `${shots}/vi-1280-agency-errors-nojs.png`, fullPage: true });

  await page.getByLabel(viAdmin.agencyForm.code).fill("000.00.09.H33");
  await page.getByRole("button", { name: viAdmin.agencyForm.submitCreate }).click();
  await expect(page).toHaveURL(/\/vi\/admin\/agencies\?done=agencyCreated/);
  await expect(page.getByRole("link", { name: "Sở Y tế tỉnh Hưng Yên" })).toBeVisible();
  await context.close();
});
