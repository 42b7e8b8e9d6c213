"use server";

import { redirect } from "next/navigation";
import { getActor } from "@/lib/identity/actor";
import { fileAtDesk } from "@/lib/dossiers/service";
import { signInUrl } from "@/lib/forms/callbackUrl";
import { formText } from "@/lib/forms/formText";
import { isLang, type Lang } from "@/lib/i18n/settings";
import type { FormState } from "@/components/forms/formState";
import { chosenFiles, typedAnswers } from "../../../(applicant)/dossiers/_shared/draft";

/**
 * "Receive and accept": one fileAtDesk with everything typed and every scan chosen, then the staff
 * dossier page (its appointment, slip 01), or this form again with what is wrong and what was typed.
 */
export async function deskIntakeAction(_previous: FormState, data: FormData): Promise<FormState> {
  const lang: Lang = isLang(data.get("lang")) ? (data.get("lang") as Lang) : "vi";
  const procedureCode = formText(data, "procedureCode");
  const page = `/${lang}/staff/intake?procedure=${encodeURIComponent(procedureCode)}`;
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(signInUrl(lang, page));
  const values = typedAnswers(data);
  const result = await fileAtDesk(actor, {
    procedureCode,
    competentAgencyId: formText(data, "competentAgencyId") || undefined,
    answers: values,
    files: await chosenFiles(data),
    comment: formText(data, "comment") || undefined,
  });
  if (result.ok) {
    redirect(`/${lang}/staff/dossiers/${encodeURIComponent(result.value.code!)}?done=intake`);
  }
  if (result.error === "invalid_input")
    return { values, issues: (result.issues as Record<string, string[]>) ?? {} };
  return { values, issues: {}, formError: `dossiers:errors.${result.error}`, formErrorField: "main" };
}
