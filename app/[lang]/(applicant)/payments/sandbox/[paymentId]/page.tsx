import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { formatVnd } from "@/lib/i18n/format";
import { getT, resolveLang } from "@/lib/i18n/server";
import { getSandboxPayment, sandboxEnabled } from "@/lib/payments/checkout";
import { Button, ButtonLink } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { SummaryList } from "@/components/ui/SummaryList";
import { requireApplicant } from "../../../dossiers/_shared/applicant";
import { NotApplicant } from "../../../dossiers/_shared/NotApplicant";
import { paySandboxAction } from "./actions";

type Props = {
  params: Promise<{ lang: string; paymentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export function generateMetadata(): Metadata {
  return { title: null };
}

const errors = ["callback_refused", "not_open", "online_off"] as const;

/**
 * The sandbox payment provider (demo mode only): stands where a bank's or a gateway's checkout page
 * would, so the whole online payment can be tried without one. "Pay" sends the same signed callback
 * a real provider sends.
 */
export default async function SandboxPage({ params, searchParams }: Props) {
  await connection();
  if (!sandboxEnabled()) notFound();
  const lang = await resolveLang(params);
  const paymentId = decodeURIComponent((await params).paymentId);
  const query = await searchParams;
  const applicant = await requireApplicant(lang);
  if (!applicant) return <NotApplicant lang={lang} />;
  const t = await getT(lang, "payments");
  const payment = await getSandboxPayment(applicant, paymentId);
  if (!payment.ok && payment.error === "not_found") notFound();
  const error = errors.find((e) => e === query.error) ?? (payment.ok ? null : "not_open");
  const title = `${error ? `${t("common:errorTitlePrefix")}: ` : ""}${t("sandbox.title")} – ${t("common:siteName")}`;

  return (
    <>
      <title>{title}</title>
      <h1>{t("sandbox.title")}</h1>
      <Notice tone="warning">
        <p>{t("sandbox.noMoney")}</p>
      </Notice>
      {error ? (
        <div className="error-summary" role="alert" aria-labelledby="sandbox-error">
          <h2 id="sandbox-error">{t("common:errorSummaryTitle")}</h2>
          <p>{t(`sandbox.errors.${error}`)}</p>
        </div>
      ) : null}
      {payment.ok ? (
        <>
          <SummaryList
            rows={[
              {
                key: t("sandbox.amount"),
                value: <strong>{formatVnd(payment.value.amountVnd, lang)}</strong>,
              },
              { key: t("sandbox.reference"), value: payment.value.dossierCode },
              ...(payment.value.legalBasis
                ? [{ key: t("sandbox.legalBasis"), value: payment.value.legalBasis }]
                : []),
            ]}
          />
          <form action={paySandboxAction} className="button-group">
            <input type="hidden" name="lang" value={lang} />
            <input type="hidden" name="paymentId" value={payment.value.paymentId} />
            <Button>{t("sandbox.pay")}</Button>
            <ButtonLink
              variant="secondary"
              href={`/${lang}/dossiers/${encodeURIComponent(payment.value.dossierCode)}?payment=cancelled`}
            >
              {t("sandbox.cancel")}
            </ButtonLink>
          </form>
        </>
      ) : (
        <p>
          <Link href={`/${lang}/dossiers`}>{t("common:nav.myDossiers")}</Link>
        </p>
      )}
    </>
  );
}
