import { formatDateTime, formatVnd } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import type { PaymentView } from "@/lib/payments/service";
import { Tag } from "@/components/ui/StatusTag";
import { SummaryList } from "@/components/ui/SummaryList";

/** The receipt of a paid fee, as the receipt API serves it in the page's language. */
export function receiptHref(code: string, paymentId: string, lang: Lang): string {
  return `/api/v1/dossiers/${encodeURIComponent(code)}/payments/${encodeURIComponent(paymentId)}/receipt?lang=${lang}`;
}

/** A dossier's fees: each request, its state and, once paid, how, when and the receipt. */
export async function PaymentList({
  lang,
  code,
  payments,
  viewer,
}: {
  lang: Lang;
  code: string;
  payments: PaymentView[];
  viewer: "staff" | "applicant";
}) {
  const t = await getT(lang, "payments");
  const tones = { requested: "yellow", paid: "green", cancelled: "grey" } as const;
  return (
    <section aria-labelledby="payments-title">
      <h2 id="payments-title">{t("state.title")}</h2>
      {[...payments].reverse().map((payment) => (
        <SummaryList
          key={payment.id}
          rows={[
            {
              key: t("state.status"),
              value: <Tag tone={tones[payment.status]}>{t(`state.statuses.${payment.status}`)}</Tag>,
            },
            { key: t("state.amount"), value: formatVnd(payment.amountVnd, lang) },
            ...(payment.legalBasis ? [{ key: t("state.legalBasis"), value: payment.legalBasis }] : []),
            { key: t("state.requestedAt"), value: formatDateTime(payment.requestedAt, lang) },
            ...(payment.status === "paid"
              ? [
                  { key: t("state.method"), value: t(`state.methods.${payment.method ?? "desk"}`) },
                  ...(payment.receiptNumber
                    ? [{ key: t("state.receiptNumber"), value: payment.receiptNumber }]
                    : []),
                  ...(payment.transactionId && viewer === "staff"
                    ? [{ key: t("state.transactionId"), value: payment.transactionId }]
                    : []),
                  {
                    key: t("state.paidAt"),
                    value: (
                      <>
                        {formatDateTime(payment.paidAt, lang)}
                        <br />
                        <a href={receiptHref(code, payment.id, lang)}>{t("state.receiptLink")}</a>
                      </>
                    ),
                  },
                ]
              : []),
          ]}
        />
      ))}
    </section>
  );
}
