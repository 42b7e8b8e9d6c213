"use server";

import { redirect } from "next/navigation";
import { saveWorkingHours } from "@/lib/calendar/service";
import { getActor } from "@/lib/identity/actor";
import { isLang } from "@/lib/i18n/settings";
import { textValues, type FormState } from "@/components/forms/formState";
import { hoursFormFields } from "@/components/admin/fields";

/** Saves an agency's hours; the service checks the actor and the input again. */
export async function saveHoursAction(
  lang: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = textValues(formData, hoursFormFields);
  const agencyId = textValues(formData, ["agencyId"]).agencyId ?? "";
  const failed = (error: string): FormState => ({
    values,
    issues: {},
    formError: `calendar:hours.errors.${error}`,
    formErrorField: "form",
  });
  let result: Awaited<ReturnType<typeof saveWorkingHours>>;
  try {
    result = await saveWorkingHours(await getActor(), { agencyId, ...values } as Parameters<
      typeof saveWorkingHours
    >[1]);
  } catch (error) {
    console.error("saving working hours failed", error);
    return failed("failed");
  }
  if (result.ok) {
    redirect(
      `/${isLang(lang) ? lang : "vi"}/admin/working-hours?agency=${encodeURIComponent(agencyId)}&done=saved`,
    );
  }
  if (result.error === "invalid_input") {
    const issues = result.issues ?? {};
    // Only the form's own fields can be shown next to a field.
    return Object.keys(issues).every((field) => (hoursFormFields as readonly string[]).includes(field))
      ? { values, issues }
      : failed("invalid_request");
  }
  return failed(result.error);
}
