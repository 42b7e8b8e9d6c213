import type { Metadata } from "next";
import { connection } from "next/server";
import { getT, resolveLang } from "@/lib/i18n/server";
import { accountPageUrl, safeCallbackUrl } from "@/lib/forms/callbackUrl";
import { SignInForm } from "@/components/forms/SignInForm";
import { signInAction } from "./actions";

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export function generateMetadata(): Metadata {
  // SignInForm renders the <title>, with "Error: " in front when the form has errors.
  return { title: null };
}

export default async function SignInPage({ params, searchParams }: Props) {
  const lang = await resolveLang(params);
  // Its query (where to go next, the error of a refused attempt) is this visitor's: never cached.
  await connection();
  const t = await getT(lang, "auth");
  const query = await searchParams;
  const callbackUrl = safeCallbackUrl(query.callbackUrl);
  // Sent here by next-auth's own endpoint (/api/auth/callback/credentials) after a refused attempt.
  const linkedError =
    query.code === "too_many_attempts"
      ? "auth:signIn.tooManyAttemptsLater"
      : query.error === "CredentialsSignin"
        ? "auth:signIn.wrongCredentials"
        : null;
  const signUpHref = accountPageUrl(lang, "sign-up", callbackUrl);
  return (
    <div className="grid grid--2">
      <div>
        <SignInForm
          lang={lang}
          callbackUrl={callbackUrl}
          signUpHref={signUpHref}
          title={`${t("signIn.title")} – ${t("common:siteName")}`}
          action={signInAction}
          initial={
            linkedError
              ? { values: {}, issues: {}, formError: linkedError, formErrorField: "email" }
              : undefined
          }
        />
      </div>
    </div>
  );
}
