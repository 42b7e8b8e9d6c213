import type { Metadata } from "next";
import { connection } from "next/server";
import { getT, resolveLang } from "@/lib/i18n/server";
import { formatMonth } from "@/lib/i18n/format";
import type { Lang } from "@/lib/i18n/settings";
import { parseTransparencyQuery } from "@/lib/reports/schema";
import { addMonths, maxReportMonths, monthOf, resolveWindow } from "@/lib/reports/rules";
import {
  getTransparencyReport,
  listReportAgencies,
  type ReportAgency,
  type TransparencyReport,
} from "@/lib/reports/service";
import { cache } from "react";
import { Button } from "@/components/ui/Button";
import { ErrorSummary, type ErrorLink } from "@/components/ui/ErrorSummary";
import { SelectField } from "@/components/ui/Field";
import { FiguresTable } from "@/components/reports/FiguresTable";
import { Methodology } from "@/components/reports/Methodology";
import styles from "@/components/reports/reports.module.css";
import { localized } from "@/lib/i18n/localized";
import { issuesOf } from "@/lib/result";

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

type Checked = {
  typed: { from?: string; to?: string; agency?: string };
  /** Message keys per field. */
  errors: Record<string, string>;
  query: { from: string; to: string; agencyCode?: string } | null;
  agencies: ReportAgency[];
};

/** Once per request: the page and its title both need it. */
const agencyChoices = cache(() => listReportAgencies());

/** Checks the filters without running the report, so the title can say when there is an error. */
async function check(searchParams: Props["searchParams"], now: Date): Promise<Checked> {
  const raw = await searchParams;
  const first = (key: string) => {
    const value = raw[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const typed = { from: first("from"), to: first("to"), agency: first("agency") };
  const agencies = await agencyChoices();
  const parsed = parseTransparencyQuery(raw);
  if (!parsed.success) {
    const errors = Object.fromEntries(
      Object.entries(issuesOf(parsed.error)).map(([field, messages]) => [field, messages[0]!]),
    );
    return { typed, errors, query: null, agencies };
  }
  const window = resolveWindow(parsed.data, now);
  if (!window.ok) return { typed, errors: { [window.field]: window.message }, query: null, agencies };
  const agencyCode = parsed.data.agency;
  if (agencyCode && !agencies.some((agency) => agency.code === agencyCode)) {
    return { typed, errors: { agency: "errors.unknownAgency" }, query: null, agencies };
  }
  return {
    typed: { ...typed, from: window.from, to: window.to },
    errors: {},
    query: { ...window, agencyCode },
    agencies,
  };
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const lang = await resolveLang(params);
  const t = await getT(lang, "reports");
  await connection();
  const { errors } = await check(searchParams, new Date());
  const failed = Object.keys(errors).length > 0;
  return { title: failed ? `${t("common:errorTitlePrefix")}: ${t("title")}` : t("title") };
}

const name = (agency: ReportAgency, lang: Lang) => localized(lang, agency);

export default async function TransparencyPage({ params, searchParams }: Props) {
  const lang = await resolveLang(params);
  await connection();
  const t = await getT(lang, "reports");
  const now = new Date();
  const { typed, errors: checkErrors, query, agencies } = await check(searchParams, now);
  const result = query ? await getTransparencyReport(query, now) : null;
  const report: TransparencyReport | null = result?.ok ? result.value : null;
  const errors = result && !result.ok ? { agency: "errors.unknownAgency" } : checkErrors;
  const current = monthOf(now);
  const monthOptions = Array.from({ length: maxReportMonths }, (_, i) => addMonths(current, -i)).map(
    (month) => ({
      value: month,
      label: formatMonth(month, lang),
    }),
  );
  const defaults = resolveWindow({}, now);
  const errorLinks: ErrorLink[] = Object.entries(errors).map(([field, key]) => ({
    href: `#${field}`,
    message: t(key),
  }));
  const csvQuery = report
    ? new URLSearchParams({
        from: report.from,
        to: report.to,
        ...(report.agency ? { agency: report.agency.code } : {}),
        lang,
      })
    : null;

  return (
    <>
      {errorLinks.length > 0 ? (
        <ErrorSummary title={t("common:errorSummaryTitle")} errors={errorLinks} />
      ) : null}
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>

      <form action={`/${lang}/transparency`} method="get">
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{t("filters.legend")}</legend>
          <div className={styles.filters}>
            <SelectField
              id="agency"
              name="agency"
              label={t("filters.agency")}
              placeholder={t("filters.allAgencies")}
              defaultValue={typed.agency ?? ""}
              error={errors.agency ? t(errors.agency) : undefined}
              errorPrefix={t("common:errorTitlePrefix")}
              options={agencies.map((agency) => ({ value: agency.code, label: name(agency, lang) }))}
            />
            <SelectField
              id="from"
              name="from"
              label={t("filters.from")}
              defaultValue={typed.from ?? (defaults.ok ? defaults.from : "")}
              error={errors.from ? t(errors.from) : undefined}
              errorPrefix={t("common:errorTitlePrefix")}
              options={[...monthOptions].reverse()}
            />
            <SelectField
              id="to"
              name="to"
              label={t("filters.to")}
              defaultValue={typed.to ?? current}
              error={errors.to ? t(errors.to) : undefined}
              errorPrefix={t("common:errorTitlePrefix")}
              options={monthOptions}
            />
            <Button variant="secondary">{t("filters.apply")}</Button>
          </div>
        </fieldset>
      </form>

      {report ? (
        <>
          <p>
            <strong>
              {t("period", { from: formatMonth(report.from, lang), to: formatMonth(report.to, lang) })}
              {report.agency ? ` — ${name(report.agency, lang)}` : ""}
            </strong>
          </p>
          {report.agency ? null : (
            <FiguresTable
              caption={t("byAgency")}
              firstHeader={t("columns.agency")}
              rows={report.byAgency.map((row) => ({
                key: row.agency.id,
                label: name(row.agency, lang),
                figures: row.figures,
              }))}
              total={report.total}
              lang={lang}
              t={t}
            />
          )}
          <FiguresTable
            caption={report.agency ? t("byMonthFor", { agency: name(report.agency, lang) }) : t("byMonth")}
            firstHeader={t("columns.month")}
            rows={report.byMonth.map((row) => ({
              key: row.month,
              label: formatMonth(row.month, lang),
              figures: row.figures,
            }))}
            total={report.total}
            lang={lang}
            t={t}
          />
          <p>
            <a href={`/api/v1/reports/transparency.csv?${csvQuery}`} download>
              {t("download")}
            </a>
          </p>
          <p className="small muted">{t("downloadHint")}</p>
        </>
      ) : null}

      <Methodology t={t} />
    </>
  );
}
