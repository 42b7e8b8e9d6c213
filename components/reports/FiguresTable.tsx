import type { ReactNode } from "react";
import type { Figures } from "@/lib/reports/rules";
import { formatNumber, formatPercent } from "@/lib/i18n/format";
import type { Lang } from "@/lib/i18n/settings";
import type { T } from "@/lib/i18n/server";
import { DataTable } from "@/components/ui/DataTable";
import styles from "./reports.module.css";

/** The figures of the report, in the order the page explains them. */
export const figureKeys = [
  "received",
  "finished",
  "finishedOnTime",
  "finishedLate",
  "openAtEnd",
  "openOverdue",
  "onTimeShare",
  "onlineShare",
] as const satisfies readonly (keyof Figures)[];

function cell(figures: Figures, key: (typeof figureKeys)[number], lang: Lang, t: T): ReactNode {
  const value = figures[key];
  if (key === "onTimeShare" || key === "onlineShare") {
    if (value === null) {
      return (
        <>
          <span aria-hidden="true">—</span>
          <span className="visually-hidden">{t("noData")}</span>
        </>
      );
    }
    return formatPercent(value, lang);
  }
  return formatNumber(value ?? 0, lang);
}

/** One row per agency or month, and a total row computed over the whole period. */
export function FiguresTable({
  caption,
  firstHeader,
  rows,
  total,
  lang,
  t,
}: {
  caption: ReactNode;
  firstHeader: string;
  rows: { key: string; label: ReactNode; figures: Figures }[];
  total: Figures;
  lang: Lang;
  t: T;
}) {
  const toRow = (key: string, label: ReactNode, figures: Figures) => ({
    key,
    cells: {
      label,
      ...Object.fromEntries(figureKeys.map((figure) => [figure, cell(figures, figure, lang, t)])),
    },
  });
  return (
    <div className={styles.figures}>
      <DataTable
        caption={caption}
        columns={[
          { key: "label", header: firstHeader },
          ...figureKeys.map((figure) => ({ key: figure, header: t(`columns.${figure}`), numeric: true })),
        ]}
        rows={[
          ...rows.map((row) => toRow(row.key, row.label, row.figures)),
          toRow("total", <strong>{t("total")}</strong>, total),
        ]}
      />
    </div>
  );
}
