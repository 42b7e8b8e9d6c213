import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getT, resolveLang } from "@/lib/i18n/server";
import { localized } from "@/lib/i18n/localized";
import { formatDateTime } from "@/lib/i18n/format";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Notice } from "@/components/ui/Notice";
import { Tag } from "@/components/ui/StatusTag";
import styles from "@/components/forms/fields/fields.module.css";
import { NotApplicant } from "../../_shared/NotApplicant";
import { draftPath, draftTasks, loadOwnDraft } from "../../_shared/draft";

type Props = {
  params: Promise<{ lang: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT(await resolveLang(params), "dossiers");
  return { title: t("filing.tasksLabel") };
}

const tone = { notStarted: "grey", inProgress: "blue", completed: "green" } as const;

/** The task list of a draft: the form's sections with their status, the documents, then check and submit. */
export default async function DraftTaskListPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const { id } = await params;
  const query = await searchParams;
  const t = await getT(lang, "dossiers");
  const draft = await loadOwnDraft(lang, id);
  if (!draft) return <NotApplicant lang={lang} />;
  const { dossier, attachments, version } = draft;
  const name = localized(lang, dossier.procedure);
  const { sections, documentsStatus } = draftTasks(version, dossier.formData, attachments);
  const tasks = [
    ...sections.map((task) => ({
      key: task.section.id || "answers",
      title: task.section.title[lang],
      href: draftPath(lang, dossier.id, `/pages/${encodeURIComponent(task.pageId)}`),
      status: task.status,
    })),
    {
      key: "documents",
      title: t("filing.documentsTask"),
      href: draftPath(lang, dossier.id, "/documents"),
      status: documentsStatus,
    },
  ];
  const done = tasks.filter((task) => task.status === "completed").length;

  return (
    <>
      <Breadcrumbs
        label={t("common:nav.breadcrumbs")}
        items={[{ href: `/${lang}/dossiers`, text: t("common:nav.myDossiers") }, { text: name }]}
      />
      {query.saved === "1" ? <Notice tone="success">{t("filing.saved")}</Notice> : null}
      {query.validate === "1" ? <Notice tone="warning">{t("filing.incomplete")}</Notice> : null}
      <h1>{name}</h1>
      <p>{t("filing.taskListIntro")}</p>
      <p>
        <strong>{t("filing.progress", { done, total: tasks.length })}</strong>{" "}
        <span className="muted">
          {t("filing.lastSaved", { date: formatDateTime(dossier.updatedAt, lang) })}
        </span>
      </p>
      <h2 className="visually-hidden">{t("filing.tasksLabel")}</h2>
      <ol className={styles.taskList} aria-label={t("filing.tasksLabel")}>
        {tasks.map((task) => (
          <li key={task.key} className={styles.task}>
            <Link href={task.href} aria-describedby={`task-${task.key}-status`}>
              {task.title}
            </Link>
            <span id={`task-${task.key}-status`}>
              <Tag tone={tone[task.status]}>{t(`filing.${task.status}`)}</Tag>
            </span>
          </li>
        ))}
        <li className={styles.task}>
          <Link href={draftPath(lang, dossier.id, "/check")}>{t("filing.checkTask")}</Link>
        </li>
      </ol>
    </>
  );
}
