import type { Metadata } from "next";
import { connection } from "next/server";
import { redirect } from "next/navigation";
import { signInUrl } from "@/lib/forms/callbackUrl";
import { getT, resolveLang } from "@/lib/i18n/server";
import { getActor } from "@/lib/identity/actor";
import { getPreferences } from "@/lib/identity/preferences";
import { PreferencesForm } from "@/components/account/PreferencesForm";
import { Notice } from "@/components/ui/Notice";
import { SummaryList } from "@/components/ui/SummaryList";
import { savePreferencesAction } from "./actions";

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The form renders the <title>, with "Error: " in front when a post failed. */
export const metadata: Metadata = { title: null };

/** "My account", for every signed-in person: who they are, their notices' language and channels. */
export default async function AccountPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const here = `/${lang}/account`;
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(signInUrl(lang, here));
  const preferences = await getPreferences(actor);
  if (!preferences.ok) redirect(signInUrl(lang, here));
  const { fullName, email, locale, notifyByEmail, notifyInInbox } = preferences.value;
  const t = await getT(lang, "auth");
  const saved = (await searchParams).done === "saved";
  return (
    <>
      <h1>{t("account.title")}</h1>
      <p className="lead">{t("account.lead")}</p>
      {saved ? <Notice tone="success">{t("account.saved")}</Notice> : null}
      <h2>{t("account.detailsTitle")}</h2>
      <SummaryList
        rows={[
          { key: t("account.name"), value: fullName },
          { key: t("account.email"), value: email ?? t("account.noEmail") },
        ]}
      />
      <PreferencesForm
        lang={lang}
        title={`${t("account.title")} – ${t("common:siteName")}`}
        initial={{ locale, notifyByEmail, notifyInInbox }}
        hasEmail={email !== null}
        action={savePreferencesAction.bind(null, lang)}
      />
    </>
  );
}
