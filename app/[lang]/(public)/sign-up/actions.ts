"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requestAddress, signIn } from "@/lib/identity/auth";
import { landingAfterSignIn, registerCitizen } from "@/lib/identity/accounts";
import { signUpSchema } from "@/lib/identity/schema";
import { issuesOf } from "@/lib/result";
import { accountPageUrl, safeCallbackUrl } from "@/lib/forms/callbackUrl";
import { isLang } from "@/lib/i18n/settings";
import { formText } from "@/lib/forms/formText";
import { textValues, type FormState } from "@/components/forms/formState";

export async function signUpAction(_previous: FormState, data: FormData): Promise<FormState> {
  const lang = isLang(data.get("lang")) ? (data.get("lang") as string) : "vi";
  // Passwords are never sent back to the page.
  const values = textValues(data, ["fullName", "email", "phone", "idNumber", "locale"]);
  const parsed = signUpSchema.safeParse({
    ...values,
    // The language of their notices; the page's when the form did not say (an older page, a script).
    locale: values.locale || lang,
    password: formText(data, "password"),
    confirmPassword: formText(data, "confirmPassword"),
  });
  if (!parsed.success) return { values, issues: issuesOf(parsed.error, { fallback: "errors.invalid" }) };
  const registered = await registerCitizen(parsed.data, { address: requestAddress(await headers()) });
  if (!registered.ok) {
    if (registered.error === "too_many_attempts") {
      return {
        values,
        issues: {},
        formError: "auth:signUp.tooManyAttempts",
        formErrorField: "fullName",
        formErrorParams: { count: registered.retryAfterMinutes },
      };
    }
    const field = registered.error === "email_taken" ? "email" : "idNumber";
    return { values, issues: { [field]: [`auth:errors.${registered.error}`] } };
  }
  const callbackUrl = safeCallbackUrl(data.get("callbackUrl"));
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirect: false,
    });
  } catch (error) {
    // The account exists now; if this address may not sign in at the moment, the sign-in page says why.
    if (error instanceof AuthError) redirect(accountPageUrl(lang, "sign-in", callbackUrl));
    throw error;
  }
  redirect(await landingAfterSignIn(parsed.data.email, lang, callbackUrl));
}
