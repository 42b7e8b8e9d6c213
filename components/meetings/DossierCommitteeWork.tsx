import Link from "next/link";
import type { CommitteeWork } from "@/lib/dossiers/committee";
import type { T } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";

/**
 * On the staff dossier page: the deciding bodies' work naming the dossier (lib/dossiers/committee
 * committeeWorkOf). The body's members get the item, its status and a link; other officials a plain
 * line with the meeting's code and date.
 */
export function DossierCommitteeWork({ lang, t, work }: { lang: Lang; t: T; work: CommitteeWork }) {
  if (work.agendaItems.length === 0 && work.opinionForms.length === 0) return null;
  return (
    <section aria-labelledby="committee-work-title">
      <h2 id="committee-work-title">{t("workspace:dossierWork.title")}</h2>
      <ul>
        {work.agendaItems.map((item) => (
          <li key={`${item.meetingId}:${item.sentAt.toISOString()}`}>
            {item.linked ? (
              <>
                <Link href={`/${lang}/workspace/meetings/${item.meetingId}`}>
                  {t("workspace:dossierWork.meeting", {
                    code: item.meetingCode,
                    date: formatDateTime(item.startsAt, lang),
                  })}
                </Link>
                {" — "}
                {item.itemTitle}
                {" ("}
                {t(`workspace:meetings.itemStatus.${item.itemStatus}`, {
                  defaultValue: item.itemStatus ?? "",
                })}
                {")"}
              </>
            ) : (
              t("workspace:dossierWork.sentTo", {
                body: localized(lang, item.body),
                code: item.meetingCode,
                date: formatDate(item.startsAt, lang),
              })
            )}
            {item.outcome && item.returnedAt ? (
              <span className="muted">
                {" · "}
                {t(`workspace:dossierWork.${item.outcome}`, { date: formatDateTime(item.returnedAt, lang) })}
              </span>
            ) : null}
          </li>
        ))}
        {work.opinionForms.map((form) => (
          <li key={form.formId}>
            {form.linked ? (
              <>
                <Link href={`/${lang}/workspace/opinions/${form.formId}`}>
                  {t("workspace:dossierWork.opinion", { code: form.code })}
                </Link>
                {" — "}
                {form.title}
              </>
            ) : (
              t("workspace:dossierWork.opinionPlain", { body: localized(lang, form.body), code: form.code })
            )}{" "}
            ({t(`workspace:opinions.status.${form.status}`, { defaultValue: form.status })}
            {form.deadline
              ? `; ${t("workspace:dossierWork.deadline", { date: formatDateTime(form.deadline, lang) })}`
              : ""}
            )
          </li>
        ))}
      </ul>
    </section>
  );
}
