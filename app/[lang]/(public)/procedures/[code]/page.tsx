import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getT, resolveLang } from "@/lib/i18n/server";
import { cacheUntilChanged, publicTags } from "@/lib/cache/public";
import { getProcedureByCode, type AgencyRef } from "@/lib/catalog/service";
import { acceptsOnline } from "@/lib/catalog/rules";
import { versionHistory } from "@/lib/catalog/versions";
import { formatDate } from "@/lib/i18n/format";
import type { Lang } from "@/lib/i18n/settings";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ButtonLink } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { SummaryList } from "@/components/ui/SummaryList";
import { Tag } from "@/components/ui/StatusTag";
import { DocumentsList, TimeAndFees } from "@/components/catalog/ProcedureTables";
import styles from "@/components/catalog/catalogue.module.css";
import { localized } from "@/lib/i18n/localized";

type Props = { params: Promise<{ lang: string; code: string }> };

/** Codes are like 1.001193 or 1.000948.H38; anything else cannot exist. */
const codePattern = /^[0-9A-Za-z.]{1,40}$/;

/**
 * Next requires one code to prerender; the build prerenders no real page (see buildOnlySegment), and
 * every procedure's page is cached on its first request.
 */
export function generateStaticParams() {
  return [{ code: "1.000000" }];
}

async function procedureByCode(code: string) {
  "use cache";
  cacheUntilChanged(publicTags.catalogue, publicTags.procedure(code));
  return getProcedureByCode(code);
}

/** The published versions (publishing one invalidates the procedure's tag). */
async function historyByCode(code: string) {
  "use cache";
  cacheUntilChanged(publicTags.catalogue, publicTags.procedure(code));
  return versionHistory(code);
}

async function load(params: Props["params"]) {
  const { code } = await params;
  if (!codePattern.test(code)) return null;
  return procedureByCode(code);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await resolveLang(params);
  const procedure = await load(params);
  if (!procedure) return {};
  return { title: localized(lang, procedure) };
}

function uniqueNames(list: AgencyRef[], lang: Lang): string[] {
  return [...new Set(list.map((a) => localized(lang, a)))];
}

export default async function ProcedurePage({ params }: Props) {
  const lang = await resolveLang(params);
  const procedure = await load(params);
  if (!procedure) notFound();
  const t = await getT(lang, "catalog");
  const history = await historyByCode(procedure.code);
  const { version } = procedure;
  const details = version.details;
  const name = localized(lang, procedure);
  const competent = uniqueNames(
    procedure.agencies.map((a) => a.competent),
    lang,
  );
  const receiving = uniqueNames(
    procedure.agencies.map((a) => a.receiving),
    lang,
  );
  const list = (items: string[]) =>
    items.length === 1 ? (
      items[0]
    ) : (
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    );

  return (
    <>
      <Breadcrumbs
        label={t("common:nav.breadcrumbs")}
        items={[
          { href: `/${lang}`, text: t("common:nav.home") },
          { href: `/${lang}/procedures`, text: t("common:nav.procedures") },
          { text: name },
        ]}
      />
      <span className="muted">
        {localized(lang, procedure, "field")} · {procedure.code}
      </span>
      <h1>{name}</h1>
      {lang === "en" ? (
        <p className="muted" lang="vi">
          {procedure.nameVi}
        </p>
      ) : null}

      <div className={styles.startArea}>
        {acceptsOnline(version.timeLimitHours, details.channels) ? (
          <>
            <ButtonLink
              variant="start"
              href={`/${lang}/dossiers/new?procedure=${encodeURIComponent(procedure.code)}`}
            >
              {t("procedure.start")}
            </ButtonLink>
            <p className="small muted">{t("procedure.startHint")}</p>
          </>
        ) : (
          <Notice>{t("procedure.notOnline")}</Notice>
        )}
      </div>

      <SummaryList
        rows={[
          { key: t("procedure.code"), value: procedure.code },
          { key: t("procedure.field"), value: localized(lang, procedure, "field") },
          { key: t("procedure.level"), value: t(`level.${procedure.level}`) },
          {
            key: t("procedure.onlineLevel"),
            value: (
              <Tag tone={procedure.onlineLevel === "whole" ? "green" : "grey"}>
                {t(`onlineLevel.${procedure.onlineLevel}`)}
              </Tag>
            ),
          },
          ...(competent.length > 0 ? [{ key: t("procedure.competent"), value: list(competent) }] : []),
          ...(receiving.length > 0 ? [{ key: t("procedure.receiving"), value: list(receiving) }] : []),
          ...(version.decisionNo ? [{ key: t("procedure.decisionNo"), value: version.decisionNo }] : []),
        ]}
      />
      {procedure.needsCommitteeDecision ? <p>{t("procedure.committeeDecision")}</p> : null}

      <h2>{t("procedure.timeLimits")}</h2>
      <p className="muted">{t("procedure.timeLimitsCaption")}</p>
      <TimeAndFees version={version} lang={lang} t={t} />

      <h2>{t("procedure.documents")}</h2>
      <DocumentsList version={version} lang={lang} t={t} />

      {details.targetGroups.length > 0 ? (
        <>
          <h2>{t("procedure.targetGroups")}</h2>
          <ul>
            {details.targetGroups.map((group) => (
              <li key={group.vi}>{group[lang]}</li>
            ))}
          </ul>
        </>
      ) : null}

      {details.result[lang] ? (
        <>
          <h2>{t("procedure.result")}</h2>
          <p>{details.result[lang]}</p>
        </>
      ) : null}

      {details.notes?.[lang] ? (
        <>
          <h2>{t("procedure.notes")}</h2>
          <p>{details.notes[lang]}</p>
        </>
      ) : null}

      {details.legalBasis.length > 0 ? (
        <>
          <h2>{t("procedure.legalBasis")}</h2>
          <ul lang="vi">
            {details.legalBasis.map((basis) => (
              <li key={basis}>{basis}</li>
            ))}
          </ul>
        </>
      ) : null}

      {history.length > 0 ? (
        <>
          <h2 id="version-history">{t("procedure.history.title")}</h2>
          <ol className="version-history" reversed>
            {history.map((entry) => (
              <li key={entry.version}>
                {[
                  t(entry.current ? "procedure.history.current" : "procedure.history.version", {
                    version: entry.version,
                  }),
                  entry.publishedAt ? formatDate(entry.publishedAt, lang) : null,
                  entry.decisionNo ? t("procedure.history.decision", { number: entry.decisionNo }) : null,
                  entry.changeNote,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </li>
            ))}
          </ol>
        </>
      ) : null}

      <p>
        {details.sourceUrl ? (
          <a href={details.sourceUrl} rel="external">
            {t("procedure.source")}
          </a>
        ) : (
          <span className="muted">{t("procedure.sourceNone")}</span>
        )}
      </p>
    </>
  );
}
