import { Timeline } from "@/components/ui/Timeline";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import type { DossierEventView } from "@/lib/dossiers/types";
import styles from "./dossiers.module.css";

export type Viewer = "applicant" | "staff";

/**
 * A dossier's history, newest first: what happened, when, the new status, and the comment given.
 * Staff also see who acted; applicants see the agency's words, not the officer's name.
 */
export async function DossierTimeline({
  events,
  lang,
  viewer,
}: {
  events: DossierEventView[];
  lang: Lang;
  viewer: Viewer;
}) {
  const t = await getT(lang, "dossiers");
  const newestFirst = [...events].sort(
    (a, b) => new Date(b.at).getTime() - new Date(a.at).getTime() || b.id - a.id,
  );
  if (newestFirst.length === 0) return <p className="muted">{t("timeline.empty")}</p>;
  return (
    <Timeline
      label={t("timeline.label")}
      entries={newestFirst.map((event) => {
        const dueAt = typeof event.details?.dueAt === "string" ? event.details.dueAt : null;
        const meta = [
          formatDateTime(event.at, lang),
          t("timeline.newStatus", { status: t(`status.${event.toStatus}`) }),
          viewer === "staff" && event.actorName ? event.actorName : null,
        ]
          .filter(Boolean)
          .join(" · ");
        return {
          key: String(event.id),
          title: t(`action.${event.action}`),
          meta,
          comment:
            event.comment || dueAt ? (
              <>
                {event.comment ? <span className={styles.comment}>{event.comment}</span> : null}
                {event.comment && dueAt ? <br /> : null}
                {dueAt ? t("timeline.dueAt", { date: formatDate(dueAt, lang) }) : null}
              </>
            ) : undefined,
        };
      })}
    />
  );
}
