import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { localized } from "@/lib/i18n/localized";
import { getT, resolveLang } from "@/lib/i18n/server";
import { maxTasksPerPost, parseSource } from "@/lib/tasks/schema";
import { getConclusionSource, listTasks, taskOwnerChoices } from "@/lib/tasks/service";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Notice } from "@/components/ui/Notice";
import { NotStaff } from "@/components/staff/NotStaff";
import { NewTaskForm } from "@/components/tasks/TaskForms";
import { TaskTable } from "@/components/tasks/TaskTable";
import styles from "@/components/tasks/tasks.module.css";
import { requireStaff } from "@/app/[lang]/(staff)/staff/_shared/staff-actor";
import { createTaskAction } from "../actions";

type Props = {
  params: Promise<{ lang: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The form writes the <title> (with "Error: " while it shows errors), or the page does. */
export const metadata: Metadata = { title: null };

/**
 * Tasks from a conclusion: ?source=agenda_item:<id> or opinion_form:<id> (the meetings and opinions
 * pages link here). Shows the conclusion and the tasks already given from it, and gives more (one
 * or several in one post).
 */
export default async function NewTasksPage({ params, searchParams }: Props) {
  await connection();
  const lang = await resolveLang(params);
  const query = await searchParams;
  const sourceText = typeof query.source === "string" ? query.source : "";
  const t = await getT(lang, "workspace");
  const tCommon = await getT(lang, "common");
  const actor = await requireStaff(
    lang,
    `/${lang}/workspace/tasks/new?source=${encodeURIComponent(sourceText)}`,
  );
  if (!actor) return <NotStaff lang={lang} t={await getT(lang, "staff")} />;
  const heading = t("tasks.new.title");
  const title = `${heading} – ${tCommon("siteName")}`;
  const breadcrumbs = (
    <Breadcrumbs
      label={tCommon("nav.breadcrumbs")}
      items={[
        { href: `/${lang}/workspace`, text: t("tasks.workspace") },
        { href: `/${lang}/workspace/tasks`, text: t("tasks.breadcrumb") },
        { text: heading },
      ]}
    />
  );
  const parsed = parseSource(sourceText);
  if (!parsed)
    return (
      <>
        <title>{title}</title>
        {breadcrumbs}
        <h1>{heading}</h1>
        <Notice>{t("tasks.new.missingSource")}</Notice>
      </>
    );
  const result = await getConclusionSource(actor, parsed);
  if (!result.ok && result.error === "not_found") notFound();
  if (!result.ok)
    return (
      <>
        <title>{title}</title>
        {breadcrumbs}
        <h1>{heading}</h1>
        <Notice>{t("tasks.new.forbidden")}</Notice>
      </>
    );
  const source = result.value;
  const [choices, visible] = await Promise.all([taskOwnerChoices(), listTasks(actor, "body")]);
  const existing = visible.filter((task) => source.existing.some((row) => row.id === task.id));
  const created = typeof query.created === "string" ? query.created : null;
  return (
    <>
      {breadcrumbs}
      {created ? <Notice tone="success">{t("tasks.new.created", { codes: created })}</Notice> : null}
      {source.conclusion ? null : <title>{title}</title>}
      <h1>{heading}</h1>
      <p className="muted">
        {localized(lang, source.body)} — {t(`tasks.task.sourceKinds.${source.sourceKind}`)}
      </p>
      <h2 className={styles.wrap}>{source.title}</h2>
      {source.conclusion ? (
        <>
          <h3>{t("tasks.task.conclusion")}</h3>
          <p className={styles.reportText}>{source.conclusion}</p>
        </>
      ) : (
        <Notice tone="warning">{t("tasks.new.noConclusion")}</Notice>
      )}
      {existing.length > 0 ? (
        <section aria-labelledby="existing-heading">
          <h2 id="existing-heading">{t("tasks.new.existing")}</h2>
          <TaskTable rows={existing} caption={t("tasks.new.existing")} lang={lang} t={t} />
        </section>
      ) : null}
      {source.conclusion ? (
        <NewTaskForm
          lang={lang}
          title={title}
          agencies={choices.agencies.map((a) => ({ id: a.id, code: a.code, name: localized(lang, a) }))}
          officers={choices.officers}
          maxRows={maxTasksPerPost}
          action={createTaskAction.bind(null, lang, sourceText)}
        />
      ) : null}
      <p>
        <Link href={`/${lang}/workspace/tasks?view=body`}>{t("tasks.task.back")}</Link>
      </p>
    </>
  );
}
