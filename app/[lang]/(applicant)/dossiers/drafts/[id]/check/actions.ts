"use server";

import { redirect } from "next/navigation";
import { getActor } from "@/lib/identity/actor";
import { submitDossier } from "@/lib/dossiers/service";
import { signInUrl } from "@/lib/forms/callbackUrl";
import { isLang } from "@/lib/i18n/settings";

/** Submits the draft. The service is idempotent, so a double click or a replayed post finds the same dossier. */
export async function submitDraftAction(data: FormData): Promise<void> {
  const lang = isLang(data.get("lang")) ? (data.get("lang") as string) : "vi";
  const dossierId = String(data.get("dossierId") ?? "");
  const draft = `/${lang}/dossiers/drafts/${dossierId}`;
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(signInUrl(lang, `${draft}/check`));
  const result = await submitDossier(actor, { dossierId });
  if (result.ok) redirect(`/${lang}/dossiers/${result.value.code}/submitted`);
  if (result.error === "missing_documents" || result.error === "invalid_input")
    redirect(`${draft}?validate=1`);
  if (result.error === "not_found") redirect(`/${lang}/dossiers`);
  redirect(`${draft}/check?error=${result.error}`);
}
