"use server";

import { signIn } from "@/lib/identity/auth";
import { registerCitizen } from "@/lib/identity/accounts";
import { signUpSchema } from "@/lib/identity/schema";
import { issuesByField } from "@/lib/forms/schema";
import { safeCallbackUrl } from "@/lib/forms/callbackUrl";
import { isLang } from "@/lib/i18n/settings";
import { textValues, type FormState } from "@/components/forms/formState";

export async function signUpAction(_previous: FormState, data: FormData): Promise<FormState> {
  const lang = isLang(data.get("lang")) ? (data.get("lang") as string) : "vi";
  // Passwords are never sent back to the page.
  const values = textValues(data, ["fullName", "email", "phone"]);
  const parsed = signUpSchema.safeParse({
    ...values,
    password: data.get("password") ?? "",
    confirmPassword: data.get("confirmPassword") ?? "",
  });
  if (!parsed.success) return { values, issues: issuesByField(parsed.error) };
  const registered = await registerCitizen(parsed.data);
  if (!registered.ok) return { values, issues: { email: [`auth:errors.${registered.error}`] } };
  const redirectTo = safeCallbackUrl(data.get("callbackUrl")) ?? `/${lang}/dossiers`;
  // Success is a thrown redirect; a failure here would be a bug, so it is not caught.
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo });
  return { values, issues: {} };
}
