import { DataTable } from "@/components/ui/DataTable";
import { hoursAndMinutes } from "@/lib/calendar/rules";
import { getDossierWorkingTime } from "@/lib/dossiers/workingTime";
import type { DossierView } from "@/lib/dossiers/types";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import type { Actor } from "@/lib/identity/types";

/**
 * The working time a dossier has left, in the deciding agency's working hours: for staff with every
 * clock stop explained (why, from, to, the working time it added); for the applicant in plain words.
 * Self-contained (it reads what it needs), so a page adds it with one line.
 */
export async function WorkingTimeLeft({
  actor,
  dossier,
  lang,
  viewer,
}: {
  actor: Actor;
  dossier: Pick<DossierView, "id" | "status" | "dueAt" | "clockStoppedAt" | "competentAgency">;
  lang: Lang;
  viewer: "staff" | "applicant";
}) {
  const [t, time] = await Promise.all([
    getT(lang, "calendar"),
    getDossierWorkingTime(actor, { ...dossier, competentAgencyId: dossier.competentAgency.id }),
  ]);
  const { left, stops } = time;
  if (!left && (viewer === "applicant" || stops.length === 0)) return null;
  const span = (minutes: number) => hoursAndMinutes(minutes);
  const prefix = viewer === "staff" ? "workingTime" : "workingTime.applicant";
  // The stop still open says what the agency waits for: documents, or the fee.
  const waitingForFee = stops.some((stop) => !stop.endedAt && stop.reason === "payment");
  const summary = left
    ? left.stopped
      ? t(
          viewer === "applicant" && waitingForFee ? `${prefix}.stoppedPayment` : `${prefix}.stopped`,
          span(left.minutes),
        )
      : left.minutes < 0
        ? t(`${prefix}.overdue`, span(left.minutes))
        : t(`${prefix}.left`, span(left.minutes))
    : null;

  if (viewer === "applicant") {
    return (
      <section aria-labelledby="working-time-title">
        <h2 id="working-time-title">{t("workingTime.applicant.title")}</h2>
        <p>{summary}</p>
        <p className="muted">{t("workingTime.applicant.hint")}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="working-time-title">
      <h2 id="working-time-title">{t("workingTime.title")}</h2>
      {summary ? <p data-testid="working-time-left">{summary}</p> : null}
      {stops.length === 0 ? (
        <p>{t("workingTime.noStops")}</p>
      ) : (
        <DataTable
          caption={t("workingTime.stopsCaption")}
          scrollLabel={t("workingTime.stopsCaption")}
          columns={[
            { key: "reason", header: t("workingTime.columns.reason") },
            { key: "from", header: t("workingTime.columns.from") },
            { key: "to", header: t("workingTime.columns.to") },
            { key: "added", header: t("workingTime.columns.added") },
          ]}
          rows={stops.map((stop, index) => ({
            key: String(index),
            cells: {
              reason: t(
                `workingTime.reason.${stop.reason === "supplement" || stop.reason === "payment" ? stop.reason : "other"}`,
              ),
              from: formatDateTime(stop.startedAt, lang),
              to: stop.endedAt ? formatDateTime(stop.endedAt, lang) : t("workingTime.ongoing"),
              added: t(
                stop.endedAt ? "workingTime.added" : "workingTime.addedSoFar",
                span(stop.addedMinutes),
              ),
            },
          }))}
        />
      )}
    </section>
  );
}
