"use server";

import { redirect } from "next/navigation";
import { getActor } from "@/lib/identity/actor";
import { startDraft } from "@/lib/dossiers/service";
import { signInUrl } from "@/lib/forms/callbackUrl";
import { formText } from "@/lib/forms/formText";
import { isLang } from "@/lib/i18n/settings";
import type { FormState } from "@/components/forms/formState";

export async function startDraftAction(_previous: FormState, data: FormData): Promise<FormState> {
  const lang = isLang(data.get("lang")) ? (data.get("lang") as string) : "vi";
  const procedureCode = formText(data, "procedureCode");
  const agency = formText(data, "competentAgencyId");
  // "Who is this for?" (asked when the applicant may file the procedure for an organisation).
  const forWhom = formText(data, "forWhom");
  const askedForWhom = formText(data, "askedForWhom") === "1";
  const values = { forWhom, competentAgencyId: agency };
  if (askedForWhom && !forWhom) {
    return {
      values,
      issues: {
        forWhom: ["organisations:errors.forWhomRequired"],
        ...(agency ? {} : { competentAgencyId: ["errors.agencyRequired"] }),
      },
    };
  }
  const actor = await getActor();
  if (actor.kind === "anonymous") {
    redirect(signInUrl(lang, `/${lang}/dossiers/new?procedure=${encodeURIComponent(procedureCode)}`));
  }
  const result = await startDraft(actor, {
    procedureCode,
    competentAgencyId: agency || undefined,
    organisationId: forWhom && forWhom !== "self" ? forWhom : undefined,
  });
  if (result.ok) redirect(`/${lang}/dossiers/drafts/${result.value.dossierId}`);
  if (result.error === "invalid_input") {
    return result.issues?.organisationId
      ? { values, issues: { forWhom: ["organisations:errors.forWhomRequired"] } }
      : { values, issues: { competentAgencyId: ["errors.agencyRequired"] } };
  }
  if (result.error === "forbidden" && askedForWhom) {
    return { values, issues: { forWhom: ["organisations:errors.mayNotFile"] } };
  }
  return { values, issues: {}, formError: `dossiers:errors.${result.error}`, formErrorField: "start" };
}
