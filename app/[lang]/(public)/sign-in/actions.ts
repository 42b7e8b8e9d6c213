"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/identity/auth";
import { signInSchema } from "@/lib/identity/schema";
import { issuesByField } from "@/lib/forms/schema";
import { safeCallbackUrl } from "@/lib/forms/callbackUrl";
import { isLang } from "@/lib/i18n/settings";
import { textValues, type FormState } from "@/components/forms/formState";

export async function signInAction(_previous: FormState, data: FormData): Promise<FormState> {
  const lang = isLang(data.get("lang")) ? (data.get("lang") as string) : "vi";
  const values = textValues(data, ["email"]);
  const parsed = signInSchema.safeParse({ email: values.email, password: data.get("password") ?? "" });
  if (!parsed.success) return { values, issues: issuesByField(parsed.error) };
  const redirectTo = safeCallbackUrl(data.get("callbackUrl")) ?? `/${lang}/dossiers`;
  try {
    // Success is a thrown redirect, which must travel on.
    await signIn("credentials", { ...parsed.data, redirectTo });
  } catch (error) {
    if (error instanceof AuthError) {
      return { values, issues: {}, formError: "auth:signIn.wrongCredentials", formErrorField: "email" };
    }
    throw error;
  }
  return { values, issues: {} };
}
