import { expect, test, type Browser, type Page } from "@playwright/test";
import viAuth from "../../locales/vi/auth.json" with { type: "json" };
import enAuth from "../../locales/en/auth.json" with { type: "json" };
import viCommon from "../../locales/vi/common.json" with { type: "json" };
import enCommon from "../../locales/en/common.json" with { type: "json" };
import viDossiers from "../../locales/vi/dossiers.json" with { type: "json" };
import enDossiers from "../../locales/en/dossiers.json" with { type: "json" };
import {
  expectAccessible,
  fileBirthRegistration,
  fillDraftQuickly,
  fillQuestionPage,
  pressContinue,
  startBirthDraft,
  walkDraftPages,
  type BirthRegistration,
} from "./support";

/*
 * The filing journey page by page: a task list, one question (or a few) per page, check answers with
 * Change links that come back, the confirmation. What was typed is saved on the server at each
 * Continue, valid or not, so a reload or another device finds it.
 */

const words = {
  vi: { auth: viAuth, common: viCommon, dossiers: viDossiers, locale: "vi-VN" },
  en: { auth: enAuth, common: enCommon, dossiers: enDossiers, locale: "en-GB" },
};
type Lang = keyof typeof words;

const birth: BirthRegistration = {
  child: "Nguyễn Minh Anh",
  sex: "female",
  mother: "Trần Thị Mai",
  idNumber: "033190001234",
};
const password = "mot-cau-mat-khau-dai";
const phone = { width: 320, height: 720 };

async function signUp(page: Page, lang: Lang, email: string) {
  const w = words[lang];
  await page.goto(`/${lang}/sign-up`);
  await page.getByLabel(w.auth.fields.fullName).fill("Trần Thị Mai");
  await page.getByLabel(w.auth.fields.email).fill(email);
  await page.getByLabel(w.auth.fields.phone).fill("0912345678");
  await page.getByLabel(w.auth.fields.password, { exact: true }).fill(password);
  await page.getByLabel(w.auth.fields.confirmPassword).fill(password);
  await page.getByRole("button", { name: w.auth.signUp.submit }).click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/dossiers`));
}

async function signIn(browser: Browser, lang: Lang, email: string) {
  const w = words[lang];
  const context = await browser.newContext({ locale: w.locale, viewport: phone });
  const page = await context.newPage();
  await page.goto(`/${lang}/sign-in?callbackUrl=${encodeURIComponent(`/${lang}/dossiers`)}`);
  await page.getByLabel(w.auth.fields.email).fill(email);
  await page.getByLabel(w.auth.fields.password).fill(password);
  await page.getByRole("button", { name: w.auth.signIn.submit }).click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/dossiers`));
  return { context, page };
}

/** The first text box of the question page (its name, to find it again after a reload). */
async function firstTextBox(page: Page) {
  const box = page
    .locator(
      'main form:visible input[name]:not([type="hidden"]):not([type="file"]):not([type="radio"]):not([type="checkbox"])',
    )
    .first();
  return (await box.getAttribute("name"))!;
}

const byName = (page: Page, name: string) => page.locator(`main form:visible [name="${name}"]`);

/** On to the first question page with several inputs (one can be typed and another left out). */
async function toPageWithSeveralInputs(page: Page) {
  const inputs = page.locator('main form:visible input[name]:not([type="hidden"]):not([type="file"])');
  while ((await inputs.count()) < 2) {
    await fillQuestionPage(page, birth);
    await pressContinue(page);
  }
  return page.url();
}

/** What to type in a box: a day in a date's day box, a name elsewhere. */
const wordsFor = (name: string) => (name.endsWith(".day") ? "20" : birth.child);

for (const lang of ["vi", "en"] as const) {
  test(`page by page in ${lang} at 320 px: the words survive a failed check, a reload and another device`, async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const w = words[lang];
    const email = `pages-${lang}-${Date.now()}@example.com`;
    const context = await browser.newContext({ locale: w.locale, viewport: phone });
    const page = await context.newPage();
    await signUp(page, lang, email);
    await startBirthDraft(page, lang);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page, "task list");

    // The first question: nothing typed, Continue: the errors, and a11y of the error state.
    await page.goto(`${new URL(page.url()).pathname}/continue`);
    await expect(page).toHaveURL(/\/pages\//);
    await expectAccessible(page, "question page");
    await page.getByRole("button", { name: w.common.actions.continue, exact: true }).click();
    await expect(page.locator(".error-summary")).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(`^${w.common.errorTitlePrefix}`));
    await expectAccessible(page, "question page errors");

    // Half a page typed: the browser's check fails, the words are saved all the same.
    const halfUrl = await toPageWithSeveralInputs(page);
    const name = await firstTextBox(page);
    await byName(page, name).fill(wordsFor(name));
    // The browser's check shows the errors at once; the save is the server action's answer.
    const saved = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: w.common.actions.continue, exact: true }).click();
    await expect(page.locator(".error-summary")).toBeVisible();
    await saved;
    await expect(page).toHaveURL(halfUrl);
    await page.reload();
    await expect(byName(page, name)).toHaveValue(wordsFor(name));

    // Leaving mid-way by the back link saves what was typed since.
    const since = name.endsWith(".day") ? "21" : `${birth.child} Thư`;
    await byName(page, name).fill(since);
    await page.getByRole("link", { name: w.dossiers.filing.back }).click();
    await expect(page).not.toHaveURL(halfUrl);
    await expect
      .poll(async () => {
        await page.goto(halfUrl);
        return byName(page, name).inputValue();
      })
      .toBe(since);
    await byName(page, name).fill(wordsFor(name));

    // Another device: My dossiers lists the draft with when it was saved; Continue finds the words.
    const other = await signIn(browser, lang, email);
    const lastSaved = w.dossiers.filing.lastSaved.split("{{")[0]!;
    await expect(other.page.getByText(lastSaved).first()).toBeVisible();
    await other.page
      .getByRole("link", { name: new RegExp(`^${w.dossiers.list.continueDraft}`) })
      .first()
      .click();
    await expect(other.page).toHaveURL(/\/pages\//);
    await other.page.goto(halfUrl.replace(new URL(halfUrl).origin, ""));
    await expect(byName(other.page, name)).toHaveValue(new RegExp(`^(${since}|${wordsFor(name)})$`));
    await other.context.close();

    // On through every page, the documents, to check answers.
    await walkDraftPages(page, birth);
    await expect(page).toHaveURL(/\/check$/);
    await expect(page.getByText(birth.child).first()).toBeVisible();
    await expectAccessible(page, "check answers");

    // Change: the page, then Continue comes back to check answers with the new answer.
    const change = page.getByRole("link", { name: new RegExp(`^${w.common.actions.change}`) }).first();
    await change.click();
    await expect(page).toHaveURL(/return=check/);
    const changed = lang === "vi" ? "Nguyễn Minh Khôi" : "Nguyễn Minh Khoa";
    const first = await firstTextBox(page);
    const before = await byName(page, first).inputValue();
    if (before === birth.child) await byName(page, first).fill(changed);
    await page.getByRole("button", { name: w.common.actions.continue, exact: true }).click();
    await expect(page).toHaveURL(/\/check$/);
    if (before === birth.child) await expect(page.getByText(changed)).toBeVisible();

    await page.getByRole("button", { name: w.dossiers.check.submit, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/dossiers/.+/submitted$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.dossiers.submitted.title);
    await expectAccessible(page, "confirmation");
    await context.close();
  });
}

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false, locale: "vi-VN" });

  test("every page posts and redirects; a page with errors keeps what was typed", async ({ page }) => {
    test.setTimeout(180_000);
    await signUp(page, "vi", `pages-nojs-${Date.now()}@example.com`);
    await startBirthDraft(page, "vi");
    await page.goto(`${new URL(page.url()).pathname}/continue`);
    const questionUrl = await toPageWithSeveralInputs(page);
    const name = await firstTextBox(page);
    await byName(page, name).fill(wordsFor(name));
    await page.getByRole("button", { name: viCommon.actions.continue, exact: true }).click();
    await expect(page.locator(".error-summary")).toBeVisible();
    await expect(byName(page, name)).toHaveValue(wordsFor(name));
    await page.goto(questionUrl);
    await expect(byName(page, name)).toHaveValue(wordsFor(name));

    // "Save and come back later": the task list says it is saved.
    await page.getByRole("button", { name: viDossiers.filing.saveLater }).click();
    await expect(page.getByText(viDossiers.filing.saved)).toBeVisible();

    await walkDraftPages(page, birth);
    await expect(page).toHaveURL(/\/check$/);
    await page.getByRole("button", { name: viDossiers.check.submit, exact: true }).click();
    await expect(page).toHaveURL(/\/vi\/dossiers\/.+\/submitted$/);
  });
});

test("a document given in an earlier dossier is attached to a new draft from My documents, without sending it again", async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: "vi-VN", viewport: phone });
  const page = await context.newPage();
  await signUp(page, "vi", `store-${Date.now()}@example.com`);
  await fileBirthRegistration(page, birth);

  // A second child: the certificate page offers the file given the first time.
  const draftId = await fillDraftQuickly(page, birth, { documents: false });
  await page.goto(`/vi/dossiers/drafts/${draftId}/pages/birth-certificate`);
  const picker = page.locator("details.store-picker");
  await picker.locator("summary").click();
  let uploads = 0;
  page.on("request", (request) => {
    if (request.url().includes("/files")) uploads++;
  });
  await picker
    .getByRole("button", { name: new RegExp(`^${viDossiers.store.attach}`) })
    .first()
    .click();
  await expect(page.getByText(viDossiers.store.attached)).toBeVisible();
  await expect(page.locator("main form:visible").getByText("giay_chung_sinh.pdf").first()).toBeVisible();
  await expectAccessible(page, "attached from the store");
  expect(uploads).toBe(0);
  await pressContinue(page);
  await pressContinue(page);
  await expect(page).toHaveURL(/\/check$/);
  await expect(page.getByText("giay_chung_sinh.pdf").first()).toBeVisible();
  await context.close();
});
