import { expect, test, type Browser, type Page } from "@playwright/test";
import enDossiers from "../../locales/en/dossiers.json" with { type: "json" };
import viAuth from "../../locales/vi/auth.json" with { type: "json" };
import viDossiers from "../../locales/vi/dossiers.json" with { type: "json" };
import viStaff from "../../locales/vi/staff.json" with { type: "json" };
import { demo, demoPassword, expectAccessible, samplePdf } from "./support";

/*
 * A day at the desk beyond the plain path, on the citizen's judicial record (the demo seed leaves
 * it at the second agency of its police → justice → police chain, held by the specialist): the
 * specialist asks the police for an opinion with a document, the police officer answers without
 * JavaScript; the specialist writes an apology with a new date, the head approves it and the
 * citizen reads it; the dossier goes back to the police, which decides; the desk returns the result
 * online and the citizen downloads it. Axe on each page, in Vietnamese and English.
 */

const police = "police@demo.hungyen.gov.vn";
const policeName = "Hoàng Văn Minh";
const policeAgency = "Công an tỉnh Hưng Yên";
const shots = process.env.LIFECYCLE_SHOTS;

async function signedIn(
  browser: Browser,
  email: string,
  target: string,
  options: { javaScriptEnabled?: boolean; width?: number } = {},
) {
  const context = await browser.newContext({
    locale: target.startsWith("/en") ? "en-GB" : "vi-VN",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(`/vi/sign-in?callbackUrl=${encodeURIComponent(target)}`);
  await page.getByLabel(viAuth.fields.email).fill(email);
  await page.getByLabel(viAuth.fields.password).fill(demoPassword);
  await page.getByRole("button", { name: viAuth.signIn.submit }).click();
  await expect(page).toHaveURL(new RegExp(`${target.replace(/[?]/g, "\\?")}$`));
  return { context, page };
}

async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

/** Submits one action's form and waits for the page to come back with its notice. */
async function act(page: Page, action: string, submit: string) {
  await page
    .locator(`section[aria-labelledby="${action}-title"]`)
    .getByRole("button", { name: submit })
    .click();
  await expect(page).toHaveURL(new RegExp(`done=${action}`));
}

test("consult, apology, transfer back, result online: each step seen by the next person", async ({
  browser,
}) => {
  test.setTimeout(240_000);

  // The citizen's judicial record, in progress at the Department of Justice.
  const citizen = await signedIn(browser, demo.citizen, "/vi/dossiers");
  const row = citizen.page.locator("main li, main tr").filter({ hasText: "Lý lịch tư pháp" }).first();
  const href = await row.locator('a[href*="/vi/dossiers/"]').first().getAttribute("href");
  const code = decodeURIComponent(href!.split("/").pop()!.split("?")[0]!);
  const staffPage = `/vi/staff/dossiers/${encodeURIComponent(code)}`;

  // 1. The specialist asks the police, with a document.
  const specialist = await signedIn(browser, demo.specialist, staffPage);
  const page = specialist.page;
  await expect(page.getByRole("heading", { name: viStaff.dossier.transfer.title })).toBeVisible();
  await expectAccessible(page, "staff dossier at the second agency");
  await page.locator("#consult-toAgencyId").selectOption({ label: policeAgency });
  await page
    .locator("#consult-comment")
    .fill("Đề nghị cho biết người nộp có án tích được lưu tại Công an tỉnh không.");
  await page.locator("#consult-files").setInputFiles({
    name: "cong-van-hoi.pdf",
    mimeType: "application/pdf",
    buffer: samplePdf(),
  });
  await act(page, "consult", viStaff.actions.consult.submit);
  await expect(
    page.getByText(viStaff.dossier.consultations.waiting.replace("{{agency}}", policeAgency)),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "cong-van-hoi.pdf" }).first()).toBeVisible();
  await expectAccessible(page, "after consulting");
  await shot(page, "staff-consulting-1280-vi");

  // 2. The police officer finds the question in the queue (axe runs with JavaScript on)…
  const decide = await signedIn(browser, police, "/vi/staff", { width: 375 });
  await expect(decide.page.getByRole("heading", { name: viStaff.consultations.title })).toBeVisible();
  await expect(decide.page.locator("#consultations-title ~ * a", { hasText: code })).toBeVisible();
  await expectAccessible(decide.page, "police queue with consultations");
  await shot(decide.page, "police-queue-375-vi");
  // …and answers without JavaScript.
  const officer = await signedIn(browser, police, "/vi/staff", { javaScriptEnabled: false, width: 375 });
  await officer.page.getByRole("link", { name: code }).last().click();
  // Asked without an answer: the summary names the field.
  await officer.page
    .locator('section[aria-labelledby="answer_consultation-title"]')
    .getByRole("button", { name: viStaff.actions.answer_consultation.submit })
    .click();
  await expect(
    officer.page
      .locator(".error-summary")
      .getByRole("link", { name: viStaff.fieldErrors.answer_consultation }),
  ).toHaveAttribute("href", "#answer_consultation-comment");
  await shot(officer.page, "police-answer-error-375-vi");
  await officer.page.locator("#answer_consultation-comment").fill("Không có án tích lưu tại Công an tỉnh.");
  await officer.page.locator("#answer_consultation-files").setInputFiles({
    name: "tra-loi.pdf",
    mimeType: "application/pdf",
    buffer: samplePdf(),
  });
  await act(officer.page, "answer_consultation", viStaff.actions.answer_consultation.submit);
  await shot(officer.page, "police-answered-375-vi");

  // 3. The specialist reads the answer and writes the apology with a new date.
  await page.goto(staffPage);
  await expect(page.getByText("Không có án tích lưu tại Công an tỉnh.").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "tra-loi.pdf" }).first()).toBeVisible();
  const earliest = await page.locator("#propose_delay-newDueDate").getAttribute("min");
  await page.locator("#propose_delay-newDueDate").fill(earliest!);
  await page
    .locator("#propose_delay-comment")
    .fill("Cần thêm thời gian xác minh; xin lỗi ông/bà vì sự chậm trễ.");
  await act(page, "propose_delay", viStaff.actions.propose_delay.submit);

  // 4. The head approves it; the page in English passes axe too.
  const head = await signedIn(browser, demo.head, staffPage);
  await expect(head.page.getByText("Cần thêm thời gian xác minh", { exact: false }).first()).toBeVisible();
  await act(head.page, "approve_delay", viStaff.actions.approve_delay.submit);
  await expect(head.page.getByText(viStaff.dossier.originalDueAt, { exact: true })).toBeVisible();
  await head.page.goto(staffPage.replace("/vi/", "/en/"));
  await expectAccessible(head.page, "staff dossier in English");
  await shot(head.page, "staff-dossier-1280-en");

  // 5. The citizen reads the apology and the new date, in both languages.
  await citizen.page.goto(`/vi/dossiers/${encodeURIComponent(code)}`);
  await expect(citizen.page.getByText("Chúng tôi xin lỗi", { exact: false })).toBeVisible();
  await expect(citizen.page.getByText(viDossiers.detail.originalDueAt, { exact: true })).toBeVisible();
  await expectAccessible(citizen.page, "citizen apology vi");
  await shot(citizen.page, "citizen-apology-1280-vi");
  await citizen.page.goto(`/en/dossiers/${encodeURIComponent(code)}`);
  await expect(citizen.page.getByText(enDossiers.detail.originalDueAt, { exact: true })).toBeVisible();
  await expectAccessible(citizen.page, "citizen apology en");

  // 6. Back to the police: transferred, then decided there.
  await page.goto(staffPage);
  await act(page, "transfer", viStaff.actions.transfer.submit);
  // The third turn of the chain (back at the police) has started: its share shows beside the others.
  await expect(
    page
      .locator("table", { has: page.locator("caption", { hasText: viStaff.dossier.transfer.caption }) })
      .locator("tbody tr"),
  ).toHaveCount(3);
  await shot(page, "staff-transferred-back-1280-vi");
  await decide.page.goto(staffPage);
  await decide.page.locator("#assign-assigneeId").selectOption({ label: policeName });
  await act(decide.page, "assign", viStaff.actions.assign.submit);
  await decide.page.locator("#propose-proposal").check();
  await decide.page.locator("#propose-comment").fill("Đủ điều kiện cấp phiếu.");
  await act(decide.page, "propose", viStaff.actions.propose.submit);
  await act(decide.page, "approve", viStaff.actions.approve.submit);

  // 7. The receiving desk returns the result online, with the e-result file.
  const desk = await signedIn(browser, demo.receiver, staffPage);
  await desk.page.locator("#return_result-method-online").check();
  await desk.page.locator("#return_result-files").setInputFiles({
    name: "phieu-ly-lich-tu-phap.pdf",
    mimeType: "application/pdf",
    buffer: samplePdf(),
  });
  await act(desk.page, "return_result", viStaff.actions.return_result.submit);
  await expectAccessible(desk.page, "returned");
  await shot(desk.page, "staff-returned-1280-vi");

  // 8. The citizen downloads it; nobody else can.
  await citizen.page.goto(`/vi/dossiers/${encodeURIComponent(code)}`);
  const link = citizen.page.locator("#result-title ~ p a");
  await expect(link).toHaveText("phieu-ly-lich-tu-phap.pdf");
  await expectAccessible(citizen.page, "citizen result");
  await shot(citizen.page, "citizen-result-375-vi");
  const download = await citizen.page.request.get((await link.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  const anonymous = await browser.newContext();
  expect(
    (
      await anonymous.request.get(`${test.info().project.use.baseURL}${await link.getAttribute("href")}`)
    ).status(),
  ).toBe(404);

  for (const context of [citizen, specialist, officer, head, decide, desk]) await context.context.close();
  await anonymous.close();
});
