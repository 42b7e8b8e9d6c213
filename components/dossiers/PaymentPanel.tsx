import { formatDate, formatVnd } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import type { AgencyAccount, PaymentView } from "@/lib/payments/service";
import { SummaryList } from "@/components/ui/SummaryList";
import { receiptHref } from "./PaymentList";
import styles from "./dossiers.module.css";

/**
 * The applicant's side of a fee: while it is asked for, the amount, its legal basis and the ways to
 * pay (a VietQR transfer with the account printed beside the code, online, or at the desk); once
 * paid, what was paid, when and how, with the receipt.
 */
export async function PaymentPanel({
  lang,
  code,
  agencyName,
  open,
  paid,
  account,
  qrSvg,
  onlineHref,
}: {
  lang: Lang;
  code: string;
  /** the one-stop desk's agency, already in the page's language */
  agencyName: string;
  open: PaymentView | null;
  paid: PaymentView | null;
  account: AgencyAccount | null;
  /** the VietQR code as SVG markup (built on the server from the payload; no script in it) */
  qrSvg: string | null;
  /** where to pay online; null when no provider is set up */
  onlineHref: string | null;
}) {
  const t = await getT(lang, "payments");
  if (open) {
    const amount = formatVnd(open.amountVnd, lang);
    return (
      <section aria-labelledby="payment-title" className={styles.payment}>
        <h2 id="payment-title">{t("panel.title")}</h2>
        <p>{t("panel.intro")}</p>
        <SummaryList
          rows={[
            { key: t("panel.amount"), value: <strong>{amount}</strong> },
            ...(open.legalBasis ? [{ key: t("panel.legalBasis"), value: open.legalBasis }] : []),
          ]}
        />
        {account && qrSvg ? (
          <>
            <h3>{t("panel.qrTitle")}</h3>
            <p>{t("panel.qrHint")}</p>
            <div className={styles.qr}>
              <figure
                role="img"
                aria-label={t("panel.qrLabel", {
                  amount,
                  account: account.accountNumber,
                  bank: account.bankName,
                  reference: code,
                })}
                className={styles.qrImage}
                // The SVG is qrcode's output for the payload built on the server: paths only.
                dangerouslySetInnerHTML={{ __html: qrSvg }}
              />
              <SummaryList
                rows={[
                  { key: t("panel.bank"), value: account.bankName },
                  { key: t("panel.accountNumber"), value: account.accountNumber },
                  { key: t("panel.accountName"), value: account.accountName },
                  { key: t("panel.amount"), value: amount },
                  {
                    key: t("panel.reference"),
                    value: (
                      <>
                        <strong>{code}</strong>
                        <br />
                        <span className="muted small">{t("panel.referenceHint")}</span>
                      </>
                    ),
                  },
                ]}
              />
            </div>
            <p className="muted small">{t("panel.transferNote")}</p>
          </>
        ) : (
          <p>{t("panel.noAccount")}</p>
        )}
        {onlineHref ? (
          <p>
            <a className="button" href={onlineHref}>
              {t("panel.payOnline")}
            </a>
          </p>
        ) : null}
        <p>{t("panel.atDesk", { agency: agencyName, code })}</p>
      </section>
    );
  }
  if (!paid) return null;
  const method = paid.method === "online" ? "online" : "desk";
  return (
    <section aria-labelledby="payment-title" className={styles.payment}>
      <h2 id="payment-title">{t("panel.paidTitle")}</h2>
      <p>
        {t("panel.paidText", {
          amount: formatVnd(paid.paidAmountVnd ?? paid.amountVnd, lang),
          date: formatDate(paid.paidAt, lang),
        })}
      </p>
      <SummaryList
        rows={[
          { key: t("state.amount"), value: formatVnd(paid.paidAmountVnd ?? paid.amountVnd, lang) },
          { key: t("state.paidAt"), value: formatDate(paid.paidAt, lang) },
          { key: t("state.method"), value: t(`state.methods.${method}`) },
          ...(paid.receiptNumber ? [{ key: t("state.receiptNumber"), value: paid.receiptNumber }] : []),
        ]}
      />
      <p>
        <a href={receiptHref(code, paid.id, lang)}>{t("panel.receiptLink")}</a>
      </p>
    </section>
  );
}
