import { expect, test, type Browser, type Page } from "@playwright/test";
import viAuth from "../../locales/vi/auth.json" with { type: "json" };
import enAuth from "../../locales/en/auth.json" with { type: "json" };
import viCatalog from "../../locales/vi/catalog.json" with { type: "json" };
import enCatalog from "../../locales/en/catalog.json" with { type: "json" };
import viDossiers from "../../locales/vi/dossiers.json" with { type: "json" };
import enDossiers from "../../locales/en/dossiers.json" with { type: "json" };
import viStaff from "../../locales/vi/staff.json" with { type: "json" };
import enStaff from "../../locales/en/staff.json" with { type: "json" };
import viCommon from "../../locales/vi/common.json" with { type: "json" };
import enCommon from "../../locales/en/common.json" with { type: "json" };
import {
  answerDraftQuickly,
  demo,
  demoPassword,
  expectAccessible,
  fillDraftQuickly,
  fillQuestionPage,
  pressContinue,
  samplePdf,
} from "./support";

/** The words on the buttons come from the locale files, so the test reads the page as a user does. */
const words = {
  vi: {
    auth: viAuth,
    catalog: viCatalog,
    dossiers: viDossiers,
    staff: viStaff,
    common: viCommon,
    locale: "vi-VN",
  },
  en: {
    auth: enAuth,
    catalog: enCatalog,
    dossiers: enDossiers,
    staff: enStaff,
    common: enCommon,
    locale: "en-GB",
  },
};
type Lang = keyof typeof words;

const phoHien = "000.01.01.H33";
const specialistName = "Phạm Minh Tuấn";

/** This month in Vietnam, as the transparency report names it. */
function currentMonth(): string {
  return new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 7);
}

/** Received and dealt-with counts for an agency this month, from the open-data CSV. */
async function monthFigures(page: Page, agencyCode: string) {
  const response = await page.request.get(`/api/v1/reports/transparency.csv?lang=en&agency=${agencyCode}`);
  expect(response.status()).toBe(200);
  const lines = (await response.text())
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  const header = lines[0]!.split(",");
  const row = lines
    .map((line) => line.split(","))
    .find((cells) => cells[0] === agencyCode && cells[2] === currentMonth());
  const at = (name: string) => (row ? Number(row[header.indexOf(name)]) : 0);
  return { received: at("Received"), dealtWith: at("Dealt with") };
}

async function signIn(browser: Browser, lang: Lang, email: string, next: string) {
  const w = words[lang];
  const context = await browser.newContext({ locale: w.locale });
  const page = await context.newPage();
  await page.goto(`/${lang}/sign-in?callbackUrl=${encodeURIComponent(next)}`);
  await page.getByLabel(w.auth.fields.email).fill(email);
  await page.getByLabel(w.auth.fields.password).fill(demoPassword);
  await page.getByRole("button", { name: w.auth.signIn.submit }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[.?]/g, "\\$&")}`));
  return { context, page };
}

async function staffAct(page: Page, lang: Lang, run: () => Promise<void>, action: string) {
  await run();
  await expect(page).toHaveURL(new RegExp(`done=${action}`));
  await expectAccessible(page, `staff after ${action}`);
  void lang;
}

async function signUp(page: Page, lang: Lang, email: string, options = { axe: true }) {
  const axe = options.axe ? expectAccessible : async () => {};
  const w = words[lang];
  await page.goto(`/${lang}/sign-up`);
  await axe(page, "sign-up");
  // The error state first: nothing typed.
  await page.getByRole("button", { name: w.auth.signUp.submit }).click();
  await expect(page.locator(".error-summary")).toBeVisible();
  await axe(page, "sign-up errors");
  await page.getByLabel(w.auth.fields.fullName).fill(lang === "vi" ? "Trần Thị Mai" : "Trần Văn Bình");
  await page.getByLabel(w.auth.fields.email).fill(email);
  await page.getByLabel(w.auth.fields.phone).fill("0912345678");
  await page.getByLabel(w.auth.fields.password, { exact: true }).fill("mot-cau-mat-khau-dai");
  await page.getByLabel(w.auth.fields.confirmPassword).fill("mot-cau-mat-khau-dai");
  await page.getByRole("button", { name: w.auth.signUp.submit }).click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/dossiers`));
}

const birthAnswers = {
  child: "Nguyễn Minh Anh",
  sex: "female",
  mother: "Trần Thị Mai",
  idNumber: "033190001234",
} as const;

/** From the catalogue search to the confirmation; returns the dossier code. */
async function fileBirthRegistration(
  page: Page,
  lang: Lang,
  options: { checkErrors: boolean; axe: boolean; beforeSubmit?: (checkUrl: string) => Promise<void> },
) {
  // axe runs inside the page, so it cannot run with JavaScript turned off.
  const axe = options.axe ? expectAccessible : async () => {};
  const w = words[lang];
  await page.goto(`/${lang}/procedures`);
  await page.getByRole("searchbox").first().fill("dang ky khai sinh");
  await page.getByRole("searchbox").first().press("Enter");
  await expect(page).toHaveURL(/q=dang/);
  await axe(page, "catalogue search");
  const name = lang === "vi" ? "Thủ tục đăng ký khai sinh" : "Birth registration";
  await page.getByRole("link", { name, exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/procedures/1\\.001193`));
  await axe(page, "procedure page");
  await page
    .getByRole("button", { name: w.catalog.procedure?.start ?? "" })
    .or(page.getByRole("link", { name: w.catalog.procedure?.start ?? "" }))
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/dossiers/new\\?procedure=1\\.001193`));
  await page.getByRole("radio").first().check();
  await axe(page, "start page");
  await page.getByRole("button", { name: w.dossiers.new.start }).click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/dossiers/drafts/`));

  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await axe(page, "task list");
  // The first question page in the browser (axe, and its errors when asked); the filing specs walk
  // every page in both languages, with and without JavaScript, so here the other pages get their
  // answers through the routes those pages post to, and the certificate is uploaded on its page.
  const draftId = /\/drafts\/([^/?#]+)/.exec(page.url())![1]!;
  await page.goto(`/${lang}/dossiers/drafts/${draftId}/continue`);
  await expect(page).toHaveURL(/\/pages\//);
  await axe(page, "question page");
  if (options.checkErrors) {
    // Nothing typed: the page says what is missing, with the error summary.
    await page.getByRole("button", { name: w.common.actions.continue, exact: true }).click();
    await expect(page.locator(".error-summary")).toBeVisible();
    await axe(page, "question page errors");
  }
  await fillQuestionPage(page, birthAnswers);
  await pressContinue(page);
  await answerDraftQuickly(page, draftId, birthAnswers, { documents: false });
  await page.goto(`/${lang}/dossiers/drafts/${draftId}/pages/birth-certificate`);
  await fillQuestionPage(page, birthAnswers);
  await pressContinue(page);
  await page.goto(`/${lang}/dossiers/drafts/${draftId}/check`);
  await expect(page).toHaveURL(/\/check$/);
  await expect(page.getByText("giay-chung-sinh.pdf")).toBeVisible();
  await axe(page, "check answers");
  await options.beforeSubmit?.(page.url());
  await page.getByRole("button", { name: w.dossiers.check.submit, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/dossiers/.+/submitted$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.dossiers.submitted.title);
  await axe(page, "confirmation");
  const code = decodeURIComponent(page.url().split("/dossiers/")[1]!.replace("/submitted", ""));
  expect(code).toMatch(/^000\.01\.01\.H33-\d{6}-\d{4}$/);
  return code;
}

for (const lang of ["vi", "en"] as const) {
  test(`the whole journey in ${lang}: find, file, accept, process, approve, return, track, report`, async ({
    browser,
  }) => {
    // Four people and some forty pages, each checked with axe: longer than one page's budget.
    test.setTimeout(600_000);
    const w = words[lang];
    const applicant = await browser.newContext({ locale: w.locale });
    const page = await applicant.newPage();
    const before = await monthFigures(page, phoHien);

    await page.goto(`/${lang}`);
    await expectAccessible(page, "home");
    // The register as everyone sees it, now in the cache: publishing below must renew it.
    await page.goto(`/${lang}/decisions`);
    await signUp(page, lang, `journey-${lang}-${Date.now()}@example.com`);
    const code = await fileBirthRegistration(page, lang, { checkErrors: true, axe: true });

    await page.goto(`/${lang}/dossiers`);
    await expect(page.getByText(code)).toBeVisible();
    await expectAccessible(page, "my dossiers");

    const staffPage = `/${lang}/staff/dossiers/${code}`;
    const actions = w.staff.actions;

    const receiver = await signIn(browser, lang, demo.receiver, staffPage);
    await expectAccessible(receiver.page, "staff dossier");
    await staffAct(
      receiver.page,
      lang,
      () => receiver.page.getByRole("button", { name: actions.accept.submit }).click(),
      "accept",
    );
    await receiver.page
      .getByLabel(actions.assign.assignee, { exact: true })
      .selectOption({ label: specialistName });
    await staffAct(
      receiver.page,
      lang,
      () => receiver.page.getByRole("button", { name: actions.assign.submit, exact: true }).click(),
      "assign",
    );

    const specialist = await signIn(browser, lang, demo.specialist, staffPage);
    await specialist.page.getByRole("radio", { name: actions.propose.approve, exact: true }).check();
    await specialist.page
      .getByLabel(actions.propose.comment, { exact: true })
      .fill(lang === "vi" ? "Hồ sơ đầy đủ, đề nghị cấp." : "Complete; propose to register.");
    await staffAct(
      specialist.page,
      lang,
      () => specialist.page.getByRole("button", { name: actions.propose.submit }).click(),
      "propose",
    );

    const head = await signIn(browser, lang, demo.head, staffPage);
    // The head reads what the specialist proposed, and why, before deciding.
    await expect(head.page.getByText(w.staff.dossier.proposals.approve)).toBeVisible();
    await expect(
      head.page
        .getByText(lang === "vi" ? "Hồ sơ đầy đủ, đề nghị cấp." : "Complete; propose to register.")
        .first(),
    ).toBeVisible();
    await staffAct(
      head.page,
      lang,
      () => head.page.getByRole("button", { name: actions.approve.submit, exact: true }).click(),
      "approve",
    );

    // The head publishes the decision in the public register: a step of the dossier's history.
    const decisionNumber = `${Date.now() % 100000}/QĐ-UBND`;
    await head.page.getByLabel(w.staff.publish.number, { exact: true }).fill(decisionNumber);
    await head.page.getByLabel(w.staff.publish.summaryVi, { exact: true }).fill("Cấp giấy khai sinh.");
    await head.page.getByLabel(w.staff.publish.summaryEn, { exact: true }).fill("Birth certificate issued.");
    await staffAct(
      head.page,
      lang,
      () => head.page.getByRole("button", { name: w.staff.publish.submit, exact: true }).click(),
      "publish",
    );
    await expect(head.page.getByText(decisionNumber).first()).toBeVisible();
    await expect(head.page.getByRole("button", { name: w.staff.publish.submit, exact: true })).toHaveCount(0);

    await receiver.page.goto(staffPage);
    await staffAct(
      receiver.page,
      lang,
      () => receiver.page.getByRole("button", { name: actions.return_result.submit }).click(),
      "return_result",
    );

    // The applicant sees the result and the whole history.
    await page.goto(`/${lang}/dossiers/${code}`);
    await expect(page.getByText(w.dossiers.status.returned).first()).toBeVisible();
    await expect(page.getByText(w.dossiers.action.accept).first()).toBeVisible();
    await expect(page.getByText(w.dossiers.action.approve).first()).toBeVisible();
    await expect(page.getByText(w.dossiers.action.publish_decision).first()).toBeVisible();
    await expectAccessible(page, "dossier detail");

    // Anyone can look it up by code, without personal data.
    const publicContext = await browser.newContext({ locale: w.locale });
    const publicPage = await publicContext.newPage();
    await publicPage.goto(`/${lang}/lookup`);
    await publicPage.getByRole("textbox").first().fill(code);
    await publicPage.getByRole("textbox").first().press("Enter");
    await expect(publicPage.getByText(w.dossiers.status.returned).first()).toBeVisible();
    await expect(publicPage.getByText("Trần Thị Mai")).toHaveCount(0);
    await expectAccessible(publicPage, "lookup");
    const status = await publicPage.request.get(`/api/v1/dossiers/${code}/status`);
    expect(status.status()).toBe(200);
    expect((await status.json()).status).toBe("returned");

    // The transparency report counts it: received and dealt with this month.
    const after = await monthFigures(publicPage, phoHien);
    expect(after.received).toBe(before.received + 1);
    expect(after.dealtWith).toBe(before.dealtWith + 1);
    await publicPage.goto(`/${lang}/transparency`);
    await expectAccessible(publicPage, "transparency");
    await publicPage.goto(`/${lang}/decisions`);
    await expect(publicPage.getByText(decisionNumber).first()).toBeVisible();
    await expectAccessible(publicPage, "decisions");

    for (const context of [applicant, receiver.context, specialist.context, head.context, publicContext])
      await context.close();
  });
}

test("filing works with JavaScript turned off, and a second tab's submit makes no second dossier", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "vi-VN" });
  const page = await context.newPage();
  await signUp(page, "vi", `no-js-${Date.now()}@example.com`, { axe: false });
  const secondTab = await context.newPage();
  const code = await fileBirthRegistration(page, "vi", {
    checkErrors: true,
    axe: false,
    beforeSubmit: (checkUrl) => secondTab.goto(checkUrl).then(() => undefined),
  });
  await page.goto(`/vi/dossiers/${code}`);
  await expect(page.getByText(viDossiers.status.submitted).first()).toBeVisible();

  // The second tab still shows the check page; submitting there leads to the same dossier.
  await secondTab.getByRole("button", { name: viDossiers.check.submit, exact: true }).click();
  await expect(secondTab).toHaveURL(new RegExp(`/vi/dossiers/${code.replace(/\./g, "\\.")}/submitted$`));
  await page.goto("/vi/dossiers");
  await expect(page.getByText(code)).toHaveCount(1);
  await context.close();
});

test("several scans for one document, 15 MB in one post, all arrive", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  await signUp(page, "en", `scans-${Date.now()}@example.com`, { axe: false });
  // The questions answered without walking them (filing-pages does that); the scans on their page.
  const draftId = await fillDraftQuickly(page, birthAnswers, { documents: false });
  await page.goto(`/en/dossiers/drafts/${draftId}/pages/birth-certificate`);
  const fiveMegabytes = 5 * 1024 * 1024;
  await page.locator('main form:visible input[type="file"][name="doc_giay_chung_sinh"]').setInputFiles(
    [1, 2, 3].map((n) => ({
      name: `page-${n}.pdf`,
      mimeType: "application/pdf",
      buffer: samplePdf(fiveMegabytes),
    })),
  );
  await pressContinue(page);
  await expect(page).toHaveURL(/\/documents$/);
  await pressContinue(page);
  await expect(page).toHaveURL(/\/check$/);
  for (const n of [1, 2, 3]) await expect(page.getByText(`page-${n}.pdf`)).toBeVisible();
  await context.close();
});
