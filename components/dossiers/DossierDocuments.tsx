import Link from "next/link";
import { SummaryList } from "@/components/ui/SummaryList";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import type { RequiredDocument } from "@/lib/catalog/types";
import type { AttachmentView } from "@/lib/dossiers/types";
import type { Viewer } from "./DossierTimeline";
import styles from "./dossiers.module.css";

function size(bytes: number, lang: Lang): string {
  const locale = lang === "vi" ? "vi-VN" : "en-GB";
  return bytes < 1024 * 1024
    ? `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} KB`
    : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;
}

/**
 * The documents of a dossier, one row per required document (and per optional one that has files)
 * with its files as download links. Files
 * for a document the version does not list (e.g. sent with a supplement) come last. Staff also see
 * when each file arrived and the start of its SHA-256.
 */
export async function DossierDocuments({
  documents,
  attachments,
  lang,
  viewer,
  changeHref,
}: {
  documents: RequiredDocument[];
  attachments: AttachmentView[];
  lang: Lang;
  viewer: Viewer;
  /** Where to change the files (the draft form), if they can still change. */
  changeHref?: string;
}) {
  const t = await getT(lang, "dossiers");
  const known = new Set(documents.map((document) => document.key));
  const others = attachments.filter((attachment) => !known.has(attachment.documentKey));
  const files = (list: AttachmentView[]) =>
    list.length === 0 ? (
      <span className="muted">{t("documents.none")}</span>
    ) : (
      <ul className={styles.files}>
        {list.map((attachment) => (
          <li key={attachment.id}>
            {attachment.description ? <>{attachment.description}: </> : null}
            {/* Staff are served only files the virus check found clean; nobody a rejected one. */}
            {attachment.scanStatus === "rejected" ||
            (viewer === "staff" && attachment.scanStatus !== "clean") ? (
              <span>{attachment.fileName}</span>
            ) : (
              <a href={`/api/v1/attachments/${attachment.id}`}>{attachment.fileName}</a>
            )}{" "}
            {attachment.scanStatus === "pending" ? (
              <strong className="small">({t("documents.scanPending")}) </strong>
            ) : attachment.scanStatus === "rejected" ? (
              <strong className="small">
                (
                {attachment.scanReason
                  ? t("documents.scanRejected", { reason: attachment.scanReason })
                  : t("documents.scanRejectedNoReason")}
                ){" "}
              </strong>
            ) : null}
            <span className="muted small">
              ({size(attachment.size, lang)}
              {viewer === "staff"
                ? `, ${formatDateTime(attachment.createdAt, lang)}, SHA-256 ${attachment.sha256.slice(0, 12)}…`
                : ""}
              )
            </span>
          </li>
        ))}
      </ul>
    );
  // An optional document nobody sent is noise: show required ones always, optional ones with files.
  const shown = documents.filter(
    (document) =>
      document.required || attachments.some((attachment) => attachment.documentKey === document.key),
  );
  const rows = shown.map((document) => ({
    key: (
      <>
        {document.name[lang]}
        {document.required ? null : <span className="muted small"> {t("forms:optional")}</span>}
        {document.description ? (
          // Not bold like the rest of the row's key: the published text can be long.
          <details className="small" style={{ fontWeight: 400 }}>
            <summary>
              {t("documents.details")}
              <span className="visually-hidden">: {document.name[lang]}</span>
            </summary>
            <p>{document.description[lang]}</p>
          </details>
        ) : null}
      </>
    ),
    value: files(attachments.filter((attachment) => attachment.documentKey === document.key)),
    action: changeHref ? (
      <Link href={`${changeHref}#doc_${document.key}`}>
        {t("common:actions.change")}
        <span className="visually-hidden"> {document.name[lang]}</span>
      </Link>
    ) : undefined,
  }));
  if (others.length > 0)
    rows.push({ key: <>{t("documents.other")}</>, value: files(others), action: undefined });
  if (rows.length === 0) return <p className="muted">{t("documents.noneRequired")}</p>;
  return <SummaryList rows={rows} />;
}
