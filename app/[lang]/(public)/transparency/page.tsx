import type { Metadata } from "next";
import { getT, resolveLang, resolveListingQuery } from "@/lib/i18n/server";
import { formatDateTime, formatMonth } from "@/lib/i18n/format";
import { cacheFigures } from "@/lib/cache/public";
import type { Lang } from "@/lib/i18n/settings";
import { parseTransparencyQuery } from "@/lib/reports/schema";
import { addMonths, maxReportMonths, monthOf, resolveWindow } from "@/lib/reports/rules";
import {
  getTransparencyReport,
  listReportAgencies,
  type ReportAgency,
  type TransparencyReport,
} from "@/lib/reports/service";
import { Button } from "@/components/ui/Button";
import { ErrorSummary, type ErrorLink } from "@/components/ui/ErrorSummary";
import { SelectField } from "@/components/ui/Field";
import { FiguresTable } from "@/components/reports/FiguresTable";
import { Methodology } from "@/components/reports/Methodology";
import styles from "@/components/reports/reports.module.css";
import { localized } from "@/lib/i18n/localized";
import { issuesOf } from "@/lib/result";

type Props = { params: Promise<{ lang: string }> };
type RawQuery = Record<string, string | string[] | undefined>;

type Checked = {
  typed: { from?: string; to?: string; agency?: string };
  /** Message keys per field. */
  errors: Record<string, string>;
  query: { from: string; to: string; agencyCode?: string } | null;
  agencies: ReportAgency[];
};

/** Checks the filters without running the report, so the title can say when there is an error. */
async function check(raw: RawQuery, now: Date): Promise<Checked> {
  const first = (key: string) => {
    const value = raw[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const typed = { from: first("from"), to: first("to"), agency: first("agency") };
  const agencies = await listReportAgencies();
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

/**
 * The page's figures for one query, from the rollups, with the moment they were computed: cached for
 * a few seconds (the page says so), the same entry for the page and its title.
 */
async function transparencyFor(raw: RawQuery) {
  "use cache";
  cacheFigures();
  const now = new Date();
  const checked = await check(raw, now);
  const result = checked.query ? await getTransparencyReport(checked.query, now) : null;
  return { now, checked, result };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lang = await resolveLang(params);
  const t = await getT(lang, "reports");
  const {
    checked: { errors },
  } = await transparencyFor(await resolveListingQuery(params));
  const failed = Object.keys(errors).length > 0;
  return { title: failed ? `${t("common:errorTitlePrefix")}: ${t("title")}` : t("title") };
}

const name = (agency: ReportAgency, lang: Lang) => localized(lang, agency);

export default async function TransparencyPage({ params }: Props) {
  const lang = await resolveLang(params);
  const t = await getT(lang, "reports");
  const { now, checked, result } = await transparencyFor(await resolveListingQuery(params));
  const { typed, errors: checkErrors, agencies } = checked;
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
      <p className="small muted">{t("common:figuresAsOf", { time: formatDateTime(now, lang) })}</p>

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
