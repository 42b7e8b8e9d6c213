import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

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
