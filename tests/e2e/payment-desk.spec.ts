import { expect, test, type Browser } from "@playwright/test";
import viAuth from "../../locales/vi/auth.json" with { type: "json" };
import viDossiers from "../../locales/vi/dossiers.json" with { type: "json" };
import viStaff from "../../locales/vi/staff.json" with { type: "json" };
import viPayments from "../../locales/vi/payments.json" with { type: "json" };
import enPayments from "../../locales/en/payments.json" with { type: "json" };
import { demo, demoPassword, expectAccessible, fileBirthRegistration } from "./support";

/*
 * A fee paid at the desk: the citizen files a birth registration at Phố Hiến, the receiving officer
 * accepts it and gives it to the specialist, who asks for the fee; the citizen sees the amount, its
 * legal basis and the VietQR code (axe in Vietnamese and English); the officer records the payment at
 * the desk with JavaScript turned off; the citizen sees it paid and downloads the receipt.
 */

const specialistName = "Phạm Minh Tuấn";
const legalBasis = "Thông tư 85/2019/TT-BTC";

async function signedIn(
  browser: Browser,
  email: string,
  target: string,
  options: { javaScriptEnabled?: boolean; locale?: string } = {},
) {
  const context = await browser.newContext({
    locale: options.locale ?? "vi-VN",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  const page = await context.newPage();
  await page.goto(`/vi/sign-in?callbackUrl=${encodeURIComponent(target)}`);
  await page.getByLabel(viAuth.fields.email).fill(email);
  await page.getByLabel(viAuth.fields.password).fill(demoPassword);
  await page.getByRole("button", { name: viAuth.signIn.submit }).click();
  await expect(page).toHaveURL(new RegExp(`${target.replace(/[.?]/g, "\\$&")}`));
  return { context, page };
}

test("a fee asked for, shown with its VietQR code, paid at the desk without JavaScript, with a receipt", async ({
  browser,
}) => {
  test.setTimeout(360_000);

  // 1. The citizen files a birth registration.
  const citizen = await signedIn(browser, demo.citizen, "/vi/dossiers");
  const page = citizen.page;
  const code = await fileBirthRegistration(page, {
    child: "Nguyễn Minh Khang",
    sex: "male",
    mother: "Trần Thị Mai",
    idNumber: "033190001234",
  });
  const staffPage = `/vi/staff/dossiers/${encodeURIComponent(code)}`;

  // 2. The receiving officer accepts it and gives it to the specialist.
  const receiver = await signedIn(browser, demo.receiver, staffPage);
  const actions = viStaff.actions;
  await receiver.page.getByRole("button", { name: actions.accept.submit }).click();
  await expect(receiver.page).toHaveURL(/done=accept/);
  await receiver.page
    .getByLabel(actions.assign.assignee, { exact: true })
    .selectOption({ label: specialistName });
  await receiver.page.getByRole("button", { name: actions.assign.submit, exact: true }).click();
  await expect(receiver.page).toHaveURL(/done=assign/);
  // Not the holder: the receiving officer cannot ask for the fee.
  await expect(receiver.page.getByRole("heading", { name: viPayments.request.title })).toHaveCount(0);

  // 3. The specialist asks for the fee; an amount that is not one is refused first.
  const specialist = await signedIn(browser, demo.specialist, staffPage);
  const sp = specialist.page;
  await expect(sp.getByRole("heading", { name: viPayments.request.title })).toBeVisible();
  await sp.getByLabel(viPayments.request.amount, { exact: true }).fill("mười nghìn");
  await sp.getByLabel(viPayments.request.legalBasis, { exact: true }).fill(legalBasis);
  await sp.getByRole("button", { name: viPayments.request.submit }).click();
  await expect(sp.locator(".error-summary")).toContainText(viPayments.fieldErrors.amount_invalid);
  // What was typed is kept.
  await expect(sp.getByLabel(viPayments.request.legalBasis, { exact: true })).toHaveValue(legalBasis);
  await expectAccessible(sp, "request form with an error");
  await sp.getByLabel(viPayments.request.amount, { exact: true }).fill("20.000");
  await sp.getByRole("button", { name: viPayments.request.submit }).click();
  await expect(sp).toHaveURL(/done=payment_request/);
  await expect(sp.getByText(viPayments.done.request)).toBeVisible();
  await expect(sp.getByText(viDossiers.status.awaiting_payment).first()).toBeVisible();
  await expectAccessible(sp, "staff page awaiting payment");

  // 4. The citizen sees the amount, the legal basis and the VietQR code with the account beside it.
  const citizenPage = `/vi/dossiers/${encodeURIComponent(code)}`;
  await page.goto(citizenPage);
  const panel = page.locator('section[aria-labelledby="payment-title"]');
  await expect(panel.getByRole("heading", { name: viPayments.panel.title })).toBeVisible();
  await expect(panel).toContainText(/20\.000\s?₫/);
  await expect(panel).toContainText(legalBasis);
  const qr = panel.getByRole("img", { name: /VietQR/ });
  await expect(qr).toBeVisible();
  await expect(qr.locator("svg")).toHaveCount(1);
  await expect(panel).toContainText("Agribank");
  await expect(panel).toContainText("2600201234505");
  await expect(panel).toContainText("UBND PHUONG PHO HIEN");
  await expect(panel).toContainText(code);
  // The demo offers the sandbox provider.
  await expect(panel.getByRole("link", { name: viPayments.panel.payOnline })).toHaveAttribute(
    "href",
    /^\/vi\/payments\/[0-9a-f-]{36}\/pay$/,
  );
  await expectAccessible(page, "applicant payment panel (vi)");
  await page.goto(`/en/dossiers/${encodeURIComponent(code)}`);
  await expect(page.getByRole("heading", { name: enPayments.panel.title })).toBeVisible();
  await expect(page.getByRole("link", { name: enPayments.panel.payOnline })).toBeVisible();
  await expectAccessible(page, "applicant payment panel (en)");

  // A second desk page, opened now, to try recording it twice below.
  const stale = receiver.page;
  await stale.goto(staffPage);
  await expect(stale.getByRole("heading", { name: viPayments.desk.title })).toBeVisible();

  // 5. The receiving officer records the payment at the desk, with JavaScript turned off.
  const desk = await signedIn(browser, demo.receiver, staffPage, { javaScriptEnabled: false });
  const dp = desk.page;
  await expect(dp.getByRole("heading", { name: viPayments.desk.title })).toBeVisible();
  // No receipt number: the summary names the field, nothing is recorded.
  await dp.getByRole("button", { name: viPayments.desk.submit, exact: true }).click();
  await expect(dp.locator(".error-summary")).toContainText(viPayments.fieldErrors.receipt_required);
  await expect(dp.locator(".error-summary a").first()).toHaveAttribute("href", "#payment-desk-receiptNumber");
  await dp.getByLabel(viPayments.desk.receiptNumber, { exact: true }).fill("BL-0004521");
  await dp.getByRole("button", { name: viPayments.desk.submit, exact: true }).click();
  await expect(dp).toHaveURL(/done=payment_desk/);
  await expect(dp.getByText(viPayments.done.desk)).toBeVisible();
  await expect(dp.getByText("BL-0004521").first()).toBeVisible();
  await expect(dp.getByText(viDossiers.action.record_payment).first()).toBeVisible();

  // A page opened before (a second officer's) cannot record it again: the dossier moved on.
  await stale.getByLabel(viPayments.desk.receiptNumber, { exact: true }).fill("BL-0004522");
  await stale.getByRole("button", { name: viPayments.desk.submit, exact: true }).click();
  await expect(stale).toHaveURL(/paymentError=conflict/);
  await expect(stale.getByText(viPayments.errors.conflict)).toBeVisible();
  await expect(stale.getByText("BL-0004522")).toHaveCount(0);

  // 6. The citizen sees it paid and downloads the receipt.
  await page.goto(citizenPage);
  await expect(panel.getByRole("heading", { name: viPayments.panel.paidTitle })).toBeVisible();
  await expect(panel).toContainText("BL-0004521");
  await expect(panel).toContainText(viPayments.state.methods.desk);
  await expect(page.getByText(viDossiers.action.record_payment).first()).toBeVisible();
  await expectAccessible(page, "applicant after payment");
  const receipt = panel.getByRole("link", { name: viPayments.panel.receiptLink });
  const href = await receipt.getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // Nobody else gets it.
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(new URL(href!, page.url()).toString())).status()).toBe(404);

  for (const context of [citizen, receiver, specialist, desk]) await context.context.close();
  await anonymous.close();
});
