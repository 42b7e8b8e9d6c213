import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { acceptAttribute } from "@/lib/files/types";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getT, resolveLang } from "@/lib/i18n/server";
import { getTask, taskOwnerChoices } from "@/lib/tasks/service";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Notice } from "@/components/ui/Notice";
import { SummaryList } from "@/components/ui/SummaryList";
import { Timeline } from "@/components/ui/Timeline";
import { NotStaff } from "@/components/staff/NotStaff";
import { TaskStatusTag } from "@/components/tasks/TaskStatusTag";
import { ReassignForm, ReportForm } from "@/components/tasks/TaskForms";
import styles from "@/components/tasks/tasks.module.css";
import { requireStaff } from "@/app/[lang]/(staff)/staff/_shared/staff-actor";
import { reassignAction, reportAction } from "../actions";

type Props = {
  params: Promise<{ lang: string; code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const doneNotices = {
  reported: "tasks.report.sent",
  completed: "tasks.report.done",
  reassigned: "tasks.reassign.done",
};

/** A form writes the <title> (with "Error: " while it shows errors), or the page does: a title here would come first. */
export const metadata: Metadata = { title: null };

/** One task: what, from which conclusion, who, by when, its status; its reports; the forms. */
export default async function TaskPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const code = decodeURIComponent((await params).code);
  const query = await searchParams;
  const t = await getT(lang, "workspace");
  const tCommon = await getT(lang, "common");
  const path = `/${lang}/workspace/tasks/${encodeURIComponent(code)}`;
  const actor = await requireStaff(lang, path);
  if (!actor) return <NotStaff lang={lang} t={await getT(lang, "staff")} />;
  const result = await getTask(actor, code);
  if (!result.ok) notFound();
  const { task, body, source, reports, history, may } = result.value;
  const choices = may.reassign ? await taskOwnerChoices() : null;
  const heading = t("tasks.task.heading", { code: task.code });
  const title = `${heading} – ${tCommon("siteName")}`;
  const done = typeof query.done === "string" && query.done in doneNotices ? query.done : null;
  return (
    <>
      <Breadcrumbs
        label={tCommon("nav.breadcrumbs")}
        items={[
          { href: `/${lang}/workspace`, text: t("tasks.workspace") },
          { href: `/${lang}/workspace/tasks`, text: t("tasks.breadcrumb") },
          { text: task.code },
        ]}
      />
      {done ? <Notice tone="success">{t(doneNotices[done as keyof typeof doneNotices])}</Notice> : null}
      {may.report || may.reassign ? null : <title>{title}</title>}
      <p className="muted">{heading}</p>
      <h1 className={styles.wrap}>{task.title}</h1>
      <SummaryList
        rows={[
          {
            key: t("tasks.task.status"),
            value: <TaskStatusTag status={task.status} lateDays={task.lateDays} t={t} />,
          },
          { key: t("tasks.task.dueAt"), value: formatDateTime(task.dueAt, lang) },
          ...(task.completedAt
            ? [{ key: t("tasks.task.completedAt"), value: formatDateTime(task.completedAt, lang) }]
            : []),
          { key: t("tasks.task.agency"), value: task.agency ? localized(lang, task.agency) : "" },
          { key: t("tasks.task.owner"), value: task.ownerName ?? t("tasks.noOwner") },
          { key: t("tasks.task.body"), value: localized(lang, body) },
          ...(task.details
            ? [
                {
                  key: t("tasks.task.details"),
                  value: <span className={styles.reportText}>{task.details}</span>,
                },
              ]
            : []),
        ]}
      />
      {source ? (
        <section aria-labelledby="source-heading">
          <h2 id="source-heading">
            {t("tasks.task.source")}: {t(`tasks.task.sourceKinds.${source.sourceKind}`)}
          </h2>
          <p className={styles.wrap}>
            <strong>{source.title}</strong>
          </p>
          {source.conclusion ? (
            <>
              <h3>{t("tasks.task.conclusion")}</h3>
              <p className={styles.reportText}>{source.conclusion}</p>
            </>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="reports-heading">
        <h2 id="reports-heading">{t("tasks.task.reports")}</h2>
        {reports.length === 0 ? (
          <p>{t("tasks.task.noReports")}</p>
        ) : (
          <ol className={styles.reports}>
            {reports.map((report) => (
              <li key={report.id}>
                <p className="muted">
                  {t("tasks.task.reportBy", {
                    name: report.authorName,
                    at: formatDateTime(report.createdAt, lang),
                  })}
                  {report.completes ? (
                    <>
                      {" — "}
                      <strong>{t("tasks.task.completing")}</strong>
                    </>
                  ) : null}
                </p>
                <p className={styles.reportText}>{report.text}</p>
                {report.files.length > 0 ? (
                  <>
                    <h3>{t("tasks.task.documents")}</h3>
                    <ul>
                      {report.files.map((file) => (
                        <li key={file.id} className={styles.wrap}>
                          <a href={`${path}/files/${file.id}`}>
                            {t("tasks.file.download", {
                              name: file.fileName,
                              size: `${formatNumber(Math.max(1, Math.round(file.size / 1024)), lang)} KB`,
                            })}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      {may.report ? (
        <ReportForm
          lang={lang}
          title={title}
          version={task.version}
          accept={acceptAttribute(["pdf", "jpeg", "png", "heic", "docx"])}
          action={reportAction.bind(null, lang, task.code)}
        />
      ) : null}
      {may.reassign && choices ? (
        <ReassignForm
          lang={lang}
          title={title}
          version={task.version}
          agencies={choices.agencies.map((a) => ({ id: a.id, code: a.code, name: localized(lang, a) }))}
          officers={choices.officers}
          current={{ ownerAgencyId: task.ownerAgencyId, ownerUserId: task.ownerUserId }}
          agencyLocked={may.reassign === "officer"}
          ownsTitle={!may.report}
          action={reassignAction.bind(null, lang, task.code)}
        />
      ) : null}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("tasks.history.title")}</h2>
        {history.chainHolds ? null : (
          <Notice tone="warning">
            <p>{t("tasks.history.chainBroken")}</p>
          </Notice>
        )}
        <Timeline
          label={t("tasks.history.title")}
          entries={[...history.events].reverse().map((event, index) => ({
            key: String(index),
            title: t(`tasks.history.events.${event.action}`, { defaultValue: event.action }),
            meta: `${formatDateTime(event.at, lang)} · ${event.actorName ?? t("tasks.history.system")}`,
            comment: event.reason ?? undefined,
          }))}
        />
      </section>
      <p>
        <Link href={`/${lang}/workspace/tasks`}>{t("tasks.task.back")}</Link>
      </p>
    </>
  );
}
