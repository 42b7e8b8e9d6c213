import { stringify } from "csv-stringify/sync";
import { formatDateTime } from "@/lib/i18n/format";
import type { Lang } from "@/lib/i18n/settings";
import type { Reconciliation } from "./reconciliation";

type Translate = (key: string) => string;

/**
 * The reconciliation's payments as CSV, one row each, amounts as plain integers (đồng) so any
 * spreadsheet sums them. UTF-8 with a byte-order mark so Excel shows Vietnamese correctly.
 */
export function reconciliationCsv(report: Reconciliation, lang: Lang, t: Translate): string {
  const records = report.rows.map((row) => [
    row.dossierCode ?? "",
    row.amountVnd,
    t(`status.${row.status}`),
    row.method ? t(`method.${row.method}`) : "",
    row.provider ?? "",
    row.receiptNumber ?? "",
    formatDateTime(row.requestedAt, lang),
    formatDateTime(row.paidAt, lang),
    row.paidAmountVnd ?? "",
  ]);
  return stringify(records, {
    bom: true,
    header: true,
    columns: [
      t("columns.dossier"),
      t("columns.amount"),
      t("columns.status"),
      t("columns.method"),
      t("columns.provider"),
      t("columns.receipt"),
      t("columns.requestedAt"),
      t("columns.paidAt"),
      t("columns.paidAmount"),
    ],
    record_delimiter: "windows",
  });
}
