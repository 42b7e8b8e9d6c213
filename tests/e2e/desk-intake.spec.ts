import { expect, test, type Browser, type Page } from "@playwright/test";
import viAuth from "../../locales/vi/auth.json" with { type: "json" };
import enAuth from "../../locales/en/auth.json" with { type: "json" };
import viStaff from "../../locales/vi/staff.json" with { type: "json" };
import enStaff from "../../locales/en/staff.json" with { type: "json" };
import enForms from "../../locales/en/forms.json" with { type: "json" };
import viCommon from "../../locales/vi/common.json" with { type: "json" };
import { demo, demoPassword, expectAccessible, fillQuestionPage, samplePdf } from "./support";

/*
 * Desk intake: the demo receiving officer files for a walk-in applicant (a scanned PDF, accepted in
 * the same step), lands on the dossier with its appointment and the link to slip 01; that person
 * then signs up with the details given at the desk and sees the dossier. Without JavaScript the
 * form posts, summarises its errors and keeps what was typed.
 */

const procedure = "1.004222"; // permanent residence registration: a name, an ID number, an address
const shots = process.env.E2E_SHOTS_DIR;

async function shoot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

async function signInAsReceiver(
  browser: Browser,
  lang: "vi" | "en",
  options: { javaScriptEnabled?: boolean; width?: number } = {},
) {
  const auth = lang === "vi" ? viAuth : enAuth;
  const context = await browser.newContext({
    locale: lang === "vi" ? "vi-VN" : "en-GB",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(`/${lang}/sign-in?callbackUrl=%2F${lang}%2Fstaff`);
  await page.getByLabel(auth.fields.email).fill(demo.receiver);
  await page.getByLabel(auth.fields.password).fill(demoPassword);
  await page.getByRole("button", { name: auth.signIn.submit }).click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/staff$`));
  return { context, page };
}

/** A fresh walk-in person for each run: the demo database keeps what earlier runs filed. */
function walkIn() {
  const digits = String(Date.now()).slice(-9);
  return {
    idNumber: `034${digits}`,
    fullName: "Vũ Thị Xuân",
    email: `xuan.${digits}@example.vn`,
    phone: `09${digits.slice(-8)}`,
  };
}

test("the receiving officer files for a walk-in applicant, who then signs up and sees the dossier", async ({
  browser,
}) => {
  const person = walkIn();
  const { context, page } = await signInAsReceiver(browser, "vi");
  await page.getByRole("link", { name: viStaff.intake.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: viStaff.intake.title })).toBeVisible();
  await expectAccessible(page, "intake: choose the procedure (vi)");
  await page.locator("#procedure").selectOption(procedure);
  await page.getByRole("button", { name: viStaff.intake.continue }).click();
  await expect(page).toHaveURL(new RegExp(`procedure=${procedure.replace(".", "\\.")}`));
  await expectAccessible(page, "intake form (vi)");

  // Nothing filled in: every problem at once, the summary focused.
  await page.getByRole("button", { name: viStaff.intake.submit }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(new RegExp(`^${viCommon.errorTitlePrefix}: `));
  await expectAccessible(page, "intake form with errors (vi)");

  await page.locator("#answer-applicant_idNumber").fill(person.idNumber);
  await page.locator("#answer-applicant_fullName").fill(person.fullName);
  await page.locator("#answer-applicant_email").fill(person.email);
  await page.locator("#answer-applicant_phone").fill(person.phone);
  const place = page.locator("#competentAgencyId");
  if (await place.count()) await place.selectOption({ index: 1 });
  // The procedure's questions, every page of the paper declaration on one form.
  await page.locator('[name="newAddress.street"]').fill("Số 5 đường Nguyễn Văn Linh");
  // Nobody moves with the applicant: the members' group is then not asked.
  await page.locator('[name="othersMoving"][value="no"]').check();
  await fillQuestionPage(page, {
    child: person.fullName,
    sex: "male",
    mother: person.fullName,
    idNumber: person.idNumber,
  });
  await page.locator("#doc_to_khai_ct01").setInputFiles({
    name: "to-khai-CT01 (bản quét).pdf",
    mimeType: "application/pdf",
    buffer: samplePdf(),
  });
  await shoot(page, "intake-filled-1280-vi");
  await page.getByRole("button", { name: viStaff.intake.submit }).click();

  await expect(page).toHaveURL(/\/vi\/staff\/dossiers\/[^/?]+\?done=intake$/);
  const code = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
  await expect(page.getByText(viStaff.done.intake)).toBeVisible();
  await expect(page.getByRole("link", { name: viStaff.intake.printSlip })).toHaveAttribute(
    "href",
    `/api/v1/dossiers/${encodeURIComponent(code)}/slips/01`,
  );
  const due = page
    .locator("dt", { hasText: viStaff.dossier.dueAt })
    .locator("xpath=following-sibling::dd[1]");
  await expect(due).not.toHaveText("—");
  await expect(page.getByText("to-khai-CT01 (bản quét).pdf")).toBeVisible();
  await expectAccessible(page, "dossier received at the desk (vi)");
  await shoot(page, "intake-received-1280-vi");
  await context.close();

  // The applicant, at home: signs up with the details given at the desk.
  const home = await browser.newContext({ locale: "vi-VN", viewport: { width: 375, height: 800 } });
  const applicant = await home.newPage();
  await applicant.goto("/vi/sign-up");
  await applicant.getByLabel(viAuth.fields.fullName).fill(person.fullName);
  await applicant.getByLabel(viAuth.fields.email).fill(person.email);
  await applicant.getByLabel(viAuth.fields.phone).fill(person.phone);
  await applicant.locator("#idNumber").fill(person.idNumber);
  await applicant.getByLabel(viAuth.fields.password, { exact: true }).fill("mật khẩu của Xuân 2026");
  await applicant.getByLabel(viAuth.fields.confirmPassword).fill("mật khẩu của Xuân 2026");
  await expectAccessible(applicant, "sign-up with an ID number (vi)");
  await shoot(applicant, "sign-up-375-vi");
  await applicant.getByRole("button", { name: viAuth.signUp.submit }).click();
  await expect(applicant).toHaveURL(/\/vi\/dossiers$/);
  await expect(applicant.getByRole("link", { name: code })).toBeVisible();
  await home.close();
});

test("without JavaScript, in English: errors summarised and what was typed kept", async ({ browser }) => {
  const { context, page } = await signInAsReceiver(browser, "en", { javaScriptEnabled: false, width: 375 });
  await page.goto(`/en/staff/intake?procedure=${procedure}`);
  await expect(page.getByRole("heading", { level: 1, name: enStaff.intake.title })).toBeVisible();
  await page.locator("#answer-applicant_idNumber").fill("12345");
  await page.locator("#answer-applicant_fullName").fill("Đặng Văn Giữ");
  await page.locator('[name="newAddress.street"]').fill("12 Phố Hiến");
  await page.getByRole("button", { name: enStaff.intake.submit }).click();

  const summary = page.locator(".error-summary");
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: new RegExp(enForms.errors.idNumber) })).toHaveAttribute(
    "href",
    "#answer-applicant_idNumber",
  );
  await expect(
    summary.getByRole("link", { name: new RegExp(enForms.errors.documentRequired) }),
  ).toBeVisible();
  await expect(page.locator("#answer-applicant_idNumber")).toHaveValue("12345");
  await expect(page.locator("#answer-applicant_fullName")).toHaveValue("Đặng Văn Giữ");
  await expect(page.locator('[name="newAddress.street"]')).toHaveValue("12 Phố Hiến");
  await expect(page.getByText(enStaff.intake.chooseAgain)).toBeVisible();
  await shoot(page, "intake-errors-375-en");
  await context.close();

  // axe needs JavaScript: the same pages in English with it on.
  const enhanced = await signInAsReceiver(browser, "en");
  await enhanced.page.getByRole("link", { name: enStaff.intake.title }).click();
  await expectAccessible(enhanced.page, "intake: choose the procedure (en)");
  await enhanced.page.goto(`/en/staff/intake?procedure=${procedure}`);
  await expectAccessible(enhanced.page, "intake form (en)");
  await enhanced.page.locator("#answer-applicant_idNumber").fill("12345");
  await enhanced.page.getByRole("button", { name: enStaff.intake.submit }).click();
  await expect(enhanced.page.locator(".error-summary")).toBeFocused();
  await expectAccessible(enhanced.page, "intake form with errors (en)");
  await shoot(enhanced.page, "intake-errors-1280-en");
  await enhanced.context.close();
});
