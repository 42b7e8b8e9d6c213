import "server-only";
import { createI18n } from "@/lib/i18n/instance";
import { formatDateTime, formatVnd } from "@/lib/i18n/format";
import type { Actor } from "@/lib/identity/types";
import { err, ok, type Result } from "@/lib/result";
import { vietnamParts, type Block, type SlipDocument } from "@/lib/slips/content";
import { renderPdf } from "@/lib/slips/pdf";
import { amountInWordsEn, amountInWordsVi } from "./rules";
import { paymentForReceipt, type ReceiptData } from "./service";

/*
 * The receipt of a paid fee as PDF, in Vietnamese or as an English courtesy copy: drawn by the slips'
 * renderer (the same embedded Be Vietnam Pro font, the agency and the nation's motto heading it).
 * Only for whoever may see the dossier; an unpaid or unknown payment is "not_found".
 */

export type ReceiptFile = { fileName: string; bytes: Buffer };

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The receipt as the slips' renderer lays it out (pure apart from the words given). */
export function receiptDocument(data: ReceiptData, lang: "vi" | "en", t: Translate): SlipDocument {
  const { payment, dossier, agency } = data;
  const paidAt = payment.paidAt ?? payment.requestedAt;
  const amount = payment.paidAmountVnd ?? payment.amountVnd;
  const name = (value: { nameVi: string; nameEn: string }) => (lang === "en" ? value.nameEn : value.nameVi);
  const parts = vietnamParts(paidAt);
  const method = payment.method === "online" ? "online" : "desk";
  const number = payment.receiptNumber ?? payment.id.slice(0, 8).toUpperCase();
  const blocks: Block[] = [
    { kind: "field", label: t("receipt.collector"), value: name(agency) },
    { kind: "field", label: t("receipt.dossierCode"), value: dossier.code ?? "" },
    {
      kind: "field",
      label: t("receipt.procedure"),
      value: `${name(dossier.procedure)} (${dossier.procedure.code})`,
    },
    { kind: "field", label: t("receipt.payer"), value: dossier.applicantName },
    { kind: "field", label: t("receipt.amount"), value: formatVnd(amount, lang) },
    {
      kind: "field",
      label: t("receipt.amountInWords"),
      value: lang === "en" ? amountInWordsEn(amount) : amountInWordsVi(amount),
    },
    { kind: "field", label: t("receipt.method"), value: t(`receipt.methods.${method}`) },
    ...(payment.transactionId
      ? [{ kind: "field" as const, label: t("receipt.transactionId"), value: payment.transactionId }]
      : []),
    { kind: "field", label: t("receipt.paidAt"), value: formatDateTime(paidAt, lang) },
    ...(payment.legalBasis
      ? [{ kind: "field" as const, label: t("receipt.legalBasis"), value: payment.legalBasis }]
      : []),
    { kind: "text", text: t("receipt.footer"), italic: true },
  ];
  return {
    page: "A5",
    lang,
    agency: name(agency).toLocaleUpperCase(lang),
    dateLine: t("receipt.dateLine", {
      ...parts,
      month: lang === "en" ? parts.month : String(Number(parts.month)),
    }),
    nation: t("receipt.nation"),
    motto: t("receipt.motto"),
    title: t("receipt.title"),
    code: dossier.code,
    codeLine: t("receipt.number", { number }),
    pageLabel: (page, pages) => t("receipt.page", { page, pages }),
    qr: null,
    note: null,
    blocks,
  };
}

/** A paid payment's receipt for a reader who may see its dossier. */
export async function renderReceipt(
  actor: Actor,
  input: { code: string; paymentId: string; lang: "vi" | "en" },
): Promise<Result<ReceiptFile, "not_found">> {
  const found = await paymentForReceipt(actor, input.code, input.paymentId);
  if (!found.ok) return err("not_found");
  const i18n = createI18n(input.lang).getFixedT(input.lang, "payments");
  const t: Translate = (key, values) => i18n(key, values);
  const document = receiptDocument(found.value, input.lang, t);
  const bytes = await renderPdf(document, {
    title: `${document.title} – ${found.value.dossier.code}`,
    author: document.agency,
  });
  const number = (found.value.payment.receiptNumber ?? found.value.payment.id.slice(0, 8)).replace(
    /[^A-Za-z0-9.-]/g,
    "_",
  );
  return ok({
    fileName: `${t("receipt.fileName")}-${found.value.dossier.code}-${number}-${input.lang}.pdf`,
    bytes,
  });
}
