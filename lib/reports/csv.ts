import { stringify } from "csv-stringify/sync";
import type { Lang } from "@/lib/i18n/settings";
import type { Figures } from "./rules";
import type { ReportAgency, TransparencyReport } from "./service";
import { localized } from "@/lib/i18n/localized";

type Translate = (key: string) => string;

const figureColumns = [
  "received",
  "receivedOnline",
  "finished",
  "finishedOnTime",
  "finishedLate",
  "openAtEnd",
  "openOverdue",
  "onTimeShare",
  "onlineShare",
] as const satisfies readonly (keyof Figures)[];

/** Shares as plain decimals, so any tool reads them; empty when there is nothing to measure. */
function value(figures: Figures, key: (typeof figureColumns)[number]): string | number {
  const figure = figures[key];
  if (key === "onTimeShare" || key === "onlineShare") return figure === null ? "" : Number(figure.toFixed(4));
  return figure ?? 0;
}

/**
 * The page's numbers as CSV: one row per agency and month, then per month for all agencies, then
 * per agency for the whole period, then the total. UTF-8 with a byte-order mark so Excel shows
 * Vietnamese correctly.
 */
export function transparencyCsv(report: TransparencyReport, lang: Lang, t: Translate): string {
  const whole = `${report.from}..${report.to}`;
  const agencyName = (agency: ReportAgency | null) =>
    agency ? localized(lang, agency) : t("csv.allAgencies");
  const row = (agency: ReportAgency | null, period: string, figures: Figures) => [
    agency?.code ?? "",
    agencyName(agency),
    period,
    ...figureColumns.map((key) => value(figures, key)),
  ];
  const records = [
    ...report.cells.map((cell) => row(cell.agency, cell.month, cell.figures)),
    ...report.byMonth.map((month) => row(report.agency, month.month, month.figures)),
    ...(report.agency ? [] : report.byAgency.map((entry) => row(entry.agency, whole, entry.figures))),
    row(report.agency, whole, report.total),
  ];
  return stringify(records, {
    bom: true,
    header: true,
    columns: [
      t("csv.agencyCode"),
      t("csv.agencyName"),
      t("csv.period"),
      ...figureColumns.map((key) => t(`columns.${key}`)),
    ],
    record_delimiter: "windows",
  });
}
