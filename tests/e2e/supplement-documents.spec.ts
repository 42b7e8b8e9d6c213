import { expect, test, type Browser, type Page } from "@playwright/test";
import viAuth from "../../locales/vi/auth.json" with { type: "json" };
import viStaff from "../../locales/vi/staff.json" with { type: "json" };
import viDossiers from "../../locales/vi/dossiers.json" with { type: "json" };
import enDossiers from "../../locales/en/dossiers.json" with { type: "json" };
import viCommon from "../../locales/vi/common.json" with { type: "json" };
import { demo, demoPassword, expectAccessible, fileBirthRegistration, samplePdf } from "./support";

/*
 * An officer asks for a document the procedure's list does not have (a certified authorisation
 * letter); the citizen's answer page offers exactly that upload slot, with its name; the citizen
 * answers with the document and the officer sees it, under its name. Axe in both languages at
 * 320 px on the pages of the journey and the error state.
 */

const letter = "Giấy ủy quyền có chứng thực";

async function signIn(browser: Browser, email: string, next: string): Promise<Page> {
  const context = await browser.newContext({ locale: "vi-VN" });
  const page = await context.newPage();
  await page.goto(`/vi/sign-in?callbackUrl=${encodeURIComponent(next)}`);
  await page.getByLabel(viAuth.fields.email).fill(email);
  await page.getByLabel(viAuth.fields.password).fill(demoPassword);
  await page.getByRole("button", { name: viAuth.signIn.submit }).click();
  await expect(page).toHaveURL(new RegExp(next.replace(/[.?]/g, "\\$&")));
  return page;
}

test("a supplement request for an unlisted document is answered with that document", async ({ browser }) => {
  test.setTimeout(360_000);
  const citizen = await signIn(browser, demo.citizen, "/vi/dossiers");
  const code = await fileBirthRegistration(citizen, {
    child: "Lê Minh Khang",
    sex: "male",
    mother: "Phạm Thị Hoa",
    idNumber: "033190004321",
  });

  // The officer names a document the list lacks.
  const staffPage = `/vi/staff/dossiers/${code}`;
  const officer = await signIn(browser, demo.receiver, staffPage);
  const request = viStaff.actions.request_supplement;
  await officer.getByLabel(request.comment).fill("Người nộp là người được ủy quyền: cần giấy ủy quyền.");
  await officer.getByLabel(request.otherDocuments).fill(letter);
  await officer.getByRole("button", { name: request.submit }).click();
  await expect(officer).toHaveURL(/done=request_supplement/);
  await expect(officer.getByText(letter).first()).toBeVisible();

  // The citizen's answer page: one slot, named, required; the limits said before sending.
  await citizen.setViewportSize({ width: 320, height: 900 });
  const dossierPage = `/vi/dossiers/${code}`;
  await citizen.goto(dossierPage);
  const slot = citizen.getByLabel(letter, { exact: true });
  await expect(slot).toHaveAttribute("type", "file");
  await expect(citizen.locator('form input[type="file"]')).toHaveCount(1);
  await expect(citizen.getByText(/PDF, JPG, PNG, HEIC/).first()).toBeVisible();
  await expectAccessible(citizen, "answer page, vi, 320 px");

  // Sent without the document: the error names it and links to its slot.
  await citizen.getByLabel(viDossiers.supplement.comment).fill("Tôi gửi bổ sung giấy ủy quyền.");
  await citizen.getByRole("button", { name: viDossiers.supplement.submit }).click();
  const summary = citizen.locator(".error-summary, [role=alert]").first();
  await expect(summary).toContainText(viDossiers.errors.requested_missing);
  await expectAccessible(citizen, "answer page error, vi, 320 px");

  // The same page in English.
  await citizen.goto(`/en/dossiers/${code}`);
  await expect(citizen.getByText(enDossiers.supplement.requestedTitle)).toBeVisible();
  await expectAccessible(citizen, "answer page, en, 320 px");

  // Answered with the document.
  await citizen.goto(dossierPage);
  await citizen.getByLabel(letter, { exact: true }).setInputFiles({
    name: "giay-uy-quyen.pdf",
    mimeType: "application/pdf",
    buffer: samplePdf(),
  });
  await citizen.getByLabel(viDossiers.supplement.comment).fill("Tôi gửi bổ sung giấy ủy quyền.");
  await citizen.getByRole("button", { name: viDossiers.supplement.submit }).click();
  await expect(citizen).toHaveURL(/done=supplement/);

  // The officer sees it, under the document's name, and can open it.
  await officer.goto(staffPage);
  const link = officer.getByRole("link", { name: "giay-uy-quyen.pdf" });
  await expect(link).toBeVisible();
  await expect(officer.getByText(`${letter}:`).first()).toBeVisible();
  const response = await officer.request.get((await link.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");

  // The citizen's documents: the ones given so far, in both languages at 320 px.
  await citizen.goto("/vi/documents");
  await expect(citizen.getByRole("heading", { level: 1, name: viDossiers.store.title })).toBeVisible();
  await expect(citizen.getByRole("heading", { name: letter }).first()).toBeVisible();
  // At 320 px the main navigation is folded behind its Menu control.
  await citizen.locator(".site-nav__menu:visible > summary").click();
  await expect(citizen.getByRole("link", { name: viCommon.nav.myDocuments })).toHaveAttribute(
    "href",
    "/vi/documents",
  );
  await expectAccessible(citizen, "my documents, vi, 320 px");
  await citizen.goto("/en/documents");
  await expect(citizen.getByRole("heading", { level: 1, name: enDossiers.store.title })).toBeVisible();
  await expectAccessible(citizen, "my documents, en, 320 px");
});
