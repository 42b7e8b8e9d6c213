import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { redirect } from "next/navigation";
import { getT, resolveLang } from "@/lib/i18n/server";
import { signInUrl } from "@/lib/forms/callbackUrl";
import { getActor } from "@/lib/identity/actor";
import { landingPath } from "@/lib/identity/rules";
import { Notice } from "@/components/ui/Notice";

type Props = { params: Promise<{ lang: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await resolveLang(params);
  const t = await getT(lang, "auth");
  return { title: t("adminHome.title") };
}

const coming = ["agencies", "staff", "catalogue", "calendar"] as const;
const settings = ["environment", "seed", "audit", "readme"] as const;

/**
 * The system administrator's own page after sign-in, until the administration pages come: who they
 * are, what will be administered here, and where today's settings live.
 */
export default async function AdminHomePage({ params }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const t = await getT(lang, "auth");
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(signInUrl(lang, `/${lang}/admin`));
  const isAdmin = actor.kind === "staff" && actor.roles.some((role) => role.role === "system_admin");
  if (!isAdmin) {
    return (
      <>
        <h1>{t("adminHome.forOthersTitle")}</h1>
        <Notice>{t("adminHome.forOthers")}</Notice>
        <p>
          <Link href={landingPath(actor, lang, null)}>{t("adminHome.backToWork")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t("adminHome.title")}</h1>
      <p className="lead">{t("adminHome.who", { name: actor.name })}</p>
      <p>{t("adminHome.noDossierWork")}</p>
      <h2>{t("adminHome.comingTitle")}</h2>
      <ul>
        {coming.map((key) => (
          <li key={key}>{t(`adminHome.coming.${key}`)}</li>
        ))}
      </ul>
      <p>{t("adminHome.comingNote")}</p>
      <h2>{t("adminHome.settingsTitle")}</h2>
      <ul>
        {settings.map((key) => (
          <li key={key}>{t(`adminHome.settings.${key}`)}</li>
        ))}
      </ul>
    </>
  );
}
