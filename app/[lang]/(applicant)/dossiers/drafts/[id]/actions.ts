"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/identity/actor";
import { addAttachments, getDossierDetail, refusalIssues, saveDraft } from "@/lib/dossiers/service";
import { signInUrl } from "@/lib/forms/callbackUrl";
import { formText } from "@/lib/forms/formText";
import { isLang, type Lang } from "@/lib/i18n/settings";
import type { FormState } from "@/components/forms/formState";
import { chosenFiles, typedAnswers } from "../../_shared/draft";

function target(data: FormData) {
  const lang: Lang = isLang(data.get("lang")) ? (data.get("lang") as Lang) : "vi";
  const dossierId = formText(data, "dossierId");
  return { lang, dossierId, page: `/${lang}/dossiers/drafts/${encodeURIComponent(dossierId)}` };
}

/** A draft that cannot be saved any more: to the dossier it became, or to the list. */
async function leaveDraft(lang: Lang, dossierId: string): Promise<never> {
  const actor = await getActor();
  const detail = await getDossierDetail(actor, { id: dossierId });
  redirect(
    detail.ok && detail.value.dossier.code
      ? `/${lang}/dossiers/${encodeURIComponent(detail.value.dossier.code)}`
      : `/${lang}/dossiers`,
  );
}

/**
 * "Continue" (and "Remove" a file): one saveDraft with what was typed and the files chosen, then on
 * to check the answers, or the page again with what is still wrong and everything typed.
 */
export async function saveDraftAction(_previous: FormState, data: FormData): Promise<FormState> {
  const { lang, dossierId, page } = target(data);
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(signInUrl(lang, page));

  const values = typedAnswers(data);
  const remove = formText(data, "remove");
  const saved = await saveDraft(actor, {
    dossierId,
    answers: values,
    files: await chosenFiles(data),
    remove,
  });
  if (!saved.ok) {
    if (saved.error === "not_found" || saved.error === "invalid_transition")
      await leaveDraft(lang, dossierId);
    return { values, issues: {}, formError: `dossiers:errors.${saved.error}`, formErrorField: "main" };
  }
  const { issues, refused, removeError } = saved.value;
  revalidatePath(page);
  if (remove) {
    // "Remove" is not "Continue": only what this save refused is shown, not every missing answer.
    if (removeError)
      return { values, issues: refused, formError: `dossiers:errors.${removeError}`, formErrorField: "main" };
    return { values, issues: refused };
  }
  // "stay": the browser sent the files one by one and one was refused; it shows why, so the page stays.
  if (Object.keys(issues).length > 0 || formText(data, "intent") === "stay") return { values, issues };
  redirect(`${page}/check`);
}

export type AddFileResult =
  | { ok: true; attachment: { id: string; fileName: string; size: number } }
  | { ok: false; issues: Record<string, string[]> };

/**
 * One file for one document of the applicant's draft: with JavaScript on, the form sends each file
 * chosen through this before it saves the answers, so no post nears the size limit.
 */
export async function addDraftFileAction(data: FormData): Promise<AddFileResult> {
  const { dossierId } = target(data);
  const documentKey = formText(data, "documentKey");
  const field = `doc_${documentKey}`;
  const actor = await getActor();
  if (actor.kind === "anonymous") return { ok: false, issues: { main: ["dossiers:errors.signed_out"] } };
  const file = data.get("file");
  if (!(file instanceof File)) return { ok: false, issues: { [field]: ["dossiers:errors.invalid_input"] } };
  const added = await addAttachments(actor, {
    dossierId,
    files: [{ documentKey, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }],
  });
  if (!added.ok) return { ok: false, issues: { [field]: [`dossiers:errors.${added.error}`] } };
  const [attachment] = added.value.added;
  if (!attachment) return { ok: false, issues: refusalIssues(added.value.refused) };
  return {
    ok: true,
    attachment: { id: attachment.id, fileName: attachment.fileName, size: attachment.size },
  };
}
