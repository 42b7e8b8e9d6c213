import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getT, resolveLang } from "@/lib/i18n/server";
import { taskStatuses } from "@/lib/tasks/rules";
import { taskDashboard } from "@/lib/tasks/service";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Button } from "@/components/ui/Button";
import { NotStaff } from "@/components/staff/NotStaff";
import { TaskTable } from "@/components/tasks/TaskTable";
import styles from "@/components/tasks/tasks.module.css";
import stacked from "@/components/ui/stackedTable.module.css";
import { requireStaff } from "@/app/[lang]/(staff)/staff/_shared/staff-actor";

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT(await resolveLang(params), "workspace");
  return { title: t("tasks.dashboard.title") };
}

/**
 * The chair's dashboard: a body's tasks counted by owner agency and status, agencies with overdue
 * tasks first, then the tasks themselves overdue first, and the CSV of them. On a phone each agency
 * is a block of labelled counts.
 */
export default async function TaskDashboardPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const query = await searchParams;
  const bodyCode = typeof query.body === "string" ? query.body : null;
  const t = await getT(lang, "workspace");
  const tCommon = await getT(lang, "common");
  const actor = await requireStaff(
    lang,
    `/${lang}/workspace/tasks/dashboard${bodyCode ? `?body=${encodeURIComponent(bodyCode)}` : ""}`,
  );
  if (!actor) return <NotStaff lang={lang} t={await getT(lang, "staff")} />;
  const now = new Date();
  const result = await taskDashboard(actor, bodyCode, now);
  if (!result.ok) notFound();
  const { body, bodies, rows, totals, tasks } = result.value;
  const columns = [...taskStatuses, "total"] as const;
  const header = (column: (typeof columns)[number]) =>
    column === "total" ? t("tasks.dashboard.total") : t(`tasks.status.${column}`);
  const cell = (column: (typeof columns)[number], value: number): ReactNode => (
    <>
      <span className={stacked.label} aria-hidden="true">
        {header(column)}
      </span>
      {formatNumber(value, lang)}
    </>
  );
  const csvHref = `/api/v1/workspace/tasks.csv?body=${encodeURIComponent(body.code)}&lang=${lang}`;
  return (
    <>
      <Breadcrumbs
        label={tCommon("nav.breadcrumbs")}
        items={[
          { href: `/${lang}/workspace`, text: t("tasks.workspace") },
          { href: `/${lang}/workspace/tasks`, text: t("tasks.breadcrumb") },
          { text: t("tasks.dashboard.title") },
        ]}
      />
      <h1>{t("tasks.dashboard.title")}</h1>
      <p className="lead">{localized(lang, body)}</p>
      <p>{t("tasks.dashboard.intro", { at: formatDateTime(now, lang) })}</p>
      {bodies.length > 1 ? (
        <form method="get" action={`/${lang}/workspace/tasks/dashboard`}>
          <label className="field__label" htmlFor="dashboard-body">
            {t("tasks.dashboard.bodyLabel")}
          </label>
          <select id="dashboard-body" name="body" className="select" defaultValue={body.code}>
            {bodies.map((b) => (
              <option key={b.code} value={b.code}>
                {localized(lang, b)}
              </option>
            ))}
          </select>{" "}
          <Button variant="secondary">{t("tasks.dashboard.show")}</Button>
        </form>
      ) : null}
      {totals.total === 0 ? (
        <p>{t("tasks.dashboard.empty")}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className={`table ${stacked.table}`}>
              <caption>{t("tasks.dashboard.byAgency")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("tasks.dashboard.agency")}</th>
                  {columns.map((column) => (
                    <th key={column} scope="col" className="num">
                      {header(column)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.agency.id}>
                    <th scope="row" className={styles.wrap}>
                      {localized(lang, row.agency)}
                    </th>
                    {columns.map((column) => (
                      <td key={column} className="num">
                        {cell(column, column === "total" ? row.total : row.counts[column])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t("tasks.dashboard.allAgencies")}</th>
                  {columns.map((column) => (
                    <td key={column} className="num">
                      {cell(column, totals[column])}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
          <p>
            <a href={csvHref} download>
              {t("tasks.dashboard.export")}
            </a>
          </p>
          <TaskTable rows={tasks} caption={t("tasks.dashboard.tasks")} lang={lang} t={t} />
        </>
      )}
      <p>
        <Link href={`/${lang}/workspace/tasks`}>{t("tasks.task.back")}</Link>
      </p>
    </>
  );
}
