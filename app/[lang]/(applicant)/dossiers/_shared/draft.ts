import "server-only";
import { validateAnswers } from "@/lib/forms/schema";
import type { FilingVersion } from "@/lib/dossiers/filing";
import type { AttachmentView } from "@/lib/dossiers/types";

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
