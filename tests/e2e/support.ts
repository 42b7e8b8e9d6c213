import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import viCommon from "../../locales/vi/common.json" with { type: "json" };
import viDossiers from "../../locales/vi/dossiers.json" with { type: "json" };

/** No WCAG 2.2 A/AA violations on the page as it is now. */
export async function expectAccessible(page: Page, context = "") {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, `axe violations ${context} on ${page.url()}`).toEqual([]);
}

export const demoPassword = "Demo@12345";
export const demo = {
  receiver: "receiver@demo.hungyen.gov.vn",
  specialist: "specialist@demo.hungyen.gov.vn",
  head: "head@demo.hungyen.gov.vn",
  citizen: "citizen@demo.hungyen.gov.vn",
};

/** A minimal valid PDF, detected as application/pdf by its content; padded to `bytes` when given. */
export function samplePdf(bytes = 0): Buffer {
  const pdf = Buffer.from(
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  );
  // A PDF comment after %%EOF stands in for a scan's weight.
  return bytes > pdf.length ? Buffer.concat([pdf, Buffer.alloc(bytes - pdf.length, "%")]) : pdf;
}

/** A birth registration's answers, as an applicant types them. */
export type BirthRegistration = { child: string; sex: "female" | "male"; mother: string; idNumber: string };

/**
 * Files a birth registration at the first commune offered (Phố Hiến, the demo receiver's) as the
 * signed-in applicant on `page`, with its one required document; returns the dossier's code.
 */
export async function fileBirthRegistration(page: Page, answers: BirthRegistration): Promise<string> {
  await page.goto("/vi/dossiers/new?procedure=1.001193");
  await page.getByRole("radio").first().check();
  await page.getByRole("button", { name: viDossiers.new.start }).click();
  await expect(page).toHaveURL(/\/vi\/dossiers\/drafts\//);
  await page.getByLabel("Họ, chữ đệm và tên của trẻ").fill(answers.child);
  await page.getByLabel("Ngày sinh của trẻ").fill("2026-11-20");
  await page.getByLabel("Giới tính của trẻ").selectOption(answers.sex);
  await page.getByLabel("Nơi sinh").fill("Bệnh viện Đa khoa tỉnh Hưng Yên");
  await page.getByLabel("Họ, chữ đệm và tên của mẹ").fill(answers.mother);
  await page.getByLabel("Số định danh cá nhân của người nộp").fill(answers.idNumber);
  await page.locator('input[type="file"][name="doc_giay_chung_sinh"]').setInputFiles({
    name: "giay-chung-sinh.pdf",
    mimeType: "application/pdf",
    buffer: samplePdf(),
  });
  await page.getByRole("button", { name: viCommon.actions.continue }).click();
  await expect(page).toHaveURL(/\/check$/);
  await page.getByRole("button", { name: viDossiers.check.submit, exact: true }).click();
  await expect(page).toHaveURL(/\/vi\/dossiers\/.+\/submitted$/);
  return decodeURIComponent(page.url().split("/dossiers/")[1]!.replace("/submitted", ""));
}
