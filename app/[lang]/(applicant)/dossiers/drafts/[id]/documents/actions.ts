"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/identity/actor";
import { getDossierDetail, saveDraft } from "@/lib/dossiers/service";
import { getFilingVersion } from "@/lib/dossiers/filing";
import { signInUrl } from "@/lib/forms/callbackUrl";
import { formText } from "@/lib/forms/formText";
import { isLang, type Lang } from "@/lib/i18n/settings";
import type { PageState } from "@/components/forms/fields/PageForm.client";
import { chosenFiles, documentsPage, draftPath } from "../../../_shared/draft";

/**
 * "Continue" on the documents step: keeps the files chosen (and "Remove"), then on to check answers,
 * or the step again with the documents still missing and the files refused, saying why.
 */
export async function saveDocumentsAction(_previous: PageState, data: FormData): Promise<PageState> {
  const lang: Lang = isLang(data.get("lang")) ? (data.get("lang") as Lang) : "vi";
  const dossierId = formText(data, "dossierId");
  const here = draftPath(lang, dossierId, "/documents");
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(signInUrl(lang, here));
  const detail = await getDossierDetail(actor, { id: dossierId });
  if (!detail.ok) redirect(`/${lang}/dossiers`);
  const version = await getFilingVersion(detail.value.dossier.procedureVersionId);
  if (!version) redirect(`/${lang}/dossiers`);

  const remove = formText(data, "remove");
  const otherDescription = formText(data, "otherDescription");
  const saved = await saveDraft(actor, {
    dossierId,
    files: await chosenFiles(data),
    otherDescription,
    remove: remove || null,
  });
  if (!saved.ok) {
    if (saved.error === "invalid_transition" || saved.error === "not_found") redirect(`/${lang}/dossiers`);
    return { answers: { otherDescription }, issues: { doc_other: [`dossiers:errors.${saved.error}`] } };
  }
  revalidatePath(here);
  const intent = formText(data, "intent");
  if (intent === "later") redirect(draftPath(lang, dossierId, "?saved=1"));
  if (remove) redirect(here);
  // Only this step's documents: those on the form's pages are asked for there.
  const keys = new Set([...documentsPage(version).fields.map((field) => field.name), "otherDescription"]);
  const pick = (issues: Record<string, string[]>) =>
    Object.fromEntries(Object.entries(issues).filter(([key]) => keys.has(key)));
  const issues = pick(saved.value.issues);
  if (Object.keys(issues).length > 0 || intent === "stay") {
    const shown = Object.keys(issues).length > 0 ? issues : pick(saved.value.refused);
    return { answers: shown.otherDescription ? { otherDescription } : {}, issues: shown };
  }
  redirect(draftPath(lang, dossierId, "/check"));
}
