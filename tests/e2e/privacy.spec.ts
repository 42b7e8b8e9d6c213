import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import viAuth from "../../locales/vi/auth.json" with { type: "json" };
import enAuth from "../../locales/en/auth.json" with { type: "json" };
import viDossiers from "../../locales/vi/dossiers.json" with { type: "json" };
import enDossiers from "../../locales/en/dossiers.json" with { type: "json" };
import { demo, demoPassword, expectAccessible } from "./support";

const words = {
  vi: { auth: viAuth, dossiers: viDossiers, locale: "vi-VN", birth: /khai sinh/i },
  en: { auth: enAuth, dossiers: enDossiers, locale: "en-GB", birth: /birth registration/i },
};

// The seed's notes of specialists to the head (db/seed/dossiers.ts): never for the applicant.
const proposalNotes = [
  "Hồ sơ đủ điều kiện, đề nghị lãnh đạo phê duyệt.",
  "Đã thẩm định, đề nghị ký ban hành kết quả.",
  "Đủ điều kiện theo quy định, trình lãnh đạo xem xét.",
];
const citizenId = "033090012345";
const screens = process.env.SCREENSHOT_DIR ?? path.join("test-results", "privacy-screens");

for (const lang of ["vi", "en"] as const) {
  test(`the applicant's dossier page in ${lang}: the proposal happened, its note and the officers stay internal, the ID is masked`, async ({
    browser,
  }) => {
    const w = words[lang];
    const context = await browser.newContext({ locale: w.locale });
    const page = await context.newPage();
    await page.goto(`/${lang}/sign-in?callbackUrl=${encodeURIComponent(`/${lang}/dossiers`)}`);
    await page.getByLabel(w.auth.fields.email).fill(demo.citizen);
    await page.getByLabel(w.auth.fields.password).fill(demoPassword);
    await page.getByRole("button", { name: w.auth.signIn.submit }).click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/dossiers$`));

    // The citizen's birth registration went through a specialist's proposal and is returned.
    const card = page
      .getByRole("listitem")
      .filter({ hasText: w.birth })
      .filter({ hasText: w.dossiers.status.returned });
    await card.getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    await expect(page.getByText(w.dossiers.action.propose, { exact: true })).toBeVisible();
    const html = await page.content();
    for (const note of proposalNotes) expect(html).not.toContain(note);
    expect(html).not.toContain("Phạm Minh Tuấn");
    // The ID number: last four digits on the page, the whole number nowhere in it (nor in its payload).
    // (The seeded form asks for the mother's and the declarant's numbers: both are shown masked.)
    await expect(page.getByText("•••• •••• 2345").first()).toBeVisible();
    expect(html).not.toContain(citizenId);
    await expectAccessible(page, "applicant dossier");

    fs.mkdirSync(screens, { recursive: true });
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: path.join(screens, `dossier-${lang}-${width}.png`), fullPage: true });
    }
    await context.close();
  });
}
