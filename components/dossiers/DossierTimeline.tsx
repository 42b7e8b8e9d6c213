import { Timeline } from "@/components/ui/Timeline";
import { formatDate, formatDateTime, formatVnd } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import type { ReactNode } from "react";
import type { DossierEventView, EventDocument } from "@/lib/dossiers/types";
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
        const lines = detailLines(event, lang, t);
        return {
          key: String(event.id),
          title: t(`action.${event.action}`),
          meta,
          comment:
            event.comment || dueAt || lines.length > 0 ? (
              <>
                {event.comment ? <span className={styles.comment}>{event.comment}</span> : null}
                {event.comment && dueAt ? <br /> : null}
                {dueAt ? t("timeline.dueAt", { date: formatDate(dueAt, lang) }) : null}
                {lines.map((line, index) => (
                  <span key={index}>
                    {event.comment || dueAt || index > 0 ? <br /> : null}
                    {line}
                  </span>
                ))}
              </>
            ) : undefined,
        };
      })}
    />
  );
}

const text = (value: unknown) => (typeof value === "string" ? value : null);

/** What an event's details say, as lines under its comment (only the details the viewer was given). */
function detailLines(event: DossierEventView, lang: Lang, t: Awaited<ReturnType<typeof getT>>): ReactNode[] {
  const details = event.details ?? {};
  const lines: ReactNode[] = [];
  if (event.action === "approve_delay" && text(details.newDueAt)) {
    lines.push(
      t("timeline.delay", {
        newDate: formatDate(text(details.newDueAt), lang),
        originalDate: formatDate(text(details.originalDueAt), lang),
      }),
    );
    if (text(details.reason)) lines.push(<span className={styles.comment}>{text(details.reason)}</span>);
  }
  if (event.action === "return_result" && text(details.method)) {
    const method = text(details.method)!;
    if (["desk", "post", "online"].includes(method)) {
      lines.push(t(`timeline.returnMethod.${method}`, { tracking: text(details.trackingNumber) ?? "" }));
    }
    const file = details.resultFile as EventDocument | undefined;
    if (file && typeof file.id === "string") {
      lines.push(
        <a href={`/api/v1/attachments/${encodeURIComponent(file.id)}`}>
          {t("timeline.resultFile", { name: file.fileName })}
        </a>,
      );
    }
  }
  // A fee asked for and paid: the amount and its legal text, then how it was paid and its proof.
  const amount = typeof details.amountVnd === "number" ? formatVnd(details.amountVnd, lang) : null;
  if (event.action === "request_payment" && amount) {
    lines.push(t("timeline.paymentRequested", { amount }));
    if (text(details.legalBasis))
      lines.push(t("timeline.paymentLegalBasis", { basis: text(details.legalBasis) }));
  }
  if (event.action === "record_payment" && amount) {
    const method = text(details.method) === "online" ? "online" : "desk";
    lines.push(
      t(`timeline.paymentPaid.${method}`, {
        amount,
        receipt: text(details.receiptNumber) ?? "",
        transaction: text(details.transactionId) ?? "",
      }),
    );
  }
  const documents = Array.isArray(details.documents) ? (details.documents as EventDocument[]) : [];
  if (documents.length > 0) {
    lines.push(
      <>
        {t("timeline.documents")}{" "}
        {documents.map((document, index) => (
          <span key={document.id}>
            {index > 0 ? ", " : null}
            <a href={`/api/v1/attachments/${encodeURIComponent(document.id)}`}>{document.fileName}</a>
          </span>
        ))}
      </>,
    );
  }
  return lines;
}
