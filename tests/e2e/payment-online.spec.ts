import { expect, test, type Browser } from "@playwright/test";
import viAuth from "../../locales/vi/auth.json" with { type: "json" };
import viDossiers from "../../locales/vi/dossiers.json" with { type: "json" };
import viPayments from "../../locales/vi/payments.json" with { type: "json" };
import enPayments from "../../locales/en/payments.json" with { type: "json" };
import { demo, demoPassword, expectAccessible } from "./support";

/*
 * Online payment, end to end: the specialist holding the business's building permit (the demo seed
 * leaves it in progress, assigned to them) asks for the fee; the business member pays online in
 * the sandbox provider (axe in Vietnamese and English), which sends the signed callback over HTTP;
 * back on the dossier it is paid; the specialist sees it paid; the member downloads the receipt; the
 * desk's reconciliation lists it.
 */

const business = "business@demo.hungyen.gov.vn";
const amountVnd = 150_000;
const legalBasis = "Thông tư số 85/2019/TT-BTC";
const money = (lang: "vi" | "en") =>
  new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-GB").format(amountVnd);

async function signIn(browser: Browser, email: string, lang: "vi" | "en" = "vi", javaScriptEnabled = true) {
  const context = await browser.newContext({ locale: lang === "vi" ? "vi-VN" : "en-GB", javaScriptEnabled });
  const page = await context.newPage();
  await page.goto("/vi/sign-in");
  await page.getByLabel(viAuth.fields.email).fill(email);
  await page.getByLabel(viAuth.fields.password).fill(demoPassword);
  await page.getByRole("button", { name: viAuth.signIn.submit }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  return { context, page };
}

test("an officer asks for the fee, the applicant pays in the sandbox, both see it paid, with a receipt", async ({
  browser,
}) => {
  test.setTimeout(420_000);

  // The business's building permit, in progress and held by the demo specialist.
  const member = await signIn(browser, business);
  await member.page.goto("/vi/dossiers");
  const row = member.page
    .locator("main li, main tr")
    .filter({ hasText: viDossiers.status.in_progress })
    .first();
  const href = await row.locator('a[href*="/vi/dossiers/"]').first().getAttribute("href");
  const code = decodeURIComponent(href!.split("/").pop()!.split("?")[0]!);
  const dossierPage = `/vi/dossiers/${encodeURIComponent(code)}`;
  const staffPage = `/vi/staff/dossiers/${encodeURIComponent(code)}`;

  // 1. The officer asks for the fee.
  const requester = await signIn(browser, demo.specialist);
  await requester.page.goto(staffPage);
  const request = requester.page.locator("section").filter({
    has: requester.page.getByRole("heading", { name: "Yêu cầu nộp phí, lệ phí" }),
  });
  await request.getByLabel("Số tiền (đồng)").fill(String(amountVnd));
  await request.getByLabel("Căn cứ thu phí").fill(legalBasis);
  await request.getByRole("button", { name: "Gửi yêu cầu nộp phí" }).click();
  await expect(requester.page.getByText(viDossiers.status.awaiting_payment).first()).toBeVisible();
  await requester.context.close();

  // 2. The applicant's payment panel links to the pay route.
  await member.page.goto(dossierPage);
  const link = member.page.getByRole("link", { name: "Thanh toán trực tuyến" });
  const payHref = (await link.getAttribute("href"))!;
  expect(payHref).toMatch(/^\/vi\/payments\/[0-9a-f-]{36}\/pay$/);
  const paymentId = payHref.split("/")[3]!;

  // 3. Pay online → the sandbox provider (demo mode, no checkout URL configured).
  await member.page.goto(payHref);
  await expect(member.page).toHaveURL(new RegExp(`/vi/payments/sandbox/${paymentId}$`));
  await expect(member.page.getByRole("heading", { level: 1, name: viPayments.sandbox.title })).toBeVisible();
  await expect(member.page.getByText(viPayments.sandbox.noMoney)).toBeVisible();
  await expect(member.page.getByText(`${money("vi")}`, { exact: false })).toBeVisible();
  await expect(member.page.getByText(code, { exact: true })).toBeVisible();
  await expectAccessible(member.page, "sandbox provider (vi)");

  // The same page in English, for axe and the words.
  const english = await signIn(browser, business, "en");
  await english.page.goto(`/en/payments/sandbox/${paymentId}`);
  await expect(english.page.getByRole("heading", { level: 1, name: enPayments.sandbox.title })).toBeVisible();
  await expect(english.page.getByRole("button", { name: enPayments.sandbox.pay })).toBeVisible();
  await expect(english.page.getByRole("button", { name: enPayments.sandbox.cancel })).toBeVisible();
  await expectAccessible(english.page, "sandbox provider (en)");
  await english.context.close();

  // Cancel goes back to the dossier, still awaiting payment.
  await member.page.getByRole("button", { name: viPayments.sandbox.cancel }).click();
  await expect(member.page).toHaveURL(
    new RegExp(`${dossierPage.replace(/[.?]/g, "\\$&")}\\?payment=cancelled$`),
  );
  await expect(member.page.getByText(viPayments.banner.cancelled)).toBeVisible();

  // 4. Pay: the sandbox signs and posts the callback; back on the dossier, paid and in progress again.
  // With JavaScript off: the pay route, the sandbox's form and the way back are plain HTTP.
  const plain = await signIn(browser, business, "vi", false);
  await plain.page.goto(payHref);
  await expect(plain.page).toHaveURL(new RegExp(`/vi/payments/sandbox/${paymentId}$`));
  await plain.page.getByRole("button", { name: viPayments.sandbox.pay, exact: true }).click();
  await expect(plain.page).toHaveURL(new RegExp(`${dossierPage.replace(/[.?]/g, "\\$&")}\\?payment=paid$`));
  await expect(plain.page.getByText(viPayments.banner.paidTitle)).toBeVisible();
  await expect(plain.page.getByText(viDossiers.status.in_progress).first()).toBeVisible();
  await plain.context.close();

  // Paid once: the pay route and the sandbox now say so instead of taking money twice.
  await member.page.goto(payHref);
  await expect(
    member.page.getByRole("heading", { level: 1, name: viPayments.pay.notOpen.title }),
  ).toBeVisible();

  // A forged callback for the same payment is refused (no session, no signature).
  const forged = await member.page.request.post("/api/v1/payments/callback/gateway", {
    data: { paymentId, transactionId: "FORGED-1", amountVnd, status: "succeeded" },
  });
  expect(forged.status()).toBe(401);
  expect(await forged.json()).toEqual({ error: "signature_missing" });

  // 5. The officer sees it paid (the history's payment event).
  const officer = await signIn(browser, demo.specialist);
  await officer.page.goto(staffPage);
  await expect(officer.page.getByText(viDossiers.status.in_progress).first()).toBeVisible();
  const fees = officer.page.locator("section").filter({
    has: officer.page.getByRole("heading", { name: viPayments.state.title }),
  });
  await expect(fees.getByText(viPayments.state.statuses.paid, { exact: true }).first()).toBeVisible();
  await expect(fees.getByText(viPayments.state.methods.online, { exact: true }).first()).toBeVisible();
  await expect(fees.getByText(/TT-\d{8}-[0-9a-f]{12}/).first()).toBeVisible();

  // 6. The desk's reconciliation lists the payment as paid, online, with its receipt number.
  const desk = await signIn(browser, demo.head);
  await desk.page.goto("/vi/staff");
  await desk.page.getByRole("link", { name: viPayments.reconciliation.title }).click();
  await expect(
    desk.page.getByRole("heading", { level: 1, name: viPayments.reconciliation.title }),
  ).toBeVisible();
  // The head answers for several agencies: the one that asked for this fee.
  const agencies = await desk.page
    .locator("#payments-agency option")
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  const paymentRow = desk.page
    .locator("main table tr")
    .filter({ has: desk.page.getByRole("link", { name: code, exact: true }) })
    // The newest request (the table runs oldest first): a rerun on the same database adds one.
    .last();
  for (const agency of agencies) {
    await desk.page.goto(`/vi/staff/payments?agency=${encodeURIComponent(agency)}`);
    await expect(desk.page.locator("#payments-agency")).toHaveValue(agency);
    if ((await paymentRow.count()) > 0) break;
  }
  await expect(paymentRow).toContainText(viPayments.reconciliation.status.paid);
  await expect(paymentRow).toContainText(viPayments.reconciliation.method.online);
  await expect(paymentRow).toContainText(/TT-\d{8}-[0-9a-f]{12}/);
  await expectAccessible(desk.page, "reconciliation (vi)");
  const csvHref = await desk.page
    .getByRole("link", { name: viPayments.reconciliation.csv })
    .getAttribute("href");
  const csv = await desk.page.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const csvText = (await csv.body()).toString("utf8");
  expect(csvText.charCodeAt(0)).toBe(0xfeff);
  expect(csvText).toContain(code);
  await desk.page.goto("/en/staff/payments");
  await expect(
    desk.page.getByRole("heading", { level: 1, name: enPayments.reconciliation.title }),
  ).toBeVisible();
  await expectAccessible(desk.page, "reconciliation (en)");
  await desk.context.close();
  await officer.context.close();

  // 7. The applicant downloads the receipt.
  await member.page.goto(dossierPage);
  const receipt = member.page.getByRole("link", { name: "Tải biên lai (PDF)" });
  const response = await member.page.request.get((await receipt.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  await member.context.close();
});
