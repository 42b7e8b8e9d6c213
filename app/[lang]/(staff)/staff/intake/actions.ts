"use server";

import { redirect } from "next/navigation";
import { getActor } from "@/lib/identity/actor";
import { fileAtDesk } from "@/lib/dossiers/service";
import { signInUrl } from "@/lib/forms/callbackUrl";
import { formText } from "@/lib/forms/formText";
import { getProcedureByCode } from "@/lib/catalog/service";
import type { Answers } from "@/lib/forms/flow";
import { answersFromPost, applyGroupAction, groupActions } from "@/lib/forms/posted";
import { deskAnswersKey, deskFormPages } from "@/lib/dossiers/deskForm";
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
  // The applicant's details are plain text boxes; the procedure's questions post as the form pages do.
  const typed = typedAnswers(data);
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(typed))
    if (name.startsWith("applicant_") || name === "competentAgencyId" || name === "comment")
      values[name] = value;
  const procedure = await getProcedureByCode(procedureCode);
  const pages = procedure ? deskFormPages(procedure.version.form) : [];
  const answers: Answers = {};
  for (const form of pages) Object.assign(answers, answersFromPost(form, data.entries()));
  values[deskAnswersKey] = JSON.stringify(answers);
  const groupAction = groupActions(data.entries());
  if (groupAction) {
    // "Add another" / "Remove" in a group: the form again with one item more or less, nothing filed.
    const field = pages.flatMap((form) => form.fields).find((f) => f.name === groupAction.group);
    values[deskAnswersKey] = JSON.stringify(applyGroupAction(answers, groupAction, field));
    return { values, issues: {} };
  }
  const result = await fileAtDesk(actor, {
    procedureCode,
    competentAgencyId: formText(data, "competentAgencyId") || undefined,
    answers: { ...values, ...answers },
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
