import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { formatDate, formatDateTime, formatNumber, formatVnd } from "@/lib/i18n/format";
import { getT, resolveLang } from "@/lib/i18n/server";
import { localized } from "@/lib/i18n/localized";
import { getActor } from "@/lib/identity/actor";
import { getReconciliation, reconciliationAgencies } from "@/lib/payments/reconciliation";
import { registerDefaultPeriod, registerPeriod } from "@/lib/slips/rules";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Button } from "@/components/ui/Button";
import { DataTable } from "@/components/ui/DataTable";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { SelectField, TextField } from "@/components/ui/Field";
import { Notice } from "@/components/ui/Notice";
import { SummaryList } from "@/components/ui/SummaryList";
import { NotStaff } from "@/components/staff/NotStaff";
import { requireStaff } from "../_shared/staff-actor";

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const single = (value: string | string[] | undefined) =>
  typeof value === "string" ? value.trim() : undefined;

/** The form's values (this month so far by default) and their problems, as message keys. */
async function readRequest(searchParams: Props["searchParams"], agencyCodes: string[]) {
  const query = await searchParams;
  const asked = single(query.from) !== undefined || single(query.to) !== undefined;
  const values = {
    agency: single(query.agency) || agencyCodes[0] || "",
    ...(asked
      ? { from: single(query.from) ?? "", to: single(query.to) ?? "" }
      : registerDefaultPeriod(new Date())),
  };
  const period = registerPeriod(values);
  const issues: Record<string, string[]> = period.ok ? {} : { ...period.issues };
  if (!agencyCodes.includes(values.agency)) issues.agency = ["reconciliation.errors.agency"];
  return { values, issues, period: period.ok ? period.value : null };
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const lang = await resolveLang(params);
  const t = await getT(lang, "payments");
  const actor = await getActor();
  if (actor.kind !== "staff") return { title: t("reconciliation.title") };
  const codes = (await reconciliationAgencies(actor)).map((agency) => agency.code);
  const { issues } = await readRequest(searchParams, codes);
  const failed = Object.keys(issues).length > 0;
  return {
    title: failed
      ? `${t("common:errorTitlePrefix")}: ${t("reconciliation.title")}`
      : t("reconciliation.title"),
  };
}

/**
 * The agency's reconciliation of fees: a plain GET form (agency, period), the totals paid and
 * unpaid, what was paid each day, every payment, and the same rows as CSV.
 */
export default async function PaymentsPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const t = await getT(lang, "payments");
  const tStaff = await getT(lang, "staff");
  const tSlips = await getT(lang, "slips");
  const actor = await requireStaff(lang, `/${lang}/staff/payments`);
  if (!actor) return <NotStaff lang={lang} t={tStaff} />;
  const agencies = await reconciliationAgencies(actor);
  const breadcrumbs = (
    <Breadcrumbs
      label={t("common:nav.breadcrumbs")}
      items={[
        { href: `/${lang}/staff`, text: tStaff("dossier.backToQueue") },
        { text: t("reconciliation.title") },
      ]}
    />
  );
  if (agencies.length === 0) {
    return (
      <>
        {breadcrumbs}
        <h1>{t("reconciliation.title")}</h1>
        <Notice>{t("reconciliation.noAgency")}</Notice>
      </>
    );
  }
  const { values, issues, period } = await readRequest(
    searchParams,
    agencies.map((agency) => agency.code),
  );
  const message = (key: string) => (key.startsWith("register.") ? tSlips(key) : t(key));
  const fieldIds = { agency: "payments-agency", from: "payments-from", to: "payments-to" } as const;
  const errors = (Object.keys(fieldIds) as (keyof typeof fieldIds)[]).flatMap((field) =>
    issues[field]?.[0] ? [{ href: `#${fieldIds[field]}`, message: message(issues[field][0]) }] : [],
  );
  const error = (field: keyof typeof fieldIds) =>
    issues[field]?.[0] ? message(issues[field][0]) : undefined;
  const report =
    errors.length === 0 && period
      ? await getReconciliation(actor, { agencyCode: values.agency, period })
      : null;
  const errorPrefix = t("common:errorTitlePrefix");

  return (
    <>
      {breadcrumbs}
      {errors.length > 0 ? <ErrorSummary title={t("common:errorSummaryTitle")} errors={errors} /> : null}
      <h1>{t("reconciliation.title")}</h1>
      <p className="lead">{t("reconciliation.lead")}</p>
      <form action={`/${lang}/staff/payments`} method="get" noValidate>
        {agencies.length === 1 ? (
          <input type="hidden" name="agency" value={agencies[0]!.code} />
        ) : (
          <SelectField
            id={fieldIds.agency}
            name="agency"
            label={t("reconciliation.agency")}
            options={agencies.map((agency) => ({ value: agency.code, label: localized(lang, agency) }))}
            defaultValue={values.agency}
            error={error("agency")}
            errorPrefix={errorPrefix}
          />
        )}
        <TextField
          id={fieldIds.from}
          name="from"
          type="date"
          label={t("reconciliation.from")}
          hint={tSlips("register.dateHint")}
          defaultValue={values.from}
          error={error("from")}
          errorPrefix={errorPrefix}
        />
        <TextField
          id={fieldIds.to}
          name="to"
          type="date"
          label={t("reconciliation.to")}
          defaultValue={values.to}
          error={error("to")}
          errorPrefix={errorPrefix}
        />
        <Button variant="secondary">{t("reconciliation.show")}</Button>
      </form>

      {report?.ok ? (
        <>
          <h2>
            {t("reconciliation.periodTitle", {
              agency: localized(lang, report.value.agency),
              from: formatDate(report.value.period.from, lang),
              to: formatDate(report.value.period.to, lang),
            })}
          </h2>
          <SummaryList
            rows={[
              {
                key: t("reconciliation.paid"),
                value: t("reconciliation.total", {
                  amount: formatVnd(report.value.paid.amountVnd, lang),
                  count: report.value.paid.count,
                  countText: formatNumber(report.value.paid.count, lang),
                }),
              },
              {
                key: t("reconciliation.unpaid"),
                value: t("reconciliation.total", {
                  amount: formatVnd(report.value.unpaid.amountVnd, lang),
                  count: report.value.unpaid.count,
                  countText: formatNumber(report.value.unpaid.count, lang),
                }),
              },
            ]}
          />
          <p>
            <a
              href={`/api/v1/agencies/${encodeURIComponent(report.value.agency.code)}/payments.csv?${new URLSearchParams({ from: report.value.period.from, to: report.value.period.to, lang })}`}
              download
            >
              {t("reconciliation.csv")}
            </a>
          </p>
          <h2>{t("reconciliation.byDay")}</h2>
          {report.value.days.length === 0 ? (
            <p>{t("reconciliation.noneYet")}</p>
          ) : (
            <DataTable
              scrollLabel={t("reconciliation.byDay")}
              columns={[
                { key: "date", header: t("reconciliation.columns.date") },
                { key: "count", header: t("reconciliation.columns.count"), numeric: true },
                { key: "amount", header: t("reconciliation.columns.paidAmount"), numeric: true },
              ]}
              rows={report.value.days.map((day) => ({
                key: day.date,
                cells: {
                  date: formatDate(day.date, lang),
                  count: formatNumber(day.count, lang),
                  amount: formatVnd(day.amountVnd, lang),
                },
              }))}
            />
          )}
          <h2>{t("reconciliation.payments")}</h2>
          {report.value.rows.length === 0 ? (
            <p>{t("reconciliation.noPayments")}</p>
          ) : (
            <DataTable
              columns={[
                { key: "dossier", header: t("reconciliation.columns.dossier") },
                { key: "amount", header: t("reconciliation.columns.amount"), numeric: true },
                { key: "status", header: t("reconciliation.columns.status") },
                { key: "method", header: t("reconciliation.columns.method") },
                { key: "receipt", header: t("reconciliation.columns.receipt") },
                { key: "paidAt", header: t("reconciliation.columns.paidAt") },
              ]}
              rows={report.value.rows.map((row) => ({
                key: row.id,
                cells: {
                  dossier: row.dossierCode ? (
                    <Link href={`/${lang}/staff/dossiers/${encodeURIComponent(row.dossierCode)}`}>
                      {row.dossierCode}
                    </Link>
                  ) : (
                    "—"
                  ),
                  amount: formatVnd(row.amountVnd, lang),
                  status: t(`reconciliation.status.${row.status}`),
                  method: row.method ? t(`reconciliation.method.${row.method}`) : "—",
                  receipt: row.receiptNumber ?? "—",
                  paidAt: row.paidAt ? formatDateTime(row.paidAt, lang) : "—",
                },
              }))}
            />
          )}
        </>
      ) : null}
    </>
  );
}
