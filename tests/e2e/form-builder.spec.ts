import { expect, test, type Browser, type Page } from "@playwright/test";
import viAuth from "../../locales/vi/auth.json" with { type: "json" };
import viAdmin from "../../locales/vi/admin.json" with { type: "json" };
import enAdmin from "../../locales/en/admin.json" with { type: "json" };
import viCommon from "../../locales/vi/common.json" with { type: "json" };
import viCatalog from "../../locales/vi/catalog.json" with { type: "json" };
import viDossiers from "../../locales/vi/dossiers.json" with { type: "json" };
import { demo, demoPassword, expectAccessible, fillDraftQuickly, pressContinue } from "./support";

/*
 * The form builder: a system administrator opens a draft version of a procedure, adds two pages
 * (a radio on the first, a field on the second shown for one of its answers), previews a page with
 * the applicant's checks, publishes with a change note; the procedure page shows the new version
 * in its history. The builder works without JavaScript (each action a form post and a redirect)
 * and passes axe in both languages at 320 px, errors included.
 * Then a citizen files the published form across its new pages, with JavaScript on (the address
 * page asked, its browser check first) and off (the address page skipped by its condition).
 */

const admin = "admin@demo.hungyen.gov.vn";
const viCommonContinue = viCommon.actions.continue;
const B = viAdmin.procedures.builder;
const P = viAdmin.procedures;

async function signIn(
  browser: Browser,
  options: { javaScriptEnabled?: boolean; width?: number; email?: string } = {},
) {
  const context = await browser.newContext({
    locale: "vi-VN",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.goto("/vi/sign-in");
  await page.getByLabel(viAuth.fields.email).fill(options.email ?? admin);
  await page.getByLabel(viAuth.fields.password).fill(demoPassword);
  await page.getByRole("button", { name: viAuth.signIn.submit }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  return { context, page };
}

const edit = (page: Page) => page.locator("#edit");

/** A new draft of the procedure (one left by an earlier run is discarded first). */
async function freshDraft(page: Page, code: string) {
  await page.goto(`/vi/admin/procedures/${code}`);
  const discard = page.getByRole("button", { name: new RegExp(P.discard.submit.split("{{")[0]!) });
  if (await discard.isVisible()) {
    await discard.click();
    await expect(page.getByText(P.done.discarded)).toBeVisible();
  }
  await page.getByRole("button", { name: P.startDraft }).click();
  await expect(page.getByText(P.done.draftStarted)).toBeVisible();
}

async function addPage(page: Page, id: string, vi: string, en: string) {
  // A link styled as a button (it opens the form), under the list of pages.
  await page.getByRole("button", { name: B.addPage, exact: true }).click();
  await expect(page).toHaveURL(/add=page/);
  await edit(page).getByLabel(B.page.id).fill(id);
  await edit(page).getByLabel(B.page.titleVi).fill(vi);
  await edit(page).getByLabel(B.page.titleEn).fill(en);
  await edit(page).getByRole("button", { name: B.addPage }).click();
  await expect(page.getByText(B.done.pageAdded)).toBeVisible();
  await expect(page.locator(`#page-${id}`)).toBeVisible();
}

async function startFieldOn(page: Page, pageTitle: string) {
  await page.getByRole("link", { name: B.addFieldTo.replace("{{page}}", pageTitle) }).click();
  await expect(page).toHaveURL(/add=field/);
}

async function fillField(
  page: Page,
  field: { type: string; name: string; vi: string; en: string; options?: string; showIf?: [string, string] },
) {
  const form = edit(page);
  await form.getByLabel(B.field.type).selectOption({ label: field.type });
  await form.getByLabel(B.field.name, { exact: true }).fill(field.name);
  await form.getByLabel(B.field.labelVi).fill(field.vi);
  await form.getByLabel(B.field.labelEn).fill(field.en);
  if (field.options) await form.getByLabel(B.field.options, { exact: true }).fill(field.options);
  if (field.showIf) {
    await form.getByLabel(B.showIfField).selectOption(field.showIf[0]);
    await form.getByLabel(B.showIfValues).fill(field.showIf[1]);
  }
}

// Each test walks through many pages of a busy test server.
test.describe.configure({ timeout: 300_000 });

test.describe.serial("the form builder with JavaScript", () => {
  const code = "1.000656";

  test("an administrator builds two pages with a condition, previews and publishes", async ({ browser }) => {
    const { context, page } = await signIn(browser);
    await page.goto("/vi/admin");
    await page.locator("main").getByRole("link", { name: viAdmin.nav.procedures }).click();
    await page.getByLabel(P.search).fill(code);
    await page.getByRole("button", { name: P.searchSubmit }).click();
    await page.getByRole("row").filter({ hasText: code }).getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/vi/admin/procedures/${code.replace(".", "\\.")}$`));
    await freshDraft(page, code);
    await page.getByRole("button", { name: P.openBuilder }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(B.title.split(":")[0]!);

    await addPage(page, "nhan-ket-qua", "Cách nhận kết quả", "How to receive the result");
    await startFieldOn(page, "Cách nhận kết quả");
    await fillField(page, {
      type: viAdmin.procedures.types.radio,
      name: "cachNhan",
      vi: "Bạn muốn nhận kết quả thế nào?",
      en: "How do you want the result?",
      options: "buu_dien | Qua bưu điện | By post\ntai_quay | Tại bộ phận một cửa | At the desk",
    });
    await edit(page).getByRole("button", { name: B.addField }).click();
    await expect(page.getByText(B.done.fieldAdded)).toBeVisible();

    await addPage(page, "dia-chi-nhan", "Địa chỉ nhận", "Delivery address");
    await startFieldOn(page, "Địa chỉ nhận");
    // A mistake first: the error summary links to the field, what was typed stays.
    await fillField(page, {
      type: viAdmin.procedures.types.text,
      name: "diaChiNhan",
      vi: "Địa chỉ nhận kết quả",
      en: "",
      showIf: ["cachNhan", "buu_dien"],
    });
    await edit(page).getByRole("button", { name: B.addField }).click();
    const summary = page.locator(".error-summary");
    await expect(summary).toContainText(P.errors.labelMissing);
    await expect(edit(page).getByLabel(B.field.labelVi)).toHaveValue("Địa chỉ nhận kết quả");
    await expectAccessible(page, "builder field error");
    await edit(page).getByLabel(B.field.labelEn).fill("Address for the result");
    await edit(page).getByRole("button", { name: B.addField }).click();
    await expect(page.getByText(B.done.fieldAdded)).toBeVisible();
    await expect(page.locator("#page-dia-chi-nhan")).toContainText("diaChiNhan");
    await expect(page.locator("#page-dia-chi-nhan")).toContainText("buu_dien");

    // Reorder by keyboard-reachable buttons: the last page moves up and back down.
    const pages = page.locator(".builder-page h3");
    const count = await pages.count();
    await page
      .locator("#page-dia-chi-nhan")
      .getByRole("button", { name: new RegExp(`^${B.moveUp}`) })
      .first()
      .click();
    // Moving it before its condition's question is refused, with the reason.
    await expect(page.locator("#builder-errors")).toContainText(P.errors.conditionNotEarlier);
    await expect(pages).toHaveCount(count);

    // Preview the second new page: the required field is checked as the applicant's would be.
    await page
      .locator("#page-dia-chi-nhan")
      .getByRole("button", { name: new RegExp(`^${B.preview}`) })
      .click();
    await expect(page.locator("#preview")).toBeVisible();
    await page.getByRole("button", { name: viAdmin.procedures.preview.check }).click();
    await expect(page.locator("#preview .error-summary")).toBeVisible();
    await expectAccessible(page, "preview error");
    await page.locator("#preview").getByLabel("Địa chỉ nhận kết quả").fill("12 Lê Lợi, Phố Hiến");
    await page.getByRole("button", { name: viAdmin.procedures.preview.check }).click();
    await expect(page.getByText(viAdmin.procedures.preview.passed)).toBeVisible();

    // Publish with a note; the public page lists the version.
    await page.getByRole("link", { name: B.backToProcedure }).click();
    await page
      .getByRole("button", { name: new RegExp(P.publish.submit.replace("{{version}}", "\\d+")) })
      .click();
    await expect(page.locator(".error-summary")).toContainText(P.errors.changeNoteMissing);
    await expectAccessible(page, "publish error");
    await page.getByLabel(P.publish.changeNote).fill("Thêm trang chọn cách nhận kết quả");
    await page
      .getByRole("button", { name: new RegExp(P.publish.submit.replace("{{version}}", "\\d+")) })
      .click();
    await expect(page.getByText(/Đã công bố phiên bản \d+/)).toBeVisible();
    await page.goto(`/vi/procedures/${code}`);
    await expect(page.getByRole("heading", { name: viCatalog.procedure.history.title })).toBeVisible();
    await expect(page.locator(".version-history")).toContainText("Thêm trang chọn cách nhận kết quả");
    await context.close();
  });

  /** The demo form's own pages answered; the applicant's walk starts on the first new page. */
  async function draftAtNewPages(page: Page): Promise<string> {
    const draftId = await fillDraftQuickly(
      page,
      { child: "Nguyễn Văn An", sex: "male", mother: "Trần Thị Mai", idNumber: "033190001234" },
      { procedureCode: code },
    );
    await page.goto(`/vi/dossiers/drafts/${draftId}/pages/nhan-ket-qua`);
    await expect(page.getByRole("heading", { name: "Bạn muốn nhận kết quả thế nào?" })).toBeVisible();
    return draftId;
  }

  /** From the page after the new ones to check answers, then submitted. */
  async function submitFromHere(page: Page, shown: string[], notShown: string[]) {
    for (let step = 0; step < 5 && !page.url().endsWith("/check"); step += 1) await pressContinue(page);
    await expect(page).toHaveURL(/\/check$/);
    for (const text of shown) await expect(page.locator("main").getByText(text).first()).toBeVisible();
    for (const text of notShown) await expect(page.locator("main").getByText(text)).toHaveCount(0);
    await page.getByRole("button", { name: viDossiers.check.submit, exact: true }).click();
    await expect(page).toHaveURL(/\/vi\/dossiers\/.+\/submitted$/);
  }

  test("a citizen files the new pages with JavaScript: the address asked for delivery by post", async ({
    browser,
  }) => {
    const { context, page } = await signIn(browser, { email: demo.citizen });
    await draftAtNewPages(page);
    await page.getByLabel("Qua bưu điện").check();
    await pressContinue(page);
    await expect(page).toHaveURL(/\/pages\/dia-chi-nhan$/);
    // The browser's check stops an empty required field, the same rule the server applies.
    await page.getByRole("button", { name: new RegExp(`^${viCommonContinue}$`) }).click();
    await expect(page.locator("main .error-summary:visible")).toBeVisible();
    await page.locator("main form:visible").getByLabel("Địa chỉ nhận kết quả").fill("12 Lê Lợi, Phố Hiến");
    await pressContinue(page);
    await submitFromHere(page, ["Qua bưu điện", "12 Lê Lợi, Phố Hiến"], []);
    await context.close();
  });

  test("a citizen files the new pages without JavaScript: the address page skipped for the desk", async ({
    browser,
  }) => {
    const { context, page } = await signIn(browser, { email: demo.citizen, javaScriptEnabled: false });
    await draftAtNewPages(page);
    // Nothing chosen: the server's error summary, then the choice.
    await page.getByRole("button", { name: new RegExp(`^${viCommonContinue}$`) }).click();
    await expect(page.locator(".error-summary")).toBeVisible();
    await page.getByLabel("Tại bộ phận một cửa").check();
    await pressContinue(page);
    expect(page.url()).not.toMatch(/dia-chi-nhan/);
    await submitFromHere(page, ["Tại bộ phận một cửa"], ["Địa chỉ nhận kết quả"]);
    await context.close();
  });

  for (const lang of ["vi", "en"] as const) {
    test(`the builder pages pass axe at 320 px (${lang})`, async ({ browser }) => {
      const { context, page } = await signIn(browser, { width: 320 });
      const t = lang === "vi" ? viAdmin : enAdmin;
      await page.goto(`/${lang}/admin/procedures`);
      await expectAccessible(page, `procedures ${lang}`);
      await page.goto(`/${lang}/admin/procedures/${code}`);
      if (await page.getByRole("button", { name: t.procedures.startDraft }).isVisible())
        await page.getByRole("button", { name: t.procedures.startDraft }).click();
      await expect(page.getByRole("heading", { name: t.procedures.content.title })).toBeVisible();
      await expectAccessible(page, `procedure ${lang}`);
      // A content error: the summary and the field's message.
      await page.getByLabel(t.procedures.content.onlineDays).fill("ba");
      await page.getByRole("button", { name: t.procedures.content.submit }).click();
      await expect(page.locator(".error-summary")).toContainText(t.procedures.errors.daysFormat);
      await expectAccessible(page, `procedure error ${lang}`);
      await page.goto(`/${lang}/admin/procedures/${code}/form`);
      await expectAccessible(page, `builder ${lang}`);
      await page.goto(`/${lang}/admin/procedures/${code}/form?add=page#edit`);
      await page.locator("#edit").getByLabel(t.procedures.builder.page.id).fill("Bad Id");
      await page.locator("#edit").getByRole("button", { name: t.procedures.builder.addPage }).click();
      await expect(page.locator(".error-summary")).toContainText(t.procedures.errors.pageIdFormat);
      await expectAccessible(page, `builder error ${lang}`);
      const first = page.locator(".builder-page section").first();
      await first.getByRole("button", { name: new RegExp(`^${t.procedures.builder.preview}`) }).click();
      await expect(page.locator("#preview")).toBeVisible();
      await expectAccessible(page, `preview ${lang}`);
      // Leave no draft behind for the other tests.
      await page.goto(`/${lang}/admin/procedures/${code}`);
      await page
        .getByRole("button", { name: new RegExp(t.procedures.discard.submit.split("{{")[0]!) })
        .click();
      await expect(page.getByText(t.procedures.done.discarded)).toBeVisible();
      await context.close();
    });
  }
});

test.describe("the form builder without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("every builder action is a plain post that comes back to its place", async ({ browser }) => {
    const code = "2.000815";
    const { context, page } = await signIn(browser, { javaScriptEnabled: false });
    await freshDraft(page, code);
    await page.goto(`/vi/admin/procedures/${code}/form`);
    await addPage(page, "xac-nhan", "Xác nhận", "Confirmation");
    await startFieldOn(page, "Xác nhận");
    await fillField(page, {
      type: viAdmin.procedures.types.yesNo,
      name: "dongY",
      vi: "Bạn đồng ý?",
      en: "Do you agree?",
    });
    await edit(page).getByRole("button", { name: B.addField }).click();
    await expect(page.getByText(B.done.fieldAdded)).toBeVisible();
    expect(page.url()).toMatch(/#field-xac-nhan-dongY$/);
    // Moved up above the page before it, then deleted: each a post and a redirect to an anchor.
    const before = await page.locator(".builder-page h3").allTextContents();
    await page
      .locator("#page-xac-nhan")
      .getByRole("button", { name: new RegExp(`^${B.moveUp}`) })
      .first()
      .click();
    await expect(page.getByText(B.done.page_up)).toBeVisible();
    expect(page.url()).toMatch(/#page-xac-nhan$/);
    const after = await page.locator(".builder-page h3").allTextContents();
    expect(after.length).toBe(before.length);
    expect(after.findIndex((h) => h.includes("xac-nhan"))).toBe(
      before.findIndex((h) => h.includes("xac-nhan")) - 1,
    );
    // An error without JavaScript: the summary, what was typed kept.
    await page.goto(`/vi/admin/procedures/${code}/form?add=page#edit`);
    await edit(page).getByLabel(B.page.id).fill("xac-nhan");
    await edit(page).getByLabel(B.page.titleVi).fill("Trùng mã");
    await edit(page).getByRole("button", { name: B.addPage }).click();
    await expect(page.locator(".error-summary")).toContainText(P.errors.pageIdTaken);
    await expect(edit(page).getByLabel(B.page.titleVi)).toHaveValue("Trùng mã");
    await page.goto(`/vi/admin/procedures/${code}/form`);
    await page
      .locator("#page-xac-nhan")
      .getByRole("button", { name: new RegExp(`^${B.deletePage}`) })
      .click();
    await expect(page.getByText(B.done.page_delete)).toBeVisible();
    await expect(page.locator("#page-xac-nhan")).toHaveCount(0);
    await page.goto(`/vi/admin/procedures/${code}`);
    await page.getByRole("button", { name: new RegExp(P.discard.submit.split("{{")[0]!) }).click();
    await expect(page.getByText(P.done.discarded)).toBeVisible();
    await context.close();
  });
});
