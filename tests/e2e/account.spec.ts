import { expect, test, type Browser, type Page } from "@playwright/test";
import viAuth from "../../locales/vi/auth.json" with { type: "json" };
import enAuth from "../../locales/en/auth.json" with { type: "json" };
import viCommon from "../../locales/vi/common.json" with { type: "json" };
import enCommon from "../../locales/en/common.json" with { type: "json" };
import enForms from "../../locales/en/forms.json" with { type: "json" };
import { demo, demoPassword, expectAccessible } from "./support";

/*
 * "My account": the language of a person's notices and their channels, chosen at sign-up and
 * changed later, in both languages, with and without JavaScript. Each test signs up an account of
 * its own, so the demo accounts other tests read keep their settings.
 */

// Each test signs up first (a password hash, two pages): slow on a shared two-core machine.
test.describe.configure({ timeout: 180_000 });

const auth = { vi: viAuth, en: enAuth };
const common = { vi: viCommon, en: enCommon };
type Lang = keyof typeof auth;

/**
 * A browser of its own. Its own client address too (Next keeps an X-Forwarded-For the client sends
 * when no proxy is trusted: README), so these sign-ups do not use up the per-address sign-up limit
 * the other tests' sign-ups share.
 */
async function newPage(browser: Browser, lang: Lang, javaScriptEnabled = true) {
  const address = `203.0.113.${1 + Math.floor(Math.random() * 254)}`;
  const context = await browser.newContext({
    locale: lang === "vi" ? "vi-VN" : "en-GB",
    javaScriptEnabled,
    extraHTTPHeaders: { "X-Forwarded-For": address },
  });
  return { context, page: await context.newPage() };
}

/** Signs up a fresh citizen on the sign-up page of `lang`, with the notices' language given. */
async function signUp(page: Page, lang: Lang, name: string, notices?: Lang) {
  const email = `account.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@example.vn`;
  const password = "mật khẩu tài khoản 2026";
  const t = auth[lang];
  await page.goto(`/${lang}/sign-up`);
  await page.getByLabel(t.fields.fullName).fill(name);
  await page.getByLabel(t.fields.email).fill(email);
  await page.getByLabel(t.fields.phone).fill("0912345678");
  // Without a choice, the page's language is the one chosen.
  await expect(page.getByRole("radio", { name: t.locales[lang] })).toBeChecked();
  if (notices) await page.getByRole("radio", { name: t.locales[notices] }).check();
  await page.getByLabel(t.fields.password, { exact: true }).fill(password);
  await page.getByLabel(t.fields.confirmPassword).fill(password);
  await page.getByRole("button", { name: t.signUp.submit }).click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/dossiers$`));
  return { email, password };
}

async function openAccount(page: Page, lang: Lang, name: string) {
  // From the name in the header.
  await page
    .getByRole("banner")
    .getByRole("link", { name: new RegExp(`${name}.*${common[lang].nav.account}`) })
    .click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/account$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(auth[lang].account.title);
}

const channel = (page: Page, lang: Lang, which: "byEmail" | "inInbox") =>
  page.getByRole("checkbox", { name: auth[lang].account[which] });

for (const lang of ["vi", "en"] as const) {
  test(`a new citizen changes the language and channels of their notices (${lang})`, async ({ browser }) => {
    const t = auth[lang];
    const other: Lang = lang === "vi" ? "en" : "vi";
    const name = lang === "vi" ? "Đặng Thị Tài Khoản" : "Account Tester";
    const { context, page } = await newPage(browser, lang);
    const { email } = await signUp(page, lang, name);
    await openAccount(page, lang, name);
    await expect(page.getByText(email)).toBeVisible();
    await expect(page.getByRole("radio", { name: t.locales[lang] })).toBeChecked();
    await expect(channel(page, lang, "byEmail")).toBeChecked();
    await expect(channel(page, lang, "inInbox")).toBeChecked();
    await expectAccessible(page, `account ${lang}`);

    await page.getByRole("radio", { name: t.locales[other] }).check();
    await channel(page, lang, "byEmail").uncheck();
    await page.getByRole("button", { name: t.account.save }).click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/account\\?done=saved$`));
    await expect(page.getByRole("status")).toContainText(t.account.saved);
    await expectAccessible(page, `account saved ${lang}`);

    // Read again from the database: the page shows what is stored.
    await page.goto(`/${lang}/account`);
    await expect(page.getByRole("radio", { name: t.locales[other] })).toBeChecked();
    await expect(channel(page, lang, "byEmail")).not.toBeChecked();
    await expect(channel(page, lang, "inInbox")).toBeChecked();
    await context.close();
  });
}

test("a refused post shows the error summary, linked to the question, and keeps the choices", async ({
  browser,
}) => {
  const { context, page } = await newPage(browser, "en");
  await signUp(page, "en", "Refused Post");
  await page.goto("/en/account");
  await channel(page, "en", "inInbox").uncheck();
  // A browser cannot untick every radio; a crafted post can: the server refuses it.
  await page.evaluate(() =>
    document.querySelectorAll<HTMLInputElement>('input[name="locale"]').forEach((radio) => {
      radio.checked = false;
    }),
  );
  await page.getByRole("button", { name: enAuth.account.save }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toContainText(enForms.errors.locale);
  await expect(page).toHaveTitle(/^Error: /);
  await expect(channel(page, "en", "inInbox")).not.toBeChecked();
  await summary.getByRole("link", { name: enForms.errors.locale }).click();
  await expect(page.locator("#locale-vi")).toBeFocused();
  await expectAccessible(page, "account error en");
  await context.close();
});

test("with JavaScript off, the account page saves and confirms", async ({ browser }) => {
  const { context, page } = await newPage(browser, "vi", false);
  const name = "Lý Văn Không Script";
  await signUp(page, "vi", name);
  await openAccount(page, "vi", name);
  await page.getByRole("radio", { name: viAuth.locales.en }).check();
  await channel(page, "vi", "inInbox").uncheck();
  await page.getByRole("button", { name: viAuth.account.save }).click();
  await expect(page).toHaveURL(/\/vi\/account\?done=saved$/);
  await expect(page.getByRole("status")).toContainText(viAuth.account.saved);
  await expect(page.getByRole("radio", { name: viAuth.locales.en })).toBeChecked();
  await expect(channel(page, "vi", "inInbox")).not.toBeChecked();
  await expect(channel(page, "vi", "byEmail")).toBeChecked();
  // (axe needs script: the same page is checked with JavaScript on above.)
  await context.close();
});

test("sign-up with English chosen on the Vietnamese page stores English", async ({ browser }) => {
  const { context, page } = await newPage(browser, "vi");
  const name = "Trịnh Thị Chọn Tiếng Anh";
  await signUp(page, "vi", name, "en");
  await openAccount(page, "vi", name);
  await expect(page.getByRole("radio", { name: viAuth.locales.en })).toBeChecked();
  await expect(page.getByRole("radio", { name: viAuth.locales.vi })).not.toBeChecked();
  await context.close();
});

test("a staff member has the page too, in English, and the anonymous are sent to sign in", async ({
  browser,
}) => {
  const { context, page } = await newPage(browser, "en");
  await page.goto("/en/account");
  await expect(page).toHaveURL(/\/en\/sign-in\?callbackUrl=%2Fen%2Faccount$/);
  await page.getByLabel(enAuth.fields.email).fill(demo.receiver);
  await page.getByLabel(enAuth.fields.password).fill(demoPassword);
  await page.getByRole("button", { name: enAuth.signIn.submit }).click();
  await expect(page).toHaveURL(/\/en\/account$/);
  await expect(page.getByText(demo.receiver)).toBeVisible();
  await expect(page.getByRole("button", { name: enAuth.account.save })).toBeVisible();
  await expectAccessible(page, "staff account en");
  // The header's link to it is on the staff pages too.
  await page.goto("/en/staff");
  await expect(
    page.getByRole("banner").getByRole("link", { name: new RegExp(enCommon.nav.account) }),
  ).toHaveAttribute("href", "/en/account");
  await context.close();
});

test("a shared public page carries nobody's name or account link", async ({ browser }) => {
  const { context, page } = await newPage(browser, "vi");
  await page.goto("/vi/procedures");
  await expect(
    page.getByRole("banner").getByRole("link", { name: new RegExp(viCommon.nav.account) }),
  ).toHaveCount(0);
  await expect(page.getByRole("banner").getByRole("link", { name: viCommon.nav.signIn })).toBeVisible();
  await context.close();
});
