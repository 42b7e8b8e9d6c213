import { stringify } from "csv-stringify/sync";
import { localized } from "@/lib/i18n/localized";
import type { Lang } from "@/lib/i18n/settings";
import type { Dashboard } from "./service";

type Translate = (key: string) => string;

/** An instant as Vietnam's local date and time ("2026-12-04 17:00"), which any spreadsheet reads. */
function localDateTime(at: Date | null): string {
  if (!at) return "";
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
}

/**
 * The dashboard's tasks as CSV, overdue first (the page's order): one row per task with its owner
 * agency, officer, deadline, shown status and working days late. UTF-8 with a byte-order mark and
 * CRLF lines, so Excel shows Vietnamese correctly (as lib/reports/csv.ts does).
 */
export function tasksCsv(dashboard: Dashboard, lang: Lang, t: Translate): string {
  const records = dashboard.tasks.map((task) => [
    task.code,
    task.title,
    task.agency?.code ?? "",
    task.agency ? localized(lang, task.agency) : "",
    task.ownerName ?? "",
    localDateTime(task.dueAt),
    t(`status.${task.status}`),
    task.status,
    task.lateDays,
    localDateTime(task.completedAt),
  ]);
  return stringify(records, {
    bom: true,
    header: true,
    columns: [
      t("csv.code"),
      t("csv.title"),
      t("csv.agencyCode"),
      t("csv.agencyName"),
      t("csv.owner"),
      t("csv.dueAt"),
      t("csv.status"),
      t("csv.statusCode"),
      t("csv.lateDays"),
      t("csv.completedAt"),
    ],
    record_delimiter: "windows",
  });
}
