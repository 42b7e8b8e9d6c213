"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/identity/actor";
import { addAttachment, getDossierDetail, removeAttachment, saveDraftAnswers } from "@/lib/dossiers/service";
import { getFilingVersion } from "@/lib/dossiers/filing";
import { signInUrl } from "@/lib/forms/callbackUrl";
import { isLang, type Lang } from "@/lib/i18n/settings";
import { textValues, type FormState } from "@/components/forms/formState";
import { validateAnswers } from "@/lib/forms/schema";
import { answersAsText, draftIssues } from "../../_shared/draft";

/** Service issue keys about one file, as keys the form translates. */
function fileIssue(error: string, issues: Record<string, string[]> | undefined, fileName: string): string {
  if (error === "file_type" || error === "file_too_large") return `dossiers:errors.${error}::${fileName}`;
  const key = Object.values(issues ?? {})[0]?.[0];
  if (key === "errors.fileEmpty") return `dossiers:errors.empty::${fileName}`;
  return `dossiers:errors.${error}::${fileName}`;
}

/**
 * "Continue" (and "Remove" a file): saves what was typed, stores every file chosen, then either
 * goes on to check the answers or shows the page again with what is still wrong. Nothing typed or
 * uploaded is lost on the way.
 */
export async function saveDraftAction(_previous: FormState, data: FormData): Promise<FormState> {
  const lang: Lang = isLang(data.get("lang")) ? (data.get("lang") as Lang) : "vi";
  const dossierId = String(data.get("dossierId") ?? "");
  const page = `/${lang}/dossiers/drafts/${dossierId}`;
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(signInUrl(lang, page));

  const detail = await getDossierDetail(actor, { id: dossierId });
  if (!detail.ok) redirect(`/${lang}/dossiers`);
  const { dossier } = detail.value;
  if (dossier.status !== "draft")
    redirect(dossier.code ? `/${lang}/dossiers/${dossier.code}` : `/${lang}/dossiers`);
  const version = await getFilingVersion(dossier.procedureVersionId);
  if (!version) redirect(`/${lang}/dossiers`);

  const values = textValues(
    data,
    version.form.fields.map((field) => field.name),
  );
  // Valid answers are kept as the schema cleans them ("033 190 012 345" -> "033190012345"), still
  // as text so the form shows them again; invalid ones exactly as typed.
  const checked = validateAnswers(version.form, values);
  const formData = checked.ok ? answersAsText(checked.value) : values;
  const saved = await saveDraftAnswers(actor, { dossierId, formData });
  if (!saved.ok && saved.error !== "invalid_input") {
    return { values, issues: {}, formError: `dossiers:errors.${saved.error}`, formErrorField: "main" };
  }

  const issues: Record<string, string[]> = {};
  const attachments = [...detail.value.attachments];
  for (const document of version.documents) {
    const field = `doc_${document.key}`;
    const files = data
      .getAll(field)
      .filter((value): value is File => value instanceof File && value.size > 0);
    for (const file of files) {
      const added = await addAttachment(actor, {
        dossierId,
        documentKey: document.key,
        fileName: file.name || "file",
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      if (added.ok) attachments.push(added.value);
      else (issues[field] ??= []).push(fileIssue(added.error, added.issues, file.name));
    }
  }

  const remove = data.get("remove");
  if (typeof remove === "string" && remove) {
    const removed = await removeAttachment(actor, { dossierId, attachmentId: remove });
    revalidatePath(page);
    if (!removed.ok)
      return { values, issues, formError: `dossiers:errors.${removed.error}`, formErrorField: "main" };
    return { values, issues };
  }

  // In the page's order: the answers, then the documents. A rejected file already says why, so
  // "upload this document" is not repeated for it.
  const remaining = draftIssues(version, values, attachments);
  const ordered: Record<string, string[]> = {};
  for (const field of version.form.fields) {
    if (remaining[field.name]) ordered[field.name] = remaining[field.name]!;
  }
  for (const document of version.documents) {
    const field = `doc_${document.key}`;
    const list = issues[field] ?? remaining[field];
    if (list) ordered[field] = list;
  }
  if (Object.keys(ordered).length > 0) {
    revalidatePath(page);
    return { values, issues: ordered };
  }
  redirect(`${page}/check`);
}
