"use server";

import { redirect } from "next/navigation";
import { getActor } from "@/lib/identity/actor";
import { updatePreferences } from "@/lib/identity/preferences";
import { isLang } from "@/lib/i18n/settings";
import { formTexts } from "@/lib/forms/formText";
import type { FormState } from "@/components/forms/formState";

const fields = ["locale", "notifyByEmail", "notifyInInbox"] as const;

/** Saves the signed-in person's language and channels; the service checks the actor and the input. */
export async function savePreferencesAction(
  lang: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const page = isLang(lang) ? lang : "vi";
  const texts = formTexts(formData, ["locale"]);
  // A checkbox is sent when ticked ("on") and not at all otherwise.
  const ticked = (name: string) => formData.get(name) !== null;
  const values = {
    locale: texts.locale ?? "",
    notifyByEmail: ticked("notifyByEmail") ? "on" : "",
    notifyInInbox: ticked("notifyInInbox") ? "on" : "",
  };
  const failed = (error: string): FormState => ({
    values,
    issues: {},
    formError: `auth:account.errors.${error}`,
    formErrorField: "form",
  });
  const actor = await getActor();
  if (actor.kind === "anonymous")
    redirect(`/${page}/sign-in?callbackUrl=${encodeURIComponent(`/${page}/account`)}`);
  let result: Awaited<ReturnType<typeof updatePreferences>>;
  try {
    result = await updatePreferences(actor, {
      locale: values.locale,
      notifyByEmail: values.notifyByEmail === "on",
      notifyInInbox: values.notifyInInbox === "on",
    });
  } catch (error) {
    console.error("saving preferences failed", error);
    return failed("failed");
  }
  if (result.ok) redirect(`/${page}/account?done=saved`);
  if (result.error === "invalid_input") {
    const issues = result.issues ?? {};
    return Object.keys(issues).every((field) => (fields as readonly string[]).includes(field))
      ? { values, issues }
      : failed("invalid_request");
  }
  return failed("failed");
}
