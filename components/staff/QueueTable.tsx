import Link from "next/link";
import type { ReactNode } from "react";
import { StatusTag } from "@/components/ui/StatusTag";
import type { WorkingCalendar } from "@/lib/calendar/rules";
import type { DossierView } from "@/lib/dossiers/types";
import { formatDateTime } from "@/lib/i18n/format";
import type { T } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import { localized } from "@/lib/i18n/localized";
import { DeadlineText } from "./DeadlineText";
import styles from "./staff.module.css";
import queue from "./queue.module.css";
import stacked from "@/components/ui/stackedTable.module.css";

/** The form the row checkboxes belong to (BulkAssignForm), so the table needs no form of its own. */
export const bulkFormId = "bulk-assign";

/**
 * The officer's queue: a table on a wide screen, a stacked list on a phone (queue.module.css).
 * With `selectable`, each row has a checkbox for bulk assign carrying "code@version", so a row that
 * changed since this page was read is a conflict for that row alone.
 */
export function QueueTable({
  rows,
  caption,
  lang,
  t,
  now,
  calendar,
  selectable = false,
}: {
  rows: DossierView[];
  caption: string;
  lang: Lang;
  t: T;
  now: Date;
  calendar: WorkingCalendar;
  selectable?: boolean;
}) {
  const columns = [
    ...(selectable ? ["select"] : []),
    "code",
    "procedure",
    "applicant",
    "status",
    "submitted",
    "due",
    "assignee",
  ];
  const header = (key: string) => (key === "select" ? t("queue.columns.select") : t(`queue.columns.${key}`));
  const cell = (key: string, content: ReactNode) => (
    <>
      {key === "select" || key === "code" ? null : (
        <span className={stacked.label} aria-hidden="true">
          {header(key)}
        </span>
      )}
      {content}
    </>
  );
  return (
    <div className="table-wrap">
      <table className={`table ${stacked.table}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((key) => (
              <th key={key} scope="col">
                {header(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((dossier) => {
            const code = dossier.code ?? "";
            const checkId = `select-${dossier.id}`;
            return (
              <tr key={dossier.id}>
                {selectable ? (
                  <td>
                    <input
                      className={queue.check}
                      type="checkbox"
                      id={checkId}
                      name="dossier"
                      value={`${code}@${dossier.version}`}
                      form={bulkFormId}
                      aria-label={t("queue.selectDossier", { code })}
                    />
                  </td>
                ) : null}
                <th scope="row">
                  <Link
                    className={styles.nowrap}
                    href={`/${lang}/staff/dossiers/${encodeURIComponent(code)}`}
                  >
                    {code}
                  </Link>
                </th>
                <td>
                  {cell(
                    "procedure",
                    <span className={`${styles.procedure} ${queue.wrap}`}>
                      {localized(lang, dossier.procedure)}
                    </span>,
                  )}
                </td>
                <td>{cell("applicant", <span className={queue.wrap}>{dossier.applicantName}</span>)}</td>
                <td>
                  {cell(
                    "status",
                    <StatusTag status={dossier.status} label={t(`dossiers:status.${dossier.status}`)} />,
                  )}
                </td>
                <td>
                  {cell(
                    "submitted",
                    <span className={styles.nowrap}>{formatDateTime(dossier.submittedAt, lang)}</span>,
                  )}
                </td>
                <td>
                  {cell(
                    "due",
                    dossier.dueAt ? (
                      <>
                        <span className={styles.nowrap}>{formatDateTime(dossier.dueAt, lang)}</span>
                        <DeadlineText dossier={dossier} now={now} calendar={calendar} t={t} />
                      </>
                    ) : (
                      <span className="muted">{t("queue.notSet")}</span>
                    ),
                  )}
                </td>
                <td>
                  {cell(
                    "assignee",
                    dossier.assignee?.name ?? <span className="muted">{t("queue.unassigned")}</span>,
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
