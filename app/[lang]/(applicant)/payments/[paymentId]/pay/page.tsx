import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { getT, resolveLang } from "@/lib/i18n/server";
import { checkoutUrl, originOf } from "@/lib/payments/checkout";
import { Notice } from "@/components/ui/Notice";
import { requireApplicant } from "../../../dossiers/_shared/applicant";
import { NotApplicant } from "../../../dossiers/_shared/NotApplicant";

type Props = { params: Promise<{ lang: string; paymentId: string }> };

export function generateMetadata(): Metadata {
  return { title: null };
}

/**
 * "Pay online": the dossier's applicant is sent to the provider's checkout page (or, in demo mode
 * without one, to the sandbox provider). Nothing is recorded here: only the provider's signed
 * callback settles a payment.
 */
export default async function PayPage({ params }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const { paymentId } = await params;
  const applicant = await requireApplicant(lang);
  if (!applicant) return <NotApplicant lang={lang} />;
  const origin = originOf(await headers()) ?? "";
  const result = await checkoutUrl(applicant, decodeURIComponent(paymentId), { lang, origin });
  if (result.ok) redirect(result.value);
  if (result.error === "not_found") notFound();
  const t = await getT(lang, "payments");
  const key = result.error === "online_off" ? "pay.off" : "pay.notOpen";
  return (
    <>
      <title>{`${t(`${key}.title`)} – ${t("common:siteName")}`}</title>
      <h1>{t(`${key}.title`)}</h1>
      <Notice>
        <p>{t(`${key}.body`)}</p>
      </Notice>
      <p>
        <Link href={`/${lang}/dossiers`}>{t("common:nav.myDossiers")}</Link>
      </p>
    </>
  );
}
