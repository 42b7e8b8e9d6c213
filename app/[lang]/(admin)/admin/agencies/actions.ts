"use server";

import { redirect } from "next/navigation";
import { createAgency, updateAgency } from "@/lib/agencies/service";
import { agencyFields, type AgencyInput } from "@/lib/agencies/schema";
import { agenciesChanged } from "@/lib/cache/public";
import { getActor } from "@/lib/identity/actor";
import { isLang } from "@/lib/i18n/settings";
import { textValues } from "@/components/forms/formState";
import { formHeading, type AdminFormState } from "@/components/admin/adminForms";

/**
 * Adds (no `agencyId`) or changes an agency. The service checks everything again; on success back
 * to the list with a notice (a redirect, so reloading does not post twice).
 */
export async function saveAgencyAction(
  lang: string,
  agencyId: string | null,
  _previous: AdminFormState,
  data: FormData,
): Promise<AdminFormState> {
  const values = textValues(data, agencyFields);
  const failed = (key: string): AdminFormState => ({
    values,
    issues: {},
    formError: `admin:errors.${key}`,
    formErrorField: formHeading,
  });
  const actor = await getActor();
  let result: Awaited<ReturnType<typeof createAgency>>;
  try {
    result = agencyId
      ? await updateAgency(actor, agencyId, values as AgencyInput)
      : await createAgency(actor, values as AgencyInput);
  } catch (error) {
    console.error("saving an agency failed", error);
    return failed("failed");
  }
  if (result.ok) {
    // Agency names show on the public catalogue pages.
    agenciesChanged();
    const target = isLang(lang) ? lang : "vi";
    redirect(`/${target}/admin/agencies?done=${agencyId ? "agencySaved" : "agencyCreated"}`);
  }
  if (result.error === "invalid_input" && result.issues) {
    const issues = Object.fromEntries(
      Object.entries(result.issues).filter(([field]) => (agencyFields as readonly string[]).includes(field)),
    );
    if (Object.keys(issues).length > 0) return { values, issues };
    return failed("invalid_request");
  }
  return failed(result.error);
}
