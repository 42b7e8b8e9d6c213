import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";
import viCommon from "../../locales/vi/common.json" with { type: "json" };
import viDossiers from "../../locales/vi/dossiers.json" with { type: "json" };
import enCommon from "../../locales/en/common.json" with { type: "json" };
import enDossiers from "../../locales/en/dossiers.json" with { type: "json" };
import viForms from "../../locales/vi/forms.json" with { type: "json" };
import enForms from "../../locales/en/forms.json" with { type: "json" };
import { demoForms } from "../../db/seed/data/forms";
import { conditionHolds } from "../../lib/forms/flow";
import type { FormField } from "../../lib/forms/types";

/** No WCAG 2.2 A/AA violations on the page as it is now. */
export async function expectAccessible(page: Page, context = "") {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    // Only violations are read: axe then skips detailing every passing node, the bulk of its time.
    .options({ resultTypes: ["violations"] })
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

const continueWords = [viCommon.actions.continue, enCommon.actions.continue];

/** The text of an input's label (its own <label for>, or the legend of its fieldset). */
async function labelOf(page: Page, input: Locator): Promise<string> {
  const id = await input.getAttribute("id");
  const own = id
    ? await page
        .locator(`label[for="${id}"]`)
        .first()
        .textContent()
        .catch(() => null)
    : null;
  const legend = await input
    .locator("xpath=ancestor::fieldset[1]/legend")
    .first()
    .textContent({ timeout: 500 })
    .catch(() => null);
  return `${legend ?? ""} ${own ?? ""}`.trim();
}

/**
 * Fills whatever the current question page asks, by its labels where they say what the answer is
 * (the child's and the mother's names, sex, ID numbers) and by the input's kind otherwise (a phone, a
 * date, the first option of a list): so it follows the form's pages whatever their order. Fields
 * already answered are left alone.
 */
export async function fillQuestionPage(
  page: Page,
  answers: BirthRegistration,
  /** The files for an upload asked on the page (default: one small PDF named after the document). */
  files?: Parameters<Locator["setInputFiles"]>[0],
) {
  // Next keeps the pages visited before in the document, hidden (React Activity): only the visible
  // form is this page's. After a client-side move, wait for this page's own form.
  const onPage = /\/pages\/([^/?#]+)/.exec(new URL(page.url()).pathname)?.[1];
  if (onPage)
    await expect(
      page.locator(`main form:visible input[name="pageId"][value="${decodeURIComponent(onPage)}"]`),
    ).toHaveCount(1);
  const form = page.locator("main form:visible").last();
  const texts = await form
    .locator('input[name]:not([type="hidden"]):not([type="file"]):not([type="radio"]):not([type="checkbox"])')
    .all();
  for (const input of texts) {
    if (!(await input.isVisible()) || (await input.inputValue()) !== "") continue;
    const name = (await input.getAttribute("name")) ?? "";
    const type = (await input.getAttribute("type")) ?? "text";
    const mode = (await input.getAttribute("inputmode")) ?? "";
    const label = (await labelOf(page, input)).toLowerCase();
    const forChild = /trẻ|child/.test(label);
    let value: string;
    if (name.endsWith(".day")) value = forChild ? "20" : "15";
    else if (name.endsWith(".month")) value = forChild ? "11" : "3";
    else if (name.endsWith(".year")) value = forChild ? "2026" : "1990";
    else if (/năm sinh|year of birth/.test(label)) value = "1990";
    else if (type === "tel" || /điện thoại|phone/.test(label)) value = "0912345678";
    else if (type === "email") value = "me@example.com";
    else if (/định danh|identification|id number|căn cước/.test(label)) value = answers.idNumber;
    else if (forChild && /tên|name/.test(label)) value = answers.child;
    else if (/mẹ|mother/.test(label) && /tên|name/.test(label)) value = answers.mother;
    else if (/tên|name/.test(label)) value = "Nguyễn Văn Hùng";
    else if (mode === "numeric" || mode === "decimal" || /số bản|copies|number of/.test(label)) value = "1";
    else value = "Bệnh viện Đa khoa tỉnh Hưng Yên";
    await input.fill(value);
  }
  for (const area of await form.locator("textarea[name]").all())
    if ((await area.isVisible()) && (await area.inputValue()) === "") await area.fill("Phố Hiến, Hưng Yên");
  for (const select of await form.locator("select[name]").all()) {
    if (!(await select.isVisible()) || (await select.inputValue()) !== "") continue;
    const label = (await labelOf(page, select)).toLowerCase();
    const values: string[] = [];
    for (const option of await select.locator("option").all()) {
      const value = (await option.getAttribute("value")) ?? "";
      if (value !== "") values.push(value);
    }
    // Hưng Yên (33) among the provinces, so its communes are the ones offered.
    const wanted = /giới tính|sex/.test(label)
      ? answers.sex
      : values.includes("VN")
        ? "VN"
        : values.includes("33")
          ? "33"
          : values[0];
    if (wanted) await select.selectOption(wanted);
  }
  // An upload asked on a question page (the birth certificate): one small PDF, unless one is attached.
  const attached = form.getByRole("list", {
    name: new RegExp(`${viForms.fields.filesAttached}|${enForms.fields.filesAttached}`),
  });
  for (const input of await form.locator('input[type="file"][name^="doc_"]').all()) {
    if (!(await input.isVisible()) || (await attached.count()) > 0) continue;
    const key = ((await input.getAttribute("name")) ?? "doc_file").slice(4);
    await input.setInputFiles(
      files ?? { name: `${key.replace(/_/g, "-")}.pdf`, mimeType: "application/pdf", buffer: samplePdf() },
    );
  }
  const radios = await form.locator('input[type="radio"]').all();
  const groups = new Map<string, Locator[]>();
  for (const radio of radios) {
    const name = (await radio.getAttribute("name")) ?? "";
    groups.set(name, [...(groups.get(name) ?? []), radio]);
  }
  for (const options of groups.values()) {
    const checked = await Promise.all(options.map((option) => option.isChecked()));
    if (checked.some(Boolean) || !(await options[0]!.isVisible())) continue;
    const label = (await labelOf(page, options[0]!)).toLowerCase();
    if (/giới tính|sex/.test(label)) {
      for (const option of options)
        if ((await option.getAttribute("value")) === answers.sex) await option.check();
    } else await options[0]!.check();
  }
}

/** Presses the page's Continue and waits for the next page; fails with the error summary's words. */
export async function pressContinue(page: Page) {
  const before = page.url();
  await page.getByRole("button", { name: new RegExp(`^(${continueWords.join("|")})$`) }).click();
  const changed = await page
    .waitForURL((url) => url.toString() !== before, { timeout: 60_000 })
    .then(() => true)
    .catch(() => false);
  if (!changed)
    throw new Error(
      `The page ${before} refused Continue: ${await page
        .locator(".error-summary")
        .innerText()
        .catch(() => "")}`,
    );
}

/**
 * From a draft's task list (or any of its pages) to check answers: every question page filled, the
 * birth certificate on the documents step. `onPage` runs on each page first (axe, a look at errors).
 */
export async function walkDraftPages(
  page: Page,
  answers: BirthRegistration,
  options: {
    onPage?: (kind: "question" | "documents") => Promise<void>;
    /** The birth certificate's files (default: one small PDF). */
    files?: Parameters<Locator["setInputFiles"]>[0];
  } = {},
) {
  if (/\/drafts\/[^/]+$/.test(new URL(page.url()).pathname)) {
    await page.goto(`${new URL(page.url()).pathname}/continue`);
  }
  for (let step = 0; step < 40; step += 1) {
    const path = new URL(page.url()).pathname;
    if (path.endsWith("/check")) return;
    if (path.endsWith("/documents")) {
      await options.onPage?.("documents");
      const input = page.locator('input[type="file"][name="doc_giay_chung_sinh"]');
      if ((await input.count()) > 0 && (await page.getByText("giay-chung-sinh.pdf").count()) === 0)
        await input.setInputFiles(
          options.files ?? { name: "giay-chung-sinh.pdf", mimeType: "application/pdf", buffer: samplePdf() },
        );
      await pressContinue(page);
      continue;
    }
    await options.onPage?.("question");
    await fillQuestionPage(page, answers, options.files);
    await pressContinue(page);
  }
  throw new Error(`Never reached check answers: ${page.url()}`);
}

/** Starts a birth registration draft at the first commune offered; ends on its task list. */
export async function startBirthDraft(page: Page, lang: "vi" | "en" = "vi") {
  await page.goto(`/${lang}/dossiers/new?procedure=1.001193`);
  await page.getByRole("radio").first().check();
  await page
    .getByRole("button", { name: lang === "vi" ? viDossiers.new.start : enDossiers.new.start })
    .click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/dossiers/drafts/`));
}

/**
 * Filing without walking the pages: for the specs that need a submitted dossier, not the filing
 * itself (the journey and filing specs walk every page in the browser). The draft is started and
 * submitted in the browser; each page's answers go through the same post the page's "leave" beacon
 * makes, and the files through the page's upload route, so the server checks them as it does any.
 */
const hungYen = { province: "33", commune: "11953", street: "Số 1 đường Nguyễn Văn Linh" };

function sampleAnswer(field: FormField, answers: BirthRegistration): [string, string][] {
  const name = field.name;
  switch (field.type) {
    case "text":
      if (name === "childFullName") return [[name, answers.child]];
      if (name === "motherFullName") return [[name, answers.mother]];
      if (field.personal === "name") return [[name, "Nguyễn Văn Hùng"]];
      // A short code (e.g. a 4-digit industry code).
      if ((field.maxLength ?? 200) < 10) return [[name, "4711".slice(0, field.maxLength)]];
      return [[name, "Bệnh viện Đa khoa tỉnh Hưng Yên"]];
    case "textarea":
      return [[name, "Phố Hiến, Hưng Yên"]];
    case "number":
      return [[name, (field.min ?? 0) >= 1900 ? "1990" : "1"]];
    case "money":
      return [[name, "500000000"]];
    case "date": {
      const [day, month, year] = name.startsWith("child") ? ["20", "11", "2026"] : ["15", "3", "1990"];
      return [
        [`${name}.day`, day],
        [`${name}.month`, month],
        [`${name}.year`, year],
      ];
    }
    case "radio":
    case "select":
    case "checkboxes":
      return [[name, /sex/i.test(name) ? answers.sex : (field.options?.[0]?.value ?? "")]];
    case "yesNo":
      return [[name, "no"]];
    case "email":
      return [[name, "me@example.com"]];
    case "tel":
      return [[name, "0912345678"]];
    case "idNumber":
      return [[name, answers.idNumber]];
    case "taxCode":
      return [[name, "0901234564"]];
    case "ethnicity":
      return [[name, "01"]];
    case "nationality":
      return [[name, "VN"]];
    case "address":
      return Object.entries(hungYen).map(([part, value]) => [`${name}.${part}`, value]);
    case "group":
      return (field.fields ?? []).flatMap((child) =>
        sampleAnswer({ ...child, name: `${name}[0].${child.name}` }, answers),
      );
    case "document":
      return [];
  }
}

type QuickOptions = {
  procedureCode?: string;
  /** False: no file for the required uploads (the test gives its own). */
  documents?: boolean;
  /** Answers that replace the sample ones, by field name (e.g. a choice that opens other pages). */
  choose?: Record<string, string>;
  /** Pages left as they are (e.g. one pre-filled from the organisation). */
  skipPages?: string[];
};

/**
 * Starts a draft of the procedure's demo form at the first office offered (or, with `filer`, in
 * the name that radio names) and gives it sample answers; returns its id.
 */
export async function fillDraftQuickly(
  page: Page,
  answers: BirthRegistration,
  options: QuickOptions & { filer?: string } = {},
): Promise<string> {
  const procedureCode = options.procedureCode ?? "1.001193";
  await page.goto(`/vi/dossiers/new?procedure=${procedureCode}`);
  if (options.filer) await page.getByRole("radio", { name: options.filer }).check();
  const offices = page.locator('input[name="competentAgencyId"]');
  if ((await offices.count()) > 0) await offices.first().check();
  else await page.getByRole("radio").first().check();
  await page.getByRole("button", { name: viDossiers.new.start }).click();
  await expect(page).toHaveURL(/\/vi\/dossiers\/drafts\/[^/]+/);
  const draftId = /\/drafts\/([^/?#]+)/.exec(page.url())![1]!;
  await answerDraftQuickly(page, draftId, answers, { ...options, procedureCode });
  return draftId;
}

/**
 * Gives an open draft sample answers page by page (and, unless `documents` is false, a small PDF for
 * each required upload), through the routes the filing pages use when they are left or upload.
 */
export async function answerDraftQuickly(
  page: Page,
  draftId: string,
  answers: BirthRegistration,
  options: QuickOptions = {},
) {
  const procedureCode = options.procedureCode ?? "1.001193";
  const definition = demoForms[procedureCode];
  if (!definition) throw new Error(`No demo form for ${procedureCode}`);
  const origin = new URL(page.url()).origin;
  const given: Record<string, unknown> = {};
  for (const formPage of definition.pages) {
    if (!conditionHolds(formPage.showIf, given)) continue;
    if (options.skipPages?.includes(formPage.id)) continue;
    const entries = formPage.fields
      .filter((field) => conditionHolds(field.showIf, given))
      .flatMap((field): [string, string][] =>
        options.choose?.[field.name] !== undefined
          ? [[field.name, options.choose[field.name]!]]
          : sampleAnswer(field, answers),
      );
    for (const [name, value] of entries) given[name] = value;
    if (entries.length > 0) {
      const saved = await page.request.post(`/api/v1/drafts/${draftId}/pages/${formPage.id}`, {
        headers: { origin },
        form: Object.fromEntries(entries),
      });
      expect(saved.status(), await saved.text()).toBe(200);
    }
    for (const field of formPage.fields) {
      if (options.documents === false) break;
      if (field.type !== "document" || !field.documentKey || field.required === false) continue;
      const uploaded = await page.request.post(`/api/v1/drafts/${draftId}/files`, {
        headers: { origin },
        multipart: {
          documentKey: field.documentKey,
          file: { name: `${field.documentKey}.pdf`, mimeType: "application/pdf", buffer: samplePdf() },
        },
      });
      expect(uploaded.status(), await uploaded.text()).toBe(200);
    }
  }
}

/**
 * Files a birth registration at the first commune offered (Phố Hiến, the demo receiver's) as the
 * signed-in applicant on `page`, with its one required document; returns the code. For the specs
 * that need a dossier: the answers go in without walking the pages (see fillDraftQuickly).
 */
export async function fileBirthRegistration(page: Page, answers: BirthRegistration): Promise<string> {
  const draftId = await fillDraftQuickly(page, answers);
  await page.goto(`/vi/dossiers/drafts/${draftId}/check`);
  await page.getByRole("button", { name: viDossiers.check.submit, exact: true }).click();
  await expect(page).toHaveURL(/\/vi\/dossiers\/.+\/submitted$/);
  return decodeURIComponent(page.url().split("/dossiers/")[1]!.replace("/submitted", ""));
}
