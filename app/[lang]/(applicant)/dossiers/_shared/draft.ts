import "server-only";
import { notFound, redirect } from "next/navigation";
import { validateAnswers } from "@/lib/forms/schema";
import { getFilingVersion, type FilingVersion } from "@/lib/dossiers/filing";
import { getDossierDetail } from "@/lib/dossiers/service";
import type { AttachmentView } from "@/lib/dossiers/types";
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

/** What is still wrong with a draft: answer issues and required documents without a file. */
export function draftIssues(
  version: FilingVersion,
  formData: Record<string, unknown>,
  attachments: Pick<AttachmentView, "documentKey">[],
): Record<string, string[]> {
  const checked = validateAnswers(version.form, formData);
  const issues: Record<string, string[]> = checked.ok ? {} : { ...checked.issues };
  const present = new Set(attachments.map((attachment) => attachment.documentKey));
  for (const document of version.documents) {
    if (document.required && !present.has(document.key))
      issues[`doc_${document.key}`] = ["errors.documentRequired"];
  }
  return issues;
}

export function fileSize(bytes: number, lang: "vi" | "en"): string {
  const locale = lang === "vi" ? "vi-VN" : "en-GB";
  if (bytes < 1024 * 1024)
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} KB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;
}
