import type { Metadata } from "next";
import { connection } from "next/server";
import { getT, resolveLang } from "@/lib/i18n/server";
import { accountPageUrl, safeCallbackUrl } from "@/lib/forms/callbackUrl";
import { SignUpForm } from "@/components/forms/SignUpForm";
import { signUpAction } from "./actions";

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export function generateMetadata(): Metadata {
  // SignUpForm renders the <title>, with "Error: " in front when the form has errors.
  return { title: null };
}

export default async function SignUpPage({ params, searchParams }: Props) {
  const lang = await resolveLang(params);
  // Its query (where to go next, the error of a refused attempt) is this visitor's: never cached.
  await connection();
  const t = await getT(lang, "auth");
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  const signInHref = accountPageUrl(lang, "sign-in", callbackUrl);
  return (
    <div className="grid grid--2">
      <div>
        <SignUpForm
          lang={lang}
          callbackUrl={callbackUrl}
          signInHref={signInHref}
          title={`${t("signUp.title")} – ${t("common:siteName")}`}
          action={signUpAction}
        />
      </div>
    </div>
  );
}
