import { expect, test, type Browser, type Page } from "@playwright/test";
import viAuth from "../../locales/vi/auth.json" with { type: "json" };
import enAuth from "../../locales/en/auth.json" with { type: "json" };
import viCommon from "../../locales/vi/common.json" with { type: "json" };
import enCommon from "../../locales/en/common.json" with { type: "json" };
import viAdmin from "../../locales/vi/admin.json" with { type: "json" };
import enAdmin from "../../locales/en/admin.json" with { type: "json" };
import { demoPassword, expectAccessible } from "./support";

const auth = { vi: viAuth, en: enAuth };
const common = { vi: viCommon, en: enCommon };
const admin = { vi: viAdmin, en: enAdmin };
type Lang = keyof typeof auth;

async function signInPage(browser: Browser, lang: Lang, callbackUrl?: string) {
  const context = await browser.newContext({ locale: lang === "vi" ? "vi-VN" : "en-GB" });
  const page = await context.newPage();
  await page.goto(`/${lang}/sign-in${callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`);
  return { context, page };
}

async function submit(page: Page, lang: Lang, email: string, password: string) {
  await page.getByLabel(auth[lang].fields.email).fill(email);
  await page.getByLabel(auth[lang].fields.password).fill(password);
  await page.getByRole("button", { name: auth[lang].signIn.submit }).click();
}

test.describe("each role lands on its own work after sign-in", () => {
  const landings = [
    ["citizen@demo.hungyen.gov.vn", "/vi/dossiers"],
    ["business@demo.hungyen.gov.vn", "/vi/dossiers"],
    ["receiver@demo.hungyen.gov.vn", "/vi/staff"],
    ["specialist@demo.hungyen.gov.vn", "/vi/staff"],
    ["head@demo.hungyen.gov.vn", "/vi/staff"],
    ["admin@demo.hungyen.gov.vn", "/vi/admin"],
  ] as const;
  for (const [email, landing] of landings) {
    test(`${email} → ${landing}`, async ({ browser }) => {
      const { context, page } = await signInPage(browser, "vi");
      await submit(page, "vi", email, demoPassword);
      await expect(page).toHaveURL(new RegExp(`${landing}$`));
      await context.close();
    });
  }

  test("the administrator's page says who they are and leads to each part, in both languages", async ({
    browser,
  }) => {
    for (const lang of ["vi", "en"] as const) {
      const { context, page } = await signInPage(browser, lang);
      await submit(page, lang, "admin@demo.hungyen.gov.vn", demoPassword);
      await expect(page).toHaveURL(new RegExp(`/${lang}/admin$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(admin[lang].home.title);
      await expect(page.getByRole("heading", { name: admin[lang].home.settingsTitle })).toBeVisible();
      // The header offers the administration, not a case-work queue the administrator has no part in.
      const nav = page.getByRole("navigation").first();
      await expect(nav.getByRole("link", { name: common[lang].nav.admin })).toBeVisible();
      await expect(nav.getByRole("link", { name: common[lang].nav.staff })).toHaveCount(0);
      await expectAccessible(page, `admin home ${lang}`);
      await context.close();
    }
  });

  test("a staff account sent to an applicant-only page lands on its queue instead", async ({ browser }) => {
    const { context, page } = await signInPage(browser, "en", "/en/dossiers/new?procedure=1.001193");
    await submit(page, "en", "receiver@demo.hungyen.gov.vn", demoPassword);
    await expect(page).toHaveURL(/\/en\/staff$/);
    await context.close();
  });
});

test.describe("throttling on the sign-in form", () => {
  test("the 6th attempt is refused with the wait, even with the right password; the e-mail is kept", async ({
    browser,
  }) => {
    // A fresh account of our own, so the demo accounts other tests use are not locked.
    const email = `throttle.${Date.now()}@example.vn`;
    const password = "mật khẩu thử chặn 2026";
    const context = await browser.newContext({ locale: "vi-VN" });
    const page = await context.newPage();
    await page.goto("/vi/sign-up");
    await page.getByLabel(viAuth.fields.fullName).fill("Thử Chặn Đăng Nhập");
    await page.getByLabel(viAuth.fields.email).fill(email);
    await page.getByLabel(viAuth.fields.phone).fill("0912345678");
    await page.getByLabel(viAuth.fields.password, { exact: true }).fill(password);
    await page.getByLabel(viAuth.fields.confirmPassword).fill(password);
    await page.getByRole("button", { name: viAuth.signUp.submit }).click();
    await expect(page).toHaveURL(/\/vi\/dossiers$/);
    await context.clearCookies();

    const { page: form } = await signInPage(browser, "vi");
    for (let i = 0; i < 5; i++) {
      await submit(form, "vi", email, `sai ${i}`);
      await expect(form.locator(".error-summary")).toContainText(viAuth.signIn.wrongCredentials);
    }
    await submit(form, "vi", email, password);
    const message = viAuth.signIn.tooManyAttempts_other.replace("{{count}}", "15");
    await expect(form.getByText(message).first()).toBeVisible();
    await expect(form).toHaveURL(/\/vi\/sign-in/);
    await expect(form.getByLabel(viAuth.fields.email)).toHaveValue(email);
    await expectAccessible(form, "throttled sign-in");
  });

  test("in English too, for an e-mail without an account", async ({ browser }) => {
    const { page } = await signInPage(browser, "en");
    for (let i = 0; i < 6; i++)
      await submit(page, "en", `nobody.${test.info().workerIndex}@example.vn`, "guess");
    await expect(
      page.getByText(enAuth.signIn.tooManyAttempts_other.replace("{{count}}", "15")).first(),
    ).toBeVisible();
  });
});

test("a copied session cookie stops working after sign-out", async ({ browser }) => {
  const { context, page } = await signInPage(browser, "vi");
  await submit(page, "vi", "business@demo.hungyen.gov.vn", demoPassword);
  await expect(page).toHaveURL(/\/vi\/dossiers$/);
  const copied = await context.cookies();

  const thief = await browser.newContext({ locale: "vi-VN" });
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/vi/dossiers");
  await expect(stolen).toHaveURL(/\/vi\/dossiers$/);

  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).toHaveURL(/\/vi$/);

  await stolen.goto("/vi/dossiers");
  await expect(stolen).toHaveURL(/\/vi\/sign-in/);
  await thief.close();
  await context.close();
});

test("next-auth's endpoints answer on the host the browser used, not localhost", async ({ request }) => {
  const response = await request.get("/api/auth/signin", {
    headers: { Host: "portal.example.gov.vn" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  const location = decodeURIComponent(response.headers().location ?? "");
  expect(location).toContain("callbackUrl=http://portal.example.gov.vn");
  expect(location).not.toContain("localhost");
  expect(location).not.toContain("127.0.0.1");
});
