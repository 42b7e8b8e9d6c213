import Link from "next/link";
import { DataTable } from "@/components/ui/DataTable";
import { StatusTag } from "@/components/ui/StatusTag";
import type { WorkingCalendar } from "@/lib/calendar/rules";
import type { DossierView } from "@/lib/dossiers/types";
import { formatDateTime } from "@/lib/i18n/format";
import type { T } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import { DeadlineText } from "./DeadlineText";
import styles from "./staff.module.css";
import { localized } from "@/lib/i18n/localized";

/** The officer's queue as a table; on a phone it scrolls sideways (DataTable's wrapper). */
export function QueueTable({
  rows,
  caption,
  lang,
  t,
  now,
  calendar,
}: {
  rows: DossierView[];
  caption: string;
  lang: Lang;
  t: T;
  now: Date;
  calendar: WorkingCalendar;
}) {
  return (
    <DataTable
      caption={caption}
      columns={[
        { key: "code", header: t("queue.columns.code") },
        { key: "procedure", header: t("queue.columns.procedure") },
        { key: "applicant", header: t("queue.columns.applicant") },
        { key: "status", header: t("queue.columns.status") },
        { key: "submitted", header: t("queue.columns.submitted") },
        { key: "due", header: t("queue.columns.due") },
        { key: "assignee", header: t("queue.columns.assignee") },
      ]}
      rows={rows.map((dossier) => ({
        key: dossier.id,
        cells: {
          code: dossier.code ? (
            <Link
              className={styles.nowrap}
              href={`/${lang}/staff/dossiers/${encodeURIComponent(dossier.code)}`}
            >
              {dossier.code}
            </Link>
          ) : null,
          // Some procedure names run to forty words: three lines here, the whole name on the dossier page.
          procedure: <span className={styles.procedure}>{localized(lang, dossier.procedure)}</span>,
          applicant: dossier.applicantName,
          status: <StatusTag status={dossier.status} label={t(`dossiers:status.${dossier.status}`)} />,
          submitted: <span className={styles.nowrap}>{formatDateTime(dossier.submittedAt, lang)}</span>,
          due: dossier.dueAt ? (
            <>
              <span className={styles.nowrap}>{formatDateTime(dossier.dueAt, lang)}</span>
              <DeadlineText dossier={dossier} now={now} calendar={calendar} t={t} />
            </>
          ) : (
            <span className="muted">{t("queue.notSet")}</span>
          ),
          assignee: dossier.assignee?.name ?? <span className="muted">{t("queue.unassigned")}</span>,
        },
      }))}
    />
  );
}
