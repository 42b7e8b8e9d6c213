import type { ProcedureDetail } from "@/lib/catalog/service";
import { channelOrder, feeTextAddsDetail, feesFor, isFree, timeLimitDays } from "@/lib/catalog/rules";
import type { Fee } from "@/lib/catalog/types";
import { searchable } from "@/lib/text/normalize";
import { formatNumber, formatVnd } from "@/lib/i18n/format";
import type { Lang } from "@/lib/i18n/settings";
import type { T } from "@/lib/i18n/server";
import { DataTable } from "@/components/ui/DataTable";
import { Tag } from "@/components/ui/StatusTag";
import styles from "./catalogue.module.css";

type Version = ProcedureDetail["version"];

function feeText(fee: Fee, lang: Lang, t: T) {
  if (isFree(fee)) return t("procedure.free");
  if (fee.amountVnd === null) return <span lang="vi">{fee.asPublished}</span>;
  return formatVnd(fee.amountVnd, lang);
}

/**
 * The published wording under the amount when it says more: the case a fee applies to ("free when
 * registered on time", "per page"); nothing under a plain amount or a plain "free". An amount set
 * elsewhere (by the provincial council) says so in Vietnamese, and points to the notes.
 */
function feeDetail(fee: Fee, t: T) {
  if (fee.amountVnd === null && !isFree(fee))
    return <span className={`small muted ${styles.block}`}>{t("procedure.feeSetElsewhere")}</span>;
  const plainFree = searchable(fee.asPublished) === "mien phi";
  if (fee.amountVnd === 0 && plainFree) return null;
  if (fee.amountVnd === null || !feeTextAddsDetail(fee)) return null;
  return (
    <span className={`small muted ${styles.block}`} lang="vi">
      {fee.asPublished}
    </span>
  );
}

/** Time limit and fees side by side, one row per channel the procedure is offered on. */
export function TimeAndFees({ version, lang, t }: { version: Version; lang: Lang; t: T }) {
  const channels = channelOrder.filter(
    (channel) => version.timeLimitHours[channel] != null || feesFor(version.fees, channel).length > 0,
  );
  const days = (hours: number | null | undefined) => {
    if (hours == null) return t("procedure.notOffered");
    if (hours === 0) return t("procedure.sameDay");
    const value = timeLimitDays(hours);
    return t("procedure.workingDays", {
      count: value,
      formatted: formatNumber(value, lang, Number.isInteger(value) ? 0 : 1),
    });
  };
  return (
    <DataTable
      caption={<span className="visually-hidden">{t("procedure.timeLimits")}</span>}
      columns={[
        { key: "channel", header: t("procedure.channelColumn") },
        { key: "time", header: t("procedure.timeColumn") },
        { key: "fee", header: t("procedure.feeColumn") },
      ]}
      rows={channels.map((channel) => {
        const fees = feesFor(version.fees, channel);
        return {
          key: channel,
          cells: {
            channel: t(`channel.${channel}`),
            time: days(version.timeLimitHours[channel]),
            fee:
              fees.length === 0 ? (
                t("procedure.free")
              ) : (
                <>
                  {fees.map((fee, index) => (
                    <span key={index} className={styles.block}>
                      {feeText(fee, lang, t)}
                      {feeDetail(fee, t)}
                    </span>
                  ))}
                </>
              ),
          },
        };
      })}
    />
  );
}

/** The required documents (thành phần hồ sơ): originals, copies, always or only when it applies. */
export function DocumentsList({ version, lang, t }: { version: Version; lang: Lang; t: T }) {
  if (version.documents.length === 0) return <p>{t("procedure.noDocuments")}</p>;
  return (
    <ol className={`card-list ${styles.documents}`}>
      {version.documents.map((document) => (
        <li key={document.key}>
          <p className={styles.documentName}>{document.name[lang]}</p>
          {document.description ? (
            // The published text can run to pages: closed until asked for, and it works without JavaScript.
            <details className="small">
              <summary>
                {t("procedure.documentDetails")}
                <span className="visually-hidden">: {document.name[lang]}</span>
              </summary>
              <p>{document.description[lang]}</p>
            </details>
          ) : null}
          <p className="meta-line">
            <span>
              {t("procedure.originalsColumn")}: {formatNumber(document.originals, lang)}
            </span>
            <span>
              {t("procedure.copiesColumn")}: {formatNumber(document.copies, lang)}
            </span>
            <span>
              {document.required ? (
                <Tag tone="blue">{t("procedure.required")}</Tag>
              ) : (
                <Tag tone="grey">{t("procedure.conditional")}</Tag>
              )}
            </span>
          </p>
        </li>
      ))}
    </ol>
  );
}
