"use server";

import { redirect } from "next/navigation";
import { getActor } from "@/lib/identity/actor";
import {
  addAttachments,
  getDossierDetail,
  refusalIssues,
  supplementDossier,
  withdrawDossier,
} from "@/lib/dossiers/service";
import { supplementSchema } from "@/lib/dossiers/schema";
import { issuesOf } from "@/lib/result";
import { signInUrl } from "@/lib/forms/callbackUrl";
import { isLang, type Lang } from "@/lib/i18n/settings";
import { formText } from "@/lib/forms/formText";
import { textValues, type FormState } from "@/components/forms/formState";
import { chosenFiles } from "../_shared/draft";
import { requestedDocumentKey } from "@/lib/dossiers/requestedDocuments";

function target(data: FormData) {
  const lang: Lang = isLang(data.get("lang")) ? (data.get("lang") as Lang) : "vi";
  const code = formText(data, "code");
  return { lang, code, page: `/${lang}/dossiers/${encodeURIComponent(code)}` };
}

/** The applicant answers a request for more documents: the files first, then the dossier goes back. */
export async function supplementAction(_previous: FormState, data: FormData): Promise<FormState> {
  const { lang, code, page } = target(data);
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(signInUrl(lang, page));
  const values = textValues(data, ["comment"]);
  const command = {
    dossierId: formText(data, "dossierId"),
    version: formText(data, "version"),
    comment: values.comment,
  };
  const parsed = supplementSchema.safeParse(command);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error, { fallback: "errors.invalid" });
    if (issues.comment) return { values, issues: { comment: issues.comment } };
    return { values, issues: {}, formError: "dossiers:errors.invalid_input", formErrorField: "comment" };
  }

  const detail = await getDossierDetail(actor, { code });
  if (!detail.ok || detail.value.dossier.id !== parsed.data.dossierId) redirect(`/${lang}/dossiers`);
  const files = await chosenFiles(data);
  // Each document the request names needs a file: chosen now, or sent since the request.
  const request = detail.value.supplementRequest;
  if (request && request.documents.length > 0) {
    const missing: Record<string, string[]> = {};
    request.documents.forEach((document, index) => {
      const key = requestedDocumentKey(document, index);
      const chosen = files.some((file) => file.documentKey === key);
      const sent = detail.value.attachments.some(
        (attachment) => attachment.documentKey === key && attachment.createdAt >= request.at,
      );
      if (!chosen && !sent) missing[`doc_${key}`] = ["dossiers:errors.requested_missing"];
    });
    if (Object.keys(missing).length > 0) return { values, issues: missing };
  }
  // The same file loop as a draft's (lib/dossiers/attachments): files that are accepted stay
  // attached; the person fixes the others and sends again.
  const added = await addAttachments(actor, {
    dossierId: parsed.data.dossierId,
    files,
  });
  if (!added.ok)
    return { values, issues: {}, formError: `dossiers:errors.${added.error}`, formErrorField: "comment" };
  if (added.value.refused.length > 0) return { values, issues: refusalIssues(added.value.refused) };

  const result = await supplementDossier(actor, parsed.data);
  if (result.ok) redirect(`${page}?done=supplement`);
  return { values, issues: {}, formError: `dossiers:errors.${result.error}`, formErrorField: "comment" };
}

export async function withdrawAction(data: FormData): Promise<void> {
  const { lang, page } = target(data);
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(signInUrl(lang, page));
  const comment = formText(data, "comment");
  const result = await withdrawDossier(actor, {
    dossierId: formText(data, "dossierId"),
    version: Number(formText(data, "version")),
    comment: comment.trim() ? comment : undefined,
  });
  redirect(result.ok ? `${page}?done=withdraw` : `${page}?error=${result.error}`);
}
