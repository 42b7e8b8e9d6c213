"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn, TooManyAttempts } from "@/lib/identity/auth";
import { landingAfterSignIn } from "@/lib/identity/accounts";
import { isWorkspaceMember } from "@/lib/meetings/access";
import { signInSchema } from "@/lib/identity/schema";
import { issuesOf } from "@/lib/result";
import { safeCallbackUrl } from "@/lib/forms/callbackUrl";
import { isLang } from "@/lib/i18n/settings";
import { formText } from "@/lib/forms/formText";
import { textValues, type FormState } from "@/components/forms/formState";

export async function signInAction(_previous: FormState, data: FormData): Promise<FormState> {
  const lang = isLang(data.get("lang")) ? (data.get("lang") as string) : "vi";
  const values = textValues(data, ["email"]);
  const parsed = signInSchema.safeParse({ email: values.email, password: formText(data, "password") });
  if (!parsed.success) return { values, issues: issuesOf(parsed.error, { fallback: "errors.invalid" }) };
  try {
    // Throttling, the password check and the audit happen in `authorize` (lib/identity/auth.ts), the
    // same path as /api/auth/callback/credentials. Without redirect, so we choose where to land.
    await signIn("credentials", { ...parsed.data, redirect: false });
  } catch (error) {
    if (error instanceof TooManyAttempts) {
      return {
        values,
        issues: {},
        formError: "auth:signIn.tooManyAttempts",
        formErrorField: "email",
        formErrorParams: { count: error.retryAfterMinutes },
      };
    }
    if (error instanceof AuthError) {
      return { values, issues: {}, formError: "auth:signIn.wrongCredentials", formErrorField: "email" };
    }
    throw error;
  }
  // Each role lands on its own work, or on the page it was going to when it may use it.
  redirect(
    await landingAfterSignIn(
      parsed.data.email,
      lang,
      safeCallbackUrl(data.get("callbackUrl")),
      isWorkspaceMember,
    ),
  );
}
