import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getT, resolveLang } from "@/lib/i18n/server";
import { followsTasks, listTasks, mayOpenDashboard, type TaskScope } from "@/lib/tasks/service";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Notice } from "@/components/ui/Notice";
import { NotStaff } from "@/components/staff/NotStaff";
import { TaskTable } from "@/components/tasks/TaskTable";
import { requireStaff } from "@/app/[lang]/(staff)/staff/_shared/staff-actor";

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const scopes: readonly TaskScope[] = ["mine", "agency", "body"];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT(await resolveLang(params), "workspace");
  return { title: t("tasks.title") };
}

/** The tasks the officer follows: theirs, their agency's, their body's; overdue first. */
export default async function TasksPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const query = await searchParams;
  const scope = scopes.find((s) => s === query.view) ?? "mine";
  const t = await getT(lang, "workspace");
  const tCommon = await getT(lang, "common");
  const actor = await requireStaff(lang, `/${lang}/workspace/tasks${query.view ? `?view=${scope}` : ""}`);
  if (!actor) return <NotStaff lang={lang} t={await getT(lang, "staff")} />;
  const [follows, rows, dashboard] = await Promise.all([
    followsTasks(actor),
    listTasks(actor, scope),
    mayOpenDashboard(actor),
  ]);
  return (
    <>
      <Breadcrumbs
        label={tCommon("nav.breadcrumbs")}
        items={[{ href: `/${lang}/workspace`, text: t("tasks.workspace") }, { text: t("tasks.breadcrumb") }]}
      />
      <h1>{t("tasks.title")}</h1>
      <p className="lead">{t("tasks.intro")}</p>
      {dashboard ? (
        <p>
          <Link href={`/${lang}/workspace/tasks/dashboard`}>{t("tasks.dashboardLink")}</Link>
        </p>
      ) : null}
      {!follows ? <Notice>{t("tasks.notFollowing")}</Notice> : null}
      <nav aria-label={t("tasks.views.label")}>
        <ul className="tabs">
          {scopes.map((s) => (
            <li key={s}>
              <Link
                href={`/${lang}/workspace/tasks?view=${s}`}
                aria-current={s === scope ? "page" : undefined}
              >
                {t(`tasks.views.${s}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <p>{t("tasks.empty")}</p>
      ) : (
        <TaskTable
          rows={rows}
          caption={`${t(`tasks.views.${scope}`)}: ${t("tasks.listCaption")}`}
          lang={lang}
          t={t}
        />
      )}
    </>
  );
}
