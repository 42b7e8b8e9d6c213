import "server-only";
import { formFields } from "@/lib/forms/definition";
import { notFound, redirect } from "next/navigation";
import { validateAnswers } from "@/lib/forms/schema";
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

/** What is still wrong with a stored draft, in the page's order: the answers, then the documents. */
export function draftIssues(
  version: FilingVersion,
  formData: Record<string, unknown>,
  attachments: Pick<AttachmentView, "documentKey">[],
): Record<string, string[]> {
  const checked = validateAnswers(version.form, formData);
  const answers = checked.ok ? {} : checked.issues;
  const issues: Record<string, string[]> = {};
  for (const field of formFields(version.form)) {
    if (answers[field.name]) issues[field.name] = answers[field.name]!;
  }
  return {
    ...issues,
    ...missingDocuments(
      version.documents,
      attachments.map((attachment) => attachment.documentKey),
    ),
  };
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
    // An empty input posts a nameless empty file: nothing chosen. A chosen empty file is refused ("empty").
    if (!name.startsWith("doc_") || !(value instanceof File) || (value.size === 0 && value.name === ""))
      continue;
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
