import styles from "./staff.module.css";
import { Timeline } from "@/components/ui/Timeline";
import { formatDateTime } from "@/lib/i18n/format";
import type { T } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import type { DossierEventView } from "@/lib/dossiers/types";

/** The dossier's full history for staff, newest first, with the officer who acted (staff only). */
export function StaffTimeline({ events, lang, t }: { events: DossierEventView[]; lang: Lang; t: T }) {
  const newestFirst = [...events].sort((a, b) => b.at.getTime() - a.at.getTime() || b.id - a.id);
  return (
    <Timeline
      label={t("dossier.history")}
      entries={newestFirst.map((event) => {
        const extra = eventDetail(event, lang, t);
        return {
          key: String(event.id),
          title: t(`event.${event.action}`),
          meta: `${formatDateTime(event.at, lang)} · ${event.actorName ?? t("dossier.system")}`,
          comment:
            extra || event.comment ? (
              <>
                {extra ? <span className={styles.block}>{extra}</span> : null}
                {event.comment}
              </>
            ) : undefined,
        };
      })}
    />
  );
}

function eventDetail(event: DossierEventView, lang: Lang, t: T): string | null {
  const details = event.details ?? {};
  if (event.action === "propose") {
    if (details.proposal === "approve") return t("dossier.proposalApprove");
    if (details.proposal === "deny") return t("dossier.proposalDeny");
  }
  if ((event.action === "accept" || event.action === "supplement") && typeof details.dueAt === "string") {
    return t("dossier.newDueAt", { date: formatDateTime(details.dueAt, lang) });
  }
  return null;
}
