import "server-only";
import { notFound, redirect } from "next/navigation";
import { otherDocumentKey } from "@/lib/dossiers/drafts";
import { taskList, visibleFields, visiblePages, type Answers } from "@/lib/forms/flow";
import { validateAnswers } from "@/lib/forms/schema";
import type { FormPage } from "@/lib/forms/types";
import { ethnicities, nationalities, type ListEntry } from "@/lib/forms/lists";
import { communesOf, listProvinces } from "@/lib/places/service";
import { getMessages } from "@/lib/i18n/server";
import type { Lookups } from "@/components/forms/fields/FormPageFields";
import { fieldMessageKeys } from "@/components/forms/fields/FormPageFields";
import { getFilingVersion, type FilingVersion } from "@/lib/dossiers/filing";
import { getDossierDetail } from "@/lib/dossiers/service";
import { missingDocuments } from "@/lib/dossiers/rules";
import type { ChosenFile } from "@/lib/dossiers/service";
import type { AttachmentView } from "@/lib/dossiers/types";
import { formTexts } from "@/lib/forms/formText";
import type { Lang } from "@/lib/i18n/settings";
import { requireApplicant } from "./applicant";

/**
 * The signed-in applicant's draft with the version it is filed under, for the form and the
 * check-answers page. Null for a staff account; someone else's or unknown draft is a 404; a draft
 * already submitted sends the reader to the dossier itself.
 */
export async function loadOwnDraft(lang: Lang, id: string) {
  const applicant = await requireApplicant(lang);
  if (!applicant) return null;
  const detail = await getDossierDetail(applicant, { id });
  if (!detail.ok) notFound();
  const { dossier, attachments } = detail.value;
  if (dossier.status !== "draft")
    redirect(dossier.code ? `/${lang}/dossiers/${dossier.code}` : `/${lang}/dossiers`);
  const version = await getFilingVersion(dossier.procedureVersionId);
  if (!version) notFound();
  return { applicant, dossier, attachments, version };
}

/** Stored answers as the form shows them again (everything typed is text). */
export function answersAsText(formData: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(formData)) {
    if (value === null || value === undefined) continue;
    values[name] = typeof value === "string" ? value : String(value);
  }
  return values;
}

/** The documents the form's pages do not ask for: the documents step asks for them. */
export function documentsStep(version: FilingVersion) {
  const onPages = new Set(
    version.form.pages.flatMap((page) =>
      page.fields.filter((field) => field.type === "document").map((field) => field.documentKey),
    ),
  );
  return version.documents.filter((document) => !onPages.has(document.key));
}

/**
 * What is still wrong with a stored draft: every shown page's answers (with its conditions), the
 * shown document fields without a file, then the documents of the documents step.
 */
export function draftIssues(
  version: FilingVersion,
  formData: Answers,
  attachments: Pick<AttachmentView, "documentKey">[],
): Record<string, string[]> {
  const checked = validateAnswers(version.form, formData);
  const issues: Record<string, string[]> = checked.ok ? {} : { ...checked.issues };
  const attached = attachments.map((attachment) => attachment.documentKey);
  for (const page of visiblePages(version.form, formData))
    for (const field of visibleFields(page, formData, version.form))
      if (field.type === "document" && field.required && !attached.includes(field.documentKey ?? ""))
        issues[`doc_${field.documentKey}`] = ["errors.documentRequired"];
  return { ...issues, ...missingDocuments(documentsStep(version), attached) };
}

/** The address of a draft's page, of its documents step, its check page. */
export function draftPath(lang: Lang, id: string, rest = "") {
  return `/${lang}/dossiers/drafts/${encodeURIComponent(id)}${rest}`;
}

/** The sections of the task list with their status, then the documents step's. */
export function draftTasks(
  version: FilingVersion,
  formData: Answers,
  attachments: Pick<AttachmentView, "documentKey">[],
) {
  const issues = draftIssues(version, formData, attachments);
  const sections = taskList(version.form, formData, issues);
  const missingDocs = Object.keys(
    missingDocuments(
      documentsStep(version),
      attachments.map((a) => a.documentKey),
    ),
  );
  const anyDocument = attachments.length > 0;
  const documentsStatus: "notStarted" | "inProgress" | "completed" =
    missingDocs.length === 0 ? "completed" : anyDocument ? "inProgress" : "notStarted";
  return { issues, sections, documentsStatus };
}

/** Where "Continue" on My dossiers goes: the first page with something missing or wrong. */
export function firstUnfinished(
  lang: Lang,
  id: string,
  version: FilingVersion,
  formData: Answers,
  attachments: Pick<AttachmentView, "documentKey">[],
): string {
  const { sections, documentsStatus } = draftTasks(version, formData, attachments);
  const open = sections.find((section) => section.status !== "completed");
  if (open) return draftPath(lang, id, `/pages/${encodeURIComponent(open.pageId)}`);
  if (documentsStatus !== "completed") return draftPath(lang, id, "/documents");
  return draftPath(lang, id, "/check");
}

/** The page of a draft's form by id, when it is shown for the answers so far. */
export function shownPage(version: FilingVersion, formData: Answers, pageId: string): FormPage | null {
  return visiblePages(version.form, formData).find((page) => page.id === pageId) ?? null;
}

/** The page id of the documents step (not a page of the form). */
export const documentsPageId = "documents";

/**
 * The documents step as a page for the field renderer: a document field per procedure document the
 * form's pages do not ask for, then "Other documents" (any file, with what it is).
 */
export function documentsPage(version: FilingVersion): FormPage {
  const text = (vi: string, en: string) => ({ vi, en });
  return {
    id: documentsPageId,
    title: text("Tải lên giấy tờ", "Upload your documents"),
    fields: [
      ...documentsStep(version).map((document) => ({
        name: `doc_${document.key}`,
        type: "document" as const,
        documentKey: document.key,
        label: document.name,
        hint: document.description,
        required: document.required,
      })),
      {
        name: "doc_other",
        type: "document" as const,
        documentKey: otherDocumentKey,
        label: text("Giấy tờ khác", "Other documents"),
        hint: text(
          "Giấy tờ khác bạn muốn gửi, ví dụ giấy tờ cán bộ đề nghị bổ sung.",
          "Anything else you want to send, for example a document an officer asked for.",
        ),
        required: false,
      },
      {
        name: "otherDescription",
        type: "text" as const,
        label: text("Các tệp khác này là giấy tờ gì?", "What are these other files?"),
        hint: text(
          "Ví dụ: văn bản ủy quyền có chứng thực. Bắt buộc khi bạn tải lên giấy tờ khác.",
          "For example: certified letter of authorisation. Needed when you add other files.",
        ),
        required: false,
        maxLength: 500,
      },
    ],
  };
}

/** The strings of a filing page (the field renderer's and the page's own). */
export function filingMessages(lang: Lang) {
  return getMessages(lang, [
    ...fieldMessageKeys,
    "common:actions.continue",
    "common:errorSummaryTitle",
    "dossiers:filing",
    "dossiers:errors",
  ]);
}

/** Provinces and communes for address fields (lib/places), and the ethnicity and nationality lists. */
export async function draftLookups(lang: Lang = "vi"): Promise<Lookups> {
  const list = (entries: readonly ListEntry[]) =>
    entries.map((entry) => ({ code: entry.code, name: entry.name[lang] }));
  const provinces = await listProvinces();
  const communes: Lookups["communes"] = {};
  for (const province of provinces) {
    const units = await communesOf(province.code);
    if (units) communes[province.code] = units.map((unit) => ({ code: unit.code, name: unit.name }));
  }
  return {
    provinces: provinces.map((unit) => ({ code: unit.code, name: unit.name })),
    communes,
    ethnicities: list(ethnicities),
    nationalities: list(nationalities),
  };
}

/** The files attached per document key, as the document fields list them. */
export function filesByDocument(attachments: AttachmentView[], lang: Lang) {
  const files: Record<string, { id: string; fileName: string; size: string }[]> = {};
  for (const attachment of attachments) {
    const description = (attachment as { description?: string | null }).description;
    (files[attachment.documentKey] ??= []).push({
      id: attachment.id,
      fileName:
        attachment.documentKey === otherDocumentKey && description
          ? `${attachment.fileName} (${description})`
          : attachment.fileName,
      size: fileSize(attachment.size, lang),
    });
  }
  return files;
}

/** Form fields that are not answers: the page's own hidden fields and buttons. */
const notAnswers = new Set(["lang", "dossierId", "intent", "remove"]);

/**
 * The answers typed in a draft form, as text without NUL (lib/forms/formText): every text field
 * but the page's own; the use case keeps only the form definition's fields.
 */
export function typedAnswers(data: FormData): Record<string, string> {
  const names = new Set<string>();
  for (const [name, value] of data.entries()) {
    if (typeof value === "string" && !notAnswers.has(name) && !name.startsWith("$ACTION")) names.add(name);
  }
  return formTexts(data, [...names]);
}

/** The files chosen in a form, per document: the inputs are named "doc_<document key>". */
export async function chosenFiles(data: FormData): Promise<ChosenFile[]> {
  const files: ChosenFile[] = [];
  for (const [name, value] of data.entries()) {
    // An empty input posts an empty part with no name (JavaScript off) or named "undefined" (the
    // enhanced form): nothing chosen. A chosen empty file has its name and is refused ("empty").
    const nothingChosen = value instanceof File && value.size === 0 && ["", "undefined"].includes(value.name);
    if (!name.startsWith("doc_") || !(value instanceof File) || nothingChosen) continue;
    files.push({
      documentKey: name.slice("doc_".length),
      fileName: value.name,
      bytes: new Uint8Array(await value.arrayBuffer()),
    });
  }
  return files;
}

export function fileSize(bytes: number, lang: "vi" | "en"): string {
  const locale = lang === "vi" ? "vi-VN" : "en-GB";
  if (bytes < 1024 * 1024)
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} KB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;
}
