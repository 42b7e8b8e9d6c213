import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import enCommon from "../../locales/en/common.json" with { type: "json" };
import enDossiers from "../../locales/en/dossiers.json" with { type: "json" };
import viCommon from "../../locales/vi/common.json" with { type: "json" };
import viDossiers from "../../locales/vi/dossiers.json" with { type: "json" };
import viAuth from "../../locales/vi/auth.json" with { type: "json" };
import enAuth from "../../locales/en/auth.json" with { type: "json" };
import viForms from "../../locales/vi/forms.json" with { type: "json" };
import enForms from "../../locales/en/forms.json" with { type: "json" };
import { fillQuestionPage, pressContinue, samplePdf } from "./support";

/*
 * Five 9 MB scans: each under the 10 MB file limit, 45 MB together, over the 40 MB per save.
 * With JavaScript they go one per request and all arrive; without it the whole documents step
 * posts, its files are refused with the error summary, and the answers of the pages are kept.
 */

const nineMegabytes = 9 * 1024 * 1024;
let folder: string;
let scans: string[];

test.beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "portal-scans-"));
  const pdf = samplePdf(nineMegabytes);
  scans = [1, 2, 3, 4, 5].map((n) => {
    const file = path.join(folder, `scan-${n}.pdf`);
    fs.writeFileSync(file, pdf);
    return file;
  });
});

test.afterAll(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

const words = {
  vi: { common: viCommon, dossiers: viDossiers, auth: viAuth, locale: "vi-VN" },
  en: { common: enCommon, dossiers: enDossiers, auth: enAuth, locale: "en-GB" },
};
type Lang = keyof typeof words;

/** A new citizen account (signed in), on a fresh birth registration draft. */
async function newDraft(browser: Browser, lang: Lang, javaScriptEnabled: boolean) {
  const w = words[lang];
  const context = await browser.newContext({ locale: w.locale, javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(`/${lang}/sign-up`);
  await page.getByLabel(w.auth.fields.fullName).fill("Trần Thị Mai");
  await page.getByLabel(w.auth.fields.email).fill(`limits-${lang}-${Date.now()}@example.com`);
  await page.getByLabel(w.auth.fields.phone).fill("0912345678");
  await page.getByLabel(w.auth.fields.password, { exact: true }).fill("mot-cau-mat-khau-dai");
  await page.getByLabel(w.auth.fields.confirmPassword).fill("mot-cau-mat-khau-dai");
  await page.getByRole("button", { name: w.auth.signUp.submit }).click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/dossiers`));
  await page.goto(`/${lang}/dossiers/new?procedure=1.001193`);
  await page.getByRole("radio").first().check();
  await page.getByRole("button", { name: w.dossiers.new.start }).click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/dossiers/drafts/`));
  return { context, page };
}

const birth = {
  child: "Nguyễn Minh Anh",
  sex: "female",
  mother: "Trần Thị Mai",
  idNumber: "033190001234",
} as const;

/** The question pages filled, on to the page that asks for the birth certificate (its files are the test's business). */
async function toDocumentsStep(page: Page) {
  await page.goto(`${new URL(page.url()).pathname}/continue`);
  const certificate = page.locator('main form:visible input[type="file"][name="doc_giay_chung_sinh"]');
  for (let step = 0; step < 40 && (await certificate.count()) === 0; step += 1) {
    await fillQuestionPage(page, birth);
    await pressContinue(page);
  }
}

test("with JavaScript, five 9 MB scans go one per request and all arrive", async ({ browser }) => {
  const { context, page } = await newDraft(browser, "en", true);
  await toDocumentsStep(page);
  // The limits are said before anything is uploaded, next to the file inputs.
  await expect(page.getByText(enForms.fields.fileLimits).first()).toBeVisible();
  const posts: number[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.postDataBuffer()?.byteLength ?? 0);
  });
  await page.locator('input[type="file"][name="doc_giay_chung_sinh"]').setInputFiles(scans);
  await page.getByRole("button", { name: enCommon.actions.continue, exact: true }).click();
  await expect(page).not.toHaveURL(/\/pages\/birth-certificate/, { timeout: 60_000 });
  await page.goto(page.url().replace(/\/(pages\/[^/]+|documents)$/, "/check"));
  for (const n of [1, 2, 3, 4, 5]) await expect(page.getByText(`scan-${n}.pdf`)).toBeVisible();
  // One post per file, then the page: none near the limit.
  expect(posts.length).toBeGreaterThanOrEqual(6);
  expect(Math.max(...posts)).toBeLessThan(10 * 1024 * 1024);
  await context.close();
});

test("without JavaScript, a 45 MB save is refused with the error summary and the answers kept", async ({
  browser,
}) => {
  const { context, page } = await newDraft(browser, "vi", false);
  await toDocumentsStep(page);
  await expect(page.getByText(viForms.fields.fileLimits).first()).toBeVisible();
  await page.locator('input[type="file"][name="doc_giay_chung_sinh"]').setInputFiles(scans);
  await page.getByRole("button", { name: viCommon.actions.continue, exact: true }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toBeVisible({ timeout: 60_000 });
  await expect(summary).toContainText(viDossiers.errors.post_too_large);
  await expect(summary).toContainText("scan-1.pdf");
  await expect(page).toHaveURL(/\/pages\/birth-certificate/);
  // No file of that post was kept; the answers typed on the question pages are all there.
  await expect(page.getByRole("list", { name: viForms.fields.filesAttached })).toHaveCount(0);
  await page.goto(page.url().replace(/\/pages\/[^/?#]+.*$/, "/check"));
  await expect(page.getByText(birth.child).first()).toBeVisible();
  await expect(page.getByText(birth.mother).first()).toBeVisible();
  await context.close();
});

test("a post over even Next's hard body limit gets a 413 page in the reader's language", async ({
  request,
}) => {
  const response = await request.post("/vi/dossiers/drafts/00000000-0000-4000-8000-000000000000", {
    multipart: {
      file: { name: "huge.pdf", mimeType: "application/pdf", buffer: samplePdf(61 * 1024 * 1024) },
    },
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain(viDossiers.tooLarge.title);
});
