import { expect, test } from "@playwright/test";
import viAuth from "../../locales/vi/auth.json" with { type: "json" };
import enAuth from "../../locales/en/auth.json" with { type: "json" };
import viAdmin from "../../locales/vi/admin.json" with { type: "json" };
import enAdmin from "../../locales/en/admin.json" with { type: "json" };
import viStaff from "../../locales/vi/staff.json" with { type: "json" };
import { demo, demoPassword, expectAccessible, fileBirthRegistration } from "./support";
import { recipientOf, waitForMail } from "./mail";

/*
 * A supplement request reaches the applicant as a real e-mail (the test SMTP server of
 * scripts/e2e-server.mjs), in the applicant's language (the demo citizen's is Vietnamese), once,
 * with plain text and HTML; its link, opened by the signed-in applicant, shows that dossier.
 */
test("a supplement request arrives by e-mail with a link to the dossier", async ({ browser }) => {
  test.setTimeout(120_000);
  const applicant = await browser.newContext({ locale: "vi-VN" });
  const page = await applicant.newPage();
  await page.goto(`/vi/sign-in?callbackUrl=${encodeURIComponent("/vi/dossiers")}`);
  await page.getByLabel(viAuth.fields.email).fill(demo.citizen);
  await page.getByLabel(viAuth.fields.password).fill(demoPassword);
  await page.getByRole("button", { name: viAuth.signIn.submit }).click();
  await expect(page).toHaveURL(/\/vi\/dossiers$/);

  // File a birth registration at the first commune offered (the receiver's, Phố Hiến).
  const code = await fileBirthRegistration(page, {
    child: "Nguyễn Minh Anh",
    sex: "female",
    mother: "Trần Thị Mai",
    idNumber: "033190001234",
  });

  // The receiving officer asks for a document.
  const officer = await browser.newContext({ locale: "vi-VN" });
  const desk = await officer.newPage();
  const staffPage = `/vi/staff/dossiers/${code}`;
  await desk.goto(`/vi/sign-in?callbackUrl=${encodeURIComponent(staffPage)}`);
  await desk.getByLabel(viAuth.fields.email).fill(demo.receiver);
  await desk.getByLabel(viAuth.fields.password).fill(demoPassword);
  await desk.getByRole("button", { name: viAuth.signIn.submit }).click();
  await expect(desk).toHaveURL(new RegExp(staffPage.replace(/[.]/g, "\\.")));
  await desk
    .getByLabel(viStaff.actions.request_supplement.comment)
    .fill("Thiếu bản sao giấy chứng sinh có chứng thực");
  await desk.getByRole("button", { name: viStaff.actions.request_supplement.submit }).click();
  await expect(desk).toHaveURL(/done=request_supplement/);

  // The e-mail, within seconds, once.
  const mails = await waitForMail(
    (mail) => recipientOf(mail) === demo.citizen && (mail.subject ?? "").includes(code),
  );
  expect(mails).toHaveLength(1);
  const mail = mails[0]!;
  expect(mail.text?.trim()).toBeTruthy();
  expect(typeof mail.html === "string" && mail.html.includes(code)).toBe(true);
  // In Vietnamese: its link goes to the Vietnamese pages, and its words are Vietnamese.
  expect(`${mail.subject} ${mail.text}`).toMatch(/Hồ sơ/);
  const link = mail.text?.match(/https?:\/\/\S+\/vi\/dossiers\/[^\s)>\]]+/)?.[0];
  expect(link, "the e-mail's link to the dossier").toBeTruthy();

  // The signed-in applicant follows it and sees that dossier.
  await page.goto(link!);
  await expect(page).toHaveURL(new RegExp(`/vi/dossiers/${code.replace(/[.]/g, "\\.")}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("main")).toContainText(code);

  await officer.close();
  await applicant.close();
});

for (const lang of ["vi", "en"] as const) {
  test(`the administrator's list of e-mails in ${lang}`, async ({ browser }) => {
    const words = lang === "vi" ? viAdmin : enAdmin;
    const context = await browser.newContext({ locale: lang === "vi" ? "vi-VN" : "en-GB" });
    const page = await context.newPage();
    await page.goto(`/${lang}/sign-in?callbackUrl=${encodeURIComponent(`/${lang}/admin`)}`);
    await page.getByLabel((lang === "vi" ? viAuth : enAuth).fields.email).fill("admin@demo.hungyen.gov.vn");
    await page.getByLabel((lang === "vi" ? viAuth : enAuth).fields.password).fill(demoPassword);
    await page.getByRole("button", { name: (lang === "vi" ? viAuth : enAuth).signIn.submit }).click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/admin$`));
    await page.getByRole("link", { name: words.nav.deliveries }).click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/admin/deliveries$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.deliveries.title);
    await expect(page.getByRole("heading", { level: 2, name: words.deliveries.recentTitle })).toBeVisible();
    await expectAccessible(page, "deliveries");
    await context.close();
  });
}
