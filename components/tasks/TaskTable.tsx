import Link from "next/link";
import type { ReactNode } from "react";
import { formatDateTime } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import type { T } from "@/lib/i18n/server";
import type { Lang } from "@/lib/i18n/settings";
import type { TaskView } from "@/lib/tasks/service";
import { TaskStatusTag } from "./TaskStatusTag";
import styles from "./tasks.module.css";

const columns = ["code", "title", "agency", "owner", "dueAt", "status"] as const;

/** Tasks as a table (overdue first, as given); on a phone each row is a block of labelled lines. */
export function TaskTable({
  rows,
  caption,
  lang,
  t,
}: {
  rows: TaskView[];
  caption: string;
  lang: Lang;
  t: T;
}) {
  const cell = (column: (typeof columns)[number], content: ReactNode) => (
    <>
      <span className={styles.label} aria-hidden="true">
        {t(`tasks.columns.${column}`)}
      </span>
      {content}
    </>
  );
  return (
    <div className="table-wrap">
      <table className={`table ${styles.table}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {t(`tasks.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((task) => (
            <tr key={task.id}>
              <th scope="row">
                {cell(
                  "code",
                  <Link href={`/${lang}/workspace/tasks/${encodeURIComponent(task.code)}`}>{task.code}</Link>,
                )}
              </th>
              <td>{cell("title", <span className={styles.wrap}>{task.title}</span>)}</td>
              <td>{cell("agency", task.agency ? localized(lang, task.agency) : "")}</td>
              <td>{cell("owner", task.ownerName ?? <span className="muted">{t("tasks.noOwner")}</span>)}</td>
              <td>{cell("dueAt", formatDateTime(task.dueAt, lang))}</td>
              <td>{cell("status", <TaskStatusTag status={task.status} lateDays={task.lateDays} t={t} />)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
