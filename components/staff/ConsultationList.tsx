import Link from "next/link";
import { DataTable } from "@/components/ui/DataTable";
import type { OpenConsultation } from "@/lib/dossiers/service";
import { formatDateTime } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import type { T } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import styles from "./staff.module.css";

/** Questions other agencies asked the officer's agencies, waiting for an answer, oldest first. */
export function ConsultationList({ rows, lang, t }: { rows: OpenConsultation[]; lang: Lang; t: T }) {
  return (
    <section aria-labelledby="consultations-title">
      <h2 id="consultations-title">{t("consultations.title")}</h2>
      {rows.length === 0 ? (
        <p>{t("consultations.empty")}</p>
      ) : (
        <DataTable
          caption={t("consultations.caption", { count: rows.length })}
          columns={[
            { key: "code", header: t("queue.columns.code") },
            { key: "from", header: t("consultations.from") },
            { key: "question", header: t("consultations.question") },
            { key: "asked", header: t("consultations.asked") },
          ]}
          rows={rows.map((row) => ({
            key: row.id,
            cells: {
              code: (
                <Link
                  className={styles.nowrap}
                  href={`/${lang}/staff/dossiers/${encodeURIComponent(row.dossierCode)}#answer_consultation-title`}
                >
                  {row.dossierCode}
                </Link>
              ),
              from: localized(lang, row.from),
              // A long question reads in full on the dossier page.
              question: <span className={styles.procedure}>{row.question}</span>,
              asked: <span className={styles.nowrap}>{formatDateTime(row.askedAt, lang)}</span>,
            },
          }))}
        />
      )}
    </section>
  );
}
