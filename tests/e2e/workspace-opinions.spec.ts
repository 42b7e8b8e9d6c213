import { expect, test, type Browser, type Page } from "@playwright/test";
import viAuth from "../../locales/vi/auth.json" with { type: "json" };
import viCommon from "../../locales/vi/common.json" with { type: "json" };
import vi from "../../locales/vi/workspace.json" with { type: "json" };
import viNotify from "../../locales/vi/notify.json" with { type: "json" };
import { demoPassword, expectAccessible, samplePdf } from "./support";

/*
 * A written opinion form, paperless: the secretary prepares it with its draft and request letter,
 * the chair approves it, three members answer (the head of unit only after the secretary's reminder,
 * which reaches their inbox), the chair answers last and the form closes with its result; the
 * secretary drafts the conclusion from it and the chair confirms it. Strangers get the 404. Every
 * workspace page passes axe in Vietnamese and English at 320 px.
 *
 * Time: the deadline is days away, so "due soon" and "overdue" reminders (the worker's, on the
 * working calendar) are covered by the integration tests with a given clock; here the reminder is
 * the secretary's "Remind now", which writes the same notice.
 */

const account = {
  secretary: "secretary@demo.hungyen.gov.vn",
  chair: "chair@demo.hungyen.gov.vn",
  vicechair: "vicechair@demo.hungyen.gov.vn",
  member: "member@demo.hungyen.gov.vn",
  head: "head@demo.hungyen.gov.vn",
  admin: "admin@demo.hungyen.gov.vn",
  receiver: "receiver@demo.hungyen.gov.vn",
  citizen: "citizen@demo.hungyen.gov.vn",
};

async function signIn(browser: Browser, email: string, width = 1280) {
  const context = await browser.newContext({ locale: "vi-VN", viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto("/vi/sign-in");
  await page.getByLabel(viAuth.fields.email).fill(email);
  await page.getByLabel(viAuth.fields.password).fill(demoPassword);
  await page.getByRole("button", { name: viAuth.signIn.submit }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  return { context, page };
}

const title = `Đề án phát triển du lịch ${Date.now().toString(36)}`;

async function openForm(page: Page) {
  await page.goto("/vi/workspace/opinions");
  await page
    .getByRole("link", { name: new RegExp(title) })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
}

async function answer(browser: Browser, email: string, choice: "agree" | "disagree", comment = "") {
  const { context, page } = await signIn(browser, email);
  await page.goto("/vi/workspace");
  await expect(page.getByRole("link", { name: new RegExp(title) })).toBeVisible();
  await openForm(page);
  await page.getByLabel(vi.opinions.answers[choice], { exact: true }).check();
  if (comment) await page.getByLabel(vi.opinions.answer.comment).fill(comment);
  await page.getByLabel(vi.opinions.answer.password, { exact: true }).fill(demoPassword);
  await page.getByRole("button", { name: vi.opinions.answer.submit }).click();
  await expect(page.getByText(vi.opinions.done.answered)).toBeVisible();
  await context.close();
}

test("a written opinion form from preparation to conclusion", async ({ browser }) => {
  test.setTimeout(300_000);
  // The secretary prepares the form and sends it to the chair.
  const secretary = await signIn(browser, account.secretary);
  let page = secretary.page;
  await expect(page.getByRole("link", { name: viCommon.nav.workspace })).toBeVisible();
  await page.goto("/vi/workspace/opinions/new");
  // A classified file is refused with a clear message; what was typed is kept.
  await page.getByLabel(vi.opinions.fields.title).fill(title);
  await page
    .getByLabel(vi.opinions.fields.question)
    .fill("Đề nghị các đồng chí cho ý kiến về dự thảo Đề án.");
  await page.getByLabel(vi.opinions.fields.workingDays).fill("3");
  await page
    .getByLabel(vi.opinions.fields.drafts)
    .setInputFiles({ name: "De an TUYỆT MẬT.pdf", mimeType: "application/pdf", buffer: samplePdf() });
  await page.getByRole("button", { name: vi.opinions.create }).click();
  await expect(page.locator(".error-summary")).toContainText(vi.files.errors.classified);
  await expect(page.getByLabel(vi.opinions.fields.title)).toHaveValue(title);
  await page
    .getByLabel(vi.opinions.fields.drafts)
    .setInputFiles({ name: "du-thao-de-an.pdf", mimeType: "application/pdf", buffer: samplePdf() });
  await page
    .getByLabel(vi.opinions.fields.requestLetter)
    .setInputFiles({ name: "cong-van-xin-y-kien.pdf", mimeType: "application/pdf", buffer: samplePdf() });
  await page.getByRole("button", { name: vi.opinions.create }).click();
  await expect(page.getByText(vi.opinions.done.created)).toBeVisible();
  await expect(page.getByRole("link", { name: /du-thao-de-an\.pdf/ })).toBeVisible();
  const formUrl = new URL(page.url()).pathname;
  await page.getByRole("button", { name: vi.opinions.submitStep.submit }).click();
  await expect(page.getByText(vi.opinions.done.submit)).toBeVisible();

  // The chair finds it on their home and approves it.
  const chair = await signIn(browser, account.chair);
  await chair.page.goto("/vi/workspace");
  await expect(chair.page.getByRole("heading", { name: /Chờ đồng chí phê duyệt/ })).toBeVisible();
  await openForm(chair.page);
  await chair.page.getByRole("button", { name: vi.opinions.approve.submit }).click();
  await expect(chair.page.getByText(vi.opinions.done.approve)).toBeVisible();

  // Two members answer at once; the third waits.
  await answer(browser, account.vicechair, "agree");
  await answer(browser, account.member, "disagree", "Chưa đủ căn cứ về nguồn vốn.");

  // The secretary reminds the members who have not answered; the head of unit finds it in the inbox.
  await page.goto(formUrl);
  await page.getByRole("button", { name: vi.opinions.remind.submit }).click();
  await expect(page.getByText(vi.opinions.done.remind)).toBeVisible();
  {
    const head = await signIn(browser, account.head);
    await head.page.goto("/vi/inbox");
    await expect(head.page.getByText(/Nhắc: phiếu lấy ý kiến PYK-/).first()).toBeVisible();
    expect(viNotify.kinds.opinion.reminder.subject).toContain("Nhắc");
    await head.context.close();
  }
  await answer(browser, account.head, "agree");

  // The chair answers last: the form closes with its result and everyone's answer.
  await openForm(chair.page);
  await chair.page.getByLabel(vi.opinions.answers.agree, { exact: true }).check();
  await chair.page.getByLabel(vi.opinions.answer.password, { exact: true }).fill("not my password");
  await chair.page.getByRole("button", { name: vi.opinions.answer.submit }).click();
  await expect(chair.page.locator(".error-summary")).toContainText(vi.opinions.fieldErrors.password);
  await chair.page.getByLabel(vi.opinions.answer.password, { exact: true }).fill(demoPassword);
  await chair.page.getByRole("button", { name: vi.opinions.answer.submit }).click();
  await expect(chair.page.getByText(vi.opinions.done.answered)).toBeVisible();
  await expect(chair.page.getByRole("heading", { name: vi.opinions.resultTitle })).toBeVisible();
  await expect(chair.page.getByText(vi.opinions.outcome.adopted, { exact: true })).toBeVisible();
  await expect(chair.page.getByText(/Chưa đủ căn cứ về nguồn vốn/)).toBeVisible();

  // The secretary drafts the conclusion (prefilled from the result); the chair confirms it.
  await page.goto(formUrl);
  await expect(page.getByLabel(vi.opinions.conclude.conclusion, { exact: true })).toHaveValue(
    /3\/4 thành viên đồng ý/,
  );
  await page.getByRole("button", { name: vi.opinions.conclude.submit }).click();
  await expect(page.getByText(vi.opinions.done.conclude)).toBeVisible();
  await chair.page.goto(formUrl);
  await chair.page.getByRole("button", { name: vi.opinions.confirm.submit }).click();
  await expect(chair.page.getByText(vi.opinions.done.confirm)).toBeVisible();
  await expect(chair.page.getByRole("heading", { name: vi.opinions.conclusionTitle })).toBeVisible();
  await expect(chair.page.getByText(vi.opinions.status.concluded).first()).toBeVisible();
  await chair.context.close();

  // Every workspace page, both languages, at 320 px: the secretary's and the administrator's.
  await secretary.context.close();
  const narrow = await signIn(browser, account.secretary, 320);
  page = narrow.page;
  for (const lang of ["vi", "en"]) {
    for (const path of ["/workspace", "/workspace/opinions", "/workspace/opinions/new", formUrl.slice(3)]) {
      await page.goto(`/${lang}${path}`);
      await expectAccessible(page, `${lang}${path}`);
    }
    // An open form with its answer form, as a voting member sees it.
  }
  await narrow.context.close();
  const member = await signIn(browser, account.chair, 320);
  for (const lang of ["vi", "en"]) {
    await member.page.goto(`/${lang}/workspace/opinions`);
    await member.page.locator("a", { hasText: /PYK-/ }).first().click();
    await expectAccessible(member.page, `${lang} form as the chair`);
    await member.page.goto(`/${lang}/workspace`);
    await expectAccessible(member.page, `${lang} chair's home`);
  }
  await member.context.close();
  const admin = await signIn(browser, account.admin, 320);
  for (const lang of ["vi", "en"]) {
    await admin.page.goto(`/${lang}/admin/bodies`);
    await expectAccessible(admin.page, `${lang} bodies`);
    await admin.page
      .getByRole("link", { name: /Hưng Yên/ })
      .first()
      .click();
    await expect(admin.page.getByRole("heading", { level: 1 })).toContainText("Hưng Yên");
    await expectAccessible(admin.page, `${lang} body`);
    await admin.page.goto(`/${lang}/admin/bodies/new`);
    await expectAccessible(admin.page, `${lang} new body`);
  }
  await admin.context.close();
});

test("officials outside every body and citizens see no workspace", async ({ browser }) => {
  for (const email of [account.receiver, account.citizen]) {
    const { context, page } = await signIn(browser, email);
    await expect(page.getByRole("link", { name: viCommon.nav.workspace })).toHaveCount(0);
    const response = await page.goto("/vi/workspace");
    expect(response?.status()).toBe(404);
    const form = await page.goto("/vi/workspace/opinions");
    expect(form?.status()).toBe(404);
    await context.close();
  }
  const anonymous = await browser.newContext();
  const page = await anonymous.newPage();
  await page.goto("/vi/workspace");
  await expect(page).toHaveURL(/sign-in/);
  await anonymous.close();
});

test("an official who sits only in the committee lands on the workspace, not on an empty queue", async ({
  browser,
}) => {
  const { context, page } = await signIn(browser, account.chair);
  await expect(page).toHaveURL(/\/vi\/workspace$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // The header links the workspace, not the case-work queue the chair has no role in.
  await expect(page.locator(`header a[href="/vi/workspace"]`).first()).toBeVisible();
  await expect(page.locator(`header a[href="/vi/staff"]`)).toHaveCount(0);
  await context.close();
});

test("the administrator archives a body with no work under way; it is then read-only and listed apart", async ({
  browser,
}) => {
  const admin = await signIn(browser, account.admin);
  const page = admin.page;
  const code = `e2e-luu-tru-${Date.now().toString(36)}`;
  await page.goto("/vi/admin/bodies/new");
  await page.getByLabel(vi.bodies.fields.code, { exact: true }).fill(code);
  await page.getByLabel(vi.bodies.fields.nameVi).fill(`Ban thử lưu trữ ${code}`);
  await page.getByLabel(vi.bodies.fields.nameEn).fill(`Archive test ${code}`);
  await page.getByRole("button", { name: vi.bodies.create }).click();
  await expect(page.getByText(vi.bodies.done.bodyCreated)).toBeVisible();
  const bodyUrl = new URL(page.url()).pathname;

  // Without a reason and the confirmation: the error summary names both; nothing is archived.
  const archive = page.getByRole("region", { name: vi.bodies.archiveTitle });
  await archive.getByRole("button", { name: vi.bodies.archive }).click();
  const summary = archive.locator(".error-summary");
  await expect(summary).toContainText(vi.bodies.fieldErrors.reason);
  await expect(summary).toContainText(vi.bodies.fieldErrors.confirmArchive);
  await expectAccessible(page, "vi archive refused");

  await archive.getByLabel(vi.bodies.fields.reason).fill("Hết nhiệm kỳ thử nghiệm");
  await archive.getByLabel(vi.bodies.fields.confirm).check();
  await archive.getByRole("button", { name: vi.bodies.archive }).click();
  await expect(page.getByText(vi.bodies.done.bodyArchived)).toBeVisible();
  await expect(page.getByText("Hết nhiệm kỳ thử nghiệm")).toBeVisible();
  await expect(page.locator("main form:visible")).toHaveCount(0);
  for (const lang of ["vi", "en"]) {
    await page.goto(`/${lang}${bodyUrl.slice(3)}`);
    await expectAccessible(page, `${lang} archived body`);
    await page.goto(`/${lang}/admin/bodies`);
    await expectAccessible(page, `${lang} bodies with an archived one`);
  }
  await page.goto("/vi/admin/bodies");
  await expect(
    page
      .locator("section", { hasText: vi.bodies.archivedTitle })
      .getByRole("link", { name: new RegExp(code) }),
  ).toBeVisible();
  await admin.context.close();
});
